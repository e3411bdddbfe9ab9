"""Links from the audit log to the applications and documents that still exist
(``accounts.audit_text.AUDIT_LINKS``, filled in ``ApplicationsConfig.ready``)."""

from django.urls import reverse

from tremplin.accounts.models import Organization
from tremplin.applications.models import Application, Document


def _numbers(ids: list[str]) -> list[int]:
    return [int(value) for value in ids if value.isdigit()]


def _detail(organization: Organization, application: int) -> str:
    return reverse(
        "staff_applications:detail", kwargs={"org": organization.slug, "application": application}
    )


def application_links(organization: Organization, ids: list[str]) -> dict[str, str]:
    found = Application.objects.filter(
        vacancy__organization=organization, pk__in=_numbers(ids)
    ).values_list("pk", flat=True)
    return {str(pk): _detail(organization, pk) for pk in found}


def document_links(organization: Organization, ids: list[str]) -> dict[str, str]:
    """A document's link is its application's page, where it is listed."""
    found = Document.objects.filter(
        application__vacancy__organization=organization, pk__in=_numbers(ids)
    ).values_list("pk", "application_id")
    return {str(pk): _detail(organization, application) for pk, application in found}
