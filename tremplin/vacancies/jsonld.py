"""schema.org ``JobPosting`` for a published vacancy, and its safe ``<script>`` tag.

https://schema.org/JobPosting; the field names below are schema.org's.
"""

import datetime
import json
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from tremplin.core.markdown import render_markdown
from tremplin.vacancies.models import Vacancy, VacancyText

# The same escapes as django.utils.html.json_script: no "<", ">" or "&" reaches the HTML
# parser, so "</script>" in a title cannot close the tag. U+2028/U+2029 are escaped too.
_SCRIPT_ESCAPES = {
    ord(">"): "\\u003E",
    ord("<"): "\\u003C",
    ord("&"): "\\u0026",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _end_of_day(day: datetime.date) -> str:
    """The last second of ``day`` where the site is, ISO 8601 with its UTC offset."""
    moment = datetime.datetime.combine(day, datetime.time(23, 59, 59))
    return moment.replace(tzinfo=ZoneInfo(settings.TIME_ZONE)).isoformat()


def vacancy_jobposting(*, vacancy: Vacancy, text: VacancyText, url: str) -> dict[str, Any]:
    """The JobPosting for ``vacancy`` as told by ``text``; ``url`` is the page's absolute URL.

    Fields the vacancy does not state are left out rather than guessed.
    """
    organization = vacancy.organization
    hiring: dict[str, Any] = {"@type": "Organization", "name": organization.name}
    if organization.website:
        hiring["sameAs"] = organization.website
    posting: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": text.title,
        "description": str(render_markdown(text.body)) or text.summary or text.title,
        "url": url,
        "inLanguage": text.language,
        "hiringOrganization": hiring,
        "identifier": {
            "@type": "PropertyValue",
            "name": organization.name,
            "value": f"{organization.slug}/{vacancy.slug}",
        },
    }
    if vacancy.date_posted:
        posting["datePosted"] = vacancy.date_posted.isoformat()
    if vacancy.deadline:
        posting["validThrough"] = _end_of_day(vacancy.deadline)
    if vacancy.employment_type:
        posting["employmentType"] = vacancy.employment_type
    if vacancy.location:
        posting["jobLocation"] = {
            "@type": "Place",
            "address": {"@type": "PostalAddress", "addressLocality": vacancy.location},
        }
    if vacancy.remote:
        posting["jobLocationType"] = "TELECOMMUTE"
    if vacancy.has_pay_range:
        assert vacancy.pay_min is not None and vacancy.pay_max is not None  # noqa: S101
        posting["baseSalary"] = {
            "@type": "MonetaryAmount",
            "currency": vacancy.pay_currency,
            "value": {
                "@type": "QuantitativeValue",
                "minValue": _number(vacancy.pay_min),
                "maxValue": _number(vacancy.pay_max),
                "unitText": vacancy.pay_period,
            },
        }
    if vacancy.min_years_experience:
        posting["experienceRequirements"] = {
            "@type": "OccupationalExperienceRequirements",
            "monthsOfExperience": vacancy.min_years_experience * 12,
        }
    return posting


def jsonld_script(data: dict[str, Any]) -> SafeString:
    """``data`` inside ``<script type="application/ld+json">``, escaped as json_script does."""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(payload),  # noqa: S308 (escaped just above)
    )
