"""Retention's batches hold every organization's and every rule's applications together:
one transaction erases a few hundred whatever organizations they are at, each organization
keeps its own counts and audit events, and a batch costs the same queries for 3 candidates
as for 9."""

import pytest
import time_machine
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from tremplin.applications.models import Application, Candidate
from tremplin.core.models import AuditEvent
from tremplin.privacy.models import ErasureLedgerEntry
from tremplin.privacy.services import retention_apply
from tremplin.privacy.tests.test_retention import (
    DAY,
    T0,
    apply,
    close,
    decide,
    months,
    vacancy_titled,
    world_make,
)

pytestmark = pytest.mark.django_db


def run_counting(at, *, batch_size: int = 500) -> tuple[dict, list[int]]:
    """The run's counts, and how many each batch erased."""
    batches: list[int] = []
    with time_machine.travel(at, tick=False), TestCase.captureOnCommitCallbacks(execute=True):
        counts = retention_apply(batch_size=batch_size, progress=batches.append)
    return counts, batches


def not_retained(world, emails: list[str], *, at=T0, vacancy=None) -> list[Application]:
    """Candidates not retained at ``vacancy`` (the world's), closed 30 days after ``at``."""
    vacancy = vacancy or world.vacancy
    applications = [apply(vacancy, email, at=at) for email in emails]
    for application in applications:
        decide(application, "rejected", at=at + 10 * DAY, by=world.owner)
    close(vacancy, at=at + 30 * DAY)
    return applications


def test_one_batch_erases_several_organizations_each_counted_and_logged_on_its_own():
    north, south, east = world_make("north"), world_make("south"), world_make("east")
    not_retained(north, ["ada@example.org", "bob@example.org"])
    not_retained(south, ["cy@example.org"])
    not_retained(east, ["eve@example.org", "fay@example.org", "gus@example.org"])

    counts, batches = run_counting(T0 + 30 * DAY + months(3) + DAY)

    assert batches == [6]  # one batch, three organizations
    assert {slug: c["not_retained"] for slug, c in counts.items()} == {
        "north": 2,
        "south": 1,
        "east": 3,
    }
    assert not Candidate.objects.exists()
    applied = {
        slug: data["counts"]["not_retained"]
        for slug, data in AuditEvent.objects.filter(verb="retention.applied").values_list(
            "organization__slug", "data"
        )
    }
    assert applied == {"north": 2, "south": 1, "east": 3}
    erased = AuditEvent.objects.filter(verb="candidate.erased")
    assert sorted(erased.values_list("organization__slug", flat=True)) == [
        "east",
        "east",
        "east",
        "north",
        "north",
        "south",
    ]
    assert all(e.data["reason"] == "retention" and e.actor is None for e in erased)


def test_batches_cut_across_organizations_at_the_batch_size():
    north, south = world_make("north"), world_make("south")
    not_retained(north, [f"n{n}@example.org" for n in range(3)])
    not_retained(south, [f"s{n}@example.org" for n in range(4)])

    counts, batches = run_counting(T0 + 30 * DAY + months(3) + DAY, batch_size=5)

    assert batches == [5, 2]
    assert counts["north"]["not_retained"] == 3
    assert counts["south"]["not_retained"] == 4
    assert not Candidate.objects.exists()


def test_a_candidate_due_at_two_organizations_in_one_batch_leaves_no_trace():
    north, south = world_make("north"), world_make("south")
    not_retained(north, ["ada@example.org"])
    not_retained(south, ["ada@example.org"])
    assert Candidate.objects.count() == 1

    counts, batches = run_counting(T0 + 30 * DAY + months(3) + DAY)

    assert batches == [2]
    assert counts["north"]["not_retained"] == counts["south"]["not_retained"] == 1
    assert not Candidate.objects.exists()
    assert not Application.objects.exists()
    erased = AuditEvent.objects.filter(verb="candidate.erased")
    assert sorted(erased.values_list("organization__slug", flat=True)) == ["north", "south"]
    ledger = ErasureLedgerEntry.objects.values_list("organization__slug", flat=True)
    assert sorted(ledger) == ["north", "south"]


def test_a_candidate_kept_at_another_organization_keeps_their_record_there():
    north, south = world_make("north"), world_make("south")
    not_retained(north, ["ada@example.org"])
    kept = apply(south.vacancy, "ada@example.org", at=T0)  # in progress: never erased

    run_counting(T0 + 30 * DAY + months(3) + DAY)

    assert not Application.objects.filter(vacancy=north.vacancy).exists()
    assert Application.objects.filter(pk=kept.pk, candidate__email="ada@example.org").exists()


def test_two_rules_of_one_organization_share_a_batch():
    w = world_make()
    not_retained(w, ["ada@example.org"])
    other = vacancy_titled(w.organization, "treasurer", "Treasurer")
    bob = apply(other, "bob@example.org", at=T0)
    decide(bob, "hired", at=T0 + DAY, by=w.owner)

    counts, batches = run_counting(T0 + DAY + months(60) + DAY)

    assert batches == [2]
    assert counts["open-future"]["not_retained"] == 1
    assert counts["open-future"]["hired"] == 1
    assert not Candidate.objects.exists()


def test_a_batch_costs_the_same_queries_for_three_candidates_as_for_nine():
    north, south = world_make("north"), world_make("south")
    later = T0 + months(6)
    # Due at the first run: 3 candidates (2 + 1); at the second: 9 (5 + 4).
    not_retained(north, ["a1@example.org", "a2@example.org"])
    not_retained(south, ["b1@example.org"])
    north_later = vacancy_titled(north.organization, "treasurer", "Treasurer")
    south_later = vacancy_titled(south.organization, "treasurer", "Treasurer")
    not_retained(north, [f"c{n}@example.org" for n in range(5)], at=later, vacancy=north_later)
    not_retained(south, [f"d{n}@example.org" for n in range(4)], at=later, vacancy=south_later)

    def queries(at) -> tuple[int, list[int]]:
        with CaptureQueriesContext(connection) as captured:
            _counts, batches = run_counting(at)
        return len(captured), batches

    few, few_batches = queries(T0 + 30 * DAY + months(3) + DAY)
    many, many_batches = queries(later + 30 * DAY + months(3) + DAY)

    assert (few_batches, many_batches) == ([3], [9])
    assert many == few
    assert Candidate.objects.count() == 0


@pytest.mark.postgres
def test_a_batch_that_fails_is_redone_candidate_by_candidate_across_organizations():
    north, south = world_make("north"), world_make("south")
    (ada, bob) = not_retained(north, ["ada@example.org", "bob@example.org"])
    (cy,) = not_retained(south, ["cy@example.org"])
    # The database refuses to delete Bob's application: his erasure fails, the batch with it.
    with connection.cursor() as cursor:
        cursor.execute(
            """CREATE FUNCTION refuse_delete() RETURNS trigger AS $$
               BEGIN RAISE EXCEPTION 'refused'; END $$ LANGUAGE plpgsql;
               CREATE TRIGGER refuse BEFORE DELETE ON applications_application
               FOR EACH ROW WHEN (OLD.id = %s) EXECUTE FUNCTION refuse_delete();""",
            [bob.pk],
        )

    counts, batches = run_counting(T0 + 30 * DAY + months(3) + DAY)

    assert batches == [2]
    assert (counts["north"]["not_retained"], counts["north"]["failed"]) == (1, 1)
    assert (counts["south"]["not_retained"], counts["south"]["failed"]) == (1, 0)
    assert list(Application.objects.values_list("pk", flat=True)) == [bob.pk]
    assert list(Candidate.objects.values_list("email", flat=True)) == ["bob@example.org"]
    assert not AuditEvent.objects.filter(verb="candidate.erased", data__applications=[bob.pk])
    assert AuditEvent.objects.filter(verb="candidate.erased").count() == 2
    assert {ada.pk, cy.pk}.isdisjoint(Application.objects.values_list("pk", flat=True))
