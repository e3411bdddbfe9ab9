"""Atom feeds of published vacancies: one for every organization, one per organization.

A feed speaks the language of its URL (``/fr/…`` or ``/en/…``): each entry carries the
vacancy's text in that language when it has one, else the text it has.
"""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from tremplin.accounts.models import Organization
from tremplin.core.markdown import render_markdown
from tremplin.vacancies import selectors
from tremplin.vacancies.models import Vacancy, VacancyText

FEED_SIZE = 100


class VacancyFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, org: str | None = None) -> Organization | None:
        if org is None:
            return None
        organization = selectors.organization_get(slug=org)
        if organization is None:
            raise Http404("no such organization")
        return organization

    def title(self, obj: Organization | None) -> str:
        if obj is None:
            return _("Vacancies")
        return _("Vacancies at %(organization)s") % {"organization": obj.name}

    def subtitle(self, obj: Organization | None) -> str:
        if obj is None:
            return _("Every open vacancy on this site, newest first.")
        return _("Open vacancies at %(organization)s, newest first.") % {"organization": obj.name}

    def link(self, obj: Organization | None) -> str:
        return obj.get_absolute_url() if obj else reverse("vacancies:board")

    def feed_url(self, obj: Organization | None) -> str:
        if obj is None:
            return reverse("vacancies:feed")
        return reverse("vacancies:organization_feed", kwargs={"org": obj.slug})

    def items(self, obj: Organization | None) -> QuerySet[Vacancy]:
        return selectors.vacancy_list_published(organization=obj)[:FEED_SIZE]

    def _text(self, item: Vacancy) -> VacancyText | None:
        return selectors.vacancy_text_for_language(
            vacancy=item, language=translation.get_language()
        )

    def item_title(self, item: Vacancy) -> str:
        return selectors.vacancy_title_for_language(
            vacancy=item, language=translation.get_language()
        )

    def item_description(self, item: Vacancy) -> str:
        text = self._text(item)
        if text is None:
            return ""
        return str(render_markdown(text.body)) or text.summary

    def item_link(self, item: Vacancy) -> str:
        return item.get_absolute_url()

    def item_author_name(self, item: Vacancy) -> str:
        return item.organization.name

    def item_pubdate(self, item: Vacancy) -> datetime.datetime:
        if item.date_posted is None:
            return item.created_at
        midnight = datetime.datetime.combine(item.date_posted, datetime.time())
        return midnight.replace(tzinfo=ZoneInfo(settings.TIME_ZONE))

    def item_updateddate(self, item: Vacancy) -> datetime.datetime:
        return item.updated_at
