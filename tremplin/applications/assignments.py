"""Asking reviewers to review applications, several at once from the pipeline board: each
chosen member is assigned to the selected applications still in review, added to the
vacancy's reviewers when not on them yet, and told by one e-mail in their language ("N
applications to review for VACANCY"), queued until the undo window ends, as a bulk
rejection's messages are (``bulk``). Undoing in the window removes the assignments, the
reviewers this action added to the vacancy, and takes the e-mails back.

An assignment opens nothing: a vacancy's reviewers may open each of its applications, as
before; the review pages (``review``, above) list a reviewer's assigned ones first.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet, prefetch_related_objects
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tremplin.accounts.models import Organization, User
from tremplin.accounts.selectors import user_mail_language
from tremplin.applications.bulk import bulk_selection_check, bulk_undo_begin, bulk_undo_seconds
from tremplin.applications.models import Application, BulkAction, ReviewerAssignment
from tremplin.applications.selectors import stage_list
from tremplin.core.audit import log_action
from tremplin.messaging.outbox import outbox_queue
from tremplin.vacancies.models import Vacancy
from tremplin.vacancies.selectors import (
    organization_members,
    vacancy_name,
    vacancy_title_for_language,
)

# At most this many reviewers in one action (one e-mail each).
REVIEWERS_MAX = 20
MAIL_KIND = "review_assignment"


def assignable_reviewers(*, organization: Organization) -> list[User]:
    """The members who may be asked to review: every active member of the organization
    (a vacancy's reviewers may be of any role), by name or address."""
    users = [membership.user for membership in organization_members(organization=organization)]
    return sorted(users, key=lambda user: user.display_name.casefold())


def reviewers_check(*, organization: Organization, pks: Sequence[int]) -> list[User]:
    """The chosen members, by address; ValidationError for none, too many, or anyone who is
    not an active member of ``organization``."""
    wanted = sorted(set(pks))
    if not wanted:
        raise ValidationError(_("Choose at least one reviewer."), code="no_reviewer")
    if len(wanted) > REVIEWERS_MAX:
        raise ValidationError(
            _("At most %(max)d reviewers can be assigned at once.") % {"max": REVIEWERS_MAX},
            code="too_many_reviewers",
        )
    found = list(
        User.objects.filter(
            pk__in=wanted, is_active=True, memberships__organization=organization
        ).order_by("email")
    )
    if len(found) != len(wanted):
        raise ValidationError(
            _(
                "Only members of the organization can be asked to review its applications. "
                "Nothing was changed."
            ),
            code="not_member",
        )
    return found


@dataclass(frozen=True)
class ReviewerMail:
    """What one reviewer is asked: the applications newly theirs, whether they join the
    vacancy's reviewers, and the e-mail as they will read it, in their language."""

    reviewer: User
    applications: tuple[Application, ...]
    added_to_panel: bool
    language: str
    subject: str
    body: str

    @property
    def count(self) -> int:
        return len(self.applications)


@dataclass(frozen=True)
class AssignmentRow:
    """One selected application: the chosen reviewers already assigned to it, and whether
    it is still in review (those that left it get no reviewer)."""

    application: Application
    already: tuple[User, ...]
    in_review: bool


@dataclass(frozen=True)
class AssignmentPlan:
    rows: tuple[AssignmentRow, ...]
    mails: tuple[ReviewerMail, ...]  # one per reviewer given at least one application

    @property
    def panel_added(self) -> list[User]:
        return [mail.reviewer for mail in self.mails if mail.added_to_panel]


def _mail(*, vacancy: Vacancy, reviewer: User, count: int, by: User | None) -> tuple[str, ...]:
    """(language, subject, body) of the e-mail telling ``reviewer`` about ``count``
    applications, in their language. It names no candidate."""
    language = user_mail_language(reviewer)
    with translation.override(language):
        title = vacancy_title_for_language(vacancy=vacancy, language=language)
        path = reverse(
            "staff_review:vacancy",
            kwargs={"org": vacancy.organization.slug, "vacancy": vacancy.slug},
        )
        subject = ngettext(
            "%(count)d application to review for %(title)s",
            "%(count)d applications to review for %(title)s",
            count,
        ) % {"count": count, "title": title}
        context = {
            "count": count,
            "title": title,
            "sender": by.display_name if by is not None else vacancy.organization.name,
            "organization": vacancy.organization,
            "url": settings.SITE_URL + path,
        }
        body = render_to_string("applications/email/review_assigned.txt", context)
    return language, subject, body


def assignment_plan(
    *,
    vacancy: Vacancy,
    applications: Sequence[Application],
    reviewers: Sequence[User],
    by: User | None,
) -> AssignmentPlan:
    """What assigning ``reviewers`` to ``applications`` would do, in three queries: who is
    assigned already, who is on the vacancy's reviewers, and the stages."""
    final = {stage.key for stage in stage_list(organization=vacancy.organization) if stage.is_final}
    existing = set(
        ReviewerAssignment.objects.filter(
            application__in=[a.pk for a in applications], reviewer__in=[r.pk for r in reviewers]
        ).values_list("application_id", "reviewer_id")
    )
    panel = set(
        vacancy.reviewers.filter(pk__in=[r.pk for r in reviewers]).values_list("pk", flat=True)
    )
    rows = tuple(
        AssignmentRow(
            application,
            tuple(r for r in reviewers if (application.pk, r.pk) in existing),
            application.stage not in final,
        )
        for application in applications
    )
    mails = []
    for reviewer in reviewers:
        theirs = tuple(
            row.application
            for row in rows
            if row.in_review and (row.application.pk, reviewer.pk) not in existing
        )
        if theirs:
            shown = _mail(vacancy=vacancy, reviewer=reviewer, count=len(theirs), by=by)
            mails.append(ReviewerMail(reviewer, theirs, reviewer.pk not in panel, *shown))
    return AssignmentPlan(rows, tuple(mails))


def bulk_assign(
    *,
    vacancy: Vacancy,
    pks: Sequence[int],
    seen: Mapping[int, str],
    reviewer_pks: Sequence[int],
    by: User | None,
) -> BulkAction:
    """Assign the chosen reviewers to the selected applications still in review (all or
    none), add those not yet reviewing the vacancy to its reviewers, and queue one e-mail
    to each until the undo window ends; every assignment audited."""
    now = timezone.now()
    prefetch_related_objects([vacancy], "texts")
    with transaction.atomic():
        wanted = sorted(set(pks))
        locked = list(
            Application.objects.select_for_update()
            .filter(vacancy=vacancy, pk__in=wanted)
            .select_related("candidate")
            .order_by("pk")
        )
        bulk_selection_check(found=locked, wanted=wanted, seen=seen)
        reviewers = reviewers_check(organization=vacancy.organization, pks=reviewer_pks)
        plan = assignment_plan(vacancy=vacancy, applications=locked, reviewers=reviewers, by=by)
        if not plan.mails:
            raise ValidationError(
                _(
                    "The chosen reviewers are already assigned to every selected application "
                    "still in review: nothing to do."
                ),
                code="same",
            )
        given = {a.pk for mail in plan.mails for a in mail.applications}
        action = BulkAction.objects.create(
            vacancy=vacancy,
            kind=BulkAction.Kind.ASSIGN,
            to_stage="",
            by=by,
            created_at=now,
            undo_until=now + timedelta(seconds=bulk_undo_seconds()),
            moves=[{"application": pk} for pk in sorted(given)],
            reviewers=[
                {"reviewer": mail.reviewer.pk, "added_to_panel": mail.added_to_panel}
                for mail in plan.mails
            ],
        )
        ReviewerAssignment.objects.bulk_create(
            ReviewerAssignment(
                application=application,
                reviewer=mail.reviewer,
                assigned_by=by,
                bulk_action=action,
                created_at=now,
            )
            for mail in plan.mails
            for application in mail.applications
        )
        if plan.panel_added:
            vacancy.reviewers.add(*plan.panel_added)
            _panel_log(vacancy=vacancy, by=by, added=plan.panel_added, bulk=action.pk)
        names: dict[int, list[str]] = {}  # application pk: the reviewers it was given
        for mail in plan.mails:
            for application in mail.applications:
                names.setdefault(application.pk, []).append(mail.reviewer.email)
        for application in locked:
            if application.pk in names:
                application.vacancy = vacancy
                log_action(
                    by,
                    "application.reviewers_assign",
                    application,
                    {"reviewers": names[application.pk], "bulk": action.pk},
                )
        action.outbox_messages = [
            outbox_queue(
                to=mail.reviewer.email,
                subject=mail.subject,
                body=mail.body,
                language=mail.language,
                kind=MAIL_KIND,
                sender=by,
                not_before=action.undo_until,
            ).pk
            for mail in plan.mails
        ]
        action.save(update_fields=["outbox_messages"])
    return action


def _panel_log(*, vacancy: Vacancy, by: User | None, **data: object) -> None:
    """The vacancy's reviewers changed by a bulk assignment (``added``) or its undo."""
    changes = {
        key: sorted(user.email for user in value) if isinstance(value, list) else value
        for key, value in data.items()
    }
    log_action(by, "vacancy.reviewers", vacancy, changes, label=vacancy_name(vacancy=vacancy))


def bulk_assign_undo(*, action: BulkAction, by: User | None) -> int:
    """Undo an assignment inside its window: take its e-mails back, remove its assignments,
    and take off the vacancy's reviewers those it added who have no other assignment on
    it. Return how many applications lost a reviewer; ValidationError once it is too late
    or already undone, changing nothing."""
    now = timezone.now()
    with transaction.atomic():
        locked = BulkAction.objects.select_for_update().get(pk=action.pk)
        bulk_undo_begin(action=locked, now=now)
        assignments = list(
            ReviewerAssignment.objects.filter(bulk_action=locked)
            .select_related("reviewer")
            .order_by("application_id", "pk")
        )
        ReviewerAssignment.objects.filter(pk__in=[a.pk for a in assignments]).delete()
        vacancy = Vacancy.objects.select_related("organization").get(pk=locked.vacancy_id)
        prefetch_related_objects([vacancy], "texts")
        added = [int(item["reviewer"]) for item in locked.reviewers if item.get("added_to_panel")]
        still = set(
            ReviewerAssignment.objects.filter(
                application__vacancy=vacancy, reviewer__in=added
            ).values_list("reviewer_id", flat=True)
        )
        leaving = list(vacancy.reviewers.filter(pk__in=set(added) - still))
        if leaving:
            vacancy.reviewers.remove(*leaving)
            _panel_log(vacancy=vacancy, by=by, removed=leaving, undo=locked.pk)
        by_application: dict[int, list[str]] = {}
        for assignment in assignments:
            by_application.setdefault(assignment.application_id, []).append(
                assignment.reviewer.email
            )
        applications = Application.objects.filter(pk__in=list(by_application)).order_by("pk")
        for application in applications.select_related("candidate"):
            application.vacancy = vacancy
            log_action(
                by,
                "application.reviewers_unassign",
                application,
                {"reviewers": by_application[application.pk], "undo": locked.pk},
            )
        locked.undone_at = now
        locked.save(update_fields=["undone_at"])
    action.refresh_from_db()
    return len(by_application)


def assignments_of(*, application: Application) -> QuerySet[ReviewerAssignment]:
    """Who is assigned to review ``application``, first assigned first."""
    return application.reviewer_assignments.select_related("reviewer", "assigned_by")


def users_by_pk(*, actions: Sequence[BulkAction]) -> dict[int, User]:
    """The reviewers the assignments among ``actions`` named, in one query."""
    pks = {int(item["reviewer"]) for action in actions for item in action.reviewers}
    return {user.pk: user for user in User.objects.filter(pk__in=pks)} if pks else {}
