"""Staff pages of the reports, under /<language>/staff/<org>/reports/."""

from django.urls import URLPattern, URLResolver, path

from tremplin.reports import staff_views

app_name = "staff_reports"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", staff_views.report, name="report"),
    path("diversity/", staff_views.diversity, name="diversity"),
    path("<slug:figure>.csv", staff_views.report_csv, name="report_csv"),
]
