"""The writes of notifications: telling a member they were mentioned (in the workspace,
and by e-mail unless they chose a digest or no e-mail), marking read, the daily digests."""

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from tremplin.accounts.models import Membership, Organization, User
from tremplin.accounts.selectors import user_mail_language
from tremplin.applications.models import Note
from tremplin.messaging.outbox import AUTOMATIC_HEADERS, outbox_compose
from tremplin.notifications.models import Notification, NotificationSettings
from tremplin.vacancies.selectors import vacancy_title_for_language

MAIL_KIND = "notification"
# At most this many notifications listed in one digest; the rest are on the page it links.
DIGEST_MAX_ITEMS = 50


def settings_of(user: User) -> NotificationSettings:
    found = NotificationSettings.objects.filter(user=user).first()
    return found or NotificationSettings(user=user)


def _path(note: Note, membership: Membership) -> str:
    """The page a member opens for the note's application: its page for recruiters and
    owners, its review page for reviewers (where notes show once identities are)."""
    application = note.application
    org = application.vacancy.organization.slug
    if membership.role == Membership.Role.REVIEWER:
        return reverse(
            "staff_review:application",
            kwargs={"org": org, "vacancy": application.vacancy.slug, "application": application.pk},
        )
    return reverse("staff_applications:detail", kwargs={"org": org, "application": application.pk})


def mention_notify(sender: Any, *, note: Note, user: User, by: User | None, **kwargs: Any) -> None:
    """Tell ``user`` that ``by`` mentioned them in ``note`` (receiver of ``note_mentioned``)."""
    organization = note.application.vacancy.organization
    membership = Membership.objects.filter(user=user, organization=organization).first()
    if membership is None:
        return
    language = user_mail_language(user)
    with translation.override(language):  # the link in their language
        path = _path(note, membership)
    vacancy = vacancy_title_for_language(vacancy=note.application.vacancy, language=language)
    notification = Notification.objects.create(
        recipient=user,
        organization=organization,
        kind=Notification.Kind.MENTION,
        actor=by,
        actor_label=(by.get_full_name() or by.email) if by else "",
        application_ref=note.application_id,
        reference=f"#{note.application_id}, {vacancy}",
        path=path,
    )
    if settings_of(user).email == NotificationSettings.Email.IMMEDIATE:
        _mail(user, organization, [notification])


def _mail(user: User, organization: Organization, items: Sequence[Notification]) -> None:
    def compose() -> tuple[str, str]:
        context = {
            "items": [(item, settings.SITE_URL + item.path) for item in items],
            "organization": organization,
            "page_url": settings.SITE_URL
            + reverse("staff_notifications:list", kwargs={"org": organization.slug}),
            "preferences_url": settings.SITE_URL
            + reverse("staff_notifications:preferences", kwargs={"org": organization.slug}),
        }
        if len(items) == 1:
            subject = gettext("%(who)s mentioned you in a note") % {
                "who": items[0].actor_label or gettext("A colleague")
            }
        else:
            subject = gettext("Your notifications at %(organization)s") % {
                "organization": organization.name
            }
        return subject, render_to_string("notifications/email/notifications.txt", context)

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


def notification_settings_save(*, user: User, email: str, digest_hour: int) -> NotificationSettings:
    found, _created = NotificationSettings.objects.update_or_create(
        user=user, defaults={"email": email, "digest_hour": digest_hour}
    )
    return found


def _digest_due(now: datetime) -> QuerySet[NotificationSettings]:
    """Who chose a digest at this hour and has not had one in the last 20 hours."""
    hour = timezone.localtime(now).hour
    return NotificationSettings.objects.filter(
        email=NotificationSettings.Email.DIGEST, digest_hour=hour
    ).exclude(digest_sent_at__gt=now - timedelta(hours=20))


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
                recipient=chosen.user, read_at=None, mailed_at=None
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
