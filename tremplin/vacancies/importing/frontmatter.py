"""Front matter values, typed: the keys job boards and static sites use, and a reader that
turns a value it cannot use into a warning instead of an error."""

import datetime as dt
import re
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils.translation import gettext as _

from tremplin.vacancies.importing import dates
from tremplin.vacancies.importing.textutil import unspelt

# Front matter keys (compared lower-cased) that job boards and static sites use.
TITLE_KEYS = (
    "title", "job_title", "position", "role", "poste", "intitule", "intitulé", "jobtitle",
    "position_title", "titre", "titre_du_poste", "intitulé_du_poste", "intitule_du_poste",
)  # fmt: skip
ORGANIZATION_KEYS = (
    "organization", "organisation", "company", "org", "employer", "employeur", "entreprise",
    "structure", "association", "hiring_organization", "hiring_organisation", "company_name",
    "organization_name", "organisation_name", "employer_name",
)  # fmt: skip
LOCATION_KEYS = (
    "location", "lieu", "city", "ville", "place", "job_location", "work_location",
    "localisation", "lieu_de_travail",
)  # fmt: skip
# "position: internship" beside a title is the terms (as a title, "position" is read first).
EMPLOYMENT_KEYS = (
    "type", "job_type", "employment", "contract", "contrat", "type_de_contrat", "position",
    "compensation",  # a job board's "compensation: gratis", "5k - 10k fixed bid"
)  # fmt: skip
# How long the contract lasts: "length: 6 mois", "duree: 12 mois".
DURATION_KEYS = ("length", "duration", "duree", "durée", "contract_length", "duree_du_contrat")
# When applications close: "deadline", a static site's "poste_ferme" or "date_limite".
DEADLINE_KEYS = (
    "deadline", "closing_date", "valid_through", "date_limite", "date_cloture", "poste_ferme",
    "closes", "closing", "expires", "apply_by",
)  # fmt: skip
# Keys that may hold the address to write to ("contact: jobs@example.org"); a value that is
# no e-mail address (a person's name) is not read, and not warned about.
CONTACT_KEYS = ("contact", "contact_email", "email", "e-mail", "courriel", "mail")
SHOWN_VALUE_CHARS = 80


# A static site's template tags in a posting's body: "{{ page.salary_min }}" shows a front
# matter value, "{{ site.baseurl }}" a setting of the site, "{% if … %}" a condition.
_PAGE_VARIABLE = re.compile(r"\{\{-?\s*page\.(?P<key>[\w-]+)\s*(?:\|[^{}]*)?-?\}\}")
_OTHER_VARIABLE = re.compile(r"\{\{[^{}]*\}\}")
_TAG_LINE = re.compile(r"^[ \t]*\{%[^{}]*%\}[ \t]*$\n?", re.MULTILINE)
_TAG = re.compile(r"\{%[^{}]*%\}")


def fill_template(body: str, data: dict[str, Any]) -> str:
    """``body`` as its reader sees it on the site: each "{{ page.key }}" replaced by the front
    matter's value (its filters, such as a date format, not applied), other variables and
    the tags dropped. Both sides of an "{% if %}" are kept: a reader of the source sees both,
    and a posting states its facts in either ("Work Schedule: Full time" under "{% if
    page.state != 'upcoming' %}")."""
    if "{{" not in body and "{%" not in body:
        return body

    def value(match: re.Match[str]) -> str:
        return text_value(data.get(match.group("key").lower())) or ""

    body = _PAGE_VARIABLE.sub(value, body)
    body = _OTHER_VARIABLE.sub("", body)
    return _TAG.sub("", _TAG_LINE.sub("", body))


def text_value(value: Any) -> str | None:
    if value is None or isinstance(value, dict | list):
        return None
    text = str(value).strip()
    return text or None


class FrontMatter:
    """Typed access to front matter values; a value it cannot use becomes a warning."""

    def __init__(self, data: dict[str, Any], warnings: list[str]) -> None:
        # "Job Title:" and "job-title:" read as "job_title:".
        self.data = {**{re.sub(r"[\s-]+", "_", key): v for key, v in data.items()}, **data}
        self.warnings = warnings

    def text(self, *keys: str) -> str | None:
        for key in keys:
            if (value := text_value(self.data.get(key))) is not None:
                return value
        return None

    def shown(self, key: str) -> str:
        """The value of ``key`` as written, cut short for a message."""
        value = str(self.data.get(key))
        return value if len(value) <= SHOWN_VALUE_CHARS else value[:SHOWN_VALUE_CHARS] + "…"

    def ignored(self, key: str) -> None:
        self.warnings.append(
            _("The front matter value %(key)s: %(value)s is not understood and was ignored.")
            % {"key": key, "value": self.shown(key)}
        )

    def date(self, *keys: str) -> dt.date | None:
        for key in keys:
            if key in self.data and self.data[key] is not None:
                found = dates.parse_date_value(self.data[key])
                if found is None:
                    self.warnings.append(
                        _(
                            "The front matter value %(key)s: %(value)s is not a valid date "
                            "(year-month-day, a day that exists) and was ignored."
                        )
                        % {"key": key, "value": self.shown(key)}
                    )
                return found
        return None

    def boolean(self, key: str) -> bool | None:
        value = self.data.get(key)
        if value is None or isinstance(value, bool):
            return value
        self.ignored(key)
        return None

    def email(self, key: str) -> str | None:
        value = self.text(key)
        if value is None:
            return None
        try:
            validate_email(value)
        except ValidationError:
            self.ignored(key)
            return None
        return value.lower()

    def any_email(self, *keys: str) -> str | None:
        """The first of ``keys`` whose value is an e-mail address, spelt out against robots
        or not, the first of a list ("a _at_ b.fr , c dot d _at_ e.fr"); other values are
        not read."""
        for key in keys:
            value = self.text(key)
            if value is None:
                continue
            first = re.split(r"\s*[,;]\s*", value.strip())[0]
            address = unspelt(first.removeprefix("mailto:"))
            try:
                validate_email(address)
            except ValidationError:
                continue
            return address.lower()
        return None

    def url(self, key: str) -> str | None:
        value = self.text(key)
        if value is None:
            return None
        try:
            URLValidator(schemes=["http", "https"])(value)
        except ValidationError:
            self.ignored(key)
            return None
        return value

    def choice(self, key: str, choices: tuple[str, ...]) -> str | None:
        value = self.text(key)
        if value is None:
            return None
        normalised = re.sub(r"[\s-]+", "_", value.upper())
        if normalised not in choices:
            self.ignored(key)
            return None
        return normalised
