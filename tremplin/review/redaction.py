"""Blind review: take a candidate's identity and contact details out of a text.

``redact(text, identity=...)`` finds, in the text of a CV, a cover letter or an answer:

- links: with a scheme or ``www.``, profile sites (linkedin.com/in/…), bare domains with
  a path or the candidate's name, handles (@name, "LinkedIn: jdupont", "Skype jd_75", or
  alone among the header's contacts, their icon lost), and the user names that the
  candidate's e-mail addresses and header links give away ("jdupont92";
  ``redaction_identifiers.py``);
- e-mail addresses (``redaction_emails.py``), including those disguised against robots:
  "name [at] example [dot] org", "name(at)example.fr", "name at example dot org";
- the value of a labelled contact field ("Tel", "E-mail", "Website", "Address", "Name",
  Europass's "Personal information"...), taken whole (``redaction_fields.py``), and a
  blank template's instructions for them (``redaction_placeholders.py``);
- phone numbers (``redaction_phones.py``): the candidate's own, any ``phonenumbers`` finds
  for the countries candidates write from, any in international form, after a phone label,
  or standing alone in the header;
- places (``redaction_places.py``, ``redaction_towns.py``): streets as Europe, the UK and
  the US write them, in any case, postcodes with their town, what follows an address
  label, the town, region or country lines of the header;
- the candidate's own name: the full name in any case, each part of it (except particles
  such as "de") when written with a capital, and, in any case, every word glued to it:
  user names, e-mail addresses, profile links and file names made of the name's parts and
  initials ("jdupont92", "jean.dupont@…", "/in/jean-dupont-1234", "photo-dupont.jpg"),
  accents optional, hyphenated names whole or in parts; and initials beside it ("Ann B.
  Carver", "A. Carver");
- the words a recruiter listed as still telling who the candidate is ("[hidden]").

What is someone else's stays (``redaction_others.py``): a letter's inside address, a CV's
referees, links to sites below the header that hold nothing of the candidate's.

Each is replaced by a neutral marker in the active language ("[name]", "[e-mail]",
"[phone]", "[link]", "[address]"). At the top of a CV, the lines that hold nothing but
these (and their labels) are withheld whole: one "[contact details withheld]" line in their
place (``redaction_header.contact_block``; ``header=False`` redacts word by word only).

It only reads its arguments (no database, settings or state): tested on its own
(tests/test_redaction*.py), measured on CV templates (tests/cv_samples/, bench/redaction.py).
Patterns are compiled at import; long runs of letters or digits cost one pass.

It errs on the side of removing too much: a candidate named "Rose" loses every "Rose" with
a capital; "une rose" stays. Other people's names are not found (no named-entity model).
"""

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.utils.translation import gettext

from tremplin.review.redaction_address_labels import return_address
from tremplin.review.redaction_emails import emails_find, own_domains, own_site
from tremplin.review.redaction_fields import LABEL, fields_find
from tremplin.review.redaction_header import TLDS as _TLDS
from tremplin.review.redaction_header import (
    contact_block,
    fold,
    header_contacts,
    header_end,
    header_repeated,
)
from tremplin.review.redaction_identifiers import (
    PROFILE_HOST,
    PROFILE_HOSTS,
    identifiers,
    key_fingerprints,
    link_identifiers,
)
from tremplin.review.redaction_initials import initials_find
from tremplin.review.redaction_names import (
    SPACE,
    STAND_IN_PARTS,
    glued_name,
    listed_words,
    name_particles,
    name_parts,
    name_variants,
)
from tremplin.review.redaction_others import (
    others_find,
    own_addresses,
    someone_elses_link,
    within,
)
from tremplin.review.redaction_phones import phones_find
from tremplin.review.redaction_placeholders import digits_to_come, placeholders_find
from tremplin.review.redaction_places import places_find

LINK, EMAIL, PHONE, ADDRESS, NAME = "link", "email", "phone", "address", "name"
HIDDEN = "hidden"  # a word a recruiter listed (``Identity.words``)
# The header's contact block: its first run of lines, and the later ones (shown as nothing).
HEADER, HEADER_MORE = "header", "header_more"
# When two findings overlap, the merged span takes the kind that comes first here.
_ORDER = (HEADER, HEADER_MORE, LINK, EMAIL, PHONE, ADDRESS, NAME, HIDDEN)
PRIORITY = {kind: rank for rank, kind in enumerate(_ORDER)}

_URL_END = "[^\\s<>\"'«»\\[\\]]*"
URL_PATTERNS = [
    re.compile(r"\b(?:https?|ftp):/{1,2}(?=\w)" + _URL_END, re.IGNORECASE),  # "http:/www.…"
    re.compile(r"\bwww\.[\w-]+\.[\w.-]+" + f"(?:/{_URL_END})?", re.IGNORECASE),
    re.compile(r"(?<![\w.@-])(?:[\w-]+\.)*(?:" + PROFILE_HOSTS + f")(?:/{_URL_END})?", re.I),
    re.compile(r"(?<![\w.@/-])(?:[\w-]+\.)+(?:" + _TLDS + ")/" + _URL_END, re.IGNORECASE),
    # An ORCID iD without its host: a researcher's own identifier, "0000-0002-1825-0097".
    re.compile(r"(?<![\w-])\d{4}-\d{4}-\d{4}-\d{3}[\dX](?![\w-])"),
]
# A page of a network that is a video or a search, not someone's profile.
CONTENT_PAGE = re.compile(r"(?:watch|results|playlist|embed|search|hashtag|explore|topics)\b")
# Not an e-mail address's domain, even spaced out ("jean.dupont @ example.org").
BARE_DOMAIN = re.compile(r"(?<![\w.@/-])(?<!@ )(?:[\w-]+\.)+(?:" + _TLDS + r")\b", re.I)
HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_][\w.]{1,29}(?:@[\w-]+(?:\.[\w-]+)+)?")
# A word as user names and file names are written, and the pieces it is made of.
IDENTIFIER = re.compile(r"[^\s,;:!?()\[\]{}<>\"'«»|·•’]+")
IDENTIFIER_PIECES = re.compile(r"[._/\\+@~=#-]+")
# Path segments and user names that say nothing about the person.
GENERIC_IDENTIFIERS = frozenset(
    {
        *("about", "admin", "blog", "careers", "company", "contact", "email", "hello"),
        *("home", "html", "index", "info", "jobs", "mail", "people", "portfolio"),
        *("profile", "profiles", "pub", "resume", "support", "team", "user", "users"),
        *("wiki", "bonjour", "recrutement", "candidature", "emploi", "kontakt"),
        *("posts", "projects", "public", "share", "status", "watch", "channel"),
        *("correo", "courriel", "contacto", "contatto", "posta", "mailbox", "name"),
    }
)
# A handle after the name of a network: "Twitter: jdupont", "LinkedIn jdupont", "Skype 456".
# After a colon (or a column gap) any word is the handle; after a plain space only one that
# cannot be an ordinary word (an @, a digit or an underscore; not years: "GitHub 2022-Present"),
# and only after the names that are not also ordinary words.
_NETWORKS = (
    r"linked[\s-]?in|github|gitlab|bitbucket|twitter|instagram|insta|facebook|fb|skype|xing|"
    r"viadeo|mastodon|bluesky|bsky|telegram|discord|tiktok|youtube|substack|behance|"
    r"dribbble|stack\s?overflow|soundcloud|google\s+talk|hangouts|whatsapp|reddit|kaggle|"
    r"orcid|researchgate|twitch|pinterest|snapchat|codepen|hackerrank|leetcode|keybase|"
    r"wechat|kakaotalk|icq|msn|windows\s+live|aim|yahoo\s+messenger|jabber|xmpp|qq|viber|"
    r"threema|gitea|codeberg|sourcehut|hal|google\s+scholar|scholar|dblp|flickr|vimeo|"
    r"deviantart|artstation|letterboxd|goodreads|strava|peertube|pixelfed|zulip|slack"
)
_NETWORKS_ORDINARY_WORDS = r"x|medium|threads|signal|matrix|line|malt"
_HANDLE_ANY = r"@?\w[\w.@/~+-]*"
_HANDLE_MARKED = r"@\w[\w.-]*|(?!(?:19|20)\d\d[—–-])[\w.-]*[\d_][\w.-]*\w|[\w-]+\.[\w.-]*\w"
# A table's gap between the network's name and its own cell, which holds the handle alone
# ("LinkedIn\tjdoe"; not ": Facebook\tMonth 20xx – Present", the next column's text).
_CELL_GAP = rf"(?:\t|[^\S\n]{{2}})(?=[^\S\n]*{_HANDLE_ANY}[^\S\n]*(?:\n|$|\t|[^\S\n]{{3}}))"
NETWORK_HANDLE = re.compile(
    rf"(?<![\w.@/-])(?:(?:{_NETWORKS})(?:[^\S\n]*(?:[:\uff1a|]|=>|→|{_CELL_GAP})[^\S\n]*"
    rf"(?P<any>{_HANDLE_ANY})|[^\S\n]+(?:[—–-][^\S\n]+)?(?P<marked>{_HANDLE_MARKED}))"
    rf"|(?:{_NETWORKS_ORDINARY_WORDS})[^\S\n]*[:\uff1a][^\S\n]*(?P<after_colon>{_HANDLE_ANY}))",
    re.IGNORECASE,
)
# Link texts that name a network or a kind of contact, not a handle ("GitHub | LinkedIn").
LINK_TEXT = re.compile(
    rf"(?:{_NETWORKS}|{_NETWORKS_ORDINARY_WORDS}|e-?mail|web\s?site|web|portfolio|blog|"
    r"phone|mobile|homepage|profile|cv|resume)",
    re.IGNORECASE,
)
# A bare domain after a website label: "Website: example.com".
LABELLED_SITE = re.compile(
    r"\b(?:web\s?site|web|site(?:\s+(?:web|internet|perso(?:nnel)?))?|home\s?page|"
    r"portfolio|blog|url|webseite|sito(?:\s+web)?|p[áa]gina(?:\s+web)?)\b[^\S\n]*[:\uff1a]"
    r"[^\S\n]*(?P<site>[\w-]+(?:\.[\w-]+)+(?:/[^\s<>\"'«»]*)?)",
    re.IGNORECASE,
)

# A label that says a link below the header is the candidate's own site.
OWN_SITE_LABEL = re.compile(
    r"\b(?:portfolio|my (?:web)?site|personal (?:web)?site|home ?page|site personnel|mon site"
    r"|(?:meine|personliche) (?:webseite|homepage))\b"
)

_TRAILING = ".,;:!?)]}'\"»’"


@dataclass(frozen=True)
class Identity:
    """What the candidate told us about themselves, to find it again in their texts."""

    names: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    # Words a recruiter saw left in the candidate's texts ("Lycée Fénelon"): listed_words.
    words: tuple[str, ...] = ()

    @classmethod
    def of(
        cls, *, name: str = "", email: str = "", phone: str = "", words: Iterable[str] = ()
    ) -> "Identity":
        return cls(
            names=(name,) if name.strip() else (),
            emails=(email,) if email.strip() else (),
            phones=(phone,) if phone.strip() else (),
            words=tuple(word for word in (" ".join(w.split()) for w in words) if word),
        )


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str
    own: bool = False  # the candidate's own for sure: their name in a link, their phone


def markers() -> dict[str, str]:
    """The text put in place of each kind of finding, in the active language."""
    return {
        NAME: gettext("[name]"),
        EMAIL: gettext("[e-mail]"),
        PHONE: gettext("[phone]"),
        LINK: gettext("[link]"),
        ADDRESS: gettext("[address]"),
        HIDDEN: gettext("[hidden]"),
        HEADER: gettext("[contact details withheld]"),
        HEADER_MORE: "",
    }


def redact(text: str, *, identity: Identity, header: bool = True) -> str:
    """``text`` with the candidate's name, contact details, links and addresses replaced;
    with ``header``, the contact lines at the top of a CV replaced by one placeholder line
    (``redaction_header.contact_block``)."""
    if not text:
        return text
    spans = find(text, identity=identity, header=header)
    replacement = markers()
    pieces: list[str] = []
    position = 0
    for span in spans:
        pieces.append(text[position : span.start])
        pieces.append(replacement[span.kind])
        position = span.end
    pieces.append(text[position:])
    return "".join(pieces)


def find(text: str, *, identity: Identity, header: bool = True) -> list[Span]:
    """The spans ``redact`` would replace, merged and in order (for tests and measures)."""
    text = digits_to_come(text)  # same length: the spans stand for the text as given
    found = _own(list(_find(text, identity=identity)), text=text)
    at = [(span.start, span.end) for span in found]
    again = [Span(a, b, found[i].kind, found[i].own) for i, a, b in header_repeated(text, at)]
    spans = _merged([*found, *again], text=text)
    if not header:
        return spans
    block = contact_block(text, [(span.start, span.end) for span in spans], label=LABEL)
    withheld = [
        # A later run goes with the line break before it, leaving no empty line.
        Span(run.start, run.end, HEADER) if run.first else Span(run.start - 1, run.end, HEADER_MORE)
        for run in block
    ]
    return _merged([*spans, *withheld], text=text) if withheld else spans


def _own(found: list[Span], *, text: str) -> list[Span]:
    """``found`` less others' contacts (``others_find``), with the address ``own_addresses``."""
    own = [(span.start, span.end) for span in found if span.own]
    own += _written_names(found, text=text)
    others = list(others_find(text, own=own))
    kept = [s for s in found if s.kind == NAME or not within(s.start, s.end, others)]
    at = [(span.start, span.end) for span in found]
    return kept + [Span(a, b, ADDRESS) for a, b in own_addresses(text, own=own, found=at)]


def _written_names(found: list[Span], *, text: str) -> Iterator[tuple[int, int]]:
    """Where ``found`` writes the name in two words or more ("Jane Doe", "F. Schreiber",
    parts found apart and run together): a lone part of the name does not make a block the
    candidate's ("Director Doe & Co" is an addressee who shares the surname)."""
    names = sorted((span.start, span.end) for span in found if span.kind == NAME)
    runs: list[tuple[int, int]] = []
    for start, end in names:
        if runs and not text[runs[-1][1] : start].strip():
            runs[-1] = (runs[-1][0], max(end, runs[-1][1]))
        else:
            runs.append((start, end))
    return ((start, end) for start, end in runs if len(text[start:end].split()) > 1)


def _find(text: str, *, identity: Identity) -> Iterator[Span]:
    contacts = [
        *_links(text, identity=identity),
        *_emails(text, identity=identity),
        *(Span(a, b, kind) for a, b, kind in [*header_contacts(text), *placeholders_find(text)]),
    ]
    for start, end, kind in fields_find(text):
        yield _trimmed(start, end, kind, text)
    yield from contacts
    yield from _echoes(text, contacts=contacts, identity=identity)
    for start, end, own in phones_find(text, own=identity.phones):
        yield Span(start, end, PHONE, own)
    names = [*_names(text, identity=identity), *_name_tokens(text, identity=identity)]
    for start, end in places_find(text, names=[(n.start, n.end) for n in names]):
        yield _trimmed(start, end, ADDRESS, text)
    yield from names
    for start, end in return_address(text, names=[(n.start, n.end) for n in names]):
        yield Span(start, end, ADDRESS)
    names_at = [(span.start, span.end) for span in names if span.kind == NAME]
    own_initials = frozenset(part[0] for part in name_parts(identity.names))
    for start, end in initials_find(text, names=names_at, own=own_initials):
        yield Span(start, end, NAME)
    for start, end in listed_words(text, identity.words):
        yield Span(start, end, HIDDEN, own=True)


def _merged(spans: Iterable[Span], *, text: str) -> list[Span]:
    """Overlapping spans become one; so do the lines of an address, and parts of a name
    separated only by spaces ("[name] [name]" would say how long the name is)."""
    ordered = sorted(
        (span for span in spans if span.end > span.start), key=lambda s: (s.start, -s.end)
    )
    merged: list[Span] = []
    for span in ordered:
        if merged:
            last = merged[-1]
            between = text[last.end : span.start] if span.start >= last.end else ""
            joins_address = (
                last.kind == ADDRESS == span.kind
                and span.start >= last.end
                and not between.strip(" ,\t\n")
                and between.count("\n") <= 1
            )
            joins_name = (
                last.kind == NAME == span.kind
                and span.start >= last.end
                and not between.strip(" \t-")
            )
            if span.start < last.end or joins_address or joins_name:
                kind = min(last.kind, span.kind, key=PRIORITY.__getitem__)
                merged[-1] = Span(last.start, max(last.end, span.end), kind)
                continue
        merged.append(span)
    return merged


def _trimmed(start: int, end: int, kind: str, text: str, *, own: bool = False) -> Span:
    while end > start and (text[end - 1] in _TRAILING or text[end - 1].isspace()):
        if text[end - 1] == ")" and text.count("(", start, end) >= text.count(")", start, end):
            break
        end -= 1
    return Span(start, end, kind, own)


def _links(text: str, *, identity: Identity) -> Iterator[Span]:
    header = header_end(text)
    found = [match for pattern in URL_PATTERNS for match in pattern.finditer(text)]
    own = {*name_parts(identity.names), *(_local_part(email) for email in identity.emails)}
    for match in found:
        if match.start() < header:
            own.update(link_identifiers(match.group()))
    for match in found:
        # Below the header, a link to a site that is not a profile and holds nothing of
        # the candidate's is an employer's or a school's (redaction_others.py).
        host, _, path = re.sub(r"^[a-z]+://", "", fold(match.group())).partition("/")
        line_start = text.rfind("\n", 0, match.start()) + 1
        if (
            match.start() < header
            or (PROFILE_HOST.search(host) and not CONTENT_PAGE.match(path))
            or not someone_elses_link(match.group(), own=own)
            # "Portfolio links • https://example.com/portfolio": the candidate's, by its label
            or OWN_SITE_LABEL.search(fold(text[line_start : match.start()]))
        ):
            yield _trimmed(match.start(), match.end(), LINK, text)
    for start, end in key_fingerprints(text):
        yield Span(start, end, LINK)
    for match in HANDLE.finditer(text):
        # "Engineer @Microsoft" below the header: an employer, written as networks do.
        employer = match.group()[1:2].isupper() and someone_elses_link(match.group(), own=own)
        if match.start() < header or not employer:
            yield _trimmed(match.start(), match.end(), LINK, text)
    for match in NETWORK_HANDLE.finditer(text):
        group = next(g for g in ("any", "marked", "after_colon") if match.group(g))
        if not LINK_TEXT.fullmatch(match.group(group)):
            yield _trimmed(match.start(group), match.end(group), LINK, text)
    for match in LABELLED_SITE.finditer(text):
        yield _trimmed(match.start("site"), match.end("site"), LINK, text)
    tokens = [*name_parts(identity.names), *map(_local_part, identity.emails)]
    personal = [token for token in tokens if len(token) >= 3]
    # A site on the candidate's own domain: "me.example.org", "example.org" for bob@example.org.
    domains = own_domains(text, own=identity.emails, header=header)
    for match in BARE_DOMAIN.finditer(text):
        written = fold(match.group(0))
        if any(token.replace("-", "") in re.sub(r"[-_]", "", written) for token in personal) or (
            own_site(written, domains)
        ):
            yield Span(match.start(), match.end(), LINK)


def _echoes(text: str, *, contacts: list[Span], identity: Identity) -> Iterator[Span]:
    """Handles and user names that the candidate's own e-mail addresses and links give away
    ("jdupont92" once "www.jdupont92.fr" is in the header), wherever they stand alone.

    Own means given in the application form or written in the header of the text: links
    further down are as often an employer's or a school's."""
    header = header_end(text)
    tokens: set[str] = set()
    for email in identity.emails:
        tokens.update(identifiers(email.split("@", 1)[0]))
    for span in contacts:
        if span.start >= header:
            continue
        written = text[span.start : span.end]
        if span.kind == EMAIL:
            tokens.update(
                identifiers(
                    re.split(
                        r"\s*(?:[@\uff20]|[\[({]\s*(?:at|arobase|chez|a|ät)|\s(?:at|arobase)\s)",
                        written,
                    )[0]
                )
            )
        else:
            tokens.update(link_identifiers(written))
    parts = frozenset(part for part in name_parts(identity.names) if len(part) >= 3)
    initials = frozenset(part[0] for part in parts)
    fillers = name_particles(identity.names)
    tokens = {
        token
        for token in tokens
        if len(token) >= 4
        and not token.isdigit()
        and token not in GENERIC_IDENTIFIERS
        # The name, in any form, is found as a name.
        and not any(
            glued_name(piece, parts=parts, initials=initials, fillers=fillers)
            for piece in IDENTIFIER_PIECES.split(token)
        )
    }
    if not tokens:
        return
    alternatives = "|".join(re.escape(token) for token in sorted(tokens, key=len, reverse=True))
    # Digits after a user name are part of it: "docbrown1955".
    pattern = re.compile(rf"(?<![\w@/-])(?:{alternatives})\d{{0,4}}(?![\w@/-])")
    for match in pattern.finditer(fold(text)):
        # Inside an e-mail address or a link already found, the echo adds nothing. A word
        # with a capital inside ("RenderCV" for the handle "rendercv") is a brand's name,
        # and so is a capitalised word of letters below the header ("Example, Inc.").
        written = text[match.start() : match.end()]
        word = written[:1].isupper() and written.isalpha() and match.start() >= header
        if not any(c.start <= match.start() and match.end() <= c.end for c in contacts) and (
            written[1:] == written[1:].lower() and not word
        ):
            yield Span(match.start(), match.end(), LINK)


def _name_tokens(text: str, *, identity: Identity) -> Iterator[Span]:
    """Words glued to the candidate's name: user names and file names ("jdupont",
    "jean_dupont92", "/in/jean-dupont-1234", "photo-dupont.jpg"), in any case.

    A word is taken whole when one of its pieces (between dots, dashes, slashes...) is a
    part of the name with digits around it, or parts of the name and their initials run
    together. A lone part of the name in lower case is left: it is often an ordinary word
    ("une rose")."""
    parts = frozenset(part for part in name_parts(identity.names) if len(part) >= 3)
    if not parts:
        return
    initials = frozenset(part[0] for part in parts)
    fillers = name_particles(identity.names)
    folded = fold(text)
    for match in IDENTIFIER.finditer(folded):
        word = match.group()
        if not any(part in word for part in parts):
            continue  # a glued name holds at least one whole part of the name
        pieces = [piece for piece in IDENTIFIER_PIECES.split(word) if piece]
        if len(pieces) == 1 and pieces[0] in parts:
            continue
        if any(glued_name(p, parts=parts, initials=initials, fillers=fillers) for p in pieces):
            kind = EMAIL if "@" in word else LINK if re.search(r"[./\\]", word) else NAME
            yield _trimmed(match.start(), match.end(), kind, text, own=True)


def _emails(text: str, *, identity: Identity) -> Iterator[Span]:
    own = {fold(email.strip()) for email in identity.emails}
    for start, end in emails_find(text, own=identity.emails):
        yield _trimmed(start, end, EMAIL, text, own=fold(text[start:end]) in own)


def _names(text: str, *, identity: Identity) -> Iterator[Span]:
    folded, names = fold(text), identity.names
    for name in identity.names:
        whole = fold(" ".join(name.split()))
        if len(whole) >= 2:
            # Letters spaced out too ("J O H N  D O E"): headers in spaced capitals.
            pattern = r"\s+".join(f"{SPACE}?".join(map(re.escape, w)) for w in whole.split(" "))
            for match in re.finditer(rf"(?<!\w){pattern}(?!\w)", folded):
                yield Span(match.start(), match.end(), NAME)
    for email in identity.emails:
        local = _local_part(email)
        if len(local) >= 4 and local not in GENERIC_IDENTIFIERS:
            for match in re.finditer(rf"(?<!\w){re.escape(local)}(?!\w)", folded):
                yield Span(match.start(), match.end(), NAME, own=True)
    parts = [part for part in name_parts(identity.names) if part not in STAND_IN_PARTS]
    for part in parts:
        for match in re.finditer(rf"(?<!\w){re.escape(part)}(?!\w)", folded):
            written = text[match.start() : match.end()]
            if written[:1].isupper():
                yield Span(match.start(), match.end(), NAME)
    for start, end in name_variants(text, names, parts=parts):
        yield Span(start, end, NAME)


def _local_part(email: str) -> str:
    return fold(email.split("@", 1)[0].strip()) if "@" in email else ""
