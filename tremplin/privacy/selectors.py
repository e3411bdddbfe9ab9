"""Reads: what the retention rules erase and when, and where a candidate's copies of their
data stand.

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

The run that applies them is ``services.retention_apply``.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from dateutil.relativedelta import relativedelta
from django.db.models import Exists, Max, OuterRef, Q, QuerySet, Subquery
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from tremplin.accounts.models import Organization
from tremplin.applications.models import Application, Candidate, Document, Stage
from tremplin.applications.selectors import stage_list
from tremplin.core.models import AuditEvent
from tremplin.messaging.models import InboundMessage, OutboxMessage
from tremplin.privacy.deletion import Subject
from tremplin.privacy.models import DataExport
from tremplin.review.models import Review

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

# A candidate gets one new copy of their data per interval: building one reads everything
# about them and every file, and each copy is another place their data lies (a failed one
# does not count).
EXPORT_INTERVAL = timedelta(hours=24)


# Retention ------------------------------------------------------------------------------


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


def organization_applications(organization: Organization) -> QuerySet[Application]:
    return Application.objects.filter(vacancy__organization=organization)


def talent_pool_applications(
    *, organization: Organization, keys: StageKeys | None = None
) -> QuerySet[Application]:
    """The organization's talent pool: applications with consent, not retained or withdrawn."""
    keys = keys or stage_keys(organization=organization)
    return organization_applications(organization).filter(
        talent_pool_consent=True, stage__in=keys.not_retained, decided_at__isnull=False
    )


def talent_pool_current(*, organization: Organization, now: datetime) -> QuerySet[Application]:
    """The talent pool as it stands at ``now``: the applications whose candidates consented
    and were in touch within the pool's retention period (those beyond it are retention's
    to erase: ``applications_due(rule=TALENT_POOL)``)."""
    cutoff = months_before(moment=now, months=organization.talent_pool_months)
    return talent_pool_applications(organization=organization).filter(
        _contact_after(organization, cutoff)
    )


def _contact_after(organization: Organization, moment: datetime) -> Exists:
    """The candidate (of the outer application) was in touch with the organization after
    ``moment``, through any of their applications there."""
    return Exists(
        organization_applications(organization).filter(
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
        return organization_applications(organization).filter(
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
        return organization_applications(organization).filter(
            stage__in=keys.hired, decided_at__lte=cutoff
        )
    raise ValueError(f"unknown retention rule {rule!r}")


def _last_contact(organization: Organization) -> Subquery:
    """The latest contact of the (outer application's) candidate with the organization."""
    return Subquery(
        organization_applications(organization)
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
        organization_applications(organization)
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


def counts_empty() -> dict[str, int]:
    """A run's counts for one organization, all zero."""
    return dict.fromkeys((OFFERS, *RULES, EXPORTS, FAILED), 0)


def retention_preview(*, now: datetime | None = None) -> Counts:
    """What ``retention_apply`` would do at ``now``, by count, changing nothing: offers by
    candidate, applications by rule, expired exports."""
    now = now or timezone.now()
    result: Counts = {}
    for organization in Organization.objects.order_by("pk").iterator():
        done = counts_empty()
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


# Copies of candidates' data -------------------------------------------------------------


def data_export_next_request(
    *, candidate: Candidate, organization: Organization, now: datetime | None = None
) -> datetime | None:
    """When the candidate may ask for a new copy of their data at ``organization``, if not
    now: EXPORT_INTERVAL after the last copy they asked for (not one that failed, nor one
    an owner asked for)."""
    now = now or timezone.now()
    last: datetime | None = (
        DataExport.objects.filter(
            candidate=candidate,
            organization=organization,
            requested_by__isnull=True,
            created_at__gt=now - EXPORT_INTERVAL,
        )
        .exclude(status=DataExport.Status.FAILED)
        .order_by("-created_at")
        .values_list("created_at", flat=True)
        .first()
    )
    return None if last is None else last + EXPORT_INTERVAL


def export_too_soon_message(*, next_at: datetime) -> str:
    """Says, in the active language, from when a new copy can be asked for."""
    when = formats.date_format(timezone.localtime(next_at), "DATETIME_FORMAT")
    hours = int(EXPORT_INTERVAL.total_seconds() // 3600)
    return _(
        "You can ask for one new copy of your data every %(hours)d hours. You can ask for "
        "the next one from %(date)s."
    ) % {"hours": hours, "date": when}


def data_export_available(*, export: DataExport, now: datetime | None = None) -> bool:
    """Ready, not expired, and with its file."""
    now = now or timezone.now()
    return bool(
        export.status == DataExport.Status.READY
        and export.file
        and export.expires_at is not None
        and export.expires_at > now
    )


def data_exports_expired(
    *, now: datetime, organization: Organization | None = None
) -> QuerySet[DataExport]:
    """Copies whose link has expired and whose file is still stored."""
    expired = DataExport.objects.filter(expires_at__lte=now).exclude(file="")
    return expired if organization is None else expired.filter(organization=organization)


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
