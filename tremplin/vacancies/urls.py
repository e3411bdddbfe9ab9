"""The careers site, under a language prefix (``/en/…``, ``/fr/…``).

Every page is served from memory to anonymous visitors (``tremplin.core.pagecache``) until
a vacancy or an organization changes.

Feeds end in ``.atom``: a slug cannot hold a dot, so no organization or vacancy slug can
ever take a feed's path.
"""

from django.urls import path

from tremplin.core.pagecache import cached_page
from tremplin.vacancies import feeds, views

app_name = "vacancies"

urlpatterns = [
    path("", cached_page(views.board), name="board"),
    path("vacancies.atom", cached_page(feeds.VacancyFeed()), name="feed"),
    path("<slug:org>/", cached_page(views.organization), name="organization"),
    path("<slug:org>/vacancies.atom", cached_page(feeds.VacancyFeed()), name="organization_feed"),
    path("<slug:org>/<slug:vacancy>/", cached_page(views.vacancy), name="vacancy"),
]
