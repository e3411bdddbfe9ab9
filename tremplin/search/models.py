"""The search index: one row per application and per form of its text.

A form is what one kind of reader may search. Staff (owners and recruiters) search
everything; a reviewer searches what the review pages show them: the name, the current
documents and the answers not reviewed blind; on a blind vacancy, the same texts redacted
(tremplin.review.redaction), with no name and no e-mail.

Each row keeps its text (the passages shown with the results are cut from it) and, beside
the columns Django knows, what each engine matches on: on PostgreSQL a ``tsvector`` column
``vector`` with a GIN index; on SQLite an FTS5 table ``search_fts`` whose rowid is the row's
id, its words led by a token of the row's organization and form (``services.fts_scope``),
emptied of it by a trigger when the row goes (migrations/0001_initial.py). A row goes
with its application (on_delete CASCADE), so erasing an application erases its index.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from tremplin.accounts.models import Membership, Organization
from tremplin.applications.models import Application
from tremplin.vacancies.models import Vacancy


class SearchEntry(models.Model):
    class Form(models.TextChoices):
        STAFF = "staff", _("Everything, for owners and recruiters")
        REVIEW = "review", _("What reviewers see")
        BLIND = "blind", _("What reviewers see in blind review")

    # Found by (application, form), the unique constraint's index: no index of its own.
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="search_entries", db_index=False
    )
    form = models.CharField(_("form"), max_length=8, choices=Form)
    # The application's, copied so that a search scopes, filters and orders its rows without
    # reading the applications (``signals`` keeps them in step with the application). The
    # GIN index is on (organization, vector) (migrations/0004_searchentry_scope.py).
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    vacancy = models.ForeignKey(Vacancy, on_delete=models.CASCADE, related_name="+", db_index=False)
    stage = models.CharField(_("stage"), max_length=32)
    language = models.CharField(_("language"), max_length=8, blank=True)
    received_at = models.DateTimeField(_("received at"))
    text = models.TextField(_("text"), blank=True)
    # For the blind form: [fingerprint of the source text or "", length] of each part of
    # ``text``, so that indexing again does not redact an unchanged text again.
    parts = models.JSONField(_("parts"), null=True, blank=True)
    indexed_at = models.DateTimeField(_("indexed at"), auto_now=True)

    class Meta:
        verbose_name = _("search index entry")
        verbose_name_plural = _("search index entries")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "form"], name="searchentry_one_per_application_and_form"
            )
        ]
        indexes = [
            # A word in many texts: the organization's newest rows, read in order until
            # enough match, rather than every match found then sorted (the GIN index, for a
            # rarer word). The planner chooses by how many rows the words match.
            models.Index(
                fields=["organization", "form", "-received_at", "-id"],
                name="search_searchentry_recent",
            )
        ]

    def __str__(self) -> str:
        return f"{self.application_id} ({self.form})"


class SavedSearch(models.Model):
    """A member's search kept to be told by e-mail of each new application it finds.

    It finds what its member may find (``selectors.entries_search`` with their membership):
    a reviewer's, only the applications of their vacancies, redacted on a blind one. It goes
    with the membership."""

    membership = models.ForeignKey(
        Membership, on_delete=models.CASCADE, related_name="saved_searches"
    )
    query = models.CharField(_("search"), max_length=200)
    filters = models.JSONField(_("filters"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("saved search")
        verbose_name_plural = _("saved searches")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.query


class SavedSearchHit(models.Model):
    """An application a saved search found and told its member about: told once. It holds
    the application's number only, not a link to it: nothing of the candidate, so nothing
    for the shredders (an erased application's number is never given again)."""

    saved_search = models.ForeignKey(SavedSearch, on_delete=models.CASCADE, related_name="hits")
    application_number = models.BigIntegerField(_("application number"))
    notified_at = models.DateTimeField(_("notified at"), auto_now_add=True)

    class Meta:
        verbose_name = _("saved search hit")
        verbose_name_plural = _("saved search hits")
        constraints = [
            models.UniqueConstraint(
                fields=["saved_search", "application_number"], name="savedsearchhit_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.saved_search_id} → {self.application_number}"
