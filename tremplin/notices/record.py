"""The record of processing activities (GDPR Art. 30(1)) of an organization's recruitment,
built from its privacy settings, its retention periods and its members, in the active
language, as sections the staff page lays out as HTML or as Markdown (see ``texts``)."""

from collections.abc import Iterable

from django.conf import settings
from django.db.models import Count
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tremplin.accounts.models import Membership, Organization
from tremplin.notices.texts import (
    Fact,
    Section,
    contact_email,
    controller_name,
    dpo_label,
    postal_address,
    retention_values,
)


def member_counts(*, organization: Organization) -> dict[str, int]:
    """How many members the organization has in each role."""
    rows = (
        Membership.objects.filter(organization=organization)
        .values("role")
        .annotate(count=Count("pk"))
        .order_by()
    )
    counts = {role: 0 for role in Membership.Role.values}
    for row in rows:
        counts[row["role"]] = row["count"]
    return counts


def _retention_points(*, organization: Organization) -> tuple[str, ...]:
    values = retention_values(organization=organization)
    return (
        _(
            "Candidates not retained, and those who withdrew: %(retention)s after the end of "
            "the recruitment process (the vacancy is closed and every candidate has a "
            "decision), and at the latest %(pool)s after their own decision (for a vacancy "
            "that stays open), then erased automatically."
        )
        % values,
        _(
            "Talent pool (with consent): %(pool)s after the candidate’s last contact (an "
            "application or a reply); an e-mail offers to stay one month before the end."
        )
        % values,
        _("Hired candidates: %(hired)s after the hire.") % values,
        _("Applications still in progress are never erased automatically."),
        _("Copies of their data made for candidates: deleted when their download link expires."),
        _(
            "Audit log: kept; when a person’s data is erased, the events about them are "
            "redacted so that they no longer name them."
        ),
    )


def _role_points(counts: dict[str, int]) -> Iterable[str]:
    owners, recruiters, reviewers = (
        counts.get(Membership.Role.OWNER, 0),
        counts.get(Membership.Role.RECRUITER, 0),
        counts.get(Membership.Role.REVIEWER, 0),
    )
    yield ngettext(
        "Owners (%(count)d member): every vacancy and application, the settings, the "
        "members, the audit log, copies of candidates’ data and erasure.",
        "Owners (%(count)d members): every vacancy and application, the settings, the "
        "members, the audit log, copies of candidates’ data and erasure.",
        owners,
    ) % {"count": owners}
    yield ngettext(
        "Recruiters (%(count)d member): the vacancies, the applications and the messages.",
        "Recruiters (%(count)d members): the vacancies, the applications and the messages.",
        recruiters,
    ) % {"count": recruiters}
    yield ngettext(
        "Reviewers (%(count)d member): the applications of the vacancies they are assigned "
        "to, without names or contact details where blind review is on.",
        "Reviewers (%(count)d members): the applications of the vacancies they are assigned "
        "to, without names or contact details where blind review is on.",
        reviewers,
    ) % {"count": reviewers}


def _session_hours() -> int:
    return max(1, round(int(settings.SESSION_COOKIE_AGE) / 3600))


def processing_record(*, organization: Organization) -> list[Section]:
    """The record of processing activities (GDPR Art. 30(1)) for the organization's
    recruitment, from its settings, its retention periods and its members."""
    controller = controller_name(organization=organization)
    none = _("None")

    controller_facts = [Fact(_("Data controller"), controller)]
    if controller != organization.name:
        controller_facts.append(Fact(_("Known as"), organization.name))
    controller_facts += [
        Fact(_("Postal address"), postal_address(organization=organization) or _("Not given")),
        Fact(_("Contact about personal data"), contact_email(organization=organization) or none),
        Fact(_("Recruitment address"), organization.email or _("Not given")),
    ]
    if organization.website:
        controller_facts.append(Fact(_("Website"), organization.website))
    controller_facts.append(
        Fact(
            _("Data protection officer"),
            dpo_label(organization=organization) or _("None designated"),
        )
    )
    hours = _session_hours()
    return [
        Section(
            key="activity",
            title=_("Processing activity"),
            facts=(
                Fact(_("Name"), _("Recruitment of staff and volunteers")),
                Fact(
                    _("Software"),
                    _("Tremplin, run by the organization itself (self-hosted)"),
                ),
                Fact(_("Generated on"), date_format(timezone.localdate(), "DATE_FORMAT")),
            ),
            intro=(
                _(
                    "This record (GDPR, Art. 30(1)) is generated from the organization’s "
                    "privacy settings, its retention periods and its members. Keep a copy "
                    "with the organization’s other records, and complete it with what "
                    "Tremplin cannot know (the hosting provider, for example)."
                ),
            ),
        ),
        Section(
            key="controller",
            title=_("Controller and contacts"),
            facts=tuple(controller_facts),
        ),
        Section(
            key="purposes",
            title=_("Purposes and legal bases"),
            points=(
                _(
                    "Handling applications to the organization’s vacancies (jobs and volunteer "
                    "roles): receiving them, reviewing them, contacting candidates, deciding. "
                    "Steps taken at the candidate’s request before a contract (Art. 6(1)(b))."
                ),
                _(
                    "Talent pool: keeping applications to offer other vacancies, with the "
                    "candidate’s consent (Art. 6(1)(a)), which can be withdrawn at any time."
                ),
                _(
                    "Keeping the record of a hire, to answer a claim about the recruitment "
                    "(legitimate interest, Art. 6(1)(f))."
                ),
                _(
                    "Security and accountability: an audit log of what staff do with "
                    "applications (legitimate interest, Art. 6(1)(f); Art. 32)."
                ),
            ),
        ),
        Section(
            key="subjects",
            title=_("Categories of data subjects"),
            points=(
                _("Candidates for jobs."),
                _("Candidates for volunteer roles."),
                _("People in the talent pool."),
                _("Members of the organization who use the workspace (in the audit log)."),
            ),
        ),
        Section(
            key="data",
            title=_("Categories of personal data"),
            points=(
                _("Identity and contact: name, e-mail address, phone number, language."),
                _("CV and cover letter as sent, and the text extracted from them."),
                _("Answers to the vacancy’s questions."),
                _(
                    "Messages to and from candidates, including the e-mails received, kept "
                    "as received."
                ),
                _("Reviewers’ scores and notes."),
                _(
                    "Stage history: who moved an application to which stage, when and why; "
                    "decisions."
                ),
                _("Talent pool consent, and when it was given."),
                _(
                    "Audit log of staff access: who viewed or downloaded what, stage changes, "
                    "reviews, copies of data and erasures."
                ),
            ),
            outro=(
                _(
                    "No special category of data (Art. 9) is asked for, and pay history is "
                    "never asked (Directive (EU) 2023/970, Art. 5). Candidates may still "
                    "write such data in their own documents."
                ),
            ),
        ),
        Section(
            key="recipients",
            title=_("Recipients"),
            intro=(_("Members of the organization, by role:"),),
            points=tuple(_role_points(member_counts(organization=organization))),
            outro=(
                _(
                    "No recipient outside the organization: Tremplin is self-hosted and its "
                    "makers receive no data. The organization’s hosting provider and e-mail "
                    "service, if any, are processors (Art. 28): add them to this record."
                ),
            ),
        ),
        Section(
            key="transfers",
            title=_("Transfers outside the European Union"),
            intro=(
                _(
                    "None by Tremplin: the data stays where the organization hosts it. "
                    "Whether there is a transfer depends on where the server and the e-mail "
                    "service are: outside the EU and the EEA, it needs a safeguard under "
                    "Art. 44 to 49."
                ),
            ),
        ),
        Section(
            key="retention",
            title=_("Retention periods"),
            points=_retention_points(organization=organization),
        ),
        Section(
            key="security",
            title=_("Security measures"),
            points=(
                _(
                    "Candidates’ files and raw e-mails are encrypted at rest with AES-256-GCM, "
                    "with one key per file; they are never served from a public address."
                ),
                _(
                    "Roles with least privilege: owners, recruiters and reviewers; reviewers "
                    "see only the vacancies they are assigned to."
                ),
                _(
                    "Two-factor authentication (TOTP) is required for every member: owners, "
                    "recruiters and reviewers."
                )
                if organization.reviewers_need_two_factor
                else _(
                    "Two-factor authentication (TOTP) is required for owners and recruiters; "
                    "reviewers log in with their password alone."
                ),
                _(
                    "An audit log records every view and download of an application’s "
                    "documents, every stage change, review, copy of data and erasure."
                ),
                _(
                    "Blind review: reviewers see a candidate number instead of the name, and "
                    "documents without contact details."
                ),
                ngettext(
                    "Staff sessions end after %(hours)d hour, or when the browser is closed.",
                    "Staff sessions end after %(hours)d hours, or when the browser is closed.",
                    hours,
                )
                % {"hours": hours},
            ),
        ),
    ]
