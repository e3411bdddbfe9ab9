"""Who hires: the organization a posting names, from its front matter or its text."""

from tremplin.vacancies.importing import fields, introductions, naming, signature
from tremplin.vacancies.importing.feed_keys import ORGANIZATION_KEYS
from tremplin.vacancies.importing.frontmatter import FrontMatter
from tremplin.vacancies.importing.structure import Document


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
    # "Senior Engineer at Acme", "# Volunteering @ EuroPython": the title says who hires.
    role_at = introductions.organization_of_role(stated_title, naming.opening_heading(document))
    addresses = [apply_email, apply_url]
    # One found in the text, spelled out.
    organization = naming.spelled_out_name(
        naming.organization_from_title(stated_title or front_matter.text("roles"), document)
        or naming.organization(document)
        or introductions.organization_in_passing(document)
        or (role_at[1] if role_at else None)
        or introductions.organization_introduced(document)
        or signature.organization_signed(document)
        or signature.organization_linked(document, [*addresses, fields.question_email(document)])
        or signature.organization_spelling_slug(document, front_matter.text("startup"))
        or signature.organization_spelling_domain(document, addresses)
        or signature.organization_written_often(document, addresses)
        or signature.organization_with_legal_form(document)
        or friend,
        document,
    )
    if organization:
        return organization, None
    return None, signature.organization_from_domain(document, addresses)
