"""A posting's fields in words, for the commands to print: what it states, what it does not."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tremplin.vacancies.importing.criteria_kinds import MUST, NICE, QUALITY
from tremplin.vacancies.importing.posting import ParsedPosting

# The labels of Vacancy.PayPeriod, written again: this module imports no model, so that
# parse-vacancy runs without a database or settings.py.
PAY_PERIOD_LABELS = {
    "HOUR": gettext_lazy("per hour"),
    "DAY": gettext_lazy("per day"),
    "WEEK": gettext_lazy("per week"),
    "MONTH": gettext_lazy("per month"),
    "YEAR": gettext_lazy("per year"),
}


def _pay(posting: ParsedPosting) -> str | None:
    salary = posting.salary
    if salary is None:
        return None
    figures = salary.as_json()
    low = "?" if figures["min"] is None else str(figures["min"])
    high = "?" if figures["max"] is None else str(figures["max"])
    text = low if low == high else f"{low}–{high}"
    period = str(PAY_PERIOD_LABELS[salary.period]) if salary.period else "?"
    return " ".join((text, salary.currency or "?", period))


def _employment(posting: ParsedPosting) -> str | None:
    if posting.employment_type is None and posting.contract_duration_months is None:
        return None
    parts = [posting.employment_type or "?"]
    if posting.contract_duration_months is not None:
        parts.append(_("%(months)d months") % {"months": posting.contract_duration_months})
    return ", ".join(parts)


def posting_fields(posting: ParsedPosting) -> list[tuple[str, str | None]]:
    """(label, value in words) for every field; the value is None when not stated."""
    remote = {True: _("yes"), False: _("no"), None: None}[posting.remote]
    return [
        (_("language"), posting.language),
        (_("title"), posting.title),
        (_("organization"), posting.organization),
        (_("employment type"), _employment(posting)),
        (_("pay range"), _pay(posting)),
        (_("location"), posting.location),
        (_("remote"), remote),
        (_("apply e-mail"), posting.apply_email),
        (_("apply URL"), posting.apply_url),
        (_("deadline"), posting.deadline.isoformat() if posting.deadline else None),
        (_("required languages"), ", ".join(posting.required_languages) or None),
        (_("application language"), posting.application_language),
        (
            _("minimum years of experience"),
            None if posting.min_years_experience is None else str(posting.min_years_experience),
        ),
    ]


def criteria_counts(posting: ParsedPosting) -> str:
    return _("%(total)d criteria (%(must)d must, %(nice)d nice, %(quality)d quality)") % {
        "total": len(posting.criteria),
        "must": posting.criteria_count(MUST),
        "nice": posting.criteria_count(NICE),
        "quality": posting.criteria_count(QUALITY),
    }
