"""Privacy in the staff workspace, for owners, under /<language>/staff/<org>/privacy/."""

from django.urls import URLPattern, URLResolver, path

from tremplin.privacy import staff_views

app_name = "staff_privacy"

urlpatterns: list[URLPattern | URLResolver] = [
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
