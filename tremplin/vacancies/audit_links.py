"""Links from the audit log to the vacancies that still exist
(``accounts.audit_text.AUDIT_LINKS``, filled in ``VacanciesConfig.ready``)."""

from django.urls import reverse

from tremplin.accounts.models import Organization
from tremplin.vacancies.models import Vacancy


def vacancy_links(organization: Organization, ids: list[str]) -> dict[str, str]:
    numbers = [int(value) for value in ids if value.isdigit()]
    found = Vacancy.objects.filter(organization=organization, pk__in=numbers)
    return {
        str(pk): reverse("staff_vacancies:edit", kwargs={"org": organization.slug, "vacancy": slug})
        for pk, slug in found.values_list("pk", "slug")
    }
