"""How well the importer reads postings whose fields were labelled by hand.

The labels file is JSON: ``{"held_out": [file names], "postings": {file name: labels}}``,
each posting's labels holding the fields of ``FIELDS`` (null when the posting does not
state one) and ``criteria``, a list of ``{"text": …, "kind": "must" | "nice"}``.

Three figures, each overall, for the tuned part and for the held-out part:

- field accuracy: the share of (posting, field) pairs read exactly as labelled (a location
  labelled with its remote work, "Paris (partial remote)", is read right as its place with
  remote work offered; an organization's name, with or without its leading article);
- criteria recall: the share of labelled criteria found among the parsed ones (same
  words, give or take punctuation, case and a few words cut);
- must/nice split: the share of found criteria whose kind is the labelled one (a
  "quality" criterion counts as a must: a personal quality is asked for, not a bonus).
"""

import difflib
import json
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from tremplin.vacancies.importing.criteria_kinds import MUST, NICE, QUALITY
from tremplin.vacancies.importing.posting import ParsedPosting
from tremplin.vacancies.importing.structure import strip_inline_markup
from tremplin.vacancies.importing.textutil import fold

FIELDS = (
    "organization",
    "title",
    "employment_type",
    "contract_duration_months",
    "location",
    "apply_email",
    "apply_url",
    "salary",
    "required_languages",
    "min_years_experience",
    "deadline",
)
SAME_CRITERION = 0.85


@dataclass
class Tally:
    """Counts for one group of postings."""

    fields_right: int = 0
    fields_total: int = 0
    criteria_found: int = 0
    criteria_total: int = 0
    kinds_right: int = 0
    per_field: dict[str, list[int]] = field(default_factory=dict)

    @staticmethod
    def share(right: int, total: int) -> float | None:
        return right / total if total else None

    @property
    def field_accuracy(self) -> float | None:
        return self.share(self.fields_right, self.fields_total)

    @property
    def criteria_recall(self) -> float | None:
        return self.share(self.criteria_found, self.criteria_total)

    @property
    def kind_accuracy(self) -> float | None:
        return self.share(self.kinds_right, self.criteria_found)


@dataclass
class Score:
    all: Tally
    tuned: Tally
    held_out: Tally
    misses: list[str]


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", fold(text)))


def _normal(name: str, value: Any) -> Any:
    if value is None or value == [] or value == "":
        return None
    if name == "salary":
        return {
            key: (
                str(Decimal(str(value[key])).normalize()) if key in ("min", "max") else value[key]
            )
            if value.get(key) is not None
            else None
            for key in ("min", "max", "currency", "period")
        }
    if name == "required_languages":
        return sorted(value)
    if name in ("apply_url",):
        return str(value).rstrip("/")
    if name == "organization" and isinstance(value, str):
        # "La Plateforme de l'inclusion", "The Tor Project": the same name with its article.
        return re.sub(r"^(?:the|la|le|les|l)\s+", "", _words(value))
    if isinstance(value, str):
        return _words(value) if name in ("title", "location") else value.lower()
    return value


# A location label may hold what the importer gives apart, the place as ``location`` and
# whether remote work is offered as ``remote``: "Paris (partial remote)", "Paris, Lyon or
# remote", "Remote (France)" (no place: the work is remote, France is where from). The place
# alone, with remote work found, is then read right too.
_REMOTE = r"(?:(?:fully|entirely|entièrement|100\s?%)\s+)?(?:remote|virtual|(?:en\s+)?télétravail)"
_REMOTE_FIRST = re.compile(rf"^{_REMOTE}\b\s*(?:(?:/|and/or|or|ou)\s+(?P<place>.+)|.*)$", re.I)
_REMOTE_NOTE = re.compile(r"\s*\([^()]*\b(?:remote|télétravail|hybrid)\b[^()]*\)", re.I)
# "Paris (weekly) and remote": how often one goes to the place is a note on the remote work.
_HOW_OFTEN = r"\s*\((?:occasional|weekly|monthly|meetings|\d+\s+meetings\s+a\s+month|\w+days)\)"
_OR_REMOTE = re.compile(rf"(?:{_HOW_OFTEN})?,?\s+(?:and/or|and|or|ou|et)\s+{_REMOTE}\s*$", re.I)


def _labelled_place(label: str | None) -> tuple[str | None, bool | None]:
    """The place a location label names, and True when it says remote work is offered."""
    if not label or not re.search(r"remote|télétravail|virtual|hybrid", label, re.I):
        return label, None
    if first := _REMOTE_FIRST.match(label):
        return first["place"], True
    return _OR_REMOTE.sub("", _REMOTE_NOTE.sub("", label)), True


def _parsed_value(posting: ParsedPosting, name: str) -> Any:
    if name == "salary":
        return posting.salary.as_json() if posting.salary else None
    if name == "deadline":
        return posting.deadline.isoformat() if posting.deadline else None
    return getattr(posting, name)


def _same_criterion(labelled: str, parsed: str) -> bool:
    # A label copies the posting's Markdown ("adhere to our [code of conduct](https://…)"),
    # which the importer shows as words.
    a, b = _words(strip_inline_markup(labelled)), _words(parsed)
    if not a or not b:
        return False
    if a == b or (
        len(a) > 20 and (a in b or b in a) and min(len(a), len(b)) / max(len(a), len(b)) > 0.6
    ):
        return True
    return difflib.SequenceMatcher(None, a, b).ratio() >= SAME_CRITERION


def _kind(kind: str) -> str:
    return MUST if kind == QUALITY else kind


def score_posting(
    posting: ParsedPosting, labels: dict[str, Any], tally: Tally, misses: list[str]
) -> None:
    """Add one posting's results to ``tally``; describe what it got wrong in ``misses``."""
    for name in FIELDS:
        got = _normal(name, _parsed_value(posting, name))
        right = _normal(name, labels.get(name)) == got
        if name == "location" and not right:
            place, remote = _labelled_place(labels.get(name))
            right = bool(remote and posting.remote) and _normal(name, place) == got
        counts = tally.per_field.setdefault(name, [0, 0])
        counts[0] += right
        counts[1] += 1
        tally.fields_right += right
        tally.fields_total += 1
        if not right:
            got_value = _parsed_value(posting, name)
            misses.append(
                f"{posting.source_name}: {name}: expected {labels.get(name)!r}, got {got_value!r}"
            )
    unused = list(posting.criteria)
    for criterion in labels.get("criteria", []):
        tally.criteria_total += 1
        match = next((c for c in unused if _same_criterion(criterion["text"], c.text)), None)
        if match is None:
            misses.append(f"{posting.source_name}: criterion not found: {criterion['text']}")
            continue
        unused.remove(match)
        tally.criteria_found += 1
        if _kind(match.kind) == criterion["kind"]:
            tally.kinds_right += 1
        else:
            misses.append(
                f"{posting.source_name}: criterion read as {match.kind}: {criterion['text']}"
            )


def load_labels(path: Path) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("postings"), dict):
        raise ValueError('the labels file must hold {"held_out": [...], "postings": {...}}')
    for name, labels in data["postings"].items():
        salary = labels.get("salary")
        if salary is not None and not isinstance(salary, dict):
            raise ValueError(
                f'{name}: a salary must be null or {{"min": …, "max": …, "currency": …, '
                f'"period": …}}, not {salary!r}'
            )
        for criterion in labels.get("criteria", []):
            if criterion.get("kind") not in (MUST, NICE):
                raise ValueError(f"{name}: a criterion's kind must be must or nice")
    return data


def score_files(*, labels: dict[str, Any], postings: list[ParsedPosting]) -> Score:
    """The figures for ``postings``, each labelled in ``labels`` under its source name."""
    held_out = set(labels.get("held_out", []))
    score = Score(all=Tally(), tuned=Tally(), held_out=Tally(), misses=[])
    for posting in postings:
        labelled = labels["postings"][posting.source_name]
        part = score.held_out if posting.source_name in held_out else score.tuned
        score_posting(posting, labelled, part, score.misses)
        score_posting(posting, labelled, score.all, [])
    return score
