"""``sitemap.xml``: the board, each hiring organization and each published vacancy.

Every page is listed once per language with ``hreflang`` alternates; a vacancy is listed
only in the languages it has a text in. Closed and draft vacancies are left out.
"""

import datetime

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from tremplin.accounts.models import Organization
from tremplin.vacancies import selectors
from tremplin.vacancies.models import Vacancy


class BoardSitemap(Sitemap):
    i18n = True
    alternates = True
    changefreq = "daily"

    def items(self) -> list[str]:
        return ["vacancies:board"]

    def location(self, item: str) -> str:
        return reverse(item)


class OrganizationSitemap(Sitemap):
    i18n = True
    alternates = True
    changefreq = "daily"

    def items(self) -> list[Organization]:
        return list(selectors.organization_list_hiring())


class VacancySitemap(Sitemap):
    i18n = True
    alternates = True

    def items(self) -> list[Vacancy]:
        return list(selectors.vacancy_list_published())

    def get_languages_for_item(self, item: Vacancy) -> list[str]:
        return selectors.vacancy_text_languages(vacancy=item)

    def lastmod(self, item: Vacancy) -> datetime.datetime:
        return item.updated_at


SITEMAPS: dict[str, type[Sitemap]] = {
    "board": BoardSitemap,
    "organizations": OrganizationSitemap,
    "vacancies": VacancySitemap,
}
