"""Storing an imported posting: the command line's ``vacancy_import`` and the staff's
``vacancy_import_by_member``. Reading and parsing a posting is ``importing``'s work."""

from collections.abc import Collection
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tremplin.accounts.models import Organization
from tremplin.core.audit import Actor, log_action
from tremplin.vacancies.importing import ParsedPosting, PostingError
from tremplin.vacancies.importing.pairing import PairingDecision, pairing_decide
from tremplin.vacancies.importing.storing import (
    unique_slug,
    vacancy_criteria_store,
    vacancy_fields_apply,
)
from tremplin.vacancies.models import ImportCorrection, Vacancy, VacancyText
from tremplin.vacancies.selectors import vacancy_name
from tremplin.vacancies.services import vacancy_publish


@dataclass
class VacancyImport:
    """What ``vacancy_import`` did with one posting."""

    posting: ParsedPosting
    organization: Organization
    organization_created: bool
    vacancy: Vacancy
    vacancy_created: bool
    text: VacancyText
    text_created: bool
    pairing: PairingDecision
    warnings: list[str] = field(default_factory=list)
    publish_refusals: list[str] = field(default_factory=list)


def _posting_refusal(posting: ParsedPosting) -> str | None:
    missing = []
    if posting.title is None:
        missing.append(_("no title was found (add “title:” to the front matter)"))
    if posting.language is None:
        missing.append(_("its language could not be told (add “language: en” or “language: fr”)"))
    return "; ".join(missing) if missing else None


def _validation_message(error: ValidationError) -> str:
    if hasattr(error, "error_dict"):
        return "; ".join(
            f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items()
        )
    return " ".join(error.messages)


@transaction.atomic
def vacancy_import(
    *, posting: ParsedPosting, organization_slug: str, publish: bool = False
) -> VacancyImport:
    """Store ``posting`` in the organization, creating it if needed; all or nothing.

    The posting updates the vacancy it belongs to (see ``importing.pairing``) or becomes a
    new draft vacancy. With ``publish`` the vacancy is then published if the publishing
    rules allow it; a refusal is reported in ``publish_refusals``, not raised.
    Raises PostingError (and stores nothing) for a posting that cannot be stored.
    """
    language, title = posting.language, posting.title
    refusal = _posting_refusal(posting)
    if refusal or language is None or title is None:
        raise PostingError(
            posting.source_name, _("it cannot be stored: %(why)s.") % {"why": refusal}
        )
    if not Organization.objects.filter(slug=organization_slug).exists():
        try:
            Organization._meta.get_field("slug").run_validators(organization_slug)
        except ValidationError as exc:
            raise PostingError(
                posting.source_name,
                _("the organization “%(slug)s” cannot be created: %(why)s")
                % {"slug": organization_slug, "why": " ".join(exc.messages)},
            ) from exc
    organization, organization_created = Organization.objects.get_or_create(
        slug=organization_slug,
        defaults={"name": posting.organization or organization_slug},
    )
    pairing = pairing_decide(
        posting=posting, organization=None if organization_created else organization
    )
    vacancy = pairing.vacancy or Vacancy(
        organization=organization,
        slug=unique_slug(organization=organization, wanted=posting.slug or posting.title or ""),
    )
    vacancy_created = vacancy.pk is None
    text = vacancy.texts.filter(language=posting.language).first() if vacancy.pk else None
    other_languages = bool(vacancy.pk and vacancy.texts.exclude(language=posting.language).exists())
    warnings = list(posting.warnings)
    if (
        posting.organization
        and not organization_created
        and posting.organization.casefold() != organization.name.casefold()
    ):
        warnings.append(
            _(
                "The posting names the organization “%(named)s”, but it was imported into "
                "“%(organization)s” (%(slug)s)."
            )
            % {
                "named": posting.organization,
                "organization": organization.name,
                "slug": organization.slug,
            }
        )
    warnings += vacancy_fields_apply(
        vacancy=vacancy, posting=posting, sole_text=not other_languages, updating=text is not None
    )
    text_created = text is None
    if text is None:
        text = VacancyText(vacancy=vacancy, language=language)
    text.title = title
    text.summary = posting.summary
    text.body = posting.body
    text.source_name = posting.source_name[:255]
    try:
        vacancy.full_clean()
        text.full_clean(exclude=["vacancy"], validate_unique=False)
    except ValidationError as error:
        raise PostingError(
            posting.source_name,
            _("it cannot be stored: %(why)s") % {"why": _validation_message(error)},
        ) from error
    vacancy.save()
    text.vacancy = vacancy
    text.save()
    warnings += vacancy_criteria_store(
        vacancy=vacancy, posting=posting, other_languages=other_languages
    )
    result = VacancyImport(
        posting=posting,
        organization=organization,
        organization_created=organization_created,
        vacancy=vacancy,
        vacancy_created=vacancy_created,
        text=text,
        text_created=text_created,
        pairing=pairing,
        warnings=warnings,
    )
    if publish:
        try:
            vacancy_publish(vacancy=vacancy)
        except ValidationError as error:
            result.publish_refusals = list(error.messages)
    return result


@transaction.atomic
def vacancy_import_by_member(
    *,
    posting: ParsedPosting,
    organization: Organization,
    actor: Actor,
    corrected: Collection[str] = (),
) -> VacancyImport:
    """``vacancy_import`` into ``organization`` (never another), recorded in the audit log.

    ``corrected`` names the fields (``ImportCorrection.Field``) the member changed from what
    the importer read: each is counted, with the day and nothing else.
    """
    result = vacancy_import(posting=posting, organization_slug=organization.slug)
    today = timezone.localdate()
    ImportCorrection.objects.bulk_create(
        ImportCorrection(organization=organization, field=name, corrected_on=today)
        for name in sorted(set(corrected))
    )
    log_action(
        actor,
        "vacancy.import",
        result.vacancy,
        {
            "source": posting.source_name,
            "language": posting.language,
            "vacancy_created": result.vacancy_created,
            "text_created": result.text_created,
            "pairing": result.pairing.reason,
            "corrected": sorted(set(corrected)),
        },
        label=vacancy_name(vacancy=result.vacancy),
    )
    return result
