"""The audit log, for owners, under /<language>/staff/<org>/audit/."""

from django.urls import URLPattern, URLResolver, path

from tremplin.core import staff_views

app_name = "staff_core"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", staff_views.audit_log, name="audit"),
    path("export.csv", staff_views.audit_export, name="audit_export"),
]
