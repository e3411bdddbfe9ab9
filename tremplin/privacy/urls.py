"""Privacy pages: for candidates and the public, under the language prefix
(``urlpatterns``), and for owners in the staff workspace, under
/<language>/staff/<org>/privacy/ (``staff_urlpatterns``, namespace ``staff_privacy``).

Included before the careers site's patterns. A candidate's own pages hang under their
status link (``application/<token>/…``, whose token contains a colon no slug has), and so
does the erasure confirmation link (a signed value has colons too); an organization's
privacy page is ``privacy/<org>/`` ("privacy" is a reserved slug).
"""

from django.urls import URLPattern, URLResolver, path

from tremplin.applications.urls import StatusTokenConverter  # noqa: F401  (registers it)
from tremplin.privacy import staff_views, views

app_name = "privacy"

urlpatterns: list[URLPattern | URLResolver] = [
    path("privacy/<slug:org>/", views.organization_privacy, name="organization"),
    # The candidate's copy of their data.
    path(
        "application/<status_token:token>/export/",
        views.export_request,
        name="export_request",
    ),
    path(
        "application/<status_token:token>/export/<uuid:export>/",
        views.export_download,
        name="export_download",
    ),
    # Erasure: asked from the status link, confirmed by the link sent by e-mail.
    path(
        "application/<status_token:token>/erase/",
        views.erase_request,
        name="erase_request",
    ),
    path("application/erase/<status_token:token>/", views.erase_confirm, name="erase_confirm"),
    # The talent pool renewal offer's link.
    path(
        "application/<status_token:token>/talent-pool/",
        views.talent_pool_stay,
        name="talent_pool_stay",
    ),
]

staff_urlpatterns: list[URLPattern | URLResolver] = [
    # The privacy settings and the record of processing (Art. 30).
    path("", staff_views.privacy_settings, name="settings"),
    path("record/", staff_views.record, name="record"),
    path("record.md", staff_views.record_markdown, name="record_md"),
    # A copy of a candidate's data, made for them; erasure.
    path(
        "applications/<int:application>/export/",
        staff_views.export_request,
        name="export_request",
    ),
    path("exports/<int:export>/", staff_views.export_download, name="export_download"),
    path("applications/<int:application>/erase/", staff_views.erase, name="erase"),
]
