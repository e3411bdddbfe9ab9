"""The front matter keys job boards, static sites and job feeds use for each field, and
how a feed's nested record reads as those keys: a jobs page's single opening, a feed's Dublin
Core record, schema.org's JobPosting."""

from typing import Any

# Front matter keys (compared lower-cased) that job boards and static sites use.
# "title" comes first: the others (TITLE_KEYS[1:]) name the role where a board's title names
# its page ("title: DemocracyClub Projects" over "role: Front-end Designer").
TITLE_KEYS = (
    "title", "job_title", "position", "role", "poste", "intitule", "intitulé", "jobtitle",
    "position_title", "titre", "titre_du_poste", "intitulé_du_poste", "intitule_du_poste",
)  # fmt: skip
ORGANIZATION_KEYS = (
    "organization", "organisation", "company", "org", "employer", "employeur", "entreprise",
    "structure", "association", "hiring_organization", "hiring_organisation", "company_name",
    "company_title",  # a job feed's "company_title: Lactalis"
    "nom_entreprise", "societe",  # job feeds' "Nom_entreprise: AROLLA", "societe: Cultura"
    "organization_name", "organisation_name", "employer_name",
    "brand",  # a job feed's "brand: DECATHLON Real Estate" over its site's "entity: Hendaye - …"
    "entity", "hiring_entity",
    "hiringorganization",  # schema.org's JobPosting, camel case lowered
)  # fmt: skip
LOCATION_KEYS = (
    "location", "lieu", "city", "ville", "place", "job_location", "work_location",
    "localisation", "lieu_de_travail", "joblocation", "location_city", "location_ville",
    "region",  # a job feed's "region: Yvelines (78)", when no town is given
    "jobcity",  # a job board's "jobCity: La Grande-Motte"
    "libelle_lieu",  # a job feed's "Libelle_lieu: CRETEIL"
)  # fmt: skip
# "position: internship" beside a title is the terms (as a title, "position" is read first).
EMPLOYMENT_KEYS = (
    "type", "job_type", "employment", "contract", "contrat", "type_de_contrat", "type_contrat",
    "contract_type", "contracttype",  # a job feed's "contractType: cdi", camel case lowered
    "position",
    "compensation",  # a job board's "compensation: gratis", "5k - 10k fixed bid"
    "employmenttype", "work_schedule",  # "work_schedule: Full time."
)  # fmt: skip
# What the post pays: "salary: £100 - £300/day", "remuneration: 35 k€ brut annuel".
PAY_KEYS = (
    "salary", "salary_range", "salaryrange", "pay", "remuneration", "rémunération", "salaire",
    "gehalt", "compensation",
    "salaire_affiche",  # a job feed's "Salaire_affiche: 18 - 22 k€ brut annuel"
)  # fmt: skip
# How long the contract lasts: "length: 6 mois", "duree: 12 mois".
DURATION_KEYS = (
    "length", "duration", "duree", "durée", "contract_length", "contract_duration",
    "duree_du_contrat",
    "duree_contrat",  # a job feed's "duree_contrat: 12" beside "duree_contrat_unit: months"
)  # fmt: skip
# The experience asked: a job feed's "Niveau_experience: Minimum 2 ans".
EXPERIENCE_KEYS = ("niveau_experience", "experience_level", "experience_required")
# When applications close: "deadline", a static site's "poste_ferme" or "date_limite".
DEADLINE_KEYS = (
    "deadline", "closing_date", "valid_through", "date_limite", "date_cloture", "poste_ferme",
    "closes", "closing", "expires", "apply_by", "application_deadline", "validthrough",
    "app_close_date",  # a government site's "app_close_date: 2017-07-26"
)  # fmt: skip
# Where to apply: "apply_url", a job board's "apply_link".
APPLY_URL_KEYS = (
    "apply_url", "apply_link", "application_url", "application_link", "applyurl",
    "offerurl",  # a job feed's "offerUrl", the offer's page on the employer's site
    "joburl",  # a job board's "jobUrl", the page that takes the application
    "redirection",  # a job board copy's "redirection", the offer's page on the board
)  # fmt: skip
# The address to apply at: "apply_email", a job board's "apply_mail".
APPLY_EMAIL_KEYS = ("apply_email", "apply_mail", "application_email")
# Keys that may hold the address to write to ("contact: jobs@example.org"); a value that is
# no e-mail address (a person's name) is not read, and not warned about.
CONTACT_KEYS = ("contact", "contact_email", "email", "e-mail", "courriel", "mail")


# A jobs page's list of openings ("positions:", each with its title, requirements and place).
_OPENINGS_KEYS = ("positions", "jobs", "openings", "vacancies", "roles", "offres", "postes")


_DUBLIN_CORE = {
    "author": "organization", "dc:coverage": "location", "dc:format": "length", "link": "apply_url",
}  # fmt: skip


def keys_lowered(data: dict[Any, Any]) -> dict[str, Any]:
    """Front matter keys are compared lower-cased: "Title:" is "title:". A jobs page's list
    of openings that holds one opening is that opening: its fields stand for the page's
    ("title: Open Positions" gives way to the opening's title)."""
    lowered = {str(key).strip().lower(): value for key, value in data.items()}
    # A job board's "apply: {email: {address: …}, url: …}": how to apply, nested.
    if isinstance(how := lowered.get("apply"), dict):
        email = how.get("email")
        email = email.get("address") if isinstance(email, dict) else email
        lowered.setdefault("apply_email", email)
        lowered.setdefault("apply_url", how.get("url"))
    if any(key.startswith("dc:") for key in lowered):
        # A public-service job feed's Dublin Core record: its author is the employer, its
        # coverage the place, its format the contract's length and its link the offer's page.
        named = {ours: lowered[key] for key, ours in _DUBLIN_CORE.items() if key in lowered}
        lowered = {**named, **lowered}
    # A number beside its unit ("duree_contrat: 12", "duree_contrat_unit: months"): one value.
    for key, unit in list(lowered.items()):
        stem = key.removesuffix("_unit")
        number = lowered.get(stem)
        if stem != key and isinstance(unit, str) and isinstance(number, int | float):
            lowered[stem] = f"{number} {unit}"
    # schema.org's JobPosting: the town of its "jobLocation", or of the hiring organization's
    # own address where no place of work is given.
    for key in ("joblocation", "hiringorganization"):
        if (town := _locality(lowered.get(key))) is not None:
            lowered.setdefault("location", town)
            break
    for key in _OPENINGS_KEYS:
        openings = lowered.get(key)
        if isinstance(openings, list) and len(openings) == 1 and isinstance(openings[0], dict):
            rest = {k: v for k, v in lowered.items() if k != key}
            return {**rest, **keys_lowered(openings[0])}
    return lowered


def _locality(value: Any) -> str | None:
    """The town of a schema.org Place or Organization ("{address: {addressLocality: Lyon}}")."""
    if isinstance(value, list) and len(value) == 1:
        value = value[0]
    if not isinstance(value, dict):
        return None
    address = value.get("address", value)
    if not isinstance(address, dict):
        return None
    town = next((v for k, v in address.items() if str(k).lower() == "addresslocality"), None)
    if not isinstance(town, str):
        return None
    return town.strip() or None
