"""Candidate pages, under the language prefix (staff pages are in staff_urls.py).

Included before the careers site's patterns. None can take a careers address: the apply
pages have three or four segments (vacancy pages have two) and status tokens contain a
colon (slugs cannot).
"""

from django.urls import path, register_converter

from tremplin.applications import views


class StatusTokenConverter:
    """A signed status token, "<32 hex digits>:<signature>"; anything with a colon gets
    as far as the view, which answers a clear 404 for a bad one."""

    regex = r"[^/]*:[^/]*"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(StatusTokenConverter, "status_token")

app_name = "applications"

urlpatterns = [
    path("<slug:org>/<slug:vacancy>/apply/", views.apply, name="apply"),
    path("<slug:org>/<slug:vacancy>/apply/received/", views.received, name="received"),
    path("application/<status_token:token>/", views.status, name="status"),
    path("application/<status_token:token>/withdraw/", views.withdraw, name="withdraw"),
    path("application/replace/<status_token:token>/", views.replace, name="replace"),
]
