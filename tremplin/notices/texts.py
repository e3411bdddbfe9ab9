"""What an organization tells people about their data, in one place.

The privacy notice on the application form (GDPR Art. 13), the organization's public
privacy page and the "how decisions are made" paragraph of its vacancies are built here
(its record of processing, Art. 30, in ``record``), from the organization's settings
(controller, contacts, data protection officer, retention periods), in the active
language. Templates only lay the sections out, as HTML or as Markdown, so that the
versions never disagree.

Texts are plain: the HTML templates turn the e-mail addresses and web addresses in them
into links (``urlize``), the Markdown template escapes them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from tremplin.accounts.models import Organization
from tremplin.core.language import months_text

if TYPE_CHECKING:
    from tremplin.vacancies.models import Vacancy

CNIL_URL = "https://www.cnil.fr/"


@dataclass(frozen=True)
class Fact:
    label: str
    value: str


@dataclass(frozen=True)
class Section:
    """One heading's worth of a notice or record: paragraphs, then labelled facts, then a
    list of points, then closing paragraphs (each part may be empty)."""

    key: str
    title: str
    intro: tuple[str, ...] = ()
    facts: tuple[Fact, ...] = ()
    points: tuple[str, ...] = ()
    outro: tuple[str, ...] = ()


@dataclass(frozen=True)
class Summary:
    """The short notice on the application form: a few labelled sentences."""

    facts: tuple[Fact, ...]


# The organization's facts ---------------------------------------------------------------


def controller_name(*, organization: Organization) -> str:
    """The data controller: the registered name, else the name the organization goes by."""
    return organization.legal_name.strip() or organization.name


def contact_email(*, organization: Organization) -> str:
    """Where people write about their data: the privacy contact, else the recruitment
    address, else "" (then only the postal address is left)."""
    return organization.privacy_email or organization.email


def postal_address(*, organization: Organization) -> str:
    """The postal address on one line."""
    lines = [line.strip() for line in organization.postal_address.splitlines()]
    return ", ".join(line for line in lines if line)


def has_dpo(*, organization: Organization) -> bool:
    return bool(organization.dpo_name.strip() or organization.dpo_email)


def dpo_label(*, organization: Organization) -> str:
    """ "Name (address)", "Name" or "address"; "" without a data protection officer."""
    name, email = organization.dpo_name.strip(), organization.dpo_email
    if name and email:
        return f"{name} ({email})"
    return name or email


def _write_to(*, organization: Organization) -> str:
    """How to reach the organization about data: an address to write to."""
    email = contact_email(organization=organization)
    if email:
        return email
    address = postal_address(organization=organization)
    controller = controller_name(organization=organization)
    return f"{controller}, {address}" if address else controller


# How decisions are made -----------------------------------------------------------------


def _language_key(language: str) -> str:
    return (language or settings.LANGUAGE_CODE).split("-")[0].lower()


def decisions_statement_default(
    *, organization: Organization, language: str, vacancy: Vacancy | None = None
) -> str:
    """Tremplin's own "how decisions are made" text, in ``language``. With a vacancy, it
    says whether that vacancy is reviewed blind; without, where blind review is on."""
    with translation.override(_language_key(language)):
        text = _(
            "People at %(organization)s read and review every application themselves, "
            "against the criteria published with the vacancy. No decision about a candidate "
            "is made by software: no program sorts out, ranks or rejects anyone (GDPR, "
            "Art. 22)."
        ) % {"organization": organization.name}
        if vacancy is None:
            blind = _(
                "Where blind review is on, reviewers see a candidate number instead of the "
                "name, and documents without contact details."
            )
        elif vacancy.blind_review:
            blind = _(
                "This vacancy is reviewed blind: reviewers see a candidate number instead of "
                "your name, and documents without your contact details."
            )
        else:
            blind = ""
        return f"{text} {blind}".strip()


def decisions_statement(
    *, organization: Organization, language: str, vacancy: Vacancy | None = None
) -> str:
    """The "how decisions are made" paragraph in ``language``: the organization's own text
    for that language when it wrote one, else Tremplin's (see above)."""
    own = organization.decisions_statement or {}
    text = own.get(_language_key(language)) if isinstance(own, dict) else None
    if isinstance(text, str) and text.strip():
        return text.strip()
    return decisions_statement_default(
        organization=organization, language=language, vacancy=vacancy
    )


# The notice on the form and the privacy page --------------------------------------------


def retention_values(*, organization: Organization) -> dict[str, str]:
    """The organization's retention periods, in words, for the texts below."""
    return {
        "organization": organization.name,
        "retention": months_text(organization.retention_months),
        "pool": months_text(organization.talent_pool_months),
        "hired": months_text(organization.hired_retention_months),
    }


def _retention_points(*, organization: Organization) -> tuple[str, ...]:
    values = retention_values(organization=organization)
    return (
        _(
            "If you are not hired, or if you withdraw: %(retention)s after the end of the "
            "recruitment (the vacancy is closed and every candidate has had an answer), "
            "and at the latest %(pool)s after the answer you had."
        )
        % values,
        _(
            "In the talent pool, only with your consent: %(pool)s after your last contact "
            "with %(organization)s (an application or a reply). One month before the end, "
            "an e-mail offers you to stay."
        )
        % values,
        _("If you are hired: %(hired)s after the hire.") % values,
        _("An application that is still being considered is never erased."),
    )


def notice_summary(*, organization: Organization) -> Summary:
    """The short notice on the application form, with the organization's own facts."""
    values = {
        **retention_values(organization=organization),
        "controller": controller_name(organization=organization),
        "contact": _write_to(organization=organization),
        "dpo": dpo_label(organization=organization),
        "cnil": CNIL_URL,
    }
    who = (
        _(
            "%(controller)s (the data controller). Only the people who handle this "
            "recruitment at %(organization)s see your application."
        )
        % values
    )
    if has_dpo(organization=organization):
        who += " " + _("Data protection officer: %(dpo)s.") % values
    return Summary(
        facts=(
            Fact(_("Who is responsible:"), who),
            Fact(
                _("Why:"),
                _(
                    "to consider your application, a step you ask for before a possible "
                    "contract (GDPR, Art. 6(1)(b)); if you tick the talent pool box, to tell "
                    "you about other vacancies, with your consent (Art. 6(1)(a)), which you "
                    "may withdraw at any time. People decide, not software."
                ),
            ),
            Fact(
                _("How long:"),
                _(
                    "%(retention)s after the end of this recruitment if you are not hired; "
                    "%(pool)s after your last contact if you join the talent pool; "
                    "%(hired)s after the hire if you are hired."
                )
                % values,
            ),
            Fact(
                _("Your rights:"),
                _(
                    "you may ask to see your data, to correct it, to erase it, to limit its "
                    "use or to receive it in a portable format, object to its use, and "
                    "withdraw your consent at any time. Your application’s page (the link in "
                    "the e-mail we send you) lets you download a copy of your data or erase "
                    "it; or write to %(contact)s. You may complain to the CNIL (%(cnil)s)."
                )
                % values,
            ),
        )
    )


def privacy_notice(*, organization: Organization) -> list[Section]:
    """The full notice (GDPR Art. 13) for the organization's privacy page."""
    controller = controller_name(organization=organization)
    values = {
        "controller": controller,
        "organization": organization.name,
        "contact": _write_to(organization=organization),
        "cnil": CNIL_URL,
    }
    sections: list[Section] = []

    facts = [Fact(_("Data controller"), controller)]
    if address := postal_address(organization=organization):
        facts.append(Fact(_("Postal address"), address))
    if email := contact_email(organization=organization):
        facts.append(Fact(_("Contact about your data"), email))
    sections.append(
        Section(
            key="controller",
            title=_("Who is responsible for your data"),
            intro=(
                _(
                    "%(controller)s is responsible for the personal data you send when you "
                    "apply to one of its vacancies (the data controller)."
                )
                % values,
            ),
            facts=tuple(facts),
        )
    )

    if has_dpo(organization=organization):
        dpo_facts = []
        if organization.dpo_name.strip():
            dpo_facts.append(Fact(_("Name"), organization.dpo_name.strip()))
        if organization.dpo_email:
            dpo_facts.append(Fact(_("E-mail address"), organization.dpo_email))
        sections.append(
            Section(
                key="dpo",
                title=_("Data protection officer"),
                intro=(
                    _(
                        "%(controller)s has a data protection officer, whom you may contact "
                        "about anything concerning your data."
                    )
                    % values,
                ),
                facts=tuple(dpo_facts),
            )
        )

    sections.append(
        Section(
            key="purposes",
            title=_("Why your data is used, and on what basis"),
            points=(
                _(
                    "To consider your application to the vacancy, contact you about it and "
                    "decide on it: a step you ask for before a possible contract (GDPR, "
                    "Art. 6(1)(b))."
                ),
                _(
                    "Only if you tick the talent pool box: to keep your application and tell "
                    "you about other vacancies, with your consent (Art. 6(1)(a)). You may "
                    "withdraw it at any time; this does not affect what was done before."
                ),
                _(
                    "If you are hired: to keep the record of the recruitment while a claim "
                    "about it can still be brought (legitimate interest, Art. 6(1)(f))."
                ),
                _(
                    "To keep your data secure: every time a member of staff opens or changes "
                    "your application, it is recorded (legitimate interest, Art. 6(1)(f), "
                    "and Art. 32)."
                ),
            ),
        )
    )

    sections.append(
        Section(
            key="data",
            title=_("What is collected"),
            intro=(
                _(
                    "What you send: your name, e-mail address and phone number (optional), "
                    "your CV and cover letter, your answers to the vacancy’s questions, and "
                    "the messages you exchange with %(organization)s. What the people who "
                    "handle the recruitment record: their scores and notes, and the stages "
                    "of your application."
                )
                % values,
                _(
                    "The fields marked * on the form are needed to consider your application; "
                    "the others are optional."
                ),
                _(
                    "You are never asked about your current or past pay (EU Pay Transparency "
                    "Directive 2023/970, Art. 5). Please do not send sensitive data (about "
                    "your health, beliefs or origins, for example) that the vacancy does not "
                    "need."
                ),
            ),
        )
    )

    sections.append(
        Section(
            key="recipients",
            title=_("Who sees it"),
            intro=(
                _(
                    "Only the members of %(organization)s who handle its recruitment, each "
                    "according to their role: owners and recruiters see the applications; "
                    "reviewers see only those of the vacancies they are assigned to, without "
                    "your name or contact details where blind review is on."
                )
                % values,
                _(
                    "%(organization)s runs Tremplin, the software behind these pages, itself: "
                    "its makers receive nothing. Your data is not sold or passed on to anyone "
                    "else; a hosting provider, if there is one, only stores it on behalf of "
                    "%(organization)s."
                )
                % values,
            ),
        )
    )

    sections.append(
        Section(
            key="retention",
            title=_("How long it is kept"),
            points=_retention_points(organization=organization),
            outro=(
                _(
                    "Then everything is erased: the application, the documents and their "
                    "text, your answers, the messages and the reviewers’ notes. The audit "
                    "log keeps only that an erasure took place, without your name."
                ),
            ),
        )
    )

    sections.append(
        Section(
            key="rights",
            title=_("Your rights"),
            intro=(_("You have the right to:"),),
            points=(
                _("see the data held about you and get a copy of it (access, Art. 15);"),
                _("have it corrected (rectification, Art. 16);"),
                _("have it erased (erasure, Art. 17);"),
                _("have its use limited (restriction, Art. 18);"),
                _(
                    "receive it in a format a machine can read, to take it elsewhere "
                    "(portability, Art. 20);"
                ),
                _("object to its use (objection, Art. 21);"),
                _("withdraw your consent to the talent pool at any time (Art. 7(3))."),
            ),
            outro=(
                _(
                    "How: the e-mail we send when we receive your application has a private "
                    "link to your application’s page, where you can download a copy of your "
                    "data, erase it or withdraw your application. For anything else, write "
                    "to %(contact)s. You get an answer within one month (Art. 12(3))."
                )
                % values,
            ),
        )
    )

    sections.append(
        Section(
            key="complaint",
            title=_("Complaints"),
            intro=(
                _(
                    "If you think your data is not handled as it should be, you may complain "
                    "to the CNIL, the French data protection authority (%(cnil)s), or to the "
                    "authority of the EU country where you live or work."
                )
                % values,
            ),
        )
    )

    sections.append(
        Section(
            key="decisions",
            title=_("How decisions are made"),
            intro=(
                decisions_statement(
                    organization=organization, language=translation.get_language() or ""
                ),
                _(
                    "No decision about you is based solely on automated processing (GDPR, "
                    "Art. 22): people read your application and decide."
                ),
            ),
        )
    )
    return sections
