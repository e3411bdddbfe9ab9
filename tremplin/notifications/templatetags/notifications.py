"""The workspace's bell: ``{% notification_bell %}`` in the staff layout (which stands
below this app and cannot import it)."""

from typing import Any

from django import template

from tremplin.notifications.selectors import BELL_MAX, unread_count

register = template.Library()


@register.inclusion_tag("notifications/_bell.html", takes_context=True)
def notification_bell(context: dict[str, Any]) -> dict[str, Any]:
    request = context["request"]
    organization = getattr(request, "organization", None)
    count = 0
    if organization is not None and request.user.is_authenticated:
        count = unread_count(recipient=request.user, organization=organization)
    return {
        "organization": organization,
        "count": count,
        "shown": f"{BELL_MAX}+" if count > BELL_MAX else str(count),
    }
