"""What the floors below tell this app, connected in ``NotificationsConfig.ready``: a new
application (``post_save`` of Application), a candidate's answer to an interview
(``applications.signals.interview_answered``, sent by ``interviews``), and two entries of the
audit log: a reviewer reminded of reviews due (``review.reminder``), a vacancy published
(its publisher follows it), and a reviewer's report of a text that still shows who the
candidate is (``application.identity_reported``)."""

from collections import defaultdict
from typing import Any

from django.db import transaction

from tremplin.accounts.models import Membership, User
from tremplin.applications.hidden_words import IDENTITY_REPORTED
from tremplin.applications.models import Application
from tremplin.core.models import AuditEvent
from tremplin.notifications import following
from tremplin.notifications.models import Notification, VacancyFollow
from tremplin.notifications.services import (
    about_application,
    identity_report_notify,
    notification_draft,
    notifications_deliver,
    reviews_due_notify,
)
from tremplin.review.results import REMINDER_VERB
from tremplin.vacancies.models import Vacancy


class _Arrivals:
    """The applications created in the running transaction, told once it commits: an
    import of 500 applications writes its notifications in one INSERT, not 500. Registered
    with ``on_commit``, so a rollback forgets it with its rows."""

    def __init__(self) -> None:
        self.ids: set[int] = set()
        self.done = False

    def __call__(self) -> None:
        self.done = True  # tests' captured callbacks stay in the list once run
        _arrivals_notify(self.ids)


def application_created(
    sender: Any, instance: Application, created: bool, raw: bool = False, **kwargs: Any
) -> None:
    if not created or raw:
        return
    # The batch already waiting for this transaction's commit, if any (registered at its
    # first application, so found near the start of the list).
    for _savepoints, waiting, _robust in transaction.get_connection().run_on_commit:
        if isinstance(waiting, _Arrivals) and not waiting.done:
            waiting.ids.add(instance.pk)
            return
    batch = _Arrivals()
    batch.ids.add(instance.pk)
    # Robust: a failure to notify is logged and does not undo the application's arrival.
    transaction.on_commit(batch, robust=True)


def _arrivals_notify(ids: set[int]) -> None:
    """Tell each vacancy's followers of the applications that arrived, in one INSERT; ids
    rolled back within the transaction (a savepoint) are gone from the table and skipped."""
    # The followers first: most vacancies have none, and then nothing else is read.
    follows = VacancyFollow.objects.filter(vacancy__applications__pk__in=ids).values_list(
        "vacancy_id", "user_id"
    )
    followers: dict[int, list[int]] = defaultdict(list)
    for vacancy_id, user_id in follows.order_by("vacancy_id", "user_id").distinct():
        followers[vacancy_id].append(user_id)
    if not followers:
        return
    arrived = Application.objects.filter(pk__in=ids).select_related("vacancy__organization")
    applications = list(arrived.prefetch_related("vacancy__texts").order_by("pk"))
    members = Membership.objects.filter(
        user_id__in={user_id for users in followers.values() for user_id in users},
        organization_id__in={application.vacancy.organization_id for application in applications},
        role__in=following.FOLLOWERS,
    ).select_related("user", "organization")
    member_at = {(member.user_id, member.organization_id): member for member in members}
    drafts = [
        notification_draft(
            membership=member_at[user_id, application.vacancy.organization_id],
            application=application,
            kind=Notification.Kind.APPLICATION,
        )
        for application in applications
        for user_id in followers.get(application.vacancy_id, [])
        if (user_id, application.vacancy.organization_id) in member_at
    ]
    notifications_deliver(drafts)


def interview_answered(
    sender: Any, *, application: Application, answer: str, recipients: list[User], **kwargs: Any
) -> None:
    kind = (
        Notification.Kind.INTERVIEW_PICKED
        if answer == "picked"
        else Notification.Kind.INTERVIEW_MOVE
    )
    about_application(recipients=recipients, application=application, kind=kind)


APPLICATION = Application._meta.label_lower


def audit_event_written(sender: Any, instance: AuditEvent, created: bool, **kwargs: Any) -> None:
    if created and instance.verb == IDENTITY_REPORTED and instance.target_type == APPLICATION:
        application = Application.objects.filter(pk=instance.target_id).first()
        if application is not None:
            identity_report_notify(application=application, by=instance.actor)
    if not created or instance.target_type != "vacancies.vacancy":
        return
    if instance.verb == REMINDER_VERB and isinstance(instance.data.get("reviewer"), int):
        vacancy = Vacancy.objects.filter(pk=instance.target_id).first()
        if vacancy is not None:
            reviews_due_notify(vacancy=vacancy, reviewer_id=instance.data["reviewer"])
    elif instance.verb == "vacancy.publish" and instance.actor_id is not None:
        vacancy = Vacancy.objects.filter(pk=instance.target_id).first()
        if vacancy is not None:
            following.vacancy_follow_publisher(user_id=instance.actor_id, vacancy=vacancy)
