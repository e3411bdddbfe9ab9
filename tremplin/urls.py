from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import URLPattern, URLResolver, include, path

from tremplin.api.api import api
from tremplin.core.views import healthz
from tremplin.privacy import urls as privacy_urls
from tremplin.vacancies.sitemaps import SITEMAPS
from tremplin.vacancies.views import robots_txt

urlpatterns: list[URLPattern | URLResolver] = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("healthz", healthz, name="healthz"),
    path("api/v1/", api.urls),
    # Staff calendar feeds: calendar apps keep the address, so no language in it.
    path("calendar/", include("tremplin.interviews.feed_urls")),
]

# The staff workspace: every page of an organization lives under staff/<org>/ and goes
# through accounts.permissions.staff_view (tests/test_authorization_matrix.py walks them all).
staff_patterns: list[URLPattern | URLResolver] = [
    path("", include("tremplin.vacancies.staff_urls")),
    path("applications/", include("tremplin.applications.staff_urls")),
    path("review/", include("tremplin.review.staff_urls")),
    path("messages/", include("tremplin.applications.correspondence_urls")),
    path("members/", include("tremplin.accounts.staff_urls")),
    path("audit/", include("tremplin.accounts.audit_urls")),
    path("privacy/", include((privacy_urls.staff_urlpatterns, "staff_privacy"))),
    path("search/", include("tremplin.search.staff_urls")),
    path("reports/", include("tremplin.reports.staff_urls")),
    path("api/", include("tremplin.api.staff_urls")),
    path("webhooks/", include("tremplin.webhooks.staff_urls")),
    path("notifications/", include("tremplin.notifications.urls")),
    path(
        "applications/<int:application>/interviews/",
        include("tremplin.interviews.staff_urls"),
    ),
]

urlpatterns += i18n_patterns(
    path("accounts/", include("tremplin.accounts.urls")),
    path("staff/<slug:org>/", include(staff_patterns)),
    path("", include("tremplin.reports.urls")),
    path("", include("tremplin.privacy.urls")),
    path("", include("tremplin.interviews.urls")),
    path("", include("tremplin.applications.urls")),
    path("", include("tremplin.vacancies.urls")),
    prefix_default_language=True,
)
