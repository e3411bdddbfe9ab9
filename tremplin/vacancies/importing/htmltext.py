"""Postings copied from a job board or an ATS page as HTML, read as Markdown.

Job boards and ATS pages (iCIMS, JazzHR, Greenhouse…) give postings as HTML fragments:
``<p><strong>Requirements</strong></p><ul><li>…</li></ul>``. A text whose lines are mostly
such block tags is turned into the Markdown the rest of the importer reads: a paragraph
that is only bold, or an ``<h1>``–``<h6>``, becomes a heading line, a list item a ``-``
bullet, a paragraph a paragraph; other tags are dropped and entities decoded. A text with
a stray tag or two (``<b>Patience</b>`` in Markdown) is left as it is.
"""

import html
import re
from html.parser import HTMLParser

_BLOCK_TAG = re.compile(r"<(?:p|div|ul|ol|li|h[1-6]|br|table|tr|td|span)\b[^<>]*>", re.IGNORECASE)
# A text with at least this many block tags, and more of them than lines, is an HTML page.
MIN_BLOCK_TAGS = 4
MAX_HEADING_CHARS = 160
_BLOCKS = {"p", "div", "ul", "ol", "table", "tr", "section", "article", "blockquote"}
# Code, and the site's navigation menu: not the posting's words.
_UNREAD = {"script", "style", "nav"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# '<div class="h2 center-text">Experience and Requirements</div>': a heading by its style.
_HEADING_CLASS = re.compile(r"(?:^|\s)h([1-6])(?:\s|$)")
_BOLD = {"strong", "b"}
# Markdown written between the tags of a page that is mostly HTML ("<h2>Profil</h2>" over
# "*\tDu hast…" lines): its bullets are list items.
_MARKDOWN_ITEM = re.compile(r"[ \t]*(?:[-*+•]|\d{1,2}[.)])[ \t]+(?=\S)")


# A whole page ("<!doctype html>", "<html lang=en>"), whatever its lines hold.
_HTML_DOCUMENT = re.compile(r"^\s*(?:<!doctype\s+html|<html)\b", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is an HTML page or fragment rather than Markdown or plain text."""
    tags = len(_BLOCK_TAG.findall(text))
    fragment = tags >= MIN_BLOCK_TAGS and tags * 2 >= text.count("\n") * 0.5
    return fragment or bool(_HTML_DOCUMENT.match(text))


class _Converter(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.bold_chars = 0
        self.bold_depth = 0
        self.heading: int | None = None
        # Per open list, whether an item of it is open: "<li>" left unclosed ends at the next
        # "<li>" or at the list's end, as browsers read it.
        self.items: list[bool] = []
        self.link: str | None = None  # the web address of the <a> being read
        self.hidden = 0  # inside <script>, <style> or <nav>: not the posting's words
        self.levels: list[int] = []  # of the heading tags, in order
        self.opening: int | None = None  # the line of a heading that opens the page
        self.h1: list[int] = []  # the lines of the <h1> headings
        self.styled: list[bool] = []  # per open <div>, whether it is styled as a heading
        self.markdown_item = False  # the text being read is a Markdown bullet's

    def _flush(self) -> None:
        if not self.current:
            return
        text = re.sub(r"\s+", " ", "".join(self.current)).strip()
        plain = text.replace("**", "").strip()
        if plain:
            if self.heading is not None:
                if not any(self.lines):
                    self.opening = len(self.lines) + 1
                if self.heading == 1:
                    self.h1.append(len(self.lines) + 1)
                self.lines += ["", "#" * max(self.heading, 2) + " " + plain, ""]
            elif (self.items and self.items[-1]) or self.markdown_item:
                self.lines.append("- " + text)
            elif self.bold_chars >= len(re.sub(r"\s", "", plain)) > 0:
                # A paragraph all in bold is the page's heading, however it is worded.
                level = 3 if plain.endswith(":") else 2
                shown = "#" * level + " " + plain if len(plain) <= MAX_HEADING_CHARS else plain
                self.lines += ["", shown, ""]
            else:
                self.lines += ["", text, ""]
        self.current = []
        self.bold_chars = 0
        self.markdown_item = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        styled = _HEADING_CLASS.search(dict(attrs).get("class") or "") if tag == "div" else None
        if tag == "div":
            self.styled.append(styled is not None)
        if tag in _UNREAD:
            self.hidden += 1
        elif tag == "a" and (href := dict(attrs).get("href") or "").startswith(("http", "mailto:")):
            # "<a href=…>Application form</a>" (in a <noscript> too): kept as a Markdown link.
            self.link = href.strip()
            self.current.append("[")
        elif tag in _HEADINGS or styled:
            self._flush()
            self.heading = int(styled[1] if styled else tag[1])
            self.levels.append(self.heading)
        elif tag == "li":
            self._flush()
            if not self.items:  # an item outside any list
                self.items.append(False)
            self.items[-1] = True
        elif tag in _BLOCKS or tag == "br":
            if not (self.items and self.items[-1] and tag == "p"):
                self._flush()
            if tag in ("ul", "ol"):
                self.items.append(False)
        elif tag in _BOLD:
            self.bold_depth += 1
            self.current.append("**")

    def handle_endtag(self, tag: str) -> None:
        styled = tag == "div" and bool(self.styled) and self.styled.pop()
        if tag in _UNREAD:
            self.hidden = max(0, self.hidden - 1)
        elif tag == "a" and self.link is not None:
            self.current.append(f"]({self.link})")
            self.link = None
        elif tag in _HEADINGS or styled:
            self._flush()
            self.heading = None
        elif tag == "li":
            self._flush()
            if self.items:
                self.items[-1] = False
        elif tag in _BLOCKS:
            if not (self.items and self.items[-1] and tag == "p"):
                self._flush()
            if tag in ("ul", "ol"):
                if self.items:
                    self.items.pop()
                self.lines.append("")
        elif tag in _BOLD:
            self.bold_depth = max(0, self.bold_depth - 1)
            self.current.append("**")

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        if self.heading is None and not self.bold_depth and "\n" in data:
            first, *lines = data.split("\n")
            self._read(first)
            for line in lines:
                if item := _MARKDOWN_ITEM.match(line):
                    self._flush()
                    self.markdown_item = True
                    line = line[item.end() :]
                self._read("\n" + line)
            return
        self._read(data)

    def _read(self, data: str) -> None:
        self.current.append(data)
        if self.bold_depth:
            self.bold_chars += len(re.sub(r"\s", "", data))


def html_to_markdown(text: str) -> str:
    """The Markdown reading of an HTML posting (see the module's docstring)."""
    converter = _Converter()
    converter.feed(text)
    converter.close()
    converter._flush()
    levels = converter.levels
    if len(converter.h1) == 1:
        # The page's one <h1>, wherever it stands ("Stand: 18.04.2018" above it): its title,
        # which opens the Markdown reading.
        converter.lines.insert(0, converter.lines.pop(converter.h1[0]))
        converter.opening = 0
    elif not (converter.opening is not None and levels[0] == min(levels)):
        converter.opening = None
    if converter.opening is not None and levels.count(min(levels)) == 1:
        # "<h2>Job: Community Manager</h2>" opening the page, no heading above its rank: the
        # page's title, as a Markdown "#" heading is.
        opening = converter.lines[converter.opening]
        converter.lines[converter.opening] = "# " + opening.lstrip("#").lstrip()
    lines: list[str] = []
    for line in converter.lines:
        line = html.unescape(line).replace("\xa0", " ").rstrip()
        line = re.sub(r"\*\*\s*\*\*", "", line)
        if line == "" and lines and lines[-1] == "":
            continue
        lines.append(line)
    return "\n".join(_lone_bold_items_as_headings(lines)).strip() + "\n"


# "<ul><li><strong>Profil :</strong></li></ul>" between paragraphs: a word processor's
# heading put in a list of one item, as a paragraph all in bold is one.
_BOLD_ITEM = re.compile(r"- \*\*(?P<heading>[^*]{1,80}:)\*\*")


def _lone_bold_items_as_headings(lines: list[str]) -> list[str]:
    for index, line in enumerate(lines):
        if not (match := _BOLD_ITEM.fullmatch(line)):
            continue
        before = next((other for other in reversed(lines[:index]) if other), "")
        after = next((other for other in lines[index + 1 :] if other), "")
        if not before.startswith("- ") and not after.startswith("- "):
            lines[index] = "### " + match.group("heading")
    return lines


# An MDX page's component ('<ButtonWithTitle title="Interested?" text="Register now!"
# href="https://forms.gle/…" />') or a Hugo shortcode ('{{< cta cta_text="Écris-nous"
# cta_link="mailto:…" >}}'): a link, its words in an attribute.
_COMPONENT = re.compile(r"<[A-Z][\w.]*\s[^<>]*?/>|\{\{<\s*[\w/-]+\s[^{}]*?>\}\}")
_ATTRIBUTE = re.compile(
    r"\b(?:\w+_)?(?P<name>href|link|url|text|label|title)\s*=\s*\"(?P<value>[^\"]*)\""
)


def component_links(text: str) -> str:
    """``text`` with each self-closing component that has a web or mail address and words
    written as a Markdown link: its ``text`` (or ``label``, or ``title``) and its ``href``
    (or ``link``, or ``url``)."""

    def link(match: re.Match[str]) -> str:
        found = {a.group("name"): a.group("value") for a in _ATTRIBUTE.finditer(match.group())}
        words = found.get("text") or found.get("label") or found.get("title")
        href = found.get("href") or found.get("link") or found.get("url") or ""
        if words and href.startswith(("http", "mailto:")):
            return f"[{words}]({href})"
        return match.group()

    return _COMPONENT.sub(link, text)
