"""Staff pages of the applications app, under /<language>/staff/<org>/."""

from django.urls import URLPattern, URLResolver

app_name = "staff_applications"

urlpatterns: list[URLPattern | URLResolver] = []
