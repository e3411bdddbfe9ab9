"""Who hires: the organization a posting names, from its front matter or its text."""

import re

from tremplin.vacancies.importing import contract, fields, introductions, naming, place, signature
from tremplin.vacancies.importing.feed_keys import ORGANIZATION_KEYS
from tremplin.vacancies.importing.frontmatter import FrontMatter
from tremplin.vacancies.importing.structure import Document, strip_inline_markup
from tremplin.vacancies.importing.textutil import fold, without_pictograms

_I = re.IGNORECASE

# A job board's "Company : Role" title ("Enveritas (YC S18, non-profit) : Backend Engineer").
_COMPANY_ROLE = re.compile(r"^(?P<name>[^:|]{2,80}?)\s+[:|]\s+\S")
_CALLING = re.compile(
    r"^(?P<name>[^:|]{2,60}?)\s*:\s+(?:(?:a|an|the)\s+)?(?:call\s+for\s+volunteers"
    r"|volunteers\s+wanted|appel\s+à\s+(?:bénévoles|volontaires))\s*!?$",
    _I,
)
# "Rejoins l'équipe Entrepreneurs d'Intérêt Général à Etalab : offre de stage « … »", "Join the
# Data team at Acme: …": the team one joins, then where it is.
_TEAM_AT_NAME = re.compile(
    r"^(?:rejoins|rejoignez|rejoindre|join)\s+(?:l['’]\s*équipe|the\s+[^:|]{1,60}?\s+team)\s+"
    r"[^:|]{0,60}?\b(?:à|chez|at)\s+(?P<name>[A-ZÀ-ÖØ-Þ][\w&'’.-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w&'’.-]*){0,3})"
    r"\s*[:|–—-]\s",
    _I,
)
# "Growth Hacker de JeVeuxAider.gouv.fr !": the site the role works on names the team.
_ROLE_OF_SITE = re.compile(
    r"^.{3,80}?\s+(?:de|du|pour|for|at)\s+(?P<name>[a-z][\w-]*(?:\.[a-z][\w-]*)*\.(?:fr|org|eu|com))"
    r"\s*!?\s*$",
    _I,
)


def organization_from_title(title: str | None, document: Document) -> str | None:
    """The company of a "Company : Role" title, when the body opens with the same name
    (as job boards copy a "Company - Role - Place" header line); its aside "(YC S18)" off.
    A "Project: Call for Volunteers" names who calls, whatever the body opens with, and
    "Rejoins l'équipe X à Etalab : …" where the team one joins is."""
    title = without_pictograms(title or "")
    if called := _CALLING.match(title) or _TEAM_AT_NAME.match(title):
        return naming.as_name(called.group("name"))
    if site := _ROLE_OF_SITE.match(title.strip()):
        return site.group("name")
    if company := _header_company(title, document):
        return company
    match = _COMPANY_ROLE.match(title)
    if match is None:
        return None
    name = match.group("name").strip()
    if not fold(strip_inline_markup(naming.opening(document))).startswith(fold(name)):
        return None
    if (aside := re.search(r"\(([^()]*)\)$", name)) and contract.employment_type(aside.group(1)):
        return None  # "Software Engineer (Contract) : Chicago, IL": a role and its terms
    return naming.as_name(re.sub(r"\s*\([^()]*\)$", "", name)) or (
        name if re.match(r"^[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}$", name) else None
    )


def _header_company(title: str, document: Document) -> str | None:
    """The company of a "Company - Role - Place" line opening the body, when a job board
    titled the comment with two of its parts: "Senior Engineer : New York, NY" (the role and
    the place), "Blaine, WA : CaseLight Systems Inc. (CSI)" (a place put first)."""
    parts = place.header_parts(document)
    pieces = title.split(" : ")
    if len(pieces) != 2 or not {fold(piece) for piece in pieces} <= {fold(p) for p in parts}:
        return None
    company = next((part for part in parts if not place.is_header_place(part)), "")
    return naming.as_name(re.sub(r"\s*\([^()]*\)$", "", company))


def hiring_organization(
    document: Document,
    front_matter: FrontMatter,
    *,
    stated_title: str | None,
    apply_email: str | None,
    apply_url: str | None,
) -> tuple[str | None, str | None]:
    """The organization that hires, and when none is found, the guess the preview proposes
    (the name the apply address's domain spells)."""
    # A static site's "type: friend" job: the partner the "friend" key names hires through it.
    friend = front_matter.text("friend")
    if stated := front_matter.text(*ORGANIZATION_KEYS) or (
        (front_matter.text("type") or "").lower() == "friend" and friend
    ):
        return stated, None  # the front matter's name as it stands
    title = stated_title or front_matter.text("roles")
    # "Senior Engineer at Acme", "# Volunteering @ EuroPython": the title says who hires.
    role_at = introductions.organization_of_role(title, naming.opening_heading(document))
    addresses = [apply_email, apply_url]
    # One found in the text, spelled out.
    organization = naming.spelled_out_name(
        organization_from_title(title, document)
        or naming.organization(document)
        or introductions.organization_in_passing(document)
        or (role_at[1] if role_at else None)
        or introductions.organization_introduced(document)
        or signature.organization_signed(document)
        or signature.organization_linked(document, [*addresses, fields.question_email(document)])
        or signature.organization_spelling_slug(document, front_matter.text("startup"))
        or signature.organization_as_address(front_matter.text("startup"))
        or signature.organization_spelling_domain(document, addresses)
        or signature.organization_written_often(document, addresses)
        or signature.organization_with_legal_form(document)
        or friend,
        document,
    )
    if organization:
        return organization, None
    return None, signature.organization_from_domain(document, addresses)
