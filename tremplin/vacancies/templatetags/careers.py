"""Small display helpers for the careers site's templates."""

from typing import Any

from django import template
from django.template.defaultfilters import floatformat
from django.urls import translate_url
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tremplin.core.language import language_name
from tremplin.vacancies.models import Vacancy
from tremplin.vacancies.selectors import vacancy_title_for_language

register = template.Library()


@register.simple_tag(takes_context=True)
def translated_url(context: dict[str, Any], language: str, absolute: bool = False) -> str:
    """The current page's address in ``language`` (query string kept)."""
    request = context["request"]
    url = translate_url(request.get_full_path(), language)
    return request.build_absolute_uri(url) if absolute else url


@register.simple_tag
def pay_range(vacancy: Vacancy) -> str:
    """“45,000–60,000 EUR per year”, in the active language's number format."""
    if not vacancy.has_pay_range:
        return ""
    low = floatformat(vacancy.pay_min, "-2g")
    high = floatformat(vacancy.pay_max, "-2g")
    amount = low if low == high else f"{low}–{high}"
    return _("%(amount)s %(currency)s %(period)s") % {
        "amount": amount,
        "currency": vacancy.pay_currency,
        "period": Vacancy.PayPeriod(vacancy.pay_period).label,
    }


@register.filter
def months(count: int | None) -> str:
    if not count:
        return ""
    return ngettext("%(count)d month", "%(count)d months", count) % {"count": count}


@register.simple_tag
def work_place(vacancy: Vacancy) -> str:
    """Where the work happens: “Paris, remote possible”, “Fully remote”, “Lyon, on site”."""
    if vacancy.remote is True:
        if vacancy.location:
            return _("%(location)s, remote possible") % {"location": vacancy.location}
        return _("Fully remote")
    if vacancy.remote is False and vacancy.location:
        return _("%(location)s, on site") % {"location": vacancy.location}
    return vacancy.location


register.filter("language_name", language_name)


@register.filter
def vacancy_title(vacancy: Vacancy) -> str:
    """The vacancy's title in the active language: ``selectors.vacancy_title_for_language``
    (one query unless its texts were prefetched)."""
    return vacancy_title_for_language(vacancy=vacancy)


@register.filter
def web_url(url: str) -> str:
    """``url`` when it is an http(s) address, else nothing: never a ``javascript:`` link."""
    return url if url.lower().startswith(("https://", "http://")) else ""
