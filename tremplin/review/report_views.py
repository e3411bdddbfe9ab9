"""A reviewer's report that blind review missed something: a text still shows who the
candidate is. The report says which application, never what shows (the reviewer is not to
know it); the recruiters list the words to hide (``applications.hidden_words``)."""

from django.contrib import messages
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from tremplin.accounts.permissions import StaffRequest, staff_view
from tremplin.accounts.policy import EVERYONE
from tremplin.applications.hidden_words import identity_report as report
from tremplin.review import selectors
from tremplin.vacancies.selectors import vacancy_get_for_user


@staff_view
def identity_report(
    request: StaffRequest, org: str, vacancy: str, application: int
) -> HttpResponse:
    """Tell the recruiters, by POST, that a text of this application still shows who the
    candidate is. Who may not review it gets a 404 whatever the method."""
    found = vacancy_get_for_user(membership=request.membership, slug=vacancy, roles=EVERYONE)
    reviewed = selectors.application_get_for_review(vacancy=found, pk=application)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    lifts = selectors.blind_lifts(vacancy=found)
    if selectors.identity_visible(vacancy=found, application=reviewed, lifted=lifts):
        messages.info(request, _("You see who the candidate is here: there is nothing to report."))
    else:
        report(application=reviewed, by=request.user)
        messages.success(
            request,
            _("Thank you. The recruiters are told, and will hide what shows who the candidate is."),
        )
    return redirect(
        "staff_review:application", org=org, vacancy=found.slug, application=reviewed.pk
    )
