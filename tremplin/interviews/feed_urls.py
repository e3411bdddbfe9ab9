"""The staff's calendar feed, without a language prefix: calendar apps keep the address."""

from django.urls import path

from tremplin.interviews import views

app_name = "interview_feeds"

urlpatterns = [
    path("<str:token>/interviews.ics", views.feed, name="feed"),
]
