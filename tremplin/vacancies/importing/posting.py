"""``parse_posting``: everything a posting states, read from its text, stored nowhere."""

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from tremplin.core.language import SUPPORTED, detect_language
from tremplin.vacancies.importing import (
    asked,
    body_title,
    contract,
    dates,
    durations,
    fields,
    hirer,
    introductions,
    money,
    place,
    title_terms,
    titles,
)
from tremplin.vacancies.importing.criteria import criteria, required_text
from tremplin.vacancies.importing.criteria_kinds import ParsedCriterion
from tremplin.vacancies.importing.errors import PostingError
from tremplin.vacancies.importing.feed_keys import (
    APPLY_EMAIL_KEYS,
    APPLY_URL_KEYS,
    CONTACT_KEYS,
    DEADLINE_KEYS,
    DURATION_KEYS,
    EMPLOYMENT_KEYS,
    EXPERIENCE_KEYS,
    LOCATION_KEYS,
    PAY_KEYS,
    TITLE_KEYS,
)
from tremplin.vacancies.importing.frontmatter import FrontMatter
from tremplin.vacancies.importing.money import Salary
from tremplin.vacancies.importing.structure import Document, parse_structure, strip_inline_markup
from tremplin.vacancies.importing.textutil import clipped_lines

EMPLOYMENT_TYPES = (
    "FULL_TIME", "PART_TIME", "CONTRACTOR", "TEMPORARY", "INTERN", "VOLUNTEER", "PER_DIEM", "OTHER",
)  # fmt: skip
SUMMARY_CHARS = 300

_RAW_HTML = re.compile(r"<(/?[a-zA-Z][a-zA-Z0-9-]*)(?:\s[^<>]*)?/?>")
_INLINE_CODE = re.compile(r"`[^`\n]*`")


@dataclass(frozen=True)
class SectionHeading:
    heading: str
    level: int

    def as_json(self) -> dict[str, object]:
        return {"heading": self.heading, "level": self.level}


@dataclass
class ParsedPosting:
    """What a posting says. A field it does not state is None (or an empty list)."""

    source_name: str
    language: str | None
    title: str | None
    organization: str | None
    employment_type: str | None
    contract_duration_months: int | None
    salary: Salary | None
    location: str | None
    remote: bool | None
    apply_email: str | None
    apply_url: str | None
    deadline: dt.date | None
    required_languages: list[str]
    application_language: str | None
    min_years_experience: int | None
    sections: list[SectionHeading]
    criteria: list[ParsedCriterion]
    warnings: list[str]
    body: str
    summary: str
    slug: str | None = None
    translation_key: str | None = None
    date_posted: dt.date | None = None
    bullet_counts: tuple[int, ...] = ()
    raw_html_tags: list[str] = field(default_factory=list)
    # Fields whose value is a guess rather than what the text states (a deadline's year).
    guessed: tuple[str, ...] = ()
    # The organization the domain of the address to apply to suggests, when the text names
    # none: the import page proposes it as a guess; it is not what the posting states.
    organization_guess: str | None = None

    @property
    def is_volunteer(self) -> bool:
        return self.employment_type == "VOLUNTEER"

    def criteria_count(self, kind: str) -> int:
        return sum(1 for criterion in self.criteria if criterion.kind == kind)

    def as_json(self, *, file: str) -> dict[str, Any]:
        """The object ``parse-vacancy --json`` prints, with exactly the documented keys."""
        return {
            "file": file,
            "language": self.language,
            "title": self.title,
            "organization": self.organization,
            "employment_type": self.employment_type,
            "contract_duration_months": self.contract_duration_months,
            "salary": self.salary.as_json() if self.salary else None,
            "location": self.location,
            "remote": self.remote,
            "apply_email": self.apply_email,
            "apply_url": self.apply_url,
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "required_languages": list(self.required_languages),
            "application_language": self.application_language,
            "min_years_experience": self.min_years_experience,
            "sections": [section.as_json() for section in self.sections],
            "criteria": [criterion.as_json() for criterion in self.criteria],
            "warnings": list(self.warnings),
        }


def _summary(document: Document, front_matter: FrontMatter) -> str:
    stated = front_matter.text("description", "summary")
    if stated:
        return stated
    for section in document.sections:
        for paragraph in section.paragraphs:
            text = strip_inline_markup(paragraph)
            if len(text) <= SUMMARY_CHARS:
                return text
            cut = text[:SUMMARY_CHARS].rsplit(" ", 1)[0]
            return cut.rstrip(",;:") + "…"
    return ""


def _language(document: Document, title: str | None, front_matter: FrontMatter) -> str | None:
    stated = front_matter.text("language", "lang")
    if stated is not None:
        code = stated.lower()[:2]
        if code in SUPPORTED:
            return code
        front_matter.ignored("language" if "language" in front_matter.data else "lang")
    return detect_language(f"{title or ''}\n{document.plain_text}")


def _raw_html_tags(body: str) -> list[str]:
    tags: list[str] = []
    in_fence = False
    for line in body.split("\n"):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        for match in _RAW_HTML.finditer(_INLINE_CODE.sub("", line)):
            tag = match.group(1).lstrip("/").lower()
            if tag not in tags:
                tags.append(tag)
    return tags


def _warnings(
    posting: ParsedPosting, deadline_mention: dates.DateMention | None, *, from_html: bool
) -> list[str]:
    warnings: list[str] = []
    if posting.title is None:
        warnings.append(
            _(
                "No title found: add a “title:” line to the front matter or a “# Title” "
                "heading at the top."
            )
        )
    if posting.language is None:
        warnings.append(
            _(
                "The language could not be told (Tremplin takes English and French): add "
                "“language: en” or “language: fr” to the front matter."
            )
        )
    if not posting.is_volunteer:
        if posting.salary is None:
            warnings.append(
                _(
                    "No pay range: a paid job cannot be published without one (EU Pay "
                    "Transparency Directive, Art. 5). State the minimum, the maximum, the "
                    "currency and the period."
                )
            )
        elif not posting.salary.is_complete:
            missing = [
                label
                for value, label in (
                    (posting.salary.min, _("minimum")),
                    (posting.salary.max, _("maximum")),
                    (posting.salary.currency, _("currency")),
                    (posting.salary.period, _("period")),
                )
                if value is None
            ]
            warnings.append(
                _(
                    "The pay range is incomplete (missing: %(missing)s): a paid job cannot be "
                    "published without a full one (EU Pay Transparency Directive, Art. 5)."
                )
                % {"missing": ", ".join(missing)}
            )
    if posting.apply_email is None and posting.apply_url is None:
        warnings.append(
            _(
                "No way to apply is stated (no e-mail address or web address to apply to): "
                "candidates can only apply through Tremplin’s application form."
            )
        )
    if posting.employment_type is None:
        warnings.append(
            _(
                "The employment type is not stated (full time, part time, fixed term, "
                "internship, volunteer…)."
            )
        )
    if posting.location is None and posting.remote is None:
        warnings.append(_("The place of work is not stated, nor whether remote work is possible."))
    if not posting.criteria:
        warnings.append(
            _(
                "No requirement bullets found: add the criteria by hand so that reviewers can "
                "score applications against them."
            )
        )
    if deadline_mention is not None and deadline_mention.date is None:
        warnings.append(
            _(
                "A closing date is mentioned but is not a full, valid date (“%(date)s”): "
                "write the day, the month and the year."
            )
            % {"date": deadline_mention.text}
        )
    if posting.deadline is not None and posting.deadline < timezone.localdate():
        warnings.append(
            _("The deadline (%(deadline)s) is already past.")
            % {"deadline": posting.deadline.isoformat()}
        )
    if from_html:
        warnings.append(
            _(
                "The text was HTML (a copy of a job board or ATS page): it was read as "
                "Markdown, its headings, lists and paragraphs kept. Check the text before "
                "publishing."
            )
        )
    if posting.raw_html_tags:
        warnings.append(
            _(
                "The text contains raw HTML (%(tags)s): it is never run, and the public page "
                "drops it. Write the formatting in Markdown instead."
            )
            % {"tags": ", ".join(f"<{tag}>" for tag in posting.raw_html_tags)}
        )
    return warnings


def parse_posting(text: str, *, source_name: str) -> ParsedPosting:
    """Read everything ``text`` states about a vacancy; store nothing.

    ``source_name`` names the text in messages (a file name, or "pasted text").
    Raises PostingError for a text that is empty or has broken front matter.
    """
    if not text.strip():
        raise PostingError(source_name, _("the text is empty."))
    # "é" written as "e" and a combining accent is read as the one letter it shows.
    text = unicodedata.normalize("NFC", text)
    document = parse_structure(text, source_name=source_name)
    if not document.body.strip():
        raise PostingError(
            source_name, _("the posting has no text besides its title and front matter.")
        )
    warnings: list[str] = []
    front_matter = FrontMatter(document.front_matter, warnings)
    plain = clipped_lines(document.plain_text)
    guessed: list[str] = []
    apply_email = front_matter.email(*APPLY_EMAIL_KEYS) or fields.apply_email(document)
    apply_url = front_matter.url(*APPLY_URL_KEYS) or fields.apply_url(document)
    if not (apply_email or apply_url):
        # A contact address beside a link to apply at is for questions.
        apply_email = (
            front_matter.any_email(*CONTACT_KEYS)
            or fields.led_in_email(document)
            or fields.information_email(document)
            or fields.sole_email(document)
        )
    stated_title = front_matter.text(*TITLE_KEYS)
    organization, organization_guess = hirer.hiring_organization(
        document,
        front_matter,
        stated_title=stated_title,
        apply_email=apply_email,
        apply_url=apply_url,
    )
    title = (
        titles.clean_title(stated_title, organization=organization)
        if stated_title
        else body_title.title_from_text(document)
    )
    if titles.names_no_role(title) and (role := front_matter.text(*TITLE_KEYS[1:])):
        # A job board's "title: DemocracyClub Projects" over "role: Front-end Designer".
        named = titles.clean_title(role, organization=organization)
        title = named if re.search(r"[^\W\d_]", named) else title  # not "role: 10"
    header_place = None
    if title and stated_title and (header := body_title.header_role(title, document)):
        # "Y Combinator : San Francisco" over "Y Combinator - Product Engineers - …": the board
        # titled the comment with a later part of its header, the place unless it is terms.
        title, later = header
        terms = later and (contract.employment_type(later) or re.search(r"\d", later))
        header_place = None if terms else later
    if title and place.is_work_place(title):
        # A job board's "CivAI : Onsite (Berkeley)": the place stood where the role goes.
        title = body_title.title_from_text(document)
    if stated_title and (titles.names_no_role(title) or body_title.is_slogan(title or "")):
        # "Guidoline recrute !", "We're Hiring: Help Us Tell Our Story", "Offres d'emploi":
        # the stated title names no role; the body may.
        title = body_title.title_from_text(document, hiring_sentence=True) or title
    title_place = None
    if title:
        # "Nous recrutons : X", "[CDI] X", "X – CDD 12 mois – Lyon": the role alone.
        title, title_place = title_terms.without_terms(title)
        role = (
            titles.role_after_a_cry(title, document, organization=organization)
            or (titles.role_under_a_name(stated_title, document) if stated_title else None)
            or titles.role_to_become(title)
        )
        if role != title:
            # "Jobs at Sefaria" over "General Editor - Full-Time": the role's terms go too.
            role, role_place = title_terms.without_terms(role)
            title_place = title_place or role_place
        title = role
    if not title:
        # A plain-text posting's first line, standing alone: "Data Analyst".
        title = introductions.title_of_plain_text(document)
    if title and not stated_title:
        # "Engineer at Acme", "# Lead - Invest in Open Infrastructure", "Hiring a junior …".
        title = titles.clean_title(title, organization=organization)
    if not title and (roles := front_matter.text("roles")):
        # Last resort: a static site's "roles: un·e lead développeur·se - à temps partiel".
        title = title_terms.without_terms(titles.clean_title(roles, organization=organization))[0]
    if not title:
        # "<h2>UrbanVitaliz recrute une personne en stage…</h2>": the hiring sentence.
        title = body_title.title_from_text(document, hiring_sentence=True)
    title = titles.listed_role(title, document, organization=organization)
    if not title and stated_title:
        # "UCL Research Software Development is Hiring", and no role in the text: the
        # post's title as it stands, for the recruiter to shorten.
        title = re.sub(r"\s+", " ", stated_title).strip()
    employment_type = front_matter.choice("employment_type", EMPLOYMENT_TYPES)
    if employment_type is None and (front_matter.text("kind") or "").lower() == "volunteer":
        employment_type = "VOLUNTEER"
    # "type: Full Time", "contrat: indépendant" (beside "type: friend"): read like the body.
    stated = (contract.employment_type(front_matter.text(key) or "") for key in EMPLOYMENT_KEYS)
    employment_type = employment_type or next(filter(None, stated), None)
    employment_type = employment_type or front_matter.week_share_type()
    requirements = criteria(document)
    required = clipped_lines(required_text(document, requirements))
    if employment_type is None:
        employment_type = contract.employment_type(plain)
        if employment_type == "VOLUNTEER":
            # Volunteering the posting asks of the person ("Engagement bénévole dans des
            # associations" as a plus) yields to the terms the rest of it states.
            terms = plain
            for criterion in requirements:
                terms = terms.replace(criterion.text, " ")
            employment_type = contract.employment_type(terms) or employment_type
    titled = contract.employment_type_of_title(stated_title) if stated_title else None
    employment_type = employment_type or contract.employment_type_of_title(title) or titled
    # "Stage - Merge …", "Unpaid Internship": the title's internship outweighs a length or no pay.
    if titled == "INTERN" and contract.outweighed_by_internship(employment_type, stated_title):
        employment_type = "INTERN"
    if employment_type in (None, "TEMPORARY") and stated_title:
        # "Director (Full-Time, Telecommute)": the terms the cleaned title lost; "(Teilzeit,
        # 1 Jahr befristet)": the hours of a fixed term whose body leaves them open.
        from_title = contract.employment_type(stated_title)
        if employment_type is None or from_title in ("FULL_TIME", "PART_TIME"):
            employment_type = from_title
    description = front_matter.text("description", "summary")
    if employment_type is None and description:
        # "La Ville désire combler des postes temporaires": what the page's summary says.
        employment_type = contract.employment_type(description)
    # A job page's "length: 6 mois" first; then the body, a "Durée" heading over "8
    # semaines", and a title "Chargé·e … - CDD 3 ans".
    stated_length = front_matter.text(*DURATION_KEYS)
    duration = (
        (durations.stated_duration(stated_length) if stated_length else None)
        or durations.contract_duration_months(plain)
        or durations.duration_under_heading(document)
        or (durations.contract_duration_months(stated_title) if stated_title else None)
    )
    if employment_type is None and duration is not None:
        employment_type = "TEMPORARY"  # a fixed term whose hours are not stated
    deadline_mention = None
    deadline = front_matter.date(*DEADLINE_KEYS)
    if deadline is None:
        deadline_mention = dates.deadline(plain)
        deadline = deadline_mention.date if deadline_mention else None
    date_posted = front_matter.date("date_posted", "posted_on", "date")
    year_guessed = False
    if deadline is None and deadline_mention is not None:
        # "Avant le 20 novembre": the year is the posting's, or the next one; with no date
        # of posting, the earliest year the text names with a month ("avril 2024").
        known = date_posted or dates.year_hint(plain)
        year_guessed = date_posted is None
        deadline = deadline_mention.year_from(known) if known else None
        if deadline is not None:
            deadline_mention = None
    slug = front_matter.text("slug")
    location = front_matter.text(*LOCATION_KEYS)
    remote = front_matter.boolean("remote")
    if remote is None and location and place.remote_only(location, alone=True):
        remote = True  # "location: Virtual (100% Remote)", kept as written
    location = (
        location
        or place.location(document)
        or title_place
        or header_place
        # "One post-doctoral position open at EPFL, Lausanne", "Développeurs Python sur Lyon"
        or place.place_in_title(stated_title)
        or place.town_of(organization)
        # A job board's "address: 4 rue de Rivoli, 75004 Paris": the town of the office, where
        # the work is unless it is remote.
        or (None if place.remote(plain) else place.place_in(front_matter.text("address") or ""))
    )
    if title and location:
        # "Développeu|r|se Python (Paris)" of a job in Paris: the town is no part of the role.
        title = re.sub(rf"\s*\(\s*{re.escape(location)}\s*\)$", "", title)

    posting = ParsedPosting(
        source_name=source_name,
        language=_language(document, title, front_matter),
        title=title or None,
        organization=organization,
        organization_guess=organization_guess,
        employment_type=employment_type,
        contract_duration_months=duration,
        salary=money.salary(front_matter.text(*PAY_KEYS) or front_matter.pay_range() or "")
        or money.salary(plain)
        or money.stated_salary(
            front_matter.text("basesalary"),
            front_matter.text("salarycurrency"),
            front_matter.text("salaryperiod"),
        ),
        location=location,
        remote=remote if remote is not None else place.remote(plain),
        apply_email=apply_email,
        apply_url=apply_url,
        deadline=deadline,
        required_languages=asked.required_languages(required),
        application_language=asked.application_language(plain),
        min_years_experience=asked.min_years_experience(
            front_matter.text(*EXPERIENCE_KEYS) or required
        ),
        sections=[
            SectionHeading(section.heading, section.level)
            for section in document.headed_sections
            if section.heading
        ],
        criteria=requirements,
        warnings=warnings,
        body=document.shown,
        summary=_summary(document, front_matter),
        slug=(slugify(slug)[:120] or None) if slug else None,
        translation_key=front_matter.text("translation_key", "translation_of"),
        date_posted=date_posted,
        bullet_counts=tuple(len(s.bullets) for s in document.headed_sections if s.bullets),
        raw_html_tags=_raw_html_tags(document.shown),
    )
    posting.warnings.extend(_warnings(posting, deadline_mention, from_html=document.from_html))
    if year_guessed and deadline is not None:
        guessed.append("deadline")
        posting.warnings.append(
            _(
                "The closing date is written without its year: %(year)d is a guess from the "
                "years the text names. Check it."
            )
            % {"year": deadline.year}
        )
    posting.guessed = tuple(guessed)
    return posting
