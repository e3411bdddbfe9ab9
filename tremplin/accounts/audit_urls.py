"""The audit log, for owners, under /<language>/staff/<org>/audit/."""

from django.urls import URLPattern, URLResolver, path

from tremplin.accounts import audit_views

# The namespace kept its name when the pages moved up from core: URL names stay.
app_name = "staff_core"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", audit_views.audit_log, name="audit"),
    path("export.csv", audit_views.audit_export, name="audit_export"),
]
