"""The API tokens page, under /<language>/staff/<org>/api/."""

from django.urls import URLPattern, URLResolver, path

from tremplin.api import staff_views

app_name = "staff_api"

urlpatterns: list[URLPattern | URLResolver] = [
    path("tokens/", staff_views.tokens, name="tokens"),
    path("tokens/<int:token>/revoke/", staff_views.token_revoke_view, name="token_revoke"),
]
