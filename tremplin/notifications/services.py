"""The writes of notifications: telling members (in the workspace, and by e-mail for the
kinds they want at once), marking read, the daily digests grouped by kind."""

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from tremplin.accounts.models import Membership, Organization, User
from tremplin.accounts.selectors import user_mail_language
from tremplin.applications.models import Application, Note
from tremplin.messaging.outbox import AUTOMATIC_HEADERS, outbox_compose
from tremplin.notifications import following
from tremplin.notifications.models import (
    PREFERENCE_FIELDS,
    PREFERENCE_OF_KIND,
    Email,
    Notification,
    NotificationSettings,
)
from tremplin.vacancies.models import Vacancy
from tremplin.vacancies.selectors import vacancy_title_for_language

MAIL_KIND = "notification"
# At most this many notifications listed in one digest; the rest are on the page it links.
DIGEST_MAX_ITEMS = 50
# The order of the kinds in a digest.
KIND_ORDER = list(Notification.Kind.values)


def settings_of(user: User) -> NotificationSettings:
    found = NotificationSettings.objects.filter(user=user).first()
    return found or NotificationSettings(user=user)


def application_path(*, application: Application, membership: Membership) -> str:
    """The page a member opens for an application: its page for recruiters and owners,
    its review page for reviewers (where notes show once identities are). In the active
    language."""
    org = membership.organization.slug
    if membership.role == Membership.Role.REVIEWER:
        return reverse(
            "staff_review:application",
            kwargs={"org": org, "vacancy": application.vacancy.slug, "application": application.pk},
        )
    return reverse("staff_applications:detail", kwargs={"org": org, "application": application.pk})


def notification_draft(
    *, membership: Membership, application: Application, kind: str, by: User | None = None
) -> Notification:
    """An unsaved notification of ``kind`` about ``application`` for ``membership``'s user:
    its number and vacancy title in their language, and a link; never the candidate's name
    or words (so nothing tells a reviewer of a blind vacancy who it is)."""
    user = membership.user
    language = user_mail_language(user)
    with translation.override(language):  # the link in their language
        path = application_path(application=application, membership=membership)
    vacancy = vacancy_title_for_language(vacancy=application.vacancy, language=language)
    return Notification(
        recipient=user,
        organization=membership.organization,
        kind=kind,
        actor=by,
        actor_label=by.display_name if by else "",
        application_ref=application.pk,
        reference=f"#{application.pk}, {vacancy}",
        path=path,
    )


def about_application(
    *,
    recipients: Iterable[User],
    application: Application,
    kind: str,
    by: User | None = None,
) -> list[Notification]:
    """Tell each of ``recipients`` who is a member of the application's organization."""
    members = Membership.objects.filter(
        organization_id=application.vacancy.organization_id,
        user_id__in={user.pk for user in recipients},
    )
    return notifications_deliver(
        [
            notification_draft(membership=membership, application=application, kind=kind, by=by)
            for membership in members.select_related("user", "organization").order_by("user_id")
        ]
    )


def identity_report_notify(*, application: Application, by: User | None) -> list[Notification]:
    """Tell the recruiters and owners who follow the application's vacancy (all of them when
    no one does) that a reviewer reports a text of it that still shows who the candidate
    is: it names the application and the reviewer, never what shows."""
    members = Membership.objects.filter(
        organization_id=application.vacancy.organization_id, role__in=following.FOLLOWERS
    )
    followers = members.filter(user__vacancy_follows__vacancy_id=application.vacancy_id)
    told = followers if followers.exists() else members
    return about_application(
        recipients=[member.user for member in told.select_related("user")],
        application=application,
        kind=Notification.Kind.IDENTITY_REPORTED,
        by=by,
    )


def reviews_due_notify(*, vacancy: Vacancy, reviewer_id: int) -> list[Notification]:
    """Ring a reviewer's bell as they are reminded of the reviews waiting on ``vacancy``."""
    membership = (
        Membership.objects.filter(organization_id=vacancy.organization_id, user_id=reviewer_id)
        .select_related("user", "organization")
        .first()
    )
    if membership is None:
        return []
    language = user_mail_language(membership.user)
    with translation.override(language):
        path = reverse(
            "staff_review:vacancy",
            kwargs={"org": membership.organization.slug, "vacancy": vacancy.slug},
        )
    draft = Notification(
        recipient=membership.user,
        organization=membership.organization,
        kind=Notification.Kind.REVIEWS_DUE,
        reference=vacancy_title_for_language(vacancy=vacancy, language=language),
        path=path,
    )
    return notifications_deliver([draft])


def notifications_deliver(drafts: Sequence[Notification]) -> list[Notification]:
    """Write the notifications in one INSERT, then mail at once those whose recipient chose
    it for that kind: one e-mail per person and organization, however many there are."""
    if not drafts:
        return []
    created = Notification.objects.bulk_create(drafts)
    chosen = {
        found.user_id: found
        for found in NotificationSettings.objects.filter(
            user_id__in={item.recipient_id for item in created}
        )
    }
    now: dict[tuple[int, int], list[Notification]] = {}
    for item in created:
        preference = chosen.get(item.recipient_id) or NotificationSettings()
        if preference.email_for(item.kind) == Email.IMMEDIATE:
            now.setdefault((item.recipient_id, item.organization_id), []).append(item)
    for items in now.values():
        _mail(items[0].recipient, items[0].organization, items)
    return created


def mention_notify(sender: Any, *, note: Note, user: User, by: User | None, **kwargs: Any) -> None:
    """Tell ``user`` that ``by`` mentioned them in ``note`` (receiver of ``note_mentioned``)."""
    about_application(
        recipients=[user], application=note.application, kind=Notification.Kind.MENTION, by=by
    )


def _subject(items: Sequence[Notification], organization: Organization) -> str:
    if len(items) > 1:
        return gettext("Your notifications at %(organization)s") % {
            "organization": organization.name
        }
    item = items[0]
    if item.kind == Notification.Kind.MENTION:
        return gettext("%(who)s mentioned you in a note") % {
            "who": item.actor_label or gettext("A colleague")
        }
    return item.sentence().rstrip(".")


def _mail(user: User, organization: Organization, items: Sequence[Notification]) -> None:
    def compose() -> tuple[str, str]:
        groups: dict[str, list[tuple[Notification, str]]] = {}
        for item in sorted(items, key=lambda item: KIND_ORDER.index(item.kind)):
            label = str(Notification.Kind(item.kind).label)
            groups.setdefault(label, []).append((item, settings.SITE_URL + item.path))
        context = {
            "groups": list(groups.items()),
            "grouped": len(items) > 1,
            "organization": organization,
            "page_url": settings.SITE_URL
            + reverse("staff_notifications:list", kwargs={"org": organization.slug}),
            "preferences_url": settings.SITE_URL
            + reverse("staff_notifications:preferences", kwargs={"org": organization.slug}),
        }
        return _subject(items, organization), render_to_string(
            "notifications/email/notifications.txt", context
        )

    outbox_compose(
        to=user.email,
        language=user_mail_language(user),
        compose=compose,
        headers=AUTOMATIC_HEADERS,
        kind=MAIL_KIND,
    )
    Notification.objects.filter(pk__in=[item.pk for item in items]).update(mailed_at=timezone.now())


def notification_read(*, recipient: User, organization: Organization, pk: int) -> Notification:
    """Mark one of ``recipient``'s notifications read; raises DoesNotExist for another's."""
    found = Notification.objects.get(pk=pk, recipient=recipient, organization=organization)
    if found.read_at is None:
        found.read_at = timezone.now()
        found.save(update_fields=["read_at"])
    return found


def notifications_read_all(*, recipient: User, organization: Organization) -> int:
    return Notification.objects.filter(
        recipient=recipient, organization=organization, read_at=None
    ).update(read_at=timezone.now())


def notification_settings_save(
    *, user: User, emails: dict[str, str], digest_hour: int
) -> NotificationSettings:
    """Save ``user``'s choice per kind (``emails``: preference field → choice) and hour."""
    defaults: dict[str, Any] = {name: emails[name] for name in PREFERENCE_FIELDS}
    found, _created = NotificationSettings.objects.update_or_create(
        user=user, defaults={**defaults, "digest_hour": digest_hour}
    )
    return found


def _digest_due(now: datetime) -> QuerySet[NotificationSettings]:
    """Who chose a digest for some kind at this hour and has not had one in the last 20
    hours."""
    hour = timezone.localtime(now).hour
    some_digest = Q()
    for name in PREFERENCE_FIELDS:
        some_digest |= Q(**{name: Email.DIGEST})
    return NotificationSettings.objects.filter(some_digest, digest_hour=hour).exclude(
        digest_sent_at__gt=now - timedelta(hours=20)
    )


def _digest_kinds(chosen: NotificationSettings) -> list[str]:
    return [
        kind for kind, name in PREFERENCE_OF_KIND.items() if chosen.email_for(kind) == Email.DIGEST
    ]


def digests_send(*, now: datetime | None = None) -> int:
    """Mail each member whose digest hour it is their unread, not yet mailed notifications,
    one mail per organization; returns how many mails were queued. Run hourly."""
    now = now or timezone.now()
    sent = 0
    for pk in list(_digest_due(now).values_list("pk", flat=True)):
        with transaction.atomic():
            # Locked and checked again: two runs at once send each digest once.
            due = _digest_due(now).filter(pk=pk).select_for_update(skip_locked=True)
            chosen = due.select_related("user").first()
            if chosen is None:
                continue
            waiting = Notification.objects.filter(
                recipient=chosen.user, read_at=None, mailed_at=None, kind__in=_digest_kinds(chosen)
            ).order_by("organization_id", "-created_at", "-id")
            by_organization: dict[int, list[Notification]] = {}
            for item in waiting.select_related("organization")[: DIGEST_MAX_ITEMS * 4]:
                by_organization.setdefault(item.organization_id, []).append(item)
            for items in by_organization.values():
                _mail(chosen.user, items[0].organization, items[:DIGEST_MAX_ITEMS])
                sent += 1
            chosen.digest_sent_at = now
            chosen.save(update_fields=["digest_sent_at"])
    return sent
