"""Initials next to the candidate's name, for blind-review redaction (``redaction.py``
calls ``initials_find``): any between two parts of it ("Ann B. Carver"), and the name's own
before or after a part of it ("A. Carver", "J.-P. Dupont" read as "P. Dupont", "Ann C."),
with the initials of middle names that follow or come after it as author lists write them
("J. M. Doe", "JM Doe", "Doe, J.", "Doe JM")."""

import re
from collections.abc import Iterator

from tremplin.review.redaction_header import fold

# A capital and its dot: "B." in "Ann B. Carver", "A." in "A. Carver".
INITIAL = re.compile(r"(?<![\w.])[A-ZÀ-ÖØ-Þ]\.?[^\S\n]+")
INITIAL_AFTER = re.compile(r"[^\S\n]+([A-ZÀ-ÖØ-Þ])\.")
# Up to three initials, the name's own first: "J. M. ", "J.M. ", "JM ", "J.-P. ".
_RUN = r"([A-ZÀ-ÖØ-Þ])(?:\.?-?[^\S\n]?[A-ZÀ-ÖØ-Þ]){0,2}"
INITIALS_BEFORE = re.compile(rf"(?<![\w.-])(?P<run>{_RUN}\.?)[^\S\n]+")
# After the surname, as author lists write them: "Doe, J.", "Doe JM", "Doe, J. M.".
# Not the next author's initial: "Doe JM. A. Lee" keeps "A.".
INITIALS_AFTER = re.compile(rf",?[^\S\n]+({_RUN}\.?)(?![\w'’.-])(?![^\S\n]+[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ])")


def initials_find(
    text: str, *, names: list[tuple[int, int]], own: frozenset[str]
) -> Iterator[tuple[int, int]]:
    """Where ``text`` has an initial next to the parts of the name found at ``names``;
    ``own`` holds the name's own initials, folded."""
    starts = {start for start, _ in names}
    ends = {end for _, end in names}
    for match in INITIAL.finditer(text):
        if match.end() not in starts:
            continue
        before = text[: match.start()].rstrip(" \t")
        between = len(before) in ends and len(text[len(before) : match.start()]) >= 1
        if between or fold(match.group()[0]) in own:
            yield match.start(), match.end() - len(match.group()) + len(match.group().rstrip())
    for match in INITIALS_BEFORE.finditer(text):
        if match.end() in starts and fold(match.group(2)) in own:
            yield match.start(), match.end("run")
    for end in ends:
        after = INITIALS_AFTER.match(text, end)
        if after is not None and fold(after.group(2)) in own:
            yield after.start(1), after.end(1)
    # The name's own initial after a part of it: "John D.", "Doe J."
    for end in ends:
        after = INITIAL_AFTER.match(text, end)
        if after is not None and fold(after.group(1)) in own:
            yield after.start(1), after.end()
