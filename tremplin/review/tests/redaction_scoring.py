"""How well redaction does on the labelled CV samples of ``cv_samples/``.

Each sample is a text (``NAME.txt``, as text extraction renders the CV) and its labels
(``NAME.json``): what the candidate typed in the application form (``identity``) and, per
kind, the strings that identify the person (``spans``). Every occurrence of a labelled string
that stands as a whole word group (no letter or digit glued to either end) is identity of
that kind, whatever spaces, tabs or line breaks separate its words; where labels overlap,
the longer one wins.

The unit is the word (a run of letters and digits):
- recall of a kind: the share of its labelled words that redaction covers entirely (a word
  half redacted still shows the other half);
- over-redaction: the share of the other words that redaction touches at all (a reviewer
  loses them). The words of a contact label in the header of a CV ("Tel", "E-mail",
  "Address", Europass's "Personal information", as ``redaction_fields.LABEL`` reads them)
  are left out of this count, redacted or not: withheld with the contact block they label,
  they cost a reviewer nothing.

``python -m tremplin.review.tests.redaction_scoring`` prints the figures (bench/redaction.py
prints them too, with the time per CV).
"""

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tremplin.review.redaction import Identity, Span, find
from tremplin.review.redaction_fields import LABEL
from tremplin.review.redaction_header import fold, header_end

SAMPLES = Path(__file__).parent / "cv_samples"
KINDS = ("name", "email", "phone", "url", "address")
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Sample:
    name: str
    text: str
    identity: Identity
    # Per kind, (string, first occurrence only?)
    labels: dict[str, tuple[tuple[str, bool], ...]]


@dataclass
class Score:
    """Word counts, added up over samples."""

    labelled: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    redacted: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    other: int = 0
    over: int = 0
    missed: list[tuple[str, str, str]] = field(default_factory=list)
    overdone: list[tuple[str, str]] = field(default_factory=list)

    def recall(self, kind: str) -> float | None:
        total = self.labelled[kind]
        return self.redacted[kind] / total if total else None

    @property
    def over_redaction(self) -> float:
        return self.over / self.other if self.other else 0.0

    def add(self, other: "Score") -> None:
        for kind in KINDS:
            self.labelled[kind] += other.labelled[kind]
            self.redacted[kind] += other.redacted[kind]
        self.other += other.other
        self.over += other.over
        self.missed.extend(other.missed)
        self.overdone.extend(other.overdone)


def samples_load() -> list[Sample]:
    loaded = []
    for labels_path in sorted(SAMPLES.glob("*.json")):
        if labels_path.stem == "manifest":
            continue
        data = json.loads(labels_path.read_text(encoding="utf-8"))
        given = data["identity"]
        loaded.append(
            Sample(
                name=labels_path.stem,
                text=labels_path.with_suffix(".txt").read_text(encoding="utf-8"),
                identity=Identity.of(
                    name=given.get("name", ""),
                    email=given.get("email", ""),
                    phone=given.get("phone", ""),
                ),
                labels={
                    kind: tuple(_label(entry) for entry in data["spans"].get(kind, ()))
                    for kind in KINDS
                },
            )
        )
    return loaded


def _label(entry: str | dict[str, str]) -> tuple[str, bool]:
    """A label is a string (every occurrence is identity) or {"text": ..., "only": "first"}
    (the first occurrence is: "País" at the top, not the country of an employer)."""
    if isinstance(entry, str):
        return entry, False
    return entry["text"], entry.get("only") == "first"


def held_out_names() -> frozenset[str]:
    manifest = json.loads((SAMPLES / "manifest.json").read_text(encoding="utf-8"))
    return frozenset(manifest["held_out"])


def char_kinds(sample: Sample) -> list[str | None]:
    """The kind of identity each character of the text belongs to, or None."""
    text = sample.text
    kinds: list[str | None] = [None] * len(text)
    labels = [
        (string, first, kind) for kind in KINDS for string, first in sample.labels[kind] if string
    ]
    for string, first, kind in sorted(labels, key=lambda label: -len(label[0])):
        found = False
        # Spaces and line breaks in a label match any run of them: the extractor may have
        # put a tab or a single space where the layout had a column gap.
        pattern = r"\s+".join(re.escape(token) for token in string.split())
        for match in re.finditer(pattern, text):
            start, end = match.span()
            if (start > 0 and text[start - 1].isalnum()) or (
                end < len(text) and text[end].isalnum()
            ):
                continue
            found = True
            for index in range(start, end):
                if kinds[index] is None:
                    kinds[index] = kind
            if first:
                break
        if not found:
            raise ValueError(f"{sample.name}: label {string!r} is not in the text")
    return kinds


def sample_score(sample: Sample, spans: Iterable[Span]) -> Score:
    covered = [False] * len(sample.text)
    for span in spans:
        for index in range(span.start, span.end):
            covered[index] = True
    kinds = char_kinds(sample)
    end_of_header = header_end(sample.text)
    labels = [match.span() for match in LABEL.finditer(fold(sample.text[:end_of_header]))]
    score = Score()
    for word in WORD.finditer(sample.text):
        start, end = word.span()
        kind = next((k for k in kinds[start:end] if k is not None), None)
        if kind is None and any(a <= start and end <= b for a, b in labels):
            continue  # a contact label: neither identity nor what a reviewer needs
        if kind is None:
            score.other += 1
            if any(covered[start:end]):
                score.over += 1
                score.overdone.append((sample.name, word.group()))
        else:
            score.labelled[kind] += 1
            if all(covered[start:end]):
                score.redacted[kind] += 1
            else:
                score.missed.append((sample.name, kind, word.group()))
    return score


def samples_score(samples: Iterable[Sample]) -> Score:
    total = Score()
    for sample in samples:
        total.add(sample_score(sample, find(sample.text, identity=sample.identity)))
    return total


def report(score: Score, *, title: str) -> str:
    lines = [title]
    for kind in KINDS:
        recall = score.recall(kind)
        figure = "   -" if recall is None else f"{recall:.3f}"
        lines.append(
            f"  {kind:<8} recall {figure}  ({score.redacted[kind]}/{score.labelled[kind]} words)"
        )
    lines.append(
        f"  over-redaction {score.over_redaction:.4f}  ({score.over}/{score.other} other words)"
    )
    return "\n".join(lines)


def main() -> None:
    samples = samples_load()
    held_out = held_out_names()
    whole = samples_score(samples)
    print(report(whole, title=f"All {len(samples)} samples"))
    print(
        report(
            samples_score(s for s in samples if s.name in held_out),
            title=f"Held out ({len(held_out)} samples)",
        )
    )
    # Only the tuning samples' mistakes are shown: looking at the held-out ones would make
    # them tuning samples too.
    tuning = samples_score(s for s in samples if s.name not in held_out)
    if tuning.missed:
        print("Missed (tuning samples):", ", ".join(f"{n}:{k}:{w}" for n, k, w in tuning.missed))
    if tuning.overdone:
        print("Over-redacted (tuning samples):", ", ".join(f"{n}:{w}" for n, w in tuning.overdone))


if __name__ == "__main__":
    main()
