"""The reads of notifications: the bell's count and the page's list."""

from django.db.models import QuerySet

from tremplin.accounts.models import Organization, User
from tremplin.notifications.models import Notification

# The bell shows "99+" beyond this: counting stops there, however many wait.
BELL_MAX = 99


def unread_count(*, recipient: User, organization: Organization) -> int:
    """How many of ``recipient``'s notifications at ``organization`` are unread, up to
    BELL_MAX + 1 (the count reads at most that many index entries)."""
    unread = Notification.objects.filter(
        recipient=recipient, organization=organization, read_at=None
    )
    return unread.order_by()[: BELL_MAX + 1].count()


def notifications_of(*, recipient: User, organization: Organization) -> QuerySet[Notification]:
    """Newest first; the page shows it a page at a time."""
    return Notification.objects.filter(recipient=recipient, organization=organization).order_by(
        "-created_at", "-id"
    )
