"""The candidate's interview pages under their status link, and the staff's calendar
feed's revocation (both under the language prefix; the feed itself is in feed_urls.py)."""

from django.urls import path

from tremplin.interviews import views

app_name = "interviews"

urlpatterns = [
    path("application/<str:token>/interview/<int:interview>/", views.pick, name="pick"),
    path(
        "application/<str:token>/interview/<int:interview>/reschedule/",
        views.reschedule_request,
        name="reschedule_request",
    ),
    path("accounts/calendar/revoke/", views.feed_revoke, name="feed_revoke"),
]
