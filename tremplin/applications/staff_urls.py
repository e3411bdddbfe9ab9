"""Staff pages of the applications app, under /<language>/staff/<org>/applications/."""

from django.urls import URLPattern, URLResolver, path

from tremplin.applications import (
    bulk_views,
    document_views,
    notes_views,
    staff_views,
    stage_staff_views,
)

app_name = "staff_applications"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", staff_views.index, name="index"),
    path("vacancy/<slug:vacancy>/", staff_views.board, name="board"),
    path("vacancy/<slug:vacancy>/move/", bulk_views.bulk_move, name="bulk_move"),
    path("vacancy/<slug:vacancy>/bulk/", bulk_views.bulk_actions, name="bulk_actions"),
    path("vacancy/<slug:vacancy>/bulk/undo/", bulk_views.bulk_undo, name="bulk_undo"),
    path("<int:application>/", staff_views.detail, name="detail"),
    path("<int:application>/move/", staff_views.move, name="move"),
    path("<int:application>/notes/", notes_views.note_add, name="note_add"),
    path("<int:application>/notes/<int:note>/", notes_views.note_edit, name="note_edit"),
    path("<int:application>/candidate/", staff_views.candidate_edit, name="candidate_edit"),
    path("<int:application>/hidden/", staff_views.hidden_words_edit, name="hidden_words_edit"),
    path("<int:application>/message/", staff_views.message_write, name="message_write"),
    path("<int:application>/prepare/", staff_views.message_prepare, name="message_prepare"),
    path(
        "documents/<int:document>/download/",
        staff_views.document_download,
        name="document_download",
    ),
    path("documents/<int:document>/", document_views.document_read, name="document_read"),
    path("documents/<int:document>/page/", document_views.document_page, name="document_page"),
    path("stages/", stage_staff_views.stages, name="stages"),
    path("stages/<slug:stage>/", stage_staff_views.stage_edit, name="stage_edit"),
    path("stages/<slug:stage>/move/", stage_staff_views.stage_move, name="stage_move"),
    path("stages/<slug:stage>/remove/", stage_staff_views.stage_remove, name="stage_remove"),
]
