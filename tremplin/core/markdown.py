"""Markdown written by organizations (or imported) rendered to HTML that is safe to show.

markdown-it-py turns the Markdown into HTML (raw HTML in the source passes through it),
then nh3 keeps only an allowlist of tags and attributes: <script>, <style> and their
content, event handlers, inline styles, images and ``javascript:`` links are all dropped,
and every link gets ``rel="nofollow noopener"``.
"""

from functools import cache

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt
from markdown_it.token import Token

ALLOWED_TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "code",
    "del",
    "em",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "li",
    "ol",
    "p",
    "pre",
    "s",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "ol": {"start"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
}
URL_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "nofollow noopener"


@cache
def _markdown() -> MarkdownIt:
    # Raw HTML is let through here on purpose: nh3 below decides what survives.
    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


@cache
def _cleaner() -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style"},
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=LINK_REL,
        strip_comments=True,
    )


def _shift_headings(tokens: list[Token], top_level: int) -> None:
    """Renumber headings so the biggest one becomes ``<h{top_level}>``, keeping their order."""
    levels = [int(t.tag[1]) for t in tokens if t.type == "heading_open"]
    if not levels:
        return
    shift = top_level - min(levels)
    for token in tokens:
        if token.type in {"heading_open", "heading_close"}:
            token.tag = f"h{min(int(token.tag[1]) + shift, 6)}"


def render_markdown(text: str, *, top_heading_level: int | None = None) -> SafeString:
    """``text`` (Markdown) as sanitised HTML.

    With ``top_heading_level``, headings are renumbered so that the text's biggest heading
    is at that level: a page whose title is ``<h1>`` passes 2 and keeps headings in order.
    """
    if not text or not text.strip():
        return mark_safe("")
    markdown = _markdown()
    env: dict = {}
    tokens = markdown.parse(text, env)
    if top_heading_level is not None:
        _shift_headings(tokens, top_heading_level)
    html = markdown.renderer.render(tokens, markdown.options, env)
    return mark_safe(_cleaner().clean(html))  # noqa: S308 (sanitised by nh3 just above)
