"""The audit log pages: owners read and export their organization's log."""

from itertools import chain
from typing import Any, cast

from django import forms
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from tremplin.accounts import audit_selectors
from tremplin.accounts.audit_text import KINDS, audit_lines, kind_verbs, verb_label
from tremplin.accounts.permissions import StaffRequest, staff_view
from tremplin.core.audit import log_action
from tremplin.core.csv_export import csv_rows_stream
from tremplin.core.pagination import page_number

PAGE_SIZE = 50
# Pages of the log one can walk through; past them, narrower filters or the CSV export. Each
# page is read by walking the index from the newest event: the bound keeps that walk short.
MAX_PAGES = 200

CSV_HEADER = (
    _("Time (UTC)"),
    _("Actor"),
    _("Action"),
    _("Object type"),
    _("Object id"),
    _("Object"),
    _("Details"),
)


class AuditFilterForm(forms.Form):
    actor = forms.EmailField(label=_("Person (e-mail)"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind of event"),
        required=False,
        choices=[("", _("All kinds")), *KINDS.items()],
    )
    verb = forms.ChoiceField(label=_("Action"), required=False)
    target_type = forms.ChoiceField(label=_("Object type"), required=False)
    date_from = forms.DateField(
        label=_("Start date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("End date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(
        self, *args: Any, verbs: list[str], target_types: list[tuple[str, str]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        verb_field = cast(forms.ChoiceField, self.fields["verb"])
        verb_field.choices = [("", _("All actions")), *((verb, verb_label(verb)) for verb in verbs)]
        type_field = cast(forms.ChoiceField, self.fields["target_type"])
        type_field.choices = [("", _("All types")), *target_types]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            raise forms.ValidationError(_("The start date must not be after the end date."))
        return cleaned

    def recorded(self) -> dict[str, Any]:
        """What the audit log keeps of the filters: the names of those used, with the values
        that can only be among the log's own actions, object types and dates; for the typed
        e-mail address only that there was one. Never the address's text as it came: a
        link could plant words in the log."""
        if not self.is_bound or not self.is_valid():
            return {}
        kept: dict[str, Any] = {}
        for name, value in self.cleaned_data.items():
            if not value:
                continue
            if name in ("kind", "verb", "target_type"):
                kept[name] = value
            elif name in ("date_from", "date_to"):
                kept[name] = value.isoformat()
            else:
                kept[name] = True
        return kept

    def filters(self) -> audit_selectors.AuditFilters:
        data = self.cleaned_data
        return audit_selectors.AuditFilters(
            actor=data.get("actor") or "",
            verb=data.get("verb") or "",
            verbs=tuple(kind_verbs(data["kind"])) if data.get("kind") else (),
            target_type=data.get("target_type") or "",
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
        )


def _filter_form(request: StaffRequest) -> AuditFilterForm:
    organization = request.organization
    return AuditFilterForm(
        request.GET or None,
        verbs=audit_selectors.audit_verbs(organization=organization),
        target_types=audit_selectors.audit_target_types(organization=organization),
    )


@staff_view
@never_cache
@require_safe
def audit_log(request: StaffRequest, org: str) -> HttpResponse:
    form = _filter_form(request)
    filtered = form.is_bound and form.is_valid()
    invalid = form.is_bound and not filtered
    events = audit_selectors.audit_events_for_organization(
        organization=request.organization, filters=form.filters() if filtered else None
    )
    # No count of every event: a page and whether there is one after it.
    number = min(max(page_number(request), 1), MAX_PAGES)
    start = (number - 1) * PAGE_SIZE
    shown = [] if invalid else events.slice(start, start + PAGE_SIZE + 1)
    query = request.GET.copy()
    query.pop("page", None)
    rows = audit_lines(organization=request.organization, events=list(shown[:PAGE_SIZE]))
    return render(
        request,
        "accounts/staff/audit.html",
        {
            "form": form,
            "invalid": invalid,
            "page": {
                "number": number,
                "previous": number - 1 if number > 1 else None,
                "next": number + 1 if len(shown) > PAGE_SIZE and number < MAX_PAGES else None,
            },
            "query": query.urlencode(),
            "rows": rows,
        },
        status=400 if invalid else 200,
    )


@staff_view
@never_cache
@require_safe
def audit_export(request: StaffRequest, org: str) -> HttpResponse:
    form = _filter_form(request)
    if form.is_bound and not form.is_valid():
        return render(
            request,
            "accounts/staff/audit.html",
            {"form": form, "invalid": True, "page": None, "query": ""},
            status=400,
        )
    filters = form.filters() if form.is_bound else None
    events = audit_selectors.audit_events_for_organization(
        organization=request.organization, filters=filters
    )
    exported = log_action(
        request.user,
        "audit.export",
        None,
        {
            "filters": form.recorded(),
            "rows": events.count(),
        },
        organization=request.organization,
    )
    # The events up to the export's own record: those logged while it streams are not in it.
    rows = audit_selectors.audit_csv_rows(
        events=audit_selectors.audit_events_for_organization(
            organization=request.organization, filters=filters, below=exported.pk
        )
    )
    header = [str(title) for title in CSV_HEADER]
    response = StreamingHttpResponse(
        csv_rows_stream(chain([header], rows)),
        content_type="text/csv; charset=utf-8",
    )
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
    response["Content-Disposition"] = (
        f'attachment; filename="audit-{request.organization.slug}-{stamp}.csv"'
    )
    response["Cache-Control"] = "private, no-store"
    return response  # type: ignore[return-value]
