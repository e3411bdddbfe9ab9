"""Text fit for the database and for a recruiter's eyes, from whatever a message holds.

PostgreSQL refuses NUL in text and the database driver refuses the surrogates that
Python uses for undecodable bytes; control characters only get in the way.
"""

import html
import re

import nh3

# C0 controls except tab, line feed and carriage return; DEL; C1 controls.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SURROGATES = re.compile(r"[\ud800-\udfff]")
# Turned into line breaks before tags are stripped, so paragraphs stay apart.
_HTML_BREAKS = re.compile(
    r"<br\s*/?>|</(?:p|div|li|tr|h[1-6]|table|ul|ol|blockquote|pre)\s*>", re.IGNORECASE
)


def bytes_decode(data: bytes, charset: str | None = None) -> str:
    """``data`` as text: in ``charset`` when it is right, else UTF-8, else Windows-1252."""
    for encoding in (charset, "utf-8"):
        if encoding:
            try:
                return data.decode(encoding)
            except (LookupError, UnicodeError, ValueError, TypeError):
                continue
    return data.decode("cp1252", "replace")


def _surrogates_repair(text: str) -> str:
    try:
        data = text.encode("utf-8", "surrogateescape")  # the bytes the parser could not decode
    except UnicodeEncodeError:
        return _SURROGATES.sub("\ufffd", text)
    return bytes_decode(data)


def text_clean(text: str) -> str:
    """``text`` without NUL, control characters or lone surrogates (line breaks and tabs stay)."""
    if _SURROGATES.search(text):
        text = _surrogates_repair(text)
    return _CONTROLS.sub("", text)


def one_line(text: str) -> str:
    return " ".join(text.split())


def text_tidy(text: str) -> str:
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def html_to_text(markup: str) -> str:
    """The text of an HTML body: every tag stripped by nh3, paragraphs kept apart."""
    text = nh3.clean(
        _HTML_BREAKS.sub("\n", markup),
        tags=set(),
        clean_content_tags={"script", "style", "title", "head"},
        strip_comments=True,
    )
    return text_tidy(text_clean(html.unescape(text)))
