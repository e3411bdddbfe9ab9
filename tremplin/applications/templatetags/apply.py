"""``{% apply_form vacancy text %}``: the ways to apply, for the vacancy page, and
``{% takes_applications vacancy as accepts %}`` for the apply button at its top."""

from typing import Any

from django import template

from tremplin.applications.forms import ApplicationForm
from tremplin.applications.intake.routing import vacancy_reply_address
from tremplin.applications.selectors import vacancy_accepts_applications
from tremplin.vacancies.models import Vacancy, VacancyText

register = template.Library()


@register.inclusion_tag("applications/_apply_section.html", takes_context=True)
def apply_form(context: template.Context, vacancy: Vacancy, text: VacancyText) -> dict[str, Any]:
    """The form and the e-mail address while the vacancy takes applications."""
    accepts = vacancy_accepts_applications(vacancy=vacancy)
    return {
        "request": context.get("request"),
        "vacancy": vacancy,
        "text": text,
        "accepts": accepts,
        "form": ApplicationForm(vacancy=vacancy) if accepts else None,
        # The tagged address routes the mail to this vacancy; the posting's own address
        # (often the untagged one) lands in the unsorted list.
        "email_address": vacancy_reply_address(vacancy=vacancy) or vacancy.apply_email,
    }


@register.simple_tag
def takes_applications(vacancy: Vacancy) -> bool:
    """Whether the vacancy page shows its apply button (the form is at its foot)."""
    return vacancy_accepts_applications(vacancy=vacancy)
