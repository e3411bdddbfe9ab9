"""Staff pages of notifications, under /<language>/staff/<org>/notifications/."""

from django.urls import URLPattern, URLResolver, path

from tremplin.notifications import views

app_name = "staff_notifications"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.notification_list, name="list"),
    path("<int:notification>/read/", views.read, name="read"),
    path("read/", views.read_all, name="read_all"),
    path("preferences/", views.preferences, name="preferences"),
    path("vacancies/", views.followed, name="followed"),
    path("vacancies/<slug:vacancy>/follow/", views.follow, name="follow"),
]
