"""Staff pages of the review app, under /<language>/staff/<org>/review/."""

from django.urls import URLPattern, URLResolver, path

from tremplin.review import report_views, views

app_name = "staff_review"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.index, name="index"),
    path("<slug:vacancy>/", views.vacancy_overview, name="vacancy"),
    path(
        "<slug:vacancy>/applications/<int:application>/",
        views.application_review,
        name="application",
    ),
    path(
        "<slug:vacancy>/applications/<int:application>/report/",
        report_views.identity_report,
        name="identity_report",
    ),
    path(
        "<slug:vacancy>/applications/<int:application>/reviews/",
        views.application_reviews,
        name="application_reviews",
    ),
    path("<slug:vacancy>/questions/<int:question>/", views.question_review, name="question"),
    path("<slug:vacancy>/results/", views.results, name="results"),
    path("<slug:vacancy>/progress/", views.progress, name="progress"),
    path("<slug:vacancy>/progress/<int:member>/remind/", views.remind, name="remind"),
    path("<slug:vacancy>/blind/<slug:stage>/lift/", views.blind_lift, name="blind_lift"),
    path("<slug:vacancy>/blind/<slug:stage>/restore/", views.blind_restore, name="blind_restore"),
]
