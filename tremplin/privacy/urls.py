"""Privacy pages for candidates and the public, under the language prefix.

Included before the careers site's patterns. A candidate's own pages hang under their
status link (``application/<token>/…``, whose token contains a colon no slug has); an
organization's privacy page is ``privacy/<org>/`` ("privacy" is a reserved slug).
"""

from django.urls import URLPattern, URLResolver, path  # noqa: F401

from tremplin.applications.urls import StatusTokenConverter  # noqa: F401  (registers it)

app_name = "privacy"

urlpatterns: list[URLPattern | URLResolver] = []
