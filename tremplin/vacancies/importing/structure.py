"""The shape of a posting: front matter, headings, sections, paragraphs and bullets.

Postings arrive in three forms: Markdown with YAML front matter, Markdown without it,
and plain text. Headings come in three styles, all recovered:

- ``#`` headings: their level is the number of hashes;
- lines that are entirely bold (``**Conditions**``);
- bare lines: short, capitalised, without a final full stop, and not a clause that leads
  into a list ("We are looking for someone who:" is text, "Desirable:" is a heading).

Bold and bare headings get level 2, the level of a section under the posting's title,
except those ending with ":", which introduce a list and get level 3. A single ``#``
heading opening the body is the posting's title, not a section.

A text with blank lines is read as Markdown (consecutive lines make one paragraph, and a
bare heading must end its paragraph); a text with none is plain text, one paragraph a line.
The body is given back as Markdown, recovered headings written as ``#`` headings.
"""

import html
import re
from collections.abc import Container, Iterable
from dataclasses import dataclass, field
from typing import Any

from tremplin.vacancies.importing.frontmatter import fill_template, split_front_matter
from tremplin.vacancies.importing.htmltext import component_links, html_to_markdown, looks_like_html
from tremplin.vacancies.importing.lost_lists import (
    SENTENCE_END,
    flattened_items,
    lost_bullets,
    parallel_sentences,
)
from tremplin.vacancies.importing.textutil import LEADS_ON, MAX_LINE_CHARS, tidied_links
from tremplin.vacancies.importing.underlined import rst_links, underlined_headings

MAX_BARE_HEADING_WORDS = 12
MAX_BARE_HEADING_CHARS = 90
LIST_HEADING_LEVEL = 3
SECTION_HEADING_LEVEL = 2

_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
# "##Profil Recherché": two or more marks run into a word are a heading too, as older
# Markdown engines (kramdown, Redcarpet) read them; "#hashtag" is not one.
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+|(?<=##)(?=[^\W\d_]))(.*?)(?:[ \t]+#+)?[ \t]*$")
_THEMATIC_BREAK = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
# "-", "*", "•", "–" bullets ("--" indented), numbered "1." / "1)" and lettered "a)" items;
# "- - x", an item of a list inside the item before, is indented by its first marker.
_BULLET = re.compile(
    r"^(?P<indent>[ \t]*(?:[-*+•–][ \t]+(?=[-*+•–][ \t]))?)"
    r"(?:(?<=[ \t])--|[-*+•–]|\d{1,2}[.)]|[a-hA-H]\))[ \t]+(?P<text>\S.*)$"
)
_BOLD_LINE = re.compile(r"^(\*\*|__)(?P<text>(?:(?!\1).)+?)\1[ \t]*(?P<colon>:?)$")
# "_Compétences requises_": a line entirely in italics heads the list under it.
_ITALIC_LINE = re.compile(r"^([_*])(?P<text>[^_*\s](?:[^_*]*[^_*\s])?)\1[ \t]*(?P<colon>:?)$")
_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1|(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
# CommonMark's backslash escapes: "$130,000 \- $150,000", "first\_last@example.org".
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
_EMAIL_OR_URL = re.compile(r"\S+@\S+\.\w+|https?://|www\.", re.IGNORECASE)
# "We&#x27;re", "https:&#x2F;&#x2F;", "Details &amp; apply": a job board's copy escaped as
# HTML. The characters are read as written; "&lt;" and "&gt;" stay escaped, so that no
# markup appears that the text did not have.
_ENTITY = re.compile(r"&(?:#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|amp|quot|apos|nbsp);")

# A bare line starting with a subject pronoun is a sentence, not a heading.
_SUBJECT_PRONOUNS = frozenset({
    "i", "you", "we", "he", "she", "they",
    "je", "j'", "j’", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles",
})  # fmt: skip
# A bare line ending (before its colon) with one of these words leads into what follows.
_LEAD_IN_ENDINGS = frozenset({
    "qui", "que", "qu'", "qu’", "à", "de", "des", "du", "d'", "d’", "pour", "avec", "en",
    "et", "ou", "le", "la", "les", "l'", "l’", "un", "une", "sont", "est", "doit", "devra",
    "devrez", "pourra", "saurez", "serez", "aurez", "êtes", "avez",
    "to", "of", "for", "with", "and", "or", "the", "a", "an", "who", "which", "that", "will",
    "should", "must", "can", "would", "may", "be", "are", "is", "by", "in", "on", "at", "as",
    "such", "including", "like",
})  # fmt: skip


@dataclass
class Bullet:
    text: str
    children: list[str] = field(default_factory=list)
    # The paragraph ending with ":" that leads into the bullet's list ("You'll fit in if:").
    lead_in: str | None = None

    @property
    def full_text(self) -> str:
        if not self.children:
            return self.text
        joiner = " " if self.text.endswith(":") else ": "
        return self.text + joiner + "; ".join(self.children)


@dataclass
class Section:
    """A heading and what sits under it until the next heading (the preamble has none)."""

    heading: str | None
    level: int
    paragraphs: list[str] = field(default_factory=list)
    bullets: list[Bullet] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join([*self.paragraphs, *(bullet.full_text for bullet in self.bullets)])


@dataclass
class Document:
    front_matter: dict[str, Any]
    title_heading: str | None
    sections: list[Section]
    body: str
    from_html: bool = False
    # The body as the recruiter is shown it: a template's <script> block, which ``body``
    # leaves out, kept as text (and flagged).
    shown: str = ""

    @property
    def headed_sections(self) -> list[Section]:
        return [section for section in self.sections if section.heading is not None]

    @property
    def first_heading(self) -> str | None:
        return self.headed_sections[0].heading if self.headed_sections else None

    @property
    def plain_text(self) -> str:
        """Every heading, paragraph and bullet, one a line, without Markdown markup."""
        return self.text_of(self.sections)

    def text_of(self, sections: Iterable[Section], *, leave_out: Container[str] = ()) -> str:
        """The title heading and ``sections``, as ``plain_text`` gives them, less the bullets
        whose text is in ``leave_out``."""
        lines: list[str] = []
        if self.title_heading:
            lines.append(self.title_heading)
        for section in sections:
            if section.heading:
                lines.append(section.heading)
            lines.extend(section.paragraphs)
            lines.extend(
                bullet.full_text for bullet in section.bullets if bullet.text not in leave_out
            )
        return "\n".join(lines)


# An inline HTML tag in Markdown ('<a href="…">mission and values</a>'); not an autolink
# ("<jobs@acme.org>", "<https://acme.org>").
_BREAK_TAG = re.compile(r"<br\s*/?>$", re.IGNORECASE)
_OPENING_BLOCK_TAGS = re.compile(r"^(?:<(?:pre|code)>)+(?=[ \t]*[-*•–][ \t])", re.IGNORECASE)
_INLINE_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")


def strip_inline_markup(text: str) -> str:
    """``**Bold**``, ``[link](url)`` and inline HTML tags reduced to their words, spaces
    tidied."""
    text = _INLINE_TAG.sub("", _LINK.sub(r"\1", text))
    for _round in range(2):
        text = _EMPHASIS.sub(lambda m: m.group(2) or m.group(3) or "", text)
    return re.sub(r"\s+", " ", _ESCAPED.sub(r"\1", text)).strip()


@dataclass
class _Line:
    raw: str
    kind: str  # blank, atx, bold, bullet, text, code, break
    text: str = ""
    level: int = 0
    indent: int = 0
    hard_break: bool = False


def _classify(lines: list[str]) -> list[_Line]:
    classified: list[_Line] = []
    in_fence = False
    for raw in lines:
        # A huge line is read by its start only: Markdown's inline patterns are slow on it.
        # "<pre><code>  - item": a board's preformatted list, read as the list it shows.
        read = _OPENING_BLOCK_TAGS.sub("", raw[:MAX_LINE_CHARS])
        if _FENCE.match(read):
            in_fence = not in_fence
            classified.append(_Line(raw, "code"))
            continue
        if in_fence:
            classified.append(_Line(raw, "code"))
            continue
        stripped = read.strip()
        if not raw.strip():
            classified.append(_Line(raw, "blank"))
        elif _THEMATIC_BREAK.match(read):
            classified.append(_Line(raw, "break"))
        elif match := _ATX.match(read):
            heading = strip_inline_markup(match.group(2))
            kind = "atx" if heading else "blank"
            classified.append(_Line(raw, kind, heading, len(match.group(1))))
        elif match := _BULLET.match(read):
            indent = len(match.group("indent").expandtabs(4))
            text = strip_inline_markup(match.group("text").rstrip().removesuffix("\\"))
            classified.append(_Line(raw, "bullet", text, indent=indent))
        elif emphasized := _emphasized_heading(stripped.rstrip("\\").rstrip()):
            level = _level_of(emphasized) if _BOLD_LINE.match(stripped) else LIST_HEADING_LEVEL
            classified.append(_Line(raw, "bold", emphasized, level))
        elif stripped == "\\":
            classified.append(_Line(raw, "blank"))
        else:
            indent = len(read) - len(read.lstrip(" \t"))
            # A Markdown hard line break (a final backslash, two spaces, or an HTML "<br>")
            # ends the line's sentence.
            text = strip_inline_markup(stripped.removesuffix("\\"))
            if not text:  # a line of nothing but inline HTML tags ("<div>")
                classified.append(_Line(raw, "blank"))
                continue
            hard_break = (
                stripped.endswith("\\")
                or raw.rstrip("\r\n").endswith("  ")
                or _BREAK_TAG.search(stripped) is not None
            )
            line = _Line(raw, "text", text, indent=indent, hard_break=hard_break)
            classified.append(line)
    return classified


def _emphasized_heading(line: str) -> str | None:
    """The heading a line entirely in bold or italics states, or None.

    The writer marked it: one ending with ":" heads a list even when it ends like a
    lead-in ("**Le candidat devra :**"), and a final "…" is no full stop.
    """
    match = _BOLD_LINE.match(line) or _ITALIC_LINE.match(line)
    if match is None or re.fullmatch(r"\s*\[[^\]]+\]\([^)]+\)\W*", match.group("text")):
        return None  # "**[Apply here](https://…)**": a link to follow, not a heading
    heading = strip_inline_markup(match.group("text")) + match.group("colon")
    phrase = heading.rstrip("…").rstrip()
    if _is_heading_phrase(phrase, lead_in=bool(match.group("colon")) or heading.endswith(":")):
        return heading
    return None


def _level_of(heading: str) -> int:
    return LIST_HEADING_LEVEL if heading.endswith(":") else SECTION_HEADING_LEVEL


def _is_heading_phrase(text: str, *, lead_in: bool = False) -> bool:
    """Whether ``text`` reads as a heading: short, no sentence, no lead-in clause.

    With ``lead_in``, a clause leading into a list ("Vous devrez :") is a heading too.
    """
    text = text.strip()
    if not text or len(text) > MAX_BARE_HEADING_CHARS:
        return False
    if text.endswith(SENTENCE_END) or _EMAIL_OR_URL.search(text):
        return False
    if re.search(r"[.!?;]\s", text) or "|" in text:
        return False
    first_letter = next((char for char in text if char.isalpha()), "")
    if not first_letter.isupper() or not (text[0].isalpha() or text[0] in "«\"'“("):
        return False
    words = re.findall(r"[\w'’·-]+", text.rstrip(": ").lower())
    if not words or len(words) > MAX_BARE_HEADING_WORDS:
        return False
    if lead_in:
        return True
    first = words[0]
    # "Je hebt", "Du bringst mit", "You have": what the person has, over its list.
    if re.fullmatch(
        r"(?:je|jij|du|you)\s+(?:hebt|hast|have|bringst(?:\s+mit)?|bring)", " ".join(words)
    ):
        return True
    if first in _SUBJECT_PRONOUNS or first[:2] in ("j'", "j’"):
        return False
    # "What we're looking for", "Ce que nous recherchons": a question's words are a heading.
    return words[-1] not in _LEAD_IN_ENDINGS or first in ("what", "ce")


_UNFINISHED = re.compile(
    r"(?i)(?:,|\([^()]*|\b(?:to|of|and|or|the|an?|in|for|with|de|du|des|et|ou|la|le|les|à"
    r"|en|pour|avec|und|oder|zu|mit))\s*$"
)


def _recover_bare_headings(lines: list[_Line], *, markdown: bool) -> None:
    """Mark as headings the text lines that stand alone and read as headings."""
    for index, line in enumerate(lines):
        if line.kind != "text" or line.indent >= 4 or not _is_heading_phrase(line.text):
            continue
        if _EMAIL_OR_URL.search(line.raw):  # "Write to [Ana](mailto:…) with:" is a sentence
            continue
        previous = lines[index - 1] if index > 0 else None
        if (
            previous is not None
            and previous.kind == "text"
            and (markdown or not previous.text.endswith((".", "!", "?", ":", "…", ")", "»")))
        ):
            continue
        # A bullet's indented line goes on with it, and in Markdown one cut off mid-clause ("to").
        unfinished = markdown and _UNFINISHED.search(previous.text) if previous else False
        if previous is not None and previous.kind == "bullet" and (line.indent >= 2 or unfinished):
            continue
        following = next((other for other in lines[index + 1 :] if other.kind != "blank"), None)
        if following is None:
            continue
        if markdown and lines[index + 1].kind not in ("blank", "bullet"):
            continue
        if following.kind == "text" and following.text[:1].islower():
            continue
        line.kind = "bare"
        line.level = _level_of(line.text)


def _title_heading(lines: list[_Line]) -> str | None:
    """The text of a lone ``#`` heading opening the body, which is the posting's title."""
    first = next((ln for ln in lines if ln.kind != "blank" and ln.raw[:1] != ">"), None)
    level_one = [line for line in lines if line.kind == "atx" and line.level == 1]
    if first is not None and first.kind == "atx" and first.level == 1 and len(level_one) == 1:
        first.kind = "title"
        return first.text
    return None


def _sections(lines: list[_Line], *, markdown: bool) -> list[Section]:
    sections = [Section(heading=None, level=0)]
    paragraph: list[str] = []
    broken: list[str] = []  # the paragraph's lines a hard break ended
    bullet_indent = 0
    lead_in: list[str | None] = [None]  # the last paragraph, when it ends with ":"

    def add_paragraph(text: str) -> None:
        sections[-1].paragraphs.append(text)
        # "We also appreciate" over its list: a sentence the list ends leads into it too.
        unfinished = re.search(r"\b[a-z]{3,}$", text.rstrip()) is not None
        lead_in[0] = (
            text if text.rstrip().endswith(":") or LEADS_ON.search(text) or unfinished else None
        )

    def end_paragraph() -> None:
        # The lines a hard break ended, each whole, then those after the last break as one.
        lines = [*broken, *([" ".join(paragraph)] if broken and paragraph else paragraph)]
        hard = bool(broken)
        paragraph.clear()
        broken.clear()
        if (
            len(lines) > 1
            and lines[0].rstrip().endswith(":")
            and lost_bullets(lines[1:], broken=hard)
        ):
            # "Role requirements:" over the items, in one paragraph: the lead-in, then the list.
            add_paragraph(lines.pop(0))
        if lines and lost_bullets(lines, broken=hard):
            # "Knowledge of the biological sciences" then "Problem-solving skills": a list
            # whose marks were lost, one item a line.
            sections[-1].bullets.extend(Bullet(line, lead_in=lead_in[0]) for line in lines)
        elif lines and (span := parallel_sentences(lines)):
            # The sentences addressing the reader are a list; the lines around them, prose.
            if span[0]:
                add_paragraph(" ".join(lines[: span[0]]))
            sections[-1].bullets.extend(
                Bullet(line, lead_in=lead_in[0]) for line in lines[slice(*span)]
            )
            if span[1] < len(lines):
                add_paragraph(" ".join(lines[span[1] :]))
        elif hard:
            for line in lines:  # a hard break ends a line's sentence
                add_paragraph(line)
        elif lines:
            add_paragraph(" ".join(lines))

    in_item = False  # the line before was a bullet's, its first or a continuation
    for line in lines:
        current = sections[-1]
        if line.kind in ("atx", "bold", "bare"):
            end_paragraph()
            sections.append(Section(heading=line.text, level=line.level))
            lead_in[0] = None
        elif line.kind == "bullet":
            end_paragraph()
            # A sub-bullet sits under its parent's text, two columns in at least: one
            # space more or less is the same list written unevenly.
            if current.bullets and line.indent >= bullet_indent + 2:
                current.bullets[-1].children.append(line.text)
            else:
                items = flattened_items(line.text)  # "* A * B * C": a list on one line
                current.bullets.extend(Bullet(item, lead_in=lead_in[0]) for item in items)
                bullet_indent = line.indent
        elif line.kind == "text":
            # Under a bullet, indented, or in Markdown right under it (a lazy continuation).
            if current.bullets and not paragraph and (line.indent >= 2 or (markdown and in_item)):
                current.bullets[-1].text += " " + line.text
                continue  # the item goes on
            if markdown:
                paragraph.append(line.text)
                if line.hard_break:
                    broken.append(" ".join(paragraph))
                    paragraph.clear()
            else:
                add_paragraph(line.text)
        elif line.kind in ("blank", "break"):
            end_paragraph()
        in_item = line.kind == "bullet"
    end_paragraph()
    if not sections[0].paragraphs and not sections[0].bullets:
        sections.pop(0)
    return sections


def _markdown_body(lines: list[_Line], *, markdown: bool) -> str:
    out: list[str] = []

    def separate() -> None:
        if out and out[-1] != "":
            out.append("")

    for line in lines:
        if line.kind == "title":
            continue
        if line.kind in ("bold", "bare"):
            separate()
            out.append("#" * line.level + " " + line.text)
            out.append("")
        elif line.kind == "atx":
            separate()
            out.append(line.raw.strip())
            out.append("")
        elif line.kind == "blank":
            if out and (out[-1] != "" or not markdown):
                out.append("")
        elif line.kind == "text" and not markdown and line.indent < 2:
            separate()
            out.append(line.raw.rstrip())
            out.append("")
        elif line.kind == "bullet" and out and out[-1] != "" and not markdown:
            previous_is_bullet = out[-1].lstrip().startswith(("-", "*", "+", "•", "–")) or (
                re.match(r"\s*\d{1,2}[.)]\s", out[-1]) is not None
            )
            if not previous_is_bullet:
                out.append("")
            out.append(line.raw.rstrip())
        else:
            out.append(line.raw.rstrip())
    while out and out[0] == "":
        out.pop(0)
    while out and out[-1] == "":
        out.pop()
    collapsed: list[str] = []
    for text in out:
        if text == "" and collapsed and collapsed[-1] == "" and not markdown:
            continue
        collapsed.append(text)
    return "\n".join(collapsed) + "\n" if collapsed else ""


def _unescaped(match: re.Match[str]) -> str:
    character = html.unescape(match.group(0))
    return match.group(0) if character in "<>" else character


# A page's scripts and styles in Markdown (a template's JSON-LD block).
_SCRIPTS = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


def _lines(body: str) -> tuple[list[_Line], bool]:
    """The classified lines of ``body``, and whether it is Markdown (it has blank lines)."""
    raw_lines = underlined_headings(body.split("\n"))
    while raw_lines and not raw_lines[0].strip():
        raw_lines.pop(0)
    while raw_lines and not raw_lines[-1].strip():
        raw_lines.pop()
    markdown = any(not line.strip() for line in raw_lines)
    lines = _classify(raw_lines)
    _recover_bare_headings(lines, markdown=markdown)
    return lines, markdown


_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def parse_structure(text: str, *, source_name: str) -> Document:
    """The front matter, headings, sections and Markdown body of a posting's text."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    front_matter, body = split_front_matter(text, source_name=source_name)
    # Components first: a template drops the shortcodes it does not know. An HTML comment
    # ("<!-- Deadline: 15 Février 2022 -->") is not shown to the reader.
    body = fill_template(component_links(_HTML_COMMENT.sub("", body)), front_matter)
    body = html_to_markdown(body) if (from_html := looks_like_html(body)) else body
    body = _ENTITY.sub(_unescaped, rst_links(tidied_links(body)))
    lines, markdown = _lines(body)
    # A template's <script> block (a stale JSON-LD posting) is no part of what the posting
    # says; the recruiter is still shown it, as text.
    read = _lines(_SCRIPTS.sub("", body))[0] if _SCRIPTS.search(body) else lines
    return Document(
        front_matter=front_matter,
        title_heading=_title_heading(read),
        sections=_sections(read, markdown=markdown),
        body=_markdown_body(read, markdown=markdown),
        from_html=from_html,
        shown=_markdown_body(lines, markdown=markdown),
    )
