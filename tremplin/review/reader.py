"""What a reviewer sees in the document reader (``applications/document_views.py``),
registered in ``ReviewConfig.ready`` through ``applications.reader_rules``.

A reviewer may open a document of an application they may review, by the same rule as the
review page: assigned to the vacancy (``vacancy_get_for_user``), the application in a
review stage (``application_get_for_review``), the document current (the review page lists
no replaced version). Where the review page shows the candidate's identity (a vacancy not
reviewed blind, or blind mode lifted at the application's stage: ``identity_visible``), they
see the pages as recruiters do. Otherwise they see the text only, redacted as on the review
page (``document_for_review``): never the original text, never a page image, since a page
may carry a photo or contact details that no text redaction reaches.
"""

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _

from tremplin.accounts.models import Membership
from tremplin.accounts.policy import EVERYONE
from tremplin.applications.models import Document
from tremplin.applications.reader_rules import ReaderAccess
from tremplin.review import selectors
from tremplin.vacancies.selectors import vacancy_get_for_user


def reviewer_reader_access(membership: Membership, document: Document) -> ReaderAccess | None:
    if membership.role != Membership.Role.REVIEWER or document.superseded_at is not None:
        return None
    vacancy = document.application.vacancy
    try:
        found = vacancy_get_for_user(membership=membership, slug=vacancy.slug, roles=EVERYONE)
        application = selectors.application_get_for_review(
            vacancy=found, pk=document.application_id
        )
    except Http404:
        return None
    lifts = selectors.blind_lifts(vacancy=found)
    visible = selectors.identity_visible(vacancy=found, application=application, lifted=lifts)
    label = selectors.candidate_label(application)
    back_url = reverse(
        "staff_review:application",
        kwargs={
            "org": found.organization.slug,
            "vacancy": found.slug,
            "application": application.pk,
        },
    )
    back_label = _("Back to the review of %(label)s") % {"label": label}
    if visible:
        name = application.candidate.name or application.candidate.email
        return ReaderAccess(pages=True, who=name, back_url=back_url, back_label=back_label)
    shown = selectors.document_for_review(
        document, identity=selectors.identity_of(application), blind=True
    )
    return ReaderAccess(
        pages=False,
        who=label,
        back_url=back_url,
        back_label=back_label,
        text=shown.text,
        notice=shown.notice,
    )
