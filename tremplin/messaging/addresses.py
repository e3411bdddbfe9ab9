"""Tagged addresses: ``jobs+<tag>@example.org`` is the address ``jobs@example.org`` with a tag.

An organization receives mail at its address; the tag says what a message is for. What a
tag names (a vacancy) is for the apps above to read; a reply token (``jobs+r-<token>@…``)
is the mail floor's own: it files a candidate's answer with the message it answers.
"""

from collections.abc import Sequence

TAG_SEPARATOR = "+"
# The tag of a reply address, ``jobs+r-<token>@example.org``: what a candidate sends
# there is filed on the application of the message carrying that token.
REPLY_TAG_PREFIX = "r-"


def address_split(address: str) -> tuple[str, str]:
    """``jobs+director@example.org`` → (``jobs@example.org``, ``director``)."""
    local, _at, domain = address.strip().lower().rpartition("@")
    base, _plus, tag = local.partition(TAG_SEPARATOR)
    return f"{base}@{domain}", tag


def address_tagged(address: str, tag: str) -> str:
    """``address`` with ``tag`` (``jobs+<tag>@example.org``); "" when it is no address."""
    address = address.strip()
    if "@" not in address:
        return ""
    local, _at, domain = address.rpartition("@")
    return f"{local}{TAG_SEPARATOR}{tag}@{domain}"


def reply_tokens(*, recipients: Sequence[str]) -> list[str]:
    """The reply tokens of ``recipients`` (``jobs+r-<token>@…``), most precise first."""
    tokens: list[str] = []
    for address in recipients:
        if "@" not in address:
            continue
        _base, tag = address_split(address)
        if tag.startswith(REPLY_TAG_PREFIX) and len(tag) > len(REPLY_TAG_PREFIX):
            tokens.append(tag.removeprefix(REPLY_TAG_PREFIX))
    return tokens
