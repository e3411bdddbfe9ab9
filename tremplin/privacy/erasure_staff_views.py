"""An owner erases a candidate's data, everything the organization holds about them.

Owners only; the page re-checks the owner's password (and authenticator code) on the spot
and makes them type the candidate's e-mail address. A refusal is logged; the erasure logs
itself (see ``shredders.shred``).
"""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from tremplin.accounts.permissions import OWNER, StaffRequest, staff_view
from tremplin.applications import selectors
from tremplin.core.audit import log_action
from tremplin.privacy.erasure import erasure_summary
from tremplin.privacy.erasure_forms import OwnerErasureForm
from tremplin.privacy.shredders import shred, subject_for_candidate


@staff_view(roles=OWNER)
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def erase(request: StaffRequest, org: str, application: int) -> HttpResponse:
    found = selectors.application_get_for_user(
        membership=request.membership, pk=application, roles=OWNER
    )
    subject = subject_for_candidate(candidate=found.candidate, organization=request.organization)
    data = request.POST if request.method == "POST" else None  # an empty POST is bound too
    form = OwnerErasureForm(data, user=request.user, candidate=found.candidate)
    if request.method == "POST":
        if form.is_valid():
            board = reverse(
                "staff_applications:board",
                kwargs={"org": request.organization.slug, "vacancy": found.vacancy.slug},
            )
            shred(subject=subject, actor=request.user, reason="owner")
            count = len(subject.application_ids)
            messages.success(
                request,
                ngettext(
                    "The candidate’s data was erased: %(count)d application.",
                    "The candidate’s data was erased: %(count)d applications.",
                    count,
                )
                % {"count": count},
            )
            return redirect(board)
        log_action(request.user, "erasure.refused", found, {"reason": form.refusal_reason()})
    context = {
        "application": found,
        "vacancy": found.vacancy,
        "candidate": found.candidate,
        "summary": erasure_summary(subject=subject),
        "form": form,
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "privacy/erase_staff.html", context, status=status)
