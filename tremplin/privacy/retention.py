"""Retention: how long an organization keeps candidates' data, and its erasure after that.

The rules (each organization sets the months; the defaults are the CNIL recruitment guide's):

- not retained or withdrawn, without talent pool consent: erased ``retention_months`` after
  the vacancy's process ends. It ends when the vacancy is closed and every application to
  it has a decision; the end is the latest of the closing and those decisions. A vacancy
  that never closes would keep them for ever: at the latest, they go ``talent_pool_months``
  after their own decision.
- talent pool (consent given, not retained or withdrawn): erased ``talent_pool_months``
  after the candidate's last contact with the organization (applying, applying again, a
  reply; not an e-mail opened). One month before, an e-mail offers to stay, by one click on
  a signed link.
- hired: the application leaves the recruitment data at hire and is kept
  ``hired_retention_months`` after the decision.

An application in progress is never erased, nor one at a stage the organization removed.

"N months after x" is reached when x <= now - N months (``dateutil.relativedelta``): at a
month's end (31 January + 1 month) this errs by a day or two on the side of keeping, never
of erasing early, and it stays one comparison the database makes.

``retention_apply`` runs daily (``tasks.retention_task``, enqueued by ``manage.py
apply_retention``): renewal offers first, then erasure in batches, one ``shred`` per
candidate and organization, each its own transaction. Asked to stop (``stop``), it stops
between two candidates: what it finished stays erased, the rest is untouched.
"""

import logging
import secrets
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from email.utils import formataddr

from dateutil.relativedelta import relativedelta
from django.db import transaction
from django.db.models import Exists, Max, OuterRef, Q, QuerySet, Subquery
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from tremplin.accounts.models import Organization
from tremplin.applications.models import Application, Candidate, Stage
from tremplin.applications.selectors import stage_list
from tremplin.applications.services import application_status_url
from tremplin.core.audit import log_action
from tremplin.core.models import AuditEvent
from tremplin.privacy.exports import data_exports_expire, data_exports_expired
from tremplin.privacy.vacuum import erasure_vacuum
from tremplin.vacancies.selectors import vacancy_title_for_language

logger = logging.getLogger(__name__)

# The erasure rules, in the order they are applied.
NOT_RETAINED = "not_retained"
TALENT_POOL = "talent_pool"
HIRED = "hired"
RULES = (NOT_RETAINED, TALENT_POOL, HIRED)
# The audit event every run writes (no organization: the owners' pages read it to say when
# the rules last ran, and warn when they stopped).
RUN_VERB = "retention.run"
# The other counts of a run.
OFFERS = "offers"
EXPORTS = "exports"
FAILED = "failed"

# The renewal offer goes out this long before the talent pool expires.
OFFER_AHEAD = relativedelta(months=1)

Counts = dict[str, dict[str, int]]  # organization slug -> count name -> number
Stop = Callable[[], bool]  # asked between two candidates: True stops the run there


class RetentionStopped(Exception):
    """The run stopped when asked, between two candidates; ``counts`` is what it did."""

    def __init__(self, counts: Counts) -> None:
        super().__init__("retention stopped before the end")
        self.counts = counts


def _never() -> bool:
    return False


# --- Reads -------------------------------------------------------------------------------


@dataclass(frozen=True)
class StageKeys:
    """The organization's stage keys by what they mean for retention."""

    hired: tuple[str, ...]
    not_retained: tuple[str, ...]  # not retained, or withdrawn


def stage_keys(*, organization: Organization) -> StageKeys:
    kinds = {stage.key: stage.kind for stage in stage_list(organization=organization)}
    return StageKeys(
        hired=tuple(key for key, kind in kinds.items() if kind == Stage.Kind.HIRED),
        not_retained=tuple(
            key
            for key, kind in kinds.items()
            if kind in (Stage.Kind.REJECTED, Stage.Kind.WITHDRAWN)
        ),
    )


def months_before(*, moment: datetime, months: int) -> datetime:
    return moment - relativedelta(months=months)


def talent_pool_expiry(*, last_contact: datetime, months: int) -> datetime:
    return last_contact + relativedelta(months=months)


def _organization_applications(organization: Organization) -> QuerySet[Application]:
    return Application.objects.filter(vacancy__organization=organization)


def talent_pool_applications(
    *, organization: Organization, keys: StageKeys | None = None
) -> QuerySet[Application]:
    """The organization's talent pool: applications with consent, not retained or withdrawn."""
    keys = keys or stage_keys(organization=organization)
    return _organization_applications(organization).filter(
        talent_pool_consent=True, stage__in=keys.not_retained, decided_at__isnull=False
    )


def _contact_after(organization: Organization, moment: datetime) -> Exists:
    """The candidate (of the outer application) was in touch with the organization after
    ``moment``, through any of their applications there."""
    return Exists(
        _organization_applications(organization).filter(
            candidate=OuterRef("candidate"), last_contact_at__gt=moment
        )
    )


def applications_due(
    *, organization: Organization, rule: str, now: datetime
) -> QuerySet[Application]:
    """The organization's applications that ``rule`` erases at ``now`` (take ``pk``s)."""
    keys = stage_keys(organization=organization)
    if rule == NOT_RETAINED:
        cutoff = months_before(moment=now, months=organization.retention_months)
        # Someone undecided, or decided too recently: the process has not ended long enough.
        unfinished = Application.objects.filter(vacancy=OuterRef("vacancy")).filter(
            Q(decided_at__isnull=True) | Q(decided_at__gt=cutoff)
        )
        ended = Q(vacancy__closed_at__lte=cutoff) & ~Exists(unfinished)
        # A vacancy that never closes (a standing call for volunteers) never ends its
        # process: nobody not retained is kept longer than the talent pool would keep them.
        ceiling = months_before(moment=now, months=organization.talent_pool_months)
        return _organization_applications(organization).filter(
            ended | Q(decided_at__lte=ceiling),
            stage__in=keys.not_retained,
            talent_pool_consent=False,
        )
    if rule == TALENT_POOL:
        cutoff = months_before(moment=now, months=organization.talent_pool_months)
        return talent_pool_applications(organization=organization, keys=keys).exclude(
            _contact_after(organization, cutoff)
        )
    if rule == HIRED:
        cutoff = months_before(moment=now, months=organization.hired_retention_months)
        return _organization_applications(organization).filter(
            stage__in=keys.hired, decided_at__lte=cutoff
        )
    raise ValueError(f"unknown retention rule {rule!r}")


def _last_contact(organization: Organization) -> Subquery:
    """The latest contact of the (outer application's) candidate with the organization."""
    return Subquery(
        _organization_applications(organization)
        .filter(candidate=OuterRef("candidate"))
        .order_by()
        .values("candidate")
        .annotate(latest=Max("last_contact_at"))
        .values("latest")
    )


def talent_pool_offers_due(*, organization: Organization, now: datetime) -> QuerySet[Application]:
    """Talent pool applications whose candidate is due a renewal offer at ``now`` (take
    ``candidate_id``s): their data expires within a month (not yet), and no offer went out
    since their last contact."""
    months = organization.talent_pool_months
    expired = months_before(moment=now, months=months)
    offer_from = months_before(moment=now + OFFER_AHEAD, months=months)
    offered = talent_pool_applications(organization=organization).filter(
        candidate=OuterRef("candidate"), talent_pool_notice_sent_at__gte=OuterRef("last_contact")
    )
    return (
        talent_pool_applications(organization=organization)
        .annotate(last_contact=_last_contact(organization))
        .filter(last_contact__gt=expired, last_contact__lte=offer_from)
        .exclude(Exists(offered))
    )


def candidate_talent_pool(*, candidate: Candidate, organization: Organization) -> list[Application]:
    """The candidate's applications in the organization's talent pool, oldest first."""
    return list(
        talent_pool_applications(organization=organization)
        .filter(candidate=candidate)
        .select_related("vacancy__organization")
        .prefetch_related("vacancy__texts")
        .order_by("created_at", "pk")
    )


def candidate_last_contact(*, candidate: Candidate, organization: Organization) -> datetime | None:
    latest: datetime | None = (
        _organization_applications(organization)
        .filter(candidate=candidate)
        .aggregate(latest=Max("last_contact_at"))["latest"]
    )
    return latest


def candidate_talent_pool_expiry(
    *, candidate: Candidate, organization: Organization
) -> datetime | None:
    """When the candidate's talent pool data is erased without news from them."""
    last = candidate_last_contact(candidate=candidate, organization=organization)
    if last is None:
        return None
    return talent_pool_expiry(last_contact=last, months=organization.talent_pool_months)


# --- The renewal offer -------------------------------------------------------------------


def talent_pool_url(*, application: Application) -> str:
    """The signed link that keeps the candidate in the talent pool, absolute."""
    return application_status_url(application=application, view="privacy:talent_pool_stay")


def talent_pool_offer_send(*, organization: Organization, candidate_id: int, now: datetime) -> bool:
    """E-mail the candidate the offer to stay in the talent pool, in their language, and note
    it on their pool applications. False (sending nothing) when it is no longer due."""
    from tremplin.messaging.selectors import reply_address
    from tremplin.messaging.services import AUTOMATIC_HEADERS, outbox_queue

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
            _organization_applications(organization)
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
        with translation.override(language):
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
            body = render_to_string("privacy/email/talent_pool_offer.txt", context)
        outbox_queue(
            to=latest.candidate.email,
            subject=subject,
            body=body,
            language=language,
            headers=headers,
            application=latest,
            kind="talent_pool_renewal",
            reply_token=token if address else "",
        )
        Application.objects.filter(pk__in=[app.pk for app in pool]).update(
            talent_pool_notice_sent_at=now
        )
    return True


# --- The candidate's answer --------------------------------------------------------------


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
            _organization_applications(organization)
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


# --- The daily run -----------------------------------------------------------------------


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


def _erase(
    *,
    organization: Organization,
    rule: str,
    now: datetime,
    batch_size: int,
    counts: dict[str, int],
    stop: Stop,
) -> bool:
    """Erase what ``rule`` says is due; False when ``stop`` said to stop (between two
    candidates: each one's erasure is whole or not begun)."""
    from tremplin.privacy.shredders import shred, subject_for_applications

    due = applications_due(organization=organization, rule=rule, now=now)
    for ids in _batches(due, "pk", batch_size):
        by_candidate: dict[int, list[Application]] = defaultdict(list)
        for application in Application.objects.filter(pk__in=ids).order_by("pk"):
            by_candidate[application.candidate_id].append(application)
        for candidate_id, applications in by_candidate.items():
            if stop():
                return False
            try:
                with transaction.atomic():
                    # Still due? (The candidate may have answered since the batch was read.)
                    still = list(
                        due.filter(pk__in=[app.pk for app in applications])
                        .select_for_update(of=("self",))
                        .order_by("pk")
                    )
                    if still:
                        shred(
                            subject=subject_for_applications(applications=still),
                            actor=None,
                            reason="retention",
                            vacuum=False,  # once, at the end of the run
                        )
            except Exception:  # one candidate's failure must not stop everyone's erasure
                logger.exception(
                    "retention: erasing applications %s of candidate %s failed",
                    [app.pk for app in applications],
                    candidate_id,
                )
                counts[FAILED] += len(applications)
            else:
                counts[rule] += len(still)
    return True


def _empty_counts() -> dict[str, int]:
    return dict.fromkeys((OFFERS, *RULES, EXPORTS, FAILED), 0)


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
    *,
    organization: Organization,
    now: datetime,
    batch_size: int,
    counts: dict[str, int],
    stop: Stop,
) -> bool:
    """One organization's offers, erasures and expired exports; False if stopped."""
    if not _offers_send(
        organization=organization, now=now, batch_size=batch_size, counts=counts, stop=stop
    ):
        return False
    for rule in RULES:
        if not _erase(
            organization=organization,
            rule=rule,
            now=now,
            batch_size=batch_size,
            counts=counts,
            stop=stop,
        ):
            return False
    counts[EXPORTS] = data_exports_expire(now=now, organization=organization)
    return True


def retention_apply(
    *, now: datetime | None = None, batch_size: int = 100, stop: Stop | None = None
) -> Counts:
    """Apply every organization's retention rules at ``now``: send the renewal offers due,
    erase what is due (``batch_size`` applications at a time), remove expired data exports.

    Returns the counts per organization (slug) where anything was done, and records them in
    the audit log (one event per such organization) and the log. Safe to run again: what
    was done is no longer due. A failure for one candidate is logged and counted as
    "failed"; the others go on.

    ``stop`` is asked before each candidate: when it says True, the run stops there,
    records what it did (as above, the run marked interrupted) and raises RetentionStopped
    with the counts. Each candidate's erasure is one transaction, so none is left half done.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be 1 or more")
    now = now or timezone.now()
    stop = stop or _never
    done: dict[int, tuple[Organization, dict[str, int]]] = {}
    finished = True
    for organization in Organization.objects.order_by("pk"):
        counts = _empty_counts()
        done[organization.pk] = (organization, counts)
        finished = _organization_apply(
            organization=organization, now=now, batch_size=batch_size, counts=counts, stop=stop
        )
        if not finished:
            break

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


def retention_last_run() -> datetime | None:
    """When the retention rules last ran, on any organization; None if never."""
    at: datetime | None = (
        AuditEvent.objects.filter(verb=RUN_VERB)
        .order_by("-at")
        .values_list("at", flat=True)
        .first()
    )
    return at


@dataclass(frozen=True)
class Outlook:
    """For owners: how many applications each rule erases at the next run, and by the run
    ``days`` from now (if nobody gets in touch or decides meanwhile)."""

    days: int
    due_now: dict[str, int]
    due_soon: dict[str, int]


def retention_outlook(*, organization: Organization, days: int = 30) -> Outlook:
    now = timezone.now()

    def counts(moment: datetime) -> dict[str, int]:
        return {
            rule: applications_due(organization=organization, rule=rule, now=moment).count()
            for rule in RULES
        }

    return Outlook(days=days, due_now=counts(now), due_soon=counts(now + relativedelta(days=days)))


def retention_preview(*, now: datetime | None = None) -> Counts:
    """What ``retention_apply`` would do at ``now``, by count, changing nothing: offers by
    candidate, applications by rule, expired exports."""
    now = now or timezone.now()
    result: Counts = {}
    for organization in Organization.objects.order_by("pk").iterator():
        done = _empty_counts()
        done[OFFERS] = (
            talent_pool_offers_due(organization=organization, now=now)
            .order_by()
            .values("candidate_id")
            .distinct()
            .count()
        )
        for rule in RULES:
            done[rule] = applications_due(organization=organization, rule=rule, now=now).count()
        done[EXPORTS] = data_exports_expired(now=now, organization=organization).count()
        if any(done.values()):
            result[organization.slug] = done
    return result
