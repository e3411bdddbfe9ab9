"""E-mail addresses: the e-mail part of blind-review redaction (``redaction.py`` calls
``emails_find``).

Found, as (start, end) pairs of the text: addresses as written ("jean.dupont@example.org",
with a full-width at sign too, or spaces around the "@": "jean.dupont @ example.org"), and
as people write them to keep robots away: "jdupont [at] example [dot] org",
"jdupont(at)example.fr", "jdupont(a)example.fr", "jdupont {ät} example.de",
"jdupont at example dot com", "jean.dupont at example.com" (a plain "at" only after a
user name that cannot be a word: a dot, a digit or an underscore in it, and before a
domain that ends with a top-level domain: "worked at Booking.com" stays); and the
candidate's own addresses from the form, in any case.

Possessive quantifiers and a start only where a word starts: a long run of letters and
dots without an @ costs one pass, not one per character.
"""

import re
from collections.abc import Iterator

from tremplin.core.mailboxes import is_mailbox_provider
from tremplin.review.redaction_header import TLDS, fold

_AT = r"(?:at|arobase|chez|a|ät|@|\uff20)"
_DOT = r"(?:dot|point|punto|punkt|\.)"
EMAIL_PATTERNS = [
    re.compile(r"(?<![\w.%+'-])[\w.%+'-]++[@\uff20][\w-]++(?:\.[\w-]++)+", re.UNICODE),
    # "jean.dupont @ example.org": spaces around the @, the domain as written.
    re.compile(r"(?<![\w.%+'-])[\w.%+'-]++[^\S\n]+[@\uff20][^\S\n]+[\w-]++(?:\.[\w-]++)+"),
    re.compile(
        # the dots of the user name spelt too: "john(dot)doe(at)example(dot)com"
        rf"(?<![\w.+-])[\w.+-]++(?:\s*[\[({{]\s*{_DOT}\s*[\])}}]\s*[\w+-]+){{0,3}}"
        rf"\s*[\[({{]\s*{_AT}\s*[\])}}]\s*[\w-]+"
        rf"(?:\s*(?:[\[({{]\s*{_DOT}\s*[\])}}]|\.)\s*[\w-]+)+",
        re.IGNORECASE,
    ),
    # "jdupont at gmail dot com": the words spelt out, ending with a top-level domain.
    re.compile(
        r"(?<![\w.+-])[\w.+-]++(?:[^\S\n]+(?:dot|point)[^\S\n]+[\w+-]+){0,3}"
        r"[^\S\n]+(?:at|arobase)[^\S\n]+[\w-]+"
        r"(?:[^\S\n]+(?:dot|point)[^\S\n]+[\w-]+)*?[^\S\n]+(?:dot|point)[^\S\n]+"
        rf"(?:{TLDS})\b",
        re.IGNORECASE,
    ),
    # "jean.dupont at example.com": a user name no word looks like, a plain "at", a domain.
    re.compile(
        r"(?<![\w.+-])(?=[\w.+-]*[._\d])[\w.+-]*\w[^\S\n]+(?i:at|arobase)[^\S\n]+"
        rf"(?:[\w-]+\.)+(?i:{TLDS})\b"
    ),
]


def emails_find(text: str, *, own: tuple[str, ...]) -> Iterator[tuple[int, int]]:
    """Where the text gives an e-mail address, the candidate's own ``own`` included."""
    for pattern in EMAIL_PATTERNS:
        for match in pattern.finditer(text):
            yield match.start(), match.end()
    for email in own:
        for match in re.finditer(re.escape(email.strip()), text, re.IGNORECASE):
            yield match.start(), match.end()


def own_domains(text: str, *, own: tuple[str, ...], header: int) -> set[str]:
    """The domains of the candidate's e-mail addresses: given in the form, or written in
    the header of the text (up to ``header``)."""
    written = [text[start:end] for start, end in emails_find(text[:header], own=own)]
    return {fold(email).rsplit("@", 1)[1].strip() for email in (*own, *written) if "@" in email}


def own_site(domain: str, domains: set[str]) -> bool:
    """Whether a bare ``domain`` (folded) is a site on one of the candidate's ``domains``: a
    subdomain of one, or one itself unless it is a mailbox provider's."""
    return any(
        domain.endswith(f".{own}") or (domain == own and not is_mailbox_provider(own))
        for own in domains
    )
