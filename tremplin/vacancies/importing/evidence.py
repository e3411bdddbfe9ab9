"""Where each field of a parsed posting came from: the sentence that states it.

The import page shows it next to the field, so that a recruiter checks a field against
the words it was read from. A field read from the front matter shows its "key: value"
line. The sentence is found again after reading, by asking each extractor which sentence
alone gives the same value: nothing here decides a field.
"""

from collections.abc import Callable
from typing import Any

from tremplin.vacancies.importing import asked, contract, dates, durations, money, place
from tremplin.vacancies.importing.posting import ParsedPosting
from tremplin.vacancies.importing.structure import parse_structure
from tremplin.vacancies.importing.textutil import fold, sentences

SHOWN_CHARS = 200


def _shown(sentence: str) -> str:
    return sentence if len(sentence) <= SHOWN_CHARS else sentence[:SHOWN_CHARS] + "…"


def _mentions(value: str) -> Callable[[str], bool]:
    folded = fold(value)
    return lambda sentence: folded in fold(sentence)


def _location_of(sentence: str) -> str | None:
    return place.location(parse_structure(sentence, source_name=""))


def _deadline_is(value: Any) -> Callable[[str], bool]:
    def states(sentence: str) -> bool:
        mention = dates.deadline(sentence)
        if mention is None:
            return False
        if mention.date is not None:
            return bool(mention.date == value)
        return (mention.month, mention.day) == (value.month, value.day)

    return states


def _field_tests(posting: ParsedPosting) -> dict[str, Callable[[str], bool]]:
    """For each stated field, a test telling whether a sentence states its value."""
    tests: dict[str, Callable[[str], bool]] = {}
    for name in ("title", "organization", "apply_email", "apply_url"):
        if value := getattr(posting, name):
            tests[name] = _mentions(value)
    if posting.organization is None and posting.organization_guess:
        tests["organization"] = _mentions(posting.organization_guess)
    if posting.location:
        tests["location"] = lambda s: _location_of(s) == posting.location
    if posting.employment_type:
        tests["employment_type"] = lambda s: contract.employment_type(s) == posting.employment_type
    if posting.contract_duration_months:
        months = posting.contract_duration_months
        tests["contract_duration_months"] = lambda s: (
            durations.contract_duration_months(s) == months
        )
    if posting.salary:
        tests["salary"] = lambda s: money.salary(s) == posting.salary
    if posting.deadline:
        tests["deadline"] = _deadline_is(posting.deadline)
    if posting.required_languages:
        tests["required_languages"] = lambda s: bool(asked.required_languages(s))
    if posting.min_years_experience is not None:
        years = posting.min_years_experience
        tests["min_years_experience"] = lambda s: asked.min_years_experience(s) == years
    return tests


def field_sources(posting: ParsedPosting, text: str) -> dict[str, str]:
    """Field name → the sentence of ``text`` (or front matter line) its value came from.

    A field whose value no single sentence gives (put together from several) has none.
    """
    document = parse_structure(text, source_name=posting.source_name)
    front_matter = {
        key: f"{key}: {value}"
        for key, value in document.front_matter.items()
        if isinstance(value, str | int | float) and not isinstance(value, bool)
    }
    found: dict[str, str] = {}
    candidates = [*front_matter.values(), *sentences(document.plain_text)]
    for name, states in _field_tests(posting).items():
        source = next((line for line in candidates if states(line)), None)
        if source is not None:
            found[name] = _shown(source)
    return found


# The rows of report.posting_fields, by the fields each is read from.
ROW_FIELDS = (
    (),
    ("title",),
    ("organization",),
    ("employment_type", "contract_duration_months"),
    ("salary",),
    ("location",),
    (),
    ("apply_email",),
    ("apply_url",),
    ("deadline",),
    ("required_languages",),
    (),
    ("min_years_experience",),
)


def explained_rows(
    posting: ParsedPosting, text: str, rows: list[tuple[str, str | None]]
) -> list[tuple[str, str | None, str | None, bool]]:
    """``rows`` (report.posting_fields) with the sentence each came from and whether the
    value is a guess: (label, value, source sentence or None, guessed). An organization the
    text does not name is proposed from the apply address's domain, as a guess."""
    sources = field_sources(posting, text)
    explained = []
    for (label, value), names in zip(rows, ROW_FIELDS, strict=True):
        source = next((sources[name] for name in names if name in sources), None)
        guessed = any(name in posting.guessed for name in names)
        if names == ("organization",) and value is None and posting.organization_guess:
            value, guessed = posting.organization_guess, True
        explained.append((label, value, source if value is not None else None, guessed))
    return explained
