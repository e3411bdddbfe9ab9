"""A second submission to the same vacancy: its acknowledgement offers a link, and the
link makes its documents replace those of the earlier application."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tremplin.applications.links import application_replace_url
from tremplin.applications.models import Application, Document
from tremplin.applications.selectors import application_replace_target
from tremplin.applications.tokens import REPLACE_LINK_MAX_AGE
from tremplin.core.audit import log_action
from tremplin.messaging.models import DraftMessage, InboundMessage, OutboxMessage


def replace_offer(body: str, *, application: Application) -> str:
    """The acknowledgement of a second submission to the same vacancy also carries the link
    that makes its documents replace the earlier ones: one e-mail per submission. It says
    nothing of the earlier application (it may not be the sender's): no link, no file.
    Written in the active language (the acknowledgement's)."""
    if application_replace_target(application=application) is None:
        return body
    offer = render_to_string(
        "applications/email/replace_offer.txt",
        {
            "replace_url": application_replace_url(application=application),
            "days": REPLACE_LINK_MAX_AGE.days,
        },
    )
    return body.rstrip("\n") + "\n\n" + offer.strip() + "\n"


def application_documents_replace(*, application: Application) -> Application:
    """The sender of the newer submission ``application`` confirmed, by the link e-mailed to
    the address, that its documents replace those of the earlier application to the same
    vacancy. Returns the earlier application, which now holds them.

    The newer documents move to the earlier application; the earlier ones of the same
    roles stay, marked superseded (recruiters see them as replaced; shredders erase them
    with the rest). The earlier answers stay; the newer answers fill only the questions the
    earlier left unanswered (an application by e-mail answers none). The mail of the newer
    submission moves along, and its now empty row is deleted: one application remains.
    ValidationError, changing nothing, when the replacement is no longer possible
    (``application_replace_target``).
    """
    with transaction.atomic():
        newer = Application.objects.select_for_update().filter(pk=application.pk).first()
        earlier = None if newer is None else application_replace_target(application=newer)
        if newer is None or earlier is None:
            raise ValidationError(
                _(
                    "These documents can no longer replace those of your earlier application: "
                    "the organization has started working on them. Write to the organization "
                    "instead."
                ),
                code="too_late",
            )
        earlier = Application.objects.select_for_update().get(pk=earlier.pk)
        now = timezone.now()
        moved = list(
            newer.documents.filter(superseded_at__isnull=True).values_list("pk", flat=True)
        )
        roles = set(newer.documents.values_list("role", flat=True))
        replaced = list(
            earlier.documents.filter(role__in=roles, superseded_at__isnull=True).values_list(
                "pk", flat=True
            )
        )
        Document.objects.filter(pk__in=replaced).update(superseded_at=now)
        newer.documents.update(application=earlier)
        newer.answers.exclude(question_id__in=earlier.answers.values("question_id")).update(
            application=earlier
        )
        for model in (OutboxMessage, InboundMessage, DraftMessage):
            model.objects.filter(application=newer).update(application=earlier)
        Application.objects.filter(pk=earlier.pk).update(
            submissions=F("submissions") + 1, last_contact_at=now, updated_at=now
        )
        log_action(
            None,
            "application.documents_replace",
            earlier,
            {"submission": newer.pk, "documents": moved, "superseded": replaced},
        )
        newer.delete()
    earlier.refresh_from_db()
    return earlier
