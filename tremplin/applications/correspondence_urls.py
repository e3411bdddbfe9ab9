"""The messages pages of the staff workspace, under /<language>/staff/<org>/messages/."""

from django.urls import URLPattern, URLResolver, path

from tremplin.applications import correspondence_views as staff_views

app_name = "staff_messaging"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", staff_views.templates, name="templates"),
    path("templates/add/", staff_views.template_add, name="template_add"),
    path("templates/<int:template>/", staff_views.template_edit, name="template_edit"),
    path(
        "templates/<int:template>/preview/", staff_views.template_preview, name="template_preview"
    ),
    path("templates/<int:template>/delete/", staff_views.template_delete, name="template_delete"),
    path("drafts/", staff_views.drafts, name="drafts"),
    path("drafts/<int:message>/", staff_views.draft, name="draft"),
    path("drafts/<int:message>/discard/", staff_views.draft_discard, name="draft_discard"),
    path("inbox/", staff_views.unsorted, name="unsorted"),
    path("inbox/<int:message>/", staff_views.inbound, name="inbound"),
]
