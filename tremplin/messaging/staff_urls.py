"""Staff pages of the messaging app, under /<language>/staff/<org>/."""

from django.urls import URLPattern, URLResolver

app_name = "staff_messaging"

urlpatterns: list[URLPattern | URLResolver] = []
