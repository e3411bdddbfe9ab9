"""The daily run's erasures in batches: the applications due at every organization by
every rule, read a batch at a time, and erased ``batch_size`` at a time whatever
organization and rule they are due at, each batch one ``shred_many`` and one transaction
(a run erasing 20 applications at each of 60 organizations makes 3 batches, not 60). The
run itself (offers, counts, audit events, VACUUM) is ``services.retention_apply``.
"""

import logging
from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import datetime

from django.db import transaction
from django.db.models import QuerySet

from tremplin.accounts.models import Organization
from tremplin.applications.models import Application
from tremplin.privacy.erasure import shred_many
from tremplin.privacy.selectors import FAILED, applications_due
from tremplin.privacy.shredders import subjects_for_applications

logger = logging.getLogger(__name__)

Stop = Callable[[], bool]  # asked between two batches: True stops the run there
Progress = Callable[[int], None]  # told how many applications each batch erased


def batches(queryset: QuerySet[Application], field: str, batch_size: int) -> Iterator[list[int]]:
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


class Erasures:
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
        for ids in batches(due, "pk", self.batch_size):
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
