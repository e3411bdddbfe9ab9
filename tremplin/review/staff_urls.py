"""Staff pages of the review app, under /<language>/staff/<org>/."""

from django.urls import URLPattern, URLResolver

app_name = "staff_review"

urlpatterns: list[URLPattern | URLResolver] = []
