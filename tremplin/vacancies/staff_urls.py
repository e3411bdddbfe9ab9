"""The staff side of vacancies, under /<language>/staff/<org>/ (namespace staff_vacancies).

A vacancy's own pages sit under vacancies/<slug>/ with at least one more segment, so that
no vacancy slug can take the address of "new", "import" or "preview".
"""

from django.urls import path

from tremplin.vacancies import staff_views

app_name = "staff_vacancies"

urlpatterns = [
    path("", staff_views.vacancy_list, name="list"),
    path("vacancies/new/", staff_views.vacancy_create, name="create"),
    path("vacancies/import/", staff_views.vacancy_import, name="import"),
    path("vacancies/preview/", staff_views.markdown_preview, name="preview"),
    path("vacancies/<slug:vacancy>/edit/", staff_views.vacancy_edit, name="edit"),
    path("vacancies/<slug:vacancy>/publish/", staff_views.vacancy_publish, name="publish"),
    path("vacancies/<slug:vacancy>/close/", staff_views.vacancy_close, name="close"),
    path("vacancies/<slug:vacancy>/reopen/", staff_views.vacancy_reopen, name="reopen"),
    path("vacancies/<slug:vacancy>/criteria/", staff_views.criteria_list, name="criteria"),
    path(
        "vacancies/<slug:vacancy>/criteria/new/",
        staff_views.criterion_create,
        name="criterion_create",
    ),
    path(
        "vacancies/<slug:vacancy>/criteria/<int:criterion>/",
        staff_views.criterion_edit,
        name="criterion_edit",
    ),
    path(
        "vacancies/<slug:vacancy>/criteria/<int:criterion>/delete/",
        staff_views.criterion_delete,
        name="criterion_delete",
    ),
    path(
        "vacancies/<slug:vacancy>/criteria/<int:criterion>/move/",
        staff_views.criterion_move,
        name="criterion_move",
    ),
    path("vacancies/<slug:vacancy>/questions/", staff_views.questions_list, name="questions"),
    path(
        "vacancies/<slug:vacancy>/questions/new/",
        staff_views.question_create,
        name="question_create",
    ),
    path(
        "vacancies/<slug:vacancy>/questions/<int:question>/",
        staff_views.question_edit,
        name="question_edit",
    ),
    path(
        "vacancies/<slug:vacancy>/questions/<int:question>/delete/",
        staff_views.question_delete,
        name="question_delete",
    ),
    path(
        "vacancies/<slug:vacancy>/questions/<int:question>/move/",
        staff_views.question_move,
        name="question_move",
    ),
    path("vacancies/<slug:vacancy>/reviewers/", staff_views.vacancy_reviewers, name="reviewers"),
]
