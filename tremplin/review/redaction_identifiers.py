"""The user names a candidate's own contacts give away, for blind-review redaction
(``redaction.py`` finds them again wherever they stand alone): the pieces of an e-mail
address's local part, a link's path segments, a personal domain's own name."""

import re
from collections.abc import Iterator

from tremplin.review.redaction_header import fold

# Networks and hosts where a person has a profile page.
PROFILE_HOSTS = (
    r"linkedin\.com|lnkd\.in|github\.com|github\.io|gitlab\.com|gitlab\.io|bitbucket\.org|"
    r"twitter\.com|x\.com|facebook\.com|fb\.com|instagram\.com|tiktok\.com|youtube\.com|"
    r"youtu\.be|medium\.com|substack\.com|behance\.net|dribbble\.com|malt\.fr|malt\.com|"
    r"about\.me|linktr\.ee|stackoverflow\.com|orcid\.org|researchgate\.net|academia\.edu|"
    r"scholar\.google\.com|bsky\.app|mastodon\.social|threads\.net|wordpress\.com|"
    r"blogspot\.com|wixsite\.com|netlify\.app|vercel\.app|notion\.site|calendly\.com"
)
PROFILE_HOST = re.compile(rf"(?:^|\.)(?:{PROFILE_HOSTS})$", re.IGNORECASE)
# Hosts where a person's page is a sub-domain: jdupont.github.io.
SHARED_HOSTS = frozenset(
    {
        *("github.io", "gitlab.io", "tumblr.com", "wordpress.com", "blogspot.com"),
        *("netlify.app", "vercel.app", "wixsite.com", "substack.com", "medium.com"),
        *("notion.site", "carrd.co", "about.me", "webflow.io", "pages.dev"),
    }
)
# A PGP key's fingerprint or long ID, in groups of four hexadecimal digits ("AAAA 5555 BBBB
# FFFF", "0x1A2B 3C4D 5E6F 7A8B"): the candidate's, wherever it stands.
_HEX_GROUPS = re.compile(r"(?<![\w-])(?:0x)?(?:[0-9A-F]{4}[^\S\n]?){3,9}[0-9A-F]{4}(?![\w-])")


def key_fingerprints(text: str) -> Iterator[tuple[int, int]]:
    """Fingerprints with a digit and two groups with a letter at least: not years in a row,
    not "CAFE BABE DEAD BEEF", not an IBAN ("DE95 1007 0848"), whose letters are its first
    group's."""
    for match in _HEX_GROUPS.finditer(text):
        groups = re.findall(r"[0-9A-F]{4}", match.group().removeprefix("0x"))
        lettered = sum(bool(re.search("[A-F]", group)) for group in groups)
        if lettered >= 2 and re.search(r"\d", match.group()):
            yield match.span()


# More pieces than this in a local part make a phrase, not a user name.
MAX_HANDLE_PIECES = 3


def identifiers(local: str) -> set[str]:
    """A user name, the pieces of it and the pieces run together: "jean.dupont+cv" gives
    jean.dupont, jean, dupont and jeandupont (a handle elsewhere: "jeandupont1955")."""
    local = fold(local.strip().lstrip("@")).split("+", 1)[0]
    pieces = re.split(r"[._-]+", local)
    # "casey.palette.person.with.a.very.long.email.address": a phrase, whose words ("with")
    # are no handle of their own.
    alone = pieces if len(pieces) <= MAX_HANDLE_PIECES else []
    return {local, *alone, "".join(pieces)} if local else set()


def link_identifiers(link: str) -> set[str]:
    """The user names in a link: path segments, and the host's own name for a personal
    domain (jdupont.fr, www.jdupont.fr) or a personal page on a shared host."""
    link = fold(link).strip()
    if link.startswith("@"):
        return identifiers(link)
    link = re.sub(r"^[a-z]+://", "", link)
    host, _, path = link.partition("/")
    labels = [label for label in host.split(".") if label and label != "www"]
    found: set[str] = set()
    if PROFILE_HOST.search(host) and ".".join(labels[-2:]) not in SHARED_HOSTS:
        pass  # linkedin.com, github.com: the user name is in the path
    elif len(labels) == 2 or (len(labels) == 3 and ".".join(labels[1:]) in SHARED_HOSTS):
        found.update(identifiers(labels[0]))
    for segment in re.split(r"[/?#&=]+", path):
        found.update(identifiers(segment))
    return found
