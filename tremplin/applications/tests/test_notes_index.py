"""An application's notes are read through their index on PostgreSQL (EXPLAIN), oldest
first, so that the page costs the same beside 10 notes as beside 1,000,000."""

import pytest
from django.db import connection

from tremplin.applications.notes import note_add
from tremplin.testing.applying import submit

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


def test_the_notes_of_an_application_come_through_their_index(vacancy):
    application = submit(vacancy)
    note_add(application=application, body="Keen.", by=None)
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
    try:
        notes = application.staff_notes.order_by("created_at", "pk")
        assert "note_of_application" in notes.explain()
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET enable_seqscan")
