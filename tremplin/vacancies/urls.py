"""The careers site, under a language prefix (``/en/…``, ``/fr/…``).

Feeds end in ``.atom``: a slug cannot hold a dot, so no organization or vacancy slug can
ever take a feed's path.
"""

from django.urls import path

from tremplin.vacancies import feeds, views

app_name = "vacancies"

urlpatterns = [
    path("", views.board, name="board"),
    path("vacancies.atom", feeds.VacancyFeed(), name="feed"),
    path("<slug:org>/", views.organization, name="organization"),
    path("<slug:org>/vacancies.atom", feeds.VacancyFeed(), name="organization_feed"),
    path("<slug:org>/<slug:vacancy>/", views.vacancy, name="vacancy"),
]
