"""Staff pages of interviews, under /<language>/staff/<org>/applications/<id>/interviews/."""

from django.urls import URLPattern, URLResolver, path

from tremplin.interviews import scorecard_views, staff_views

app_name = "staff_interviews"

urlpatterns: list[URLPattern | URLResolver] = [
    path("new/", staff_views.new, name="new"),
    path("<int:interview>/reschedule/", staff_views.reschedule, name="reschedule"),
    path("<int:interview>/cancel/", staff_views.cancel, name="cancel"),
    path("<int:interview>/scorecard/", scorecard_views.scorecard, name="scorecard"),
]
