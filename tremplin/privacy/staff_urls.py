"""Privacy in the staff workspace, under /<language>/staff/<org>/privacy/."""

from django.urls import URLPattern, URLResolver, path  # noqa: F401

app_name = "staff_privacy"

urlpatterns: list[URLPattern | URLResolver] = []
