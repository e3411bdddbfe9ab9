"""Lists whose marks were lost: lines of a paragraph that are a list's items though nothing
marks them ("Knowledge of the biological sciences" then "Problem-solving skills"), one item a
line, or each line ended by a Markdown hard break ("Force de propositions\\"), or sentences
one a line that each open with the same pronoun ("Vous êtes …" over "Vous savez …")."""

import re

from tremplin.vacancies.importing.textutil import fold

SENTENCE_END = (".", "!", "?", ";", ",", "…")
# A line its writer broke may end as a list's item does: "Aisance avec git ;".
_BROKEN_LINE_END = (".", "!", "?", "…")
MIN_LOST_BULLETS = 3
MAX_LOST_BULLET_WORDS = 30
_FIELD_LINE = re.compile(r"[^:]{1,40}:\s")


def lost_bullets(lines: list[str], *, broken: bool = False) -> bool:
    """Whether the lines of a paragraph are the items of a list whose marks were lost: three
    or more, each opening with a capital and none ending a sentence or running on; fewer
    than half of them a field's "Label: value" ("Durée: 4-5 mois" among the terms, but
    "Programmation C : bonne maîtrise du langage" among skills). ``broken``: each line was
    ended by a hard break, so ";" or "," may end an item."""
    fields = sum(1 for line in lines if _FIELD_LINE.match(line))
    ends = _BROKEN_LINE_END if broken else SENTENCE_END
    return (
        len(lines) >= MIN_LOST_BULLETS
        and fields * 2 < len(lines)
        and all(
            line[:1].isupper()
            # "Bonus: connaitre Docker, Jenkins …" ("nestjs ..."): an item's "and so on", no
            # sentence's end.
            and not re.sub(r"\s*(?:…|\.\.\.)$", "", line.rstrip()).endswith((*ends, ":"))
            and len(line.split()) <= MAX_LOST_BULLET_WORDS
            for line in lines
        )
    )


# "Vous êtes animé·e par …" over "Vous savez faire preuve d'initiative …": one person addressed
# line after line, each line a point.
_ADDRESSED = frozenset({"vous", "tu", "you", "du", "u", "jij"})
MAX_PARALLEL_LINE_WORDS = 40


def parallel_sentences(lines: list[str]) -> tuple[int, int] | None:
    """The span of a paragraph's lines that are sentences, three or more in a row, that each
    open with the same pronoun addressing the reader: a list written as sentences, one item a
    line ("Vous aimez … / Vous êtes … / Vous savez …", then "Alors, postulez !"); else None."""

    def opening(line: str) -> str:
        words = line.split()
        short = line.rstrip().endswith((".", "!")) and len(words) <= MAX_PARALLEL_LINE_WORDS
        return fold(words[0]) if words and short else ""

    start = 0
    while start < len(lines):
        end = start + 1
        while end < len(lines) and opening(lines[end]) == opening(lines[start]):
            end += 1
        if opening(lines[start]) in _ADDRESSED and end - start >= MIN_LOST_BULLETS:
            return start, end
        start = end
    return None


# "* Vous êtes Bac+4 … * Vous avez déjà 4 ans d'expérience * Vous maîtrisez Python": a list
# whose line breaks were lost, its marks left between the items.
_FLATTENED_MARK = re.compile(r"\s+\*\s+(?=[A-ZÀ-ÖØ-Þ])")


def flattened_items(text: str) -> list[str]:
    """The items of a bullet that holds a whole list on one line, three or more; else the
    bullet's text alone."""
    items = _FLATTENED_MARK.split(text)
    return items if len(items) >= MIN_LOST_BULLETS else [text]
