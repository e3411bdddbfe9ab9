"""Reading header fields as far as they go, whatever the message did to them.

``policy.default`` decodes RFC 2047 words and parses addresses, but refuses some
malformed headers when they are read (an encoded CR LF in a From raises). Such a
header is read again from its raw text. Whatever comes out is clean text: one line,
undecodable bytes repaired, NUL and control characters removed.
"""

import re
from email.header import decode_header, make_header
from email.message import Message
from email.utils import getaddresses

from tremplin.messaging.inbound.text import one_line, text_clean

# The parser's own limits are generous; a header longer than this is cut when read.
HEADER_MAX_CHARS = 10_000
_FOLD = re.compile(r"\r?\n(?=[ \t])")


def raw_values(message: Message, name: str) -> list[str]:
    """The ``name`` headers as they came, unfolded, undecoded."""
    try:
        items = message.raw_items()
        return [
            _FOLD.sub("", str(value))[:HEADER_MAX_CHARS]
            for key, value in items
            if str(key).lower() == name.lower()
        ]
    except Exception:  # the parser kept something that is not a header
        return []


def words_decode(value: str) -> str:
    """RFC 2047 words decoded as far as they go; the text as it is where they do not."""
    if "=?" not in value:
        return value
    try:
        return str(make_header(decode_header(value)))
    except Exception:  # a bad charset or bad base64 in a word: keep the text as it came
        return value


def header_values(message: Message, name: str) -> list[str]:
    """Every ``name`` header as one clean line each, "" for none."""
    try:
        values = [str(value) for value in message.get_all(name, [])]
    except Exception:  # policy.default refuses some malformed headers when they are read
        values = [words_decode(value) for value in raw_values(message, name)]
    return [one_line(text_clean(value[:HEADER_MAX_CHARS])) for value in values]


def header_text(message: Message, name: str) -> str:
    """The first ``name`` header as one clean line, "" when absent."""
    values = header_values(message, name)
    return values[0] if values else ""


def addresses_raw(message: Message, name: str) -> list[tuple[str, str]]:
    """(display name, address) of the ``name`` headers read from their raw text.

    The address is split off before the RFC 2047 words of the name are decoded, so an
    encoded line break in a name cannot end up in an address.
    """
    try:
        pairs = getaddresses(raw_values(message, name))
    except Exception:
        return []
    return [
        (one_line(text_clean(words_decode(display))), one_line(text_clean(address)))
        for display, address in pairs
    ]


def addresses_parsed(message: Message, name: str) -> list[tuple[str, str]]:
    try:
        found = []
        for header in message.get_all(name, []):
            for address in getattr(header, "addresses", ()):
                found.append((str(address.display_name), str(address.addr_spec)))
        return [(one_line(text_clean(d)), one_line(text_clean(a))) for d, a in found]
    except Exception:
        return []
