"""Who hires, when the text does not say it in so many words: a signature closing the
posting ("L'équipe de X"), the name the domain of the address to apply to spells when the
text writes it (twice, or after a word such as "Foundation"), the one name written with its
legal form ("X GmbH"); or, as a guess the caller keeps apart, the domain's name alone.
"""

import re
from collections.abc import Iterator

from tremplin.core.mailboxes import MAILBOX_PROVIDERS
from tremplin.vacancies.importing.naming import NOT_A_HIRER, NOT_A_NAME
from tremplin.vacancies.importing.structure import Document
from tremplin.vacancies.importing.textutil import fold, host_of

_I = re.IGNORECASE

# A signature is a line of its own: the name runs to its end.
_ORG_NAME = r"(?P<name>[A-ZÀ-ÖØ-Þ][^!?:;,\n]{1,60}?)"
# "L'équipe de Terre des jeunes", "The Couchers.org team", "The team at X".
_SIGNATURE = re.compile(
    rf"^(?:[-–—]\s*)?(?i:(?:l['’]\s*)?équipe\s+(?:de\s+|du\s+|des\s+|d['’]\s*)?){_ORG_NAME}"
    r"\s*[.!]?$"
    rf"|^(?:[-–—]\s*)?(?i:(?:the\s+)?team\s+(?:at|of)\s+){_ORG_NAME.replace('name', 'at')}"
    r"\s*[.!]?$"
    rf"|^(?:[-–—]\s*)?(?i:the\s+){_ORG_NAME.replace('name', 'en')}\s+(?i:team)\s*[.!]?$",
)
_CLOSING = re.compile(
    r"^(?:cordialement|bien\s+(?:à\s+vous|cordialement)|salutations|au\s+plaisir|à\s+bientôt"
    r"|merci|best(?:\s+regards)?|kind\s+regards|regards|sincerely|thanks|thank\s+you"
    r"|cheers|warmly)\b[^.,]*[,!.]?\s*(?P<signed>.*)$",
    _I,
)
# What a line signed "— X" or after "Cordialement," must say to name an organization and
# not a person.
_ORGANIZATION_WORD = re.compile(
    r"\b(?:association|asbl|a\.s\.b\.l|ong|ngo|fondation|foundation|collectif|réseau|network"
    r"|institut|institute|federation|fédération|coop|lab|centre|center|maison|comité|committee"
    r"|union|alliance|trust|mouvement|movement|ligue|league|club|conseil|council)\b",
    _I,
)
SIGNATURE_PARAGRAPHS = 3


def organization_signed(document: Document) -> str | None:
    """The organization a posting signs with at its end: "L'équipe de X", "The X team",
    or "— X" and the last line after a closing formula ("Cordialement,\nX") when X says
    what kind of body it is ("Maison des Voisins", "X asbl"): a person signing is none."""
    paragraphs = [p for section in document.sections for p in section.paragraphs if p.strip()]
    lines = [line.strip() for p in paragraphs[-SIGNATURE_PARAGRAPHS:] for line in p.splitlines()]
    lines = [line.strip("*_ ") for line in lines if line.strip("*_ ")]
    for index, line in enumerate(lines):
        if match := _SIGNATURE.match(line):
            name = next(value for value in match.groupdict().values() if value).rstrip(". ")
            first_word = re.split(r"[\s'’]", fold(name), maxsplit=1)[0]
            if first_word not in NOT_A_NAME and first_word not in NOT_A_HIRER:
                return name
        signed = None
        if line[:1] in "-–—" and index == len(lines) - 1:
            signed = line.lstrip("-–— ")
        elif closing := _CLOSING.match(line):
            # "Cordialement,\nX" or, lines joined in a paragraph, "Cordialement, X".
            signed = closing.group("signed") or (lines[-1] if index + 1 < len(lines) else None)
        signed = signed.rstrip(". ") if signed else None
        if (
            signed
            and signed[:1].isupper()
            and len(signed) <= 100
            and _ORGANIZATION_WORD.search(signed)
        ):
            return signed
    return None


# Mail services and hosts of forms and job boards: their domain names no employer.
_SHARED_DOMAINS = MAILBOX_PROVIDERS | frozenset(
    (
        *("google", "forms", "typeform", "jotform", "tally", "office", "linkedin", "indeed"),
        *("welcometothejungle", "github", "framaforms", "hellowork", "jobteaser", "monster"),
        *("glassdoor", "hh", "bit", "tinyurl", "trello"),
    )
)
# Applicant tracking systems name the employer in the host ("org.breezy.hr") or in the
# first part of the path ("boards.greenhouse.io/org").
_ATS_SUBDOMAIN = re.compile(
    r"^(?P<org>[\w-]+)\.(?:breezy\.hr|recruitee\.com|teamtailor\.com|bamboohr\.com"
    r"|applytojob\.com|theresumator\.com|workable\.com|personio\.\w+|icims\.com)$",
    _I,
)
_ATS_PATH = re.compile(
    r"^(?:boards\.greenhouse\.io|job-boards\.greenhouse\.io|jobs\.lever\.co|apply\.workable\.com"
    r"|jobs\.ashbyhq\.com|jobs\.smartrecruiters\.com|careers\.smartrecruiters\.com)$",
    _I,
)
_NOT_AN_ATS_NAME = frozenset(("www", "jobs", "careers", "apply", "app", "boards", "emploi"))


def _domain_name(address: str) -> str | None:
    """The part of an e-mail address or URL that names its owner: "peardeck" in
    jobs@peardeck.com, "acme" in https://acme.breezy.hr/p/1 or boards.greenhouse.io/acme."""
    host = host_of(address)
    path = "" if "@" in address and "//" not in address else _path(address)
    if match := _ATS_SUBDOMAIN.match(host):
        name = match.group("org")
    elif _ATS_PATH.match(host):
        name = re.split(r"[/?#]", path, maxsplit=1)[0]
    else:
        labels = host.split(".")
        # "jobs.acme.org" → acme; "acme.co.uk" → acme; "ulb.ac.be" → ulb.
        while (
            len(labels) > 2
            and len(labels[-2]) <= 3
            and labels[-2] in ("co", "ac", "org", "gouv", "gov", "com", "qc", "edu")
        ):
            labels = labels[:-1]
        name = labels[-2] if len(labels) >= 2 else ""
    name = name.strip("-_")
    if len(name) < 2 or name in _SHARED_DOMAINS or name in _NOT_AN_ATS_NAME:
        return None
    return name


def _squeezed(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(text))


_WORD = re.compile(r"[\w&'’.-]+")


def _domain_names(addresses: list[str | None]) -> Iterator[tuple[str, str]]:
    """The name each apply address's domain spells, as written and squeezed."""
    for address in addresses:
        if address and (name := _domain_name(address)):
            yield name, _squeezed(name)


def _written_spellings(words: list[str], wanted: str) -> Iterator[str]:
    """Each run of capitalized words that spells ``wanted`` squeezed ("Pear Deck" for
    peardeck), as the text writes it."""
    for start, word in enumerate(words):
        if not word[:1].isupper():
            continue
        run = ""
        for end in range(start, min(start + 6, len(words))):
            if not words[end][:1].isupper() and not words[end][:1].isdigit():
                break
            run += _squeezed(words[end])
            if run == wanted:
                yield " ".join(words[start : end + 1]).strip(".")
                break
            if not wanted.startswith(run):
                break


def organization_written_often(document: Document, addresses: list[str | None]) -> str | None:
    """The name the apply address's domain spells, when the text writes it as a name more
    than once ("GDQuest is a social business… work with GDQuest" for gdquest.com): the
    posting names the organization it speaks for, so it is no guess."""
    words = _WORD.findall(document.plain_text)
    for _name, wanted in _domain_names(addresses):
        written = list(_written_spellings(words, wanted))
        if len(written) < 2:
            continue
        # "PauseAI Global", "PauseAI France": the name of a movement whose branches share
        # it says no more than the movement; which branch hires, the text does not say.
        branch = re.compile(rf"{re.escape(written[0])}\s+[A-ZÀ-ÖØ-Þ]")
        if not branch.search(document.plain_text):
            return written[0]
    return None


# A name with its legal form: "LanguageTooler GmbH", "Open Knowledge Foundation Deutschland
# e.V.", "Acme SAS".
_LEGAL_NAME = re.compile(
    r"(?<![\w-])(?P<name>(?:[A-ZÀ-ÖØ-Þ][\w&'’.-]*[^\S\n]+){1,5}"
    r"(?:gGmbH|GmbH|e\.[^\S\n]?V\.|SAS|SARL|SCOP|SCIC|ASBL|Ltd\.?|Inc\.?|LLC|CIC|AG|B\.V\.))(?![\w-])"
)
_ARTICLE = re.compile(r"^(?:the|die|der|das|le|la|les)\s+", re.IGNORECASE)


def organization_with_legal_form(document: Document) -> str | None:
    """The one name with a legal form the text writes ("Die LanguageTooler GmbH betreibt
    languagetool.org"): a company or an association, named as it is registered. Two such
    names (a project's and its fiscal sponsor's) say nothing on their own."""
    names = {
        _ARTICLE.sub("", match.group("name")) for match in _LEGAL_NAME.finditer(document.plain_text)
    }
    return names.pop() if len(names) == 1 else None


def organization_from_domain(document: Document, addresses: list[str | None]) -> str | None:
    """A guess at the organization from the domain of the apply address or URL: the name
    as the text writes it when a run of capitalized words spells the domain ("Pear Deck"
    for peardeck.com), else the domain's name capitalized. The caller marks it a guess."""
    words = _WORD.findall(document.plain_text)
    for name, wanted in _domain_names(addresses):
        return next(_written_spellings(words, wanted), name[:1].upper() + name[1:])
    return None


# A word that says a name is an organization's ("Foundation for Public Code").
_ORGANIZATION_NOUN = re.compile(
    r"^(?:foundation|fondation|association|institute|institut|society|societe|center|centre"
    r"|network|reseau|alliance|coalition|collective|collectif|cooperative|federation)$"
)
# Words after that noun, at most: "Foundation for the Care of Urban Rivers".
MAX_NAME_WORDS = 7


def organization_spelling_domain(document: Document, addresses: list[str | None]) -> str | None:
    """A name the text writes whose last words spell the apply address's domain, headed by
    a word that says what it is: "The Foundation for Public Code" for hr@publiccode.net."""
    words = _WORD.findall(document.plain_text)
    for _name, wanted in _domain_names(addresses):
        for start, word in enumerate(words):
            if not _ORGANIZATION_NOUN.match(fold(word)) or not word[:1].isupper():
                continue
            run = ""
            for end in range(start + 1, min(start + 1 + MAX_NAME_WORDS, len(words))):
                if not _NAME_WORD.match(words[end]):
                    break
                run += _squeezed(words[end])
                if run.endswith(wanted) and words[end][:1].isupper():
                    return " ".join(words[start : end + 1]).strip(".")
    return None


# "[The Foundation for Public Code](https://publiccode.net) helps…": a link's words.
_LINK = re.compile(r"\[(?P<text>[^\[\]\n]{2,80})\]\((?P<url>https?://[^)\s]+)\)")
_NAME_WORD = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ0-9&]|(?:of|for|and|the|in|de|du|des|la|le|et|pour)$)")


def _path(url: str) -> str:
    """What follows the host of ``url``, without its first "/"."""
    return url.split("//", 1)[-1].partition("/")[2]


def organization_linked(document: Document, addresses: list[str | None]) -> str | None:
    """The name a link to the apply address's own site gives, when its words read as a
    name: "[The Foundation for Public Code](https://publiccode.net)" for
    hr@publiccode.net. The text names the organization there, so it is no guess."""
    hosts = {host_of(address) for address in addresses if address}
    for match in _LINK.finditer(document.body) if hosts else ():
        url = match.group("url")
        if _path(url).strip("/") or host_of(url) not in hosts:  # the site itself only
            continue
        text = re.sub(r"\s*\([A-Z][\w&.]{1,9}\)$", "", match.group("text").strip())
        words = text.split()
        if len(words) > 2 and words[0] == "The":
            words = words[1:]
        if (
            0 < len(words) <= 8
            and words[0][:1].isupper()
            and all(_NAME_WORD.match(word) for word in words)
        ):
            return " ".join(words)
    return None


# "L'immersion facile a été lancée": a verb after the name ends it.
_GOES_ON = re.compile(
    r"[ \t]+(?!(?:qui|que|est|vise|permet|a|ont|était|sera|which|that|is|aims|helps|has|was|will)"
    r"\b)[^\W\d_]"
)


# "startup: api.gouv.fr": a short name that is the site's address.
_SITE_ADDRESS = re.compile(r"[a-z][\w-]*(?:\.[a-z][\w-]*)*\.(?:fr|org|com|net|eu|io)")


def organization_as_address(slug: str | None) -> str | None:
    """A static site's short name for the team that is its site's address names it as
    written, when the text spells it no other way."""
    return slug if slug and _SITE_ADDRESS.fullmatch(slug) else None


def organization_spelling_slug(document: Document, slug: str | None) -> str | None:
    """The name the text writes that a static site's short name for the team spells:
    "**Trackdéchets** vise à …" for ``startup: trackdechets``, "## Pass Culture" for
    ``pass-culture``. A name of several words must end where the words do: "Code du travail"
    is the start of "Code du travail numérique". A link to the team's own page names it in
    its words when they spell the short name or are a name's: "[code du travail
    numérique](https://…/startup/codedutravail.html)", not "[en savoir plus](…)"; nor a link to
    a shared host ("notre [Trello](https://trello.com/b/…/aides-jeunes)", a repository on
    GitHub), which is the team's tool, not its page."""
    wanted = _squeezed(slug or "")
    if len(wanted) < MIN_SLUG_CHARS:
        return None
    for match in _LINK.finditer(document.body):
        if _domain_name(match.group("url")) is None:
            continue
        page = re.sub(r"\.html?$", "", _path(match.group("url")).strip("/")).rpartition("/")[2]
        said = match.group("text").strip()
        # "[Le détail de la fiche produit ici](…)": words to read the page by, no name.
        named = said[:1].isupper() and all(_NAME_WORD.match(word) for word in said.split())
        if _squeezed(page) == wanted and (named or _squeezed(said).startswith(wanted)):
            return said[:1].upper() + said[1:]
    text = document.plain_text
    words = list(_WORD.finditer(text))
    for start, word in enumerate(words):
        if not word.group()[:1].isupper():
            continue
        run = ""
        for end in range(start, min(start + MAX_SLUG_WORDS, len(words))):
            run += _squeezed(words[end].group())
            if run == wanted:
                said = words[end].group()
                # "Code du travail numérique" goes on; "Carnet de bord qui centralise…" ends.
                going_on = re.match(_GOES_ON, text[words[end].end() :])
                if end == start or said.endswith(".") or not going_on:
                    return text[word.start() : words[end].end()].strip(".")
                break
            if not wanted.startswith(run):
                break
    return None


MIN_SLUG_CHARS = 4
MAX_SLUG_WORDS = 3
