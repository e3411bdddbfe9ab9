"""Staff pages about the organization's members, under /<language>/staff/<org>/members/."""

from django.urls import URLPattern, URLResolver

app_name = "staff_accounts"

urlpatterns: list[URLPattern | URLResolver] = []
