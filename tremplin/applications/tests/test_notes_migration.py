"""The migration that gives staff notes rows of their own: the notes staff wrote (through
the API, with a ``by``) leave ``Application.notes`` for Note rows, their author found by
address; the notes on receipt stay; and going back puts them where they were."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tremplin.testing.applying import submit
from tremplin.testing.staff import team_make

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("applications", "0009_bulk_action")]
AFTER = [("applications", "0010_staff_notes")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_staff_notes_move_to_rows_and_back(organization, vacancy):
    team = team_make(organization, vacancy)
    application = submit(vacancy)
    receipt = {"at": "2026-01-02T03:04:05+00:00", "text": "winmail.dat could not be read"}
    by_owner = {"at": "2026-02-03T04:05:06+00:00", "text": "Called her.", "by": team.owner.email}
    by_gone = {"at": "2026-03-04T05:06:07+00:00", "text": "Keen.", "by": "left@example.org"}
    try:
        old = migrate(BEFORE)
        Application = old.get_model("applications", "Application")
        Application.objects.filter(pk=application.pk).update(notes=[receipt, by_owner, by_gone])

        new = migrate(AFTER)
        moved = new.get_model("applications", "Application").objects.get(pk=application.pk)
        assert moved.notes == [receipt]
        notes = new.get_model("applications", "Note").objects.order_by("created_at")
        assert [(n.body, n.author_id, n.author_label) for n in notes] == [
            ("Called her.", team.owner.pk, team.owner.email),
            ("Keen.", None, "left@example.org"),
        ]
        assert notes[0].created_at.isoformat() == by_owner["at"]

        old = migrate(BEFORE)
        back = old.get_model("applications", "Application").objects.get(pk=application.pk)
        assert back.notes == [receipt, by_owner, by_gone]
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
