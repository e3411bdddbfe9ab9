"""How a parsed posting's fields and criteria land on a vacancy (used by ``vacancy_import``).

When the posting is the vacancy's only text, the vacancy says what the posting says, a
field the posting no longer states being emptied. When the vacancy has texts in other
languages, the texts must agree: a field one text leaves out is kept, a field only the new
text states is taken, and a disagreement is reported. A re-imported text wins its
disagreements (it is the newer word); a newly added translation does not.

A fixed term stated full time (FULL_TIME) and the same fixed term with no hours
(TEMPORARY) do not disagree: the more precise FULL_TIME or PART_TIME is kept.
"""

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.utils.text import slugify
from django.utils.translation import gettext as _

from tremplin.accounts.models import Organization
from tremplin.core.language import language_name
from tremplin.vacancies.importing.posting import ParsedPosting
from tremplin.vacancies.models import VACANCY_POSTING_FIELDS, Criterion, CriterionText, Vacancy

SLUG_MAX = 120
_HOURS_STATED = ("FULL_TIME", "PART_TIME")
# The posting's fields, the four of the pay range taken together as "pay".
FIELD_NAMES = tuple(
    dict.fromkeys("pay" if name.startswith("pay_") else name for name in VACANCY_POSTING_FIELDS)
)


def unique_slug(*, organization: Organization, wanted: str) -> str:
    """``wanted`` as a slug, made unique among the organization's vacancies."""
    base = slugify(wanted)[:SLUG_MAX].strip("-") or "vacancy"
    taken = set(
        Vacancy.objects.filter(organization=organization, slug__startswith=base).values_list(
            "slug", flat=True
        )
    )
    slug, number = base, 2
    while slug in taken:
        suffix = f"-{number}"
        slug = base[: SLUG_MAX - len(suffix)] + suffix
        number += 1
    return slug


def _money(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _stated_values(posting: ParsedPosting) -> dict[str, Any]:
    salary = posting.salary
    return {
        "kind": Vacancy.Kind.VOLUNTEER if posting.is_volunteer else Vacancy.Kind.JOB,
        "employment_type": posting.employment_type or "",
        "contract_duration_months": posting.contract_duration_months,
        "location": posting.location or "",
        "remote": posting.remote,
        "pay": (
            _money(salary.min) if salary else None,
            _money(salary.max) if salary else None,
            (salary.currency or "") if salary else "",
            (salary.period or "") if salary else "",
        ),
        "apply_email": posting.apply_email or "",
        "apply_url": posting.apply_url or "",
        "required_languages": list(posting.required_languages),
        "application_language": posting.application_language or "",
        "min_years_experience": posting.min_years_experience,
        "deadline": posting.deadline,
    }


def _current_values(vacancy: Vacancy) -> dict[str, Any]:
    values = {name: getattr(vacancy, name) for name in FIELD_NAMES if name != "pay"}
    values["pay"] = (vacancy.pay_min, vacancy.pay_max, vacancy.pay_currency, vacancy.pay_period)
    return values


def _set(vacancy: Vacancy, name: str, value: Any) -> None:
    if name == "pay":
        vacancy.pay_min, vacancy.pay_max, vacancy.pay_currency, vacancy.pay_period = value
    else:
        setattr(vacancy, name, value)


def _is_empty(value: Any) -> bool:
    if isinstance(value, tuple):
        return all(part in (None, "") for part in value)
    return value in (None, "", [])


def _shown(value: Any) -> str:
    if isinstance(value, tuple):
        low, high, currency, period = value
        return " ".join(str(part) for part in (f"{low}–{high}", currency, period) if part)
    if isinstance(value, list):
        return ", ".join(value)
    return str(value)


def _field_label(name: str) -> str:
    labels = {
        "kind": _("kind"),
        "employment_type": _("employment type"),
        "contract_duration_months": _("contract duration (months)"),
        "location": _("location"),
        "remote": _("remote"),
        "pay": _("pay range"),
        "apply_email": _("apply e-mail"),
        "apply_url": _("apply URL"),
        "required_languages": _("required languages"),
        "application_language": _("application language"),
        "min_years_experience": _("minimum years of experience"),
        "deadline": _("deadline"),
    }
    return labels[name]


def _refines(old: str, new: str) -> bool:
    """Whether one type is TEMPORARY and the other the same term with its hours stated."""
    return "TEMPORARY" in (old, new) and bool({old, new} & set(_HOURS_STATED))


def vacancy_fields_apply(
    *, vacancy: Vacancy, posting: ParsedPosting, sole_text: bool, updating: bool
) -> list[str]:
    """Set ``vacancy``'s fields from ``posting`` (unsaved); the disagreements, as sentences."""
    notes: list[str] = []
    stated = _stated_values(posting)
    current = _current_values(vacancy) if vacancy.pk else {}
    if posting.translation_key and (sole_text or not vacancy.translation_key):
        vacancy.translation_key = posting.translation_key[:SLUG_MAX]
    elif posting.slug and vacancy.pk and posting.slug != vacancy.slug:
        # A translation whose own front matter names another slug: remember it, so that
        # the next import of that text finds this vacancy by its slug.
        vacancy.translation_key = vacancy.translation_key or posting.slug
    if posting.date_posted is not None:
        vacancy.date_posted = posting.date_posted
    for name, new in stated.items():
        if sole_text or not vacancy.pk:
            _set(vacancy, name, new)
            continue
        old = current[name]
        if _is_empty(new) or new == old:
            continue
        if _is_empty(old):
            _set(vacancy, name, new)
            continue
        if name == "employment_type" and _refines(old, new):
            _set(vacancy, name, old if old in _HOURS_STATED else new)
            continue
        if name == "required_languages":
            _set(vacancy, name, [*old, *(code for code in new if code not in old)])
            continue
        values = {
            "field": _field_label(name),
            "language": language_name(posting.language),
            "new": _shown(new),
            "old": _shown(old),
        }
        if updating:
            _set(vacancy, name, new)
            notes.append(
                _(
                    "The %(language)s text changes the %(field)s from %(old)s to %(new)s: "
                    "check that the other languages say the same."
                )
                % values
            )
        else:
            notes.append(
                _(
                    "The %(language)s text states %(new)s as the %(field)s, where the vacancy "
                    "has %(old)s: %(old)s was kept."
                )
                % values
            )
    return notes


def vacancy_criteria_store(
    *, vacancy: Vacancy, posting: ParsedPosting, other_languages: bool
) -> list[str]:
    """Store the posting's criteria in its language; the problems, as sentences."""
    language = posting.language or ""
    existing = list(vacancy.criteria.order_by("position", "pk"))
    parsed = posting.criteria
    if existing and other_languages and len(existing) != len(parsed):
        return [
            _(
                "The %(language)s text lists %(new)d criteria where the vacancy has "
                "%(old)d: the criteria were kept as they are, without %(language)s wording. "
                "Edit them by hand."
            )
            % {"language": language_name(language), "new": len(parsed), "old": len(existing)}
        ]
    notes: list[str] = []
    for position, criterion in enumerate(parsed):
        if position < len(existing):
            stored = existing[position]
            if stored.kind != criterion.kind:
                if other_languages:
                    notes.append(
                        _(
                            "Criterion %(number)d is “%(new)s” in the %(language)s text but "
                            "“%(old)s” in the vacancy: “%(old)s” was kept."
                        )
                        % {
                            "number": position + 1,
                            "language": language_name(language),
                            "new": criterion.kind,
                            "old": stored.kind,
                        }
                    )
                else:
                    stored.kind = criterion.kind
                    stored.save(update_fields=["kind"])
        else:
            stored = Criterion.objects.create(
                vacancy=vacancy, kind=criterion.kind, position=position
            )
        CriterionText.objects.update_or_create(
            criterion=stored, language=language, defaults={"text": criterion.text}
        )
    for surplus in existing[len(parsed) :]:
        surplus.delete()
    return notes
