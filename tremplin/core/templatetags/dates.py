"""``{{ vacancy.deadline|deadline }}``: a deadline as people read it, with its time zone.

Other dates need no filter of their own: ``|date:"DATE_FORMAT"`` and the other named formats
spell the month in words in every language (``tremplin.core.formats``).
"""

import datetime
from zoneinfo import ZoneInfo

from django import template
from django.conf import settings
from django.utils import formats
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from tremplin.core.language import french_elide

register = template.Library()


def zone_name() -> str:
    """The site's time zone as people say it: "Paris time", "heure de Paris", "UTC"."""
    zone = str(settings.TIME_ZONE)
    if "/" not in zone:
        return zone
    city = zone.rsplit("/", 1)[1].replace("_", " ")
    text = _("%(city)s time") % {"city": city}
    return french_elide(text) if (get_language() or "").startswith("fr") else text


@register.filter
def deadline(day: datetime.date | None) -> str:
    """The end of ``day`` where the site is: "1 December 2027, 23:59 (Paris time)"."""
    if day is None:
        return ""
    end = datetime.datetime.combine(day, datetime.time(23, 59), tzinfo=ZoneInfo(settings.TIME_ZONE))
    return _("%(moment)s (%(zone)s)") % {
        "moment": formats.date_format(end, "DATETIME_FORMAT"),
        "zone": zone_name(),
    }
