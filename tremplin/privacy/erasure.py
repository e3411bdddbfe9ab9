"""Erasure asked by the candidate: the confirmation link, the e-mail that carries it, and
what an erasure covers (shown to the candidate and to owners before they confirm).

The link signs the application's random public id with a timestamp and a salt of its own
(a status link cannot stand in for it, nor the other way round); it expires after
``ERASE_LINK_MAX_AGE``. What it erases is everything the application's organization holds
about the candidate, whichever of their applications there the link came from.
"""

import enum
import uuid
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from tremplin.applications.models import Application, Candidate, Document
from tremplin.messaging.models import InboundMessage, OutboxMessage
from tremplin.messaging.outbox import AUTOMATIC_HEADERS, outbox_queue
from tremplin.privacy.shredders import Subject
from tremplin.review.models import Review

SALT = "tremplin.privacy.erase"
ERASE_LINK_MAX_AGE = timedelta(hours=48)
# A candidate asking again and again gets one e-mail per interval, not one per click.
ERASE_REQUEST_INTERVAL = timedelta(minutes=10)
CONFIRMATION_KIND = "erasure_confirmation"


def erase_link_hours() -> int:
    return int(ERASE_LINK_MAX_AGE.total_seconds() // 3600)


class EraseLink(enum.Enum):
    VALID = "valid"
    EXPIRED = "expired"
    BAD = "bad"  # tampered with, made elsewhere, or not a token at all


@dataclass(frozen=True)
class EraseLinkReading:
    state: EraseLink
    public_id: uuid.UUID | None = None


def erase_token_make(*, application: Application) -> str:
    return signing.TimestampSigner(salt=SALT).sign(application.public_id.hex)


def erase_token_read(*, token: str) -> EraseLinkReading:
    """Whether ``token`` is one of our erasure links, still valid, and for which application."""
    signer = signing.TimestampSigner(salt=SALT)
    try:
        value = signer.unsign(token, max_age=ERASE_LINK_MAX_AGE)
    except signing.SignatureExpired:
        state = EraseLink.EXPIRED
        try:
            value = signer.unsign(token)  # the signature is good: only its age is wrong
        except signing.BadSignature:
            return EraseLinkReading(EraseLink.BAD)
    except signing.BadSignature:
        return EraseLinkReading(EraseLink.BAD)
    else:
        state = EraseLink.VALID
    try:
        public_id = uuid.UUID(hex=value)
    except ValueError:
        return EraseLinkReading(EraseLink.BAD)
    return EraseLinkReading(state, public_id)


def erase_link_url(*, application: Application) -> str:
    """The absolute confirmation link, in the application's language."""
    with translation.override(application.language):
        path = reverse(
            "privacy:erase_confirm", kwargs={"token": erase_token_make(application=application)}
        )
    return settings.SITE_URL + path


def erasure_request_send(*, application: Application) -> bool:
    """E-mail the candidate the link that confirms the erasure, in their language; False
    (and no e-mail) when one went to them for this organization less than
    ``ERASE_REQUEST_INTERVAL`` ago."""
    organization = application.vacancy.organization
    with transaction.atomic():
        # One request at a time per candidate: two clicks at once send one e-mail.
        candidate = Candidate.objects.select_for_update().get(pk=application.candidate_id)
        recent = OutboxMessage.objects.filter(
            kind=CONFIRMATION_KIND,
            application__candidate=candidate,
            application__vacancy__organization=organization,
            created_at__gt=timezone.now() - ERASE_REQUEST_INTERVAL,
        )
        if recent.exists():
            return False
        with translation.override(application.language):
            context = {
                "candidate": candidate,
                "organization": organization,
                "erase_url": erase_link_url(application=application),
                "hours": erase_link_hours(),
            }
            subject = gettext("Confirm the erasure of your data at %(organization)s") % {
                "organization": organization.name
            }
            body = render_to_string("privacy/email/erase_confirm.txt", context)
        outbox_queue(
            to=candidate.email,
            subject=subject,
            body=body,
            language=application.language,
            headers=AUTOMATIC_HEADERS,
            application=application,
            kind=CONFIRMATION_KIND,
        )
    return True


@dataclass(frozen=True)
class ErasureSummary:
    """How much an erasure takes away, by kind, for the page that confirms it."""

    applications: int
    documents: int
    messages: int
    reviews: int


def erasure_summary(*, subject: Subject) -> ErasureSummary:
    ids = subject.application_ids
    return ErasureSummary(
        applications=len(ids),
        documents=Document.objects.filter(application__in=ids).count(),
        messages=OutboxMessage.objects.filter(application__in=ids).count()
        + InboundMessage.objects.filter(application__in=ids).count(),
        reviews=Review.objects.filter(application__in=ids).count(),
    )
