"""After an erasure, PostgreSQL's tables are vacuumed: the dead rows holding the erased data
leave the tables' pages (their space is marked free), instead of waiting for autovacuum.

Once per batch: a task after an erasure from the web, once at the end of a retention run.
"""

from datetime import datetime

import pytest
import time_machine
from dateutil.relativedelta import relativedelta
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tremplin.applications.models import Application, Candidate
from tremplin.applications.tokens import erase_token_make
from tremplin.privacy.erasure import erased_tables
from tremplin.privacy.services import retention_apply
from tremplin.privacy.tests.test_retention import DAY, T0, apply, close, decide, world_make
from tremplin.testing.worker import run_worker

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

TOUCHED = [
    "applications_candidate",
    "applications_application",
    "applications_document",
    "messaging_outboxmessage",
    "core_auditevent",
]


def vacuumed() -> dict[str, tuple[datetime | None, int]]:
    """Each table's last manual VACUUM and its dead rows, as PostgreSQL counts them."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute(
            "SELECT relname, last_vacuum, n_dead_tup FROM pg_stat_user_tables "
            "WHERE relname = ANY(%s)",
            [TOUCHED],
        )
        return {name: (at, dead) for name, at, dead in cursor.fetchall()}


def test_the_tables_an_erasure_touches_are_the_ones_vacuumed():
    assert set(TOUCHED) <= set(erased_tables())


def test_a_candidates_erasure_from_the_web_vacuums_the_tables_in_a_task(settings):
    settings.RATELIMIT_ENABLE = False
    w = world_make()
    ada = apply(w.vacancy, "ada@example.org", at=T0)
    run_worker()  # the acknowledgement and extraction tasks: out of the way
    before = timezone.now()

    response = Client().post(
        reverse(
            "privacy:erase_confirm", kwargs={"token": erase_token_make(public_id=ada.public_id)}
        )
    )

    assert response.status_code == 200
    assert not Candidate.objects.filter(email="ada@example.org").exists()
    [task] = DBTaskResult.objects.filter(task_path="tremplin.privacy.tasks.erasure_vacuum_task")
    assert task.status == "READY"  # the request did not wait for it
    run_worker()
    stats = vacuumed()
    for table in TOUCHED:
        at, dead = stats[table]
        assert at is not None and at >= before, table
        assert dead == 0, table


def test_a_burst_of_erasures_vacuums_each_table_once():
    w = world_make()
    people = [apply(w.vacancy, f"p{n}@example.org", at=T0) for n in range(3)]
    run_worker()
    for person in people:
        Client().post(
            reverse(
                "privacy:erase_confirm",
                kwargs={"token": erase_token_make(public_id=person.public_id)},
            )
        )
    assert DBTaskResult.objects.filter(task_path__endswith="erasure_vacuum_task").count() == 3

    run_worker()

    results = DBTaskResult.objects.filter(task_path__endswith="erasure_vacuum_task").order_by(
        "enqueued_at"
    )
    returned = [sorted(r.return_value or []) for r in results]
    assert returned[1:] == [[], []]  # done by the first
    assert returned[0] == erased_tables()


def test_a_retention_run_vacuums_once_at_its_end():
    w = world_make()
    people = [apply(w.vacancy, f"p{n}@example.org", at=T0) for n in range(3)]
    for person in people:
        decide(person, "rejected", at=T0 + DAY, by=w.owner)
    close(w.vacancy, at=T0 + DAY)
    before = timezone.now()

    with time_machine.travel(T0 + relativedelta(months=4), tick=False):
        counts = retention_apply()

    assert counts["open-future"]["not_retained"] == 3
    assert not Application.objects.exists()
    assert not DBTaskResult.objects.filter(task_path__endswith="erasure_vacuum_task").exists()
    stats = vacuumed()
    for table in TOUCHED:
        at, dead = stats[table]
        assert at is not None and at >= before, table
        assert dead == 0, table
