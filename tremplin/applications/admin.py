"""Admin views of candidates, applications and documents: mostly read-only.

Documents are never served from a public URL: the admin links to the staff download view,
which checks membership of the vacancy's organization and records the download.
"""

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from tremplin.applications.models import (
    Answer,
    Application,
    Candidate,
    Document,
    DocumentDownload,
)


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


def _download_link(document: Document) -> str:
    url = reverse(
        "staff_applications:document_download",
        kwargs={"org": document.application.vacancy.organization.slug, "document": document.pk},
    )
    return format_html('<a href="{}">{}</a>', url, _("Download"))


class DocumentInline(ReadOnlyInline):
    model = Document
    fields = readonly_fields = (
        "role",
        "kind",
        "original_name",
        "size",
        "extraction_status",
        "language",
        "language_mismatch",
        "superseded_at",
        "download",
    )

    @admin.display(description=_("file"))
    def download(self, document: Document) -> str:
        return _download_link(document)


class AnswerInline(ReadOnlyInline):
    model = Answer
    fields = readonly_fields = ("question", "text")
    show_change_link = False


class ApplicationInline(ReadOnlyInline):
    model = Application
    fields = readonly_fields = ("vacancy", "stage", "source", "created_at")


@admin.register(Candidate)
class CandidateAdmin(admin.ModelAdmin):
    list_display = ["email", "name", "language", "created_at"]
    search_fields = ["email", "name"]
    readonly_fields = ["created_at", "updated_at"]
    inlines = [ApplicationInline]


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = ["candidate", "vacancy", "stage", "source", "talent_pool_consent", "created_at"]
    list_filter = ["stage", "source", "talent_pool_consent", "vacancy__organization"]
    search_fields = ["candidate__email", "candidate__name", "vacancy__slug"]
    list_select_related = ["candidate", "vacancy"]
    readonly_fields = [
        "public_id",
        "candidate",
        "vacancy",
        "source",
        "language",
        "talent_pool_consent",
        "talent_pool_consent_at",
        "submissions",
        "notes",
        "withdrawn_at",
        "created_at",
        "updated_at",
    ]
    inlines = [DocumentInline, AnswerInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = [
        "__str__",
        "role",
        "kind",
        "application",
        "extraction_status",
        "language_mismatch",
        "created_at",
    ]
    list_filter = ["role", "kind", "extraction_status", "language_mismatch"]
    search_fields = ["original_name", "application__candidate__email"]
    list_select_related = ["application__candidate", "application__vacancy"]
    exclude = ["file"]
    readonly_fields = [
        "application",
        "role",
        "kind",
        "original_name",
        "download",
        "size",
        "sha256",
        "text_encoding",
        "superseded_at",
        "extraction_status",
        "extraction_queued_at",
        "extraction_attempts",
        "extraction_error",
        "extracted_at",
        "page_count",
        "language",
        "language_mismatch",
        "text",
        "created_at",
    ]

    @admin.display(description=_("file"))
    def download(self, document: Document) -> str:
        return _download_link(document)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(DocumentDownload)
class DocumentDownloadAdmin(admin.ModelAdmin):
    list_display = ["downloaded_at", "user", "document"]
    list_select_related = ["user", "document"]
    readonly_fields = ["downloaded_at", "user", "document"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[DocumentDownload]:
        return super().get_queryset(request).select_related("document", "user")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
