"""Writes: the retention rules applied, the talent pool's renewal offer and the candidate's
answer to it, and the candidate's request to be erased.

The daily run, ``retention_apply`` (``tasks.retention_task``, enqueued by ``manage.py
apply_retention``), sends the renewal offers first, then erases in batches of a few
hundred applications, every organization's together, each batch one ``shred_many`` (every
candidate's erasure in it at once) and one transaction. Asked to stop (``stop``), it stops
between two batches: what it finished stays erased, the rest is untouched. The rules
themselves are in ``selectors``.
"""

import logging
import secrets
from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from email.utils import formataddr

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from tremplin.accounts.models import Organization
from tremplin.applications.links import application_status_url
from tremplin.applications.models import Application, Candidate
from tremplin.applications.tokens import erase_link_hours, erase_token_make
from tremplin.core.audit import log_action
from tremplin.core.ratelimit import counters_cull
from tremplin.messaging.models import OutboxMessage
from tremplin.messaging.outbox import AUTOMATIC_HEADERS, outbox_compose
from tremplin.messaging.selectors import reply_address
from tremplin.privacy.erasure import erasure_vacuum, shred_many
from tremplin.privacy.exports import data_exports_expire
from tremplin.privacy.selectors import (
    EXPORTS,
    FAILED,
    OFFERS,
    RULES,
    RUN_VERB,
    Counts,
    applications_due,
    candidate_last_contact,
    counts_empty,
    organization_applications,
    talent_pool_applications,
    talent_pool_expiry,
    talent_pool_offers_due,
)
from tremplin.privacy.shredders import subjects_for_applications
from tremplin.vacancies.selectors import vacancy_title_for_language

logger = logging.getLogger(__name__)

Stop = Callable[[], bool]  # asked between two batches: True stops the run there
Progress = Callable[[int], None]  # told how many applications each batch erased


class RetentionStopped(Exception):
    """The run stopped when asked, between two batches; ``counts`` is what it did."""

    def __init__(self, counts: Counts) -> None:
        super().__init__("retention stopped before the end")
        self.counts = counts


def _never() -> bool:
    return False


def _unheard(erased: int) -> None:
    pass


# The renewal offer ----------------------------------------------------------------------


def talent_pool_url(*, application: Application) -> str:
    """The signed link that keeps the candidate in the talent pool, absolute."""
    return application_status_url(application=application, view="privacy:talent_pool_stay")


def talent_pool_offer_send(*, organization: Organization, candidate_id: int, now: datetime) -> bool:
    """E-mail the candidate the offer to stay in the talent pool, in their language, and note
    it on their pool applications. False (sending nothing) when it is no longer due."""
    with transaction.atomic():
        pool = list(
            talent_pool_applications(organization=organization)
            .filter(candidate_id=candidate_id)
            .select_for_update(of=("self",))
            .select_related("vacancy")
            .prefetch_related("vacancy__texts")
            .order_by("pk")
        )
        latest = (
            organization_applications(organization)
            .filter(candidate_id=candidate_id)
            .select_related("candidate", "vacancy__organization")
            .order_by("-created_at", "-pk")
            .first()
        )
        if not pool or latest is None:
            return False
        last_contact = candidate_last_contact(candidate=latest.candidate, organization=organization)
        if last_contact is None or any(
            app.talent_pool_notice_sent_at and app.talent_pool_notice_sent_at >= last_contact
            for app in pool
        ):
            return False  # another run sent it meanwhile
        expiry = talent_pool_expiry(
            last_contact=last_contact, months=organization.talent_pool_months
        )
        language = latest.language
        # A reply is contact too: it comes back to the application's thread.
        token = secrets.token_hex(12)
        headers = dict(AUTOMATIC_HEADERS)
        address = reply_address(organization=organization, token=token)
        if address:
            headers["Reply-To"] = formataddr((organization.name, address))

        def compose() -> tuple[str, str]:
            titles = [
                vacancy_title_for_language(vacancy=application.vacancy) for application in pool
            ]
            context = {
                "candidate": latest.candidate,
                "organization": organization,
                "titles": titles,
                "expiry": expiry,
                "months": organization.talent_pool_months,
                "url": talent_pool_url(application=latest),
                "can_reply": bool(address),
            }
            subject = _("Stay in the talent pool of %(organization)s?") % {
                "organization": organization.name
            }
            return subject, render_to_string("privacy/email/talent_pool_offer.txt", context)

        outbox_compose(
            to=latest.candidate.email,
            language=language,
            compose=compose,
            headers=headers,
            application=latest,
            kind="talent_pool_renewal",
            reply_token=token if address else "",
        )
        Application.objects.filter(pk__in=[app.pk for app in pool]).update(
            talent_pool_notice_sent_at=now
        )
    return True


# The candidate's answer -----------------------------------------------------------------


def talent_pool_renew(*, application: Application, now: datetime | None = None) -> datetime | None:
    """The candidate asks to stay: their pool applications at the organization count from
    now. Returns the new expiry; None (changing nothing) when none is in the pool."""
    now = now or timezone.now()
    organization = application.vacancy.organization
    with transaction.atomic():
        pool = list(
            talent_pool_applications(organization=organization)
            .filter(candidate_id=application.candidate_id)
            .select_for_update(of=("self",))
        )
        if not pool:
            return None
        Application.objects.filter(pk__in=[app.pk for app in pool]).update(
            last_contact_at=now, talent_pool_notice_sent_at=None
        )
        log_action(
            None, "talent_pool.renewed", application, {"applications": [app.pk for app in pool]}
        )
    return talent_pool_expiry(last_contact=now, months=organization.talent_pool_months)


def talent_pool_leave(*, application: Application) -> int:
    """The candidate withdraws their consent at the organization: their applications there
    follow the usual rule from now on. Returns how many changed (0: none had consent)."""
    organization = application.vacancy.organization
    with transaction.atomic():
        ids = list(
            organization_applications(organization)
            .filter(candidate_id=application.candidate_id, talent_pool_consent=True)
            .select_for_update(of=("self",))
            .values_list("pk", flat=True)
        )
        if not ids:
            return 0
        Application.objects.filter(pk__in=ids).update(
            talent_pool_consent=False, talent_pool_consent_at=None
        )
        log_action(None, "talent_pool.left", application, {"applications": ids})
    return len(ids)


# The daily run --------------------------------------------------------------------------
# The applications due at every organization by every rule wait together and go
# ``batch_size`` at a time, whatever organization and rule they are due at: each batch one
# ``shred_many`` and one transaction (20 due at each of 60 organizations: 3 batches, not 60).


def _batches(queryset: QuerySet[Application], field: str, batch_size: int) -> Iterator[list[int]]:
    """Distinct values of ``field`` in ascending order, ``batch_size`` at a time, read afresh
    for each batch (what was done in between drops out), never all at once."""
    last = 0
    while True:
        values = list(
            queryset.filter(**{f"{field}__gt": last})
            .order_by(field)
            .values_list(field, flat=True)
            .distinct()[:batch_size]
        )
        if not values:
            return
        yield values
        last = values[-1]


Group = tuple[int, str]  # (organization pk, rule): whose applications, by which rule


def _batch_erase(
    *, dues: dict[Group, QuerySet[Application]], groups: dict[Group, list[int]]
) -> dict[Group, int]:
    """Erase the applications of ``groups`` still due by their rule (the candidate may have
    answered since they were read), every candidate's at once whatever their organization,
    in one transaction. Returns how many of each group were."""
    with transaction.atomic():
        still = {
            group: list(
                dues[group].filter(pk__in=ids).select_for_update(of=("self",)).order_by("pk")
            )
            for group, ids in sorted(groups.items())
        }
        rows = [application for applications in still.values() for application in applications]
        if rows:
            shred_many(
                subjects=subjects_for_applications(applications=rows),
                actor=None,
                reason="retention",
                vacuum=False,  # once, at the end of the run
            )
    return {group: len(applications) for group, applications in still.items()}


def _candidates_erase(
    *,
    dues: dict[Group, QuerySet[Application]],
    groups: dict[Group, list[int]],
    counts: dict[int, dict[str, int]],
) -> dict[Group, int]:
    """The batch again, one candidate per transaction (all their applications in it, at
    every organization): the failures are logged and counted, the others erased. Returns
    how many of each group were."""
    group_of = {pk: group for group, ids in groups.items() for pk in ids}
    by_candidate: dict[int, dict[Group, list[int]]] = defaultdict(lambda: defaultdict(list))
    for pk, candidate_id in Application.objects.filter(pk__in=group_of).values_list(
        "pk", "candidate_id"
    ):
        by_candidate[candidate_id][group_of[pk]].append(pk)
    erased: dict[Group, int] = defaultdict(int)
    for candidate_id, theirs in by_candidate.items():
        try:
            for group, n in _batch_erase(dues=dues, groups=theirs).items():
                erased[group] += n
        except Exception:  # one candidate's failure must not stop everyone's erasure
            logger.exception(
                "retention: erasing applications %s of candidate %s failed",
                sorted(pk for ids in theirs.values() for pk in ids),
                candidate_id,
            )
            for (organization_pk, _rule), ids in theirs.items():
                counts[organization_pk][FAILED] += len(ids)
    return erased


class _Erasures:
    """The applications found due, every organization's and every rule's together, erased
    ``batch_size`` at a time; each organization's counts are kept in ``counts``
    (organization pk -> its counts, which the caller puts there)."""

    def __init__(
        self, *, batch_size: int, stop: Stop, progress: Progress, counts: dict[int, dict[str, int]]
    ) -> None:
        self.batch_size = batch_size
        self.stop = stop
        self.progress = progress
        self.counts = counts
        self.dues: dict[Group, QuerySet[Application]] = {}
        self.waiting: list[tuple[Group, int]] = []  # read due, not yet erased

    def add(self, *, organization: Organization, rule: str, now: datetime) -> bool:
        """Read what ``rule`` says is due at the organization, erasing each batch as it
        fills; False when ``stop`` said to stop (between two batches)."""
        group = (organization.pk, rule)
        due = self.dues[group] = applications_due(organization=organization, rule=rule, now=now)
        for ids in _batches(due, "pk", self.batch_size):
            self.waiting.extend((group, pk) for pk in ids)
            if not self.erase(full=True):
                return False
        return True

    def erase(self, *, full: bool = False) -> bool:
        """Erase the waiting applications, ``batch_size`` at a time (``full``: only whole
        batches); False when ``stop`` said to stop (each batch is whole or not begun)."""
        while self.waiting and (len(self.waiting) >= self.batch_size or not full):
            if self.stop():
                return False
            batch = self.waiting[: self.batch_size]
            del self.waiting[: self.batch_size]
            groups: dict[Group, list[int]] = defaultdict(list)
            for group, pk in batch:
                groups[group].append(pk)
            dues = {group: self.dues[group] for group in groups}
            try:
                erased = _batch_erase(dues=dues, groups=groups)
            except Exception:
                logger.exception("retention: a batch failed; erasing it candidate by candidate")
                erased = _candidates_erase(dues=dues, groups=groups, counts=self.counts)
            for (organization_pk, rule), n in erased.items():
                self.counts[organization_pk][rule] += n
            self.progress(sum(erased.values()))
        return True


def _offers_send(
    *,
    organization: Organization,
    now: datetime,
    batch_size: int,
    counts: dict[str, int],
    stop: Stop,
) -> bool:
    offers = talent_pool_offers_due(organization=organization, now=now)
    for candidate_ids in _batches(offers, "candidate_id", batch_size):
        for candidate_id in candidate_ids:
            if stop():
                return False
            try:
                sent = talent_pool_offer_send(
                    organization=organization, candidate_id=candidate_id, now=now
                )
            except Exception:  # one candidate's failure must not stop the others' erasure
                logger.exception("retention: the offer to candidate %s failed", candidate_id)
                counts[FAILED] += 1
            else:
                counts[OFFERS] += int(sent)
    return True


def _organization_apply(
    *, organization: Organization, now: datetime, batch_size: int, erasures: _Erasures
) -> bool:
    """One organization's offers, erasures (those of a batch not yet full wait for the
    next organizations') and expired exports; False if stopped."""
    counts = erasures.counts[organization.pk]
    if not _offers_send(
        organization=organization,
        now=now,
        batch_size=batch_size,
        counts=counts,
        stop=erasures.stop,
    ):
        return False
    for rule in RULES:
        if not erasures.add(organization=organization, rule=rule, now=now):
            return False
    counts[EXPORTS] = data_exports_expire(now=now, organization=organization)
    return True


BATCH_SIZE = 500


def retention_apply(
    *,
    now: datetime | None = None,
    batch_size: int = BATCH_SIZE,
    stop: Stop | None = None,
    progress: Progress | None = None,
) -> Counts:
    """Apply every organization's retention rules at ``now``: send the renewal offers due,
    erase what is due (``batch_size`` applications at a time, each batch one transaction),
    remove expired data exports; then delete the rate-limit counters past their window.

    Returns the counts per organization (slug) where anything was done, and records them in
    the audit log (one event per such organization) and the log. Safe to run again: what
    was done is no longer due. A failure for one candidate is logged and counted as
    "failed"; the others go on.

    ``stop`` is asked before each batch (and each renewal offer): when it says True, the
    run stops there, records what it did (as above, the run marked interrupted) and raises
    RetentionStopped with the counts. Each batch is one transaction, so no candidate is
    left half erased. ``progress`` is told how many applications each batch erased.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be 1 or more")
    now = now or timezone.now()
    stop = stop or _never
    progress = progress or _unheard
    done: dict[int, tuple[Organization, dict[str, int]]] = {}
    erasures = _Erasures(batch_size=batch_size, stop=stop, progress=progress, counts={})
    finished = True
    for organization in Organization.objects.order_by("pk"):
        counts = erasures.counts[organization.pk] = counts_empty()
        done[organization.pk] = (organization, counts)
        finished = _organization_apply(
            organization=organization, now=now, batch_size=batch_size, erasures=erasures
        )
        if not finished:
            break
    finished = finished and erasures.erase()  # the last batch, not full
    counters_cull(now=int(now.timestamp()))  # keyed hashes of addresses, past their window
    if any(counts[rule] for _org, counts in done.values() for rule in RULES):
        # One VACUUM per table for the whole run, not one per candidate; a run asked to
        # stop leaves it to the worker, so that it stops at once.
        erasure_vacuum(background=not finished)
    result: Counts = {}
    for organization, counts in done.values():
        if any(counts.values()):
            result[organization.slug] = counts
            log_action(
                None, "retention.applied", None, {"counts": counts}, organization=organization
            )
    run = {"organizations": len(result)}
    if not finished:
        run["interrupted"] = True
    log_action(None, RUN_VERB, None, run, organization=None)
    logger.info(
        "retention %s at %s: %s",
        "applied" if finished else "stopped before the end",
        now.isoformat(),
        result or "nothing due",
    )
    if not finished:
        raise RetentionStopped(result)
    return result


# The candidate's request to be erased ---------------------------------------------------

# A candidate asking again and again gets one e-mail per interval, not one per click.
ERASE_REQUEST_INTERVAL = timedelta(minutes=10)
CONFIRMATION_KIND = "erasure_confirmation"


def erase_link_url(*, application: Application) -> str:
    """The absolute confirmation link, in the application's language."""
    with translation.override(application.language):
        path = reverse(
            "privacy:erase_confirm",
            kwargs={"token": erase_token_make(public_id=application.public_id)},
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

        def compose() -> tuple[str, str]:
            context = {
                "candidate": candidate,
                "organization": organization,
                "erase_url": erase_link_url(application=application),
                "hours": erase_link_hours(),
            }
            subject = _("Confirm the erasure of your data at %(organization)s") % {
                "organization": organization.name
            }
            return subject, render_to_string("privacy/email/erase_confirm.txt", context)

        outbox_compose(
            to=candidate.email,
            language=application.language,
            compose=compose,
            headers=AUTOMATIC_HEADERS,
            application=application,
            kind=CONFIRMATION_KIND,
        )
    return True
