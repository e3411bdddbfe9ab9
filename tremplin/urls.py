from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import URLPattern, URLResolver, include, path

from tremplin.vacancies.sitemaps import SITEMAPS
from tremplin.vacancies.views import robots_txt

urlpatterns: list[URLPattern | URLResolver] = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
]
urlpatterns += i18n_patterns(
    path("", include("tremplin.applications.urls")),
    path("", include("tremplin.vacancies.urls")),
    prefix_default_language=True,
)
