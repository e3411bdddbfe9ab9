"""The staff side of vacancies, under /<language>/staff/<org>/ (namespace staff_vacancies).

A vacancy's own pages sit under vacancies/<slug>/ with at least one more segment, so that
no vacancy slug can take the address of "new", "import" or "preview".
"""

from django.urls import path

from tremplin.vacancies import import_staff_views, staff_views
from tremplin.vacancies.item_staff_views import (
    CRITERIA,
    QUESTIONS,
    ItemDeleteView,
    ItemFormView,
    ItemListView,
    ItemMoveView,
)

app_name = "staff_vacancies"

urlpatterns = [
    path("", staff_views.vacancy_list, name="list"),
    path("vacancies/new/", staff_views.vacancy_create, name="create"),
    path("vacancies/import/", import_staff_views.vacancy_import, name="import"),
    path("vacancies/preview/", staff_views.markdown_preview, name="preview"),
    path("vacancies/<slug:vacancy>/edit/", staff_views.vacancy_edit, name="edit"),
    path("vacancies/<slug:vacancy>/publish/", staff_views.vacancy_publish, name="publish"),
    path("vacancies/<slug:vacancy>/close/", staff_views.vacancy_close, name="close"),
    path("vacancies/<slug:vacancy>/reopen/", staff_views.vacancy_reopen, name="reopen"),
    path(
        "vacancies/<slug:vacancy>/criteria/",
        ItemListView.as_view(items=CRITERIA),
        name="criteria",
    ),
    path(
        "vacancies/<slug:vacancy>/criteria/new/",
        ItemFormView.as_view(items=CRITERIA),
        name="criterion_create",
    ),
    path(
        "vacancies/<slug:vacancy>/criteria/<int:criterion>/",
        ItemFormView.as_view(items=CRITERIA),
        name="criterion_edit",
    ),
    path(
        "vacancies/<slug:vacancy>/criteria/<int:criterion>/delete/",
        ItemDeleteView.as_view(items=CRITERIA),
        name="criterion_delete",
    ),
    path(
        "vacancies/<slug:vacancy>/criteria/<int:criterion>/move/",
        ItemMoveView.as_view(items=CRITERIA),
        name="criterion_move",
    ),
    path(
        "vacancies/<slug:vacancy>/questions/",
        ItemListView.as_view(items=QUESTIONS),
        name="questions",
    ),
    path(
        "vacancies/<slug:vacancy>/questions/new/",
        ItemFormView.as_view(items=QUESTIONS),
        name="question_create",
    ),
    path(
        "vacancies/<slug:vacancy>/questions/<int:question>/",
        ItemFormView.as_view(items=QUESTIONS),
        name="question_edit",
    ),
    path(
        "vacancies/<slug:vacancy>/questions/<int:question>/delete/",
        ItemDeleteView.as_view(items=QUESTIONS),
        name="question_delete",
    ),
    path(
        "vacancies/<slug:vacancy>/questions/<int:question>/move/",
        ItemMoveView.as_view(items=QUESTIONS),
        name="question_move",
    ),
    path("vacancies/<slug:vacancy>/reviewers/", staff_views.vacancy_reviewers, name="reviewers"),
]
