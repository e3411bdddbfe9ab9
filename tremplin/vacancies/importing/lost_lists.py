"""Lists whose marks were lost: lines of a paragraph that are a list's items though nothing
marks them ("Knowledge of the biological sciences" then "Problem-solving skills"), one item a
line, or each line ended by a Markdown hard break ("Force de propositions\\")."""

import re

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
            # "Bonus: connaitre Docker, Jenkins …": an item's "and so on", no sentence's end.
            and not line.rstrip().removesuffix("…").rstrip().endswith((*ends, ":"))
            and len(line.split()) <= MAX_LOST_BULLET_WORDS
            for line in lines
        )
    )
