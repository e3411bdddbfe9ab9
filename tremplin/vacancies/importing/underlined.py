"""Headings written by underlining, and reStructuredText's links, read as Markdown.

Markdown's setext headings ("Title" over "=====", "Section" over "-----") and
reStructuredText's section titles (any punctuation underline, an overline above the title
too) become ``#`` headings, so that the rest of the importer reads them as it reads ATX
headings; a title with an overline ranks first, "=" next, "-" after, other underlines below.
reStructuredText's inline links (```job offer <https://…>`_``) become Markdown links; its
directives (".. post:: July 30, 2018" and their indented options) and the fields heading
the file (":date: 2014-02-12") are not text, and go.

Sphinx sites and scientific projects' blogs write their job posts so.
"""

import re

# A run of one punctuation character, three at least: "=====", "-----", "~~~~", "^^^^".
_UNDERLINE = re.compile(r"^([=\-~^\"'`*+#])\1{2,}[ \t]*$")
MAX_HEADING_CHARS = 120
# The rank of an underline, by its character, below a title with an overline (rank 1).
_RANKS = {"=": 1, "-": 2}
_OTHER_RANK = 3
_RST_LINK = re.compile(r"`(?P<text>[^`<\n]+?)\s*<(?P<url>(?:https?://|mailto:)[^>\s]+)>`__?")


_DIRECTIVE = re.compile(r"^\.\.\s+[\w:-]+::")
_FIELD = re.compile(r"^:[\w-]+:(?:\s|$)")


def underlined_headings(lines: list[str]) -> list[str]:
    """``lines`` with each underlined heading written as a ``#`` heading, without
    reStructuredText's directives and the fields heading the file."""
    lines = _without_directives(lines)
    overlined = any(_overline_at(lines, index) for index in range(len(lines)))
    found: list[str] = []
    index = 0
    while index < len(lines):
        if _overline_at(lines, index):
            found.append("# " + lines[index + 1].strip())
            index += 3
            continue
        line = lines[index]
        below = lines[index + 1] if index + 1 < len(lines) else ""
        above_blank = index == 0 or not lines[index - 1].strip()
        if above_blank and _is_title_text(line) and (underline := _UNDERLINE.match(below)):
            rank = _RANKS.get(underline.group(1), _OTHER_RANK) + int(overlined)
            found.append("#" * rank + " " + line.strip())
            index += 2
            continue
        found.append(line)
        index += 1
    return found


def _without_directives(lines: list[str]) -> list[str]:
    kept: list[str] = []
    in_directive = False
    last = ""  # the last line kept that is not blank
    for line in lines:
        # Fields head the file, or follow its title's underline (reStructuredText's docinfo).
        if _DIRECTIVE.match(line) or (_FIELD.match(line) and (not last or _UNDERLINE.match(last))):
            in_directive = True
            continue
        if in_directive and (line[:1] in (" ", "\t") or (line.strip() and _FIELD.match(line))):
            continue  # the directive's options, indented
        in_directive = False
        kept.append(line)
        last = line if line.strip() else last
    return kept


def rst_links(text: str) -> str:
    """``text`` with reStructuredText's inline links written as Markdown links."""
    return _RST_LINK.sub(lambda m: f"[{m.group('text')}]({m.group('url')})", text)


def _overline_at(lines: list[str], index: int) -> bool:
    """Whether a title with its overline and underline starts at ``index``."""
    if index + 2 >= len(lines):
        return False
    over, under = _UNDERLINE.match(lines[index]), _UNDERLINE.match(lines[index + 2])
    return bool(
        over
        and under
        and over.group(1) == under.group(1)
        and (index == 0 or not lines[index - 1].strip())
        and _is_title_text(lines[index + 1])
    )


def _is_title_text(line: str) -> bool:
    text = line.strip()
    return (
        0 < len(text) <= MAX_HEADING_CHARS
        and not _UNDERLINE.match(line)
        and not re.match(r"^(?:[-*+|>#]\s|\d+[.)]\s|:\w)", text)
    )
