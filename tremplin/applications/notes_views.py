"""Writing and correcting staff notes from the application's page (recruiters and
owners). The notes show on that page (``staff_views.detail``), and on the review page once
the candidate's identity shows there."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from tremplin.accounts.permissions import StaffRequest, staff_view
from tremplin.applications import notes, selectors
from tremplin.applications.staff_forms import NoteForm
from tremplin.applications.staff_views import _detail_context, _detail_url


@staff_view
@require_POST
def note_add(request: StaffRequest, org: str, application: int) -> HttpResponse:
    found = selectors.application_get_for_user(membership=request.membership, pk=application)
    form = NoteForm(request.POST)
    if form.is_valid():
        notes.note_add(application=found, body=form.cleaned_data["note"], by=request.user)
        messages.success(request, _("Note added."))
        return redirect(_detail_url(found) + "#notes-heading")
    context = {**_detail_context(request, found), "note_form": form}
    return render(request, "applications/staff/detail.html", context, status=400)


@staff_view
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def note_edit(request: StaffRequest, org: str, application: int, note: int) -> HttpResponse:
    """Its author corrects a note, for a short time after writing it."""
    found = selectors.application_get_for_user(membership=request.membership, pk=application)
    written = get_object_or_404(found.staff_notes, pk=note)
    if not notes.note_editable(note=written, by=request.user):
        messages.error(request, _("Only its author may correct a note, and only for a short time."))
        return redirect(_detail_url(found) + "#notes-heading")
    form = NoteForm(request.POST or None, initial={"note": written.body})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            notes.note_edit(note=written, body=form.cleaned_data["note"], by=request.user)
            messages.success(request, _("Note corrected."))
            return redirect(_detail_url(found) + "#notes-heading")
        status = 400
    context = {"application": found, "note": written, "form": form}
    return render(request, "applications/staff/note_edit.html", context, status=status)
