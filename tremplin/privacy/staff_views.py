"""Owners' privacy pages: the privacy settings and the record of processing (Art. 30)."""

from datetime import timedelta
from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from tremplin.accounts.models import Organization
from tremplin.accounts.permissions import OWNER, StaffRequest, staff_view
from tremplin.privacy import notices, retention
from tremplin.privacy.privacy_settings import PRIVACY_FIELDS, privacy_settings_update
from tremplin.privacy.staff_forms import PrivacySettingsForm

# The rules run daily: two days without a run means nobody scheduled them, or they fail.
RETENTION_STALE_AFTER = timedelta(days=2)
RULE_LABELS = {
    retention.NOT_RETAINED: _lazy("Not retained, or withdrew"),
    retention.TALENT_POOL: _lazy("Talent pool"),
    retention.HIRED: _lazy("Hired"),
}


@staff_view(roles=OWNER)
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def privacy_settings(request: StaffRequest, org: str) -> HttpResponse:
    """Who the data controller is, how long data is kept, how decisions are made."""
    # The form writes into its instance while it validates: give it its own copy.
    instance = Organization.objects.get(pk=request.organization.pk)
    last_run = retention.retention_last_run()
    outlook = retention.retention_outlook(organization=request.organization)
    context: dict[str, Any] = {
        "last_run": last_run,
        "last_run_stale": last_run is not None
        and last_run < timezone.now() - RETENTION_STALE_AFTER,
        "outlook_days": outlook.days,
        "outlook": [
            (label, outlook.due_now[rule], outlook.due_soon[rule])
            for rule, label in RULE_LABELS.items()
        ],
    }
    if request.method != "POST":
        context["form"] = PrivacySettingsForm(instance=instance)
        return render(request, "privacy/staff_settings.html", context)
    form = context["form"] = PrivacySettingsForm(request.POST, instance=instance)
    if not form.is_valid():
        return render(request, "privacy/staff_settings.html", context, status=400)
    changed = privacy_settings_update(
        organization=request.organization,
        values={name: form.cleaned_data[name] for name in PRIVACY_FIELDS},
        decisions=form.decisions_statements(),
        by=request.user,
    )
    if changed:
        messages.success(request, _("The privacy settings were saved."))
    else:
        messages.info(request, _("Nothing changed."))
    return redirect("staff_privacy:settings", org=request.organization.slug)


@staff_view(roles=OWNER)
@require_safe
def record(request: StaffRequest, org: str) -> HttpResponse:
    """The record of processing activities, as a page."""
    context = {"sections": notices.processing_record(organization=request.organization)}
    return render(request, "privacy/staff_record.html", context)


@staff_view(roles=OWNER)
@require_safe
def record_markdown(request: StaffRequest, org: str) -> HttpResponse:
    """The same record as a Markdown file, to keep with the organization's records."""
    organization = request.organization
    context = {
        "organization": organization,
        "sections": notices.processing_record(organization=organization),
    }
    text = render_to_string("privacy/record.md", context, request=request)
    response = HttpResponse(text, content_type="text/markdown; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = (
        f'attachment; filename="record-of-processing-{organization.slug}-{stamp}.md"'
    )
    return response
