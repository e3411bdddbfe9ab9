"""After a candidate's data is erased, nothing of it is found, and no index row holds it."""

from collections.abc import Callable

from django.db import connection

from tremplin.accounts.models import Membership, Organization, User
from tremplin.applications.models import Application
from tremplin.privacy.erasure import shred
from tremplin.privacy.shredders import subject_for_applications, subject_for_candidate
from tremplin.search.models import SearchEntry
from tremplin.search.selectors import entries_search
from tremplin.search.text import query_parse
from tremplin.vacancies.models import Vacancy

CV = "Zephyrine Quintavalle, beekeeper of the Lyon apiary cooperative, zq@example.net."
TRACES = ("Zephyrine", "Quintavalle", "zq@example.net", "apiary")


def found(members: dict[str, User], organization: Organization, q: str) -> list[str]:
    membership = Membership.objects.get(user=members["owner"], organization=organization)
    entries = entries_search(membership=membership, query=query_parse(q))
    return [entry.application.candidate.email for entry in entries]


def engine_rows_holding(word: str) -> int:
    """Rows of the engine's own index structures that still hold ``word``."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT count(*) FROM search_searchentry WHERE vector::text ILIKE %s"
                " OR text ILIKE %s",
                [f"%{word}%", f"%{word}%"],
            )
            return int(cursor.fetchone()[0])
        cursor.execute("SELECT count(*) FROM search_fts WHERE body LIKE %s", [f"%{word}%"])
        count = int(cursor.fetchone()[0])
        cursor.execute("SELECT block FROM search_fts_data")
        blobs = [bytes(block) for (block,) in cursor.fetchall() if block]
        return count + sum(word.lower().encode() in blob for blob in blobs)


def test_after_her_erasure_her_name_address_and_words_find_nothing(
    apply: Callable[..., Application],
    open_vacancy: Vacancy,
    members: dict[str, User],
    organization: Organization,
    django_capture_on_commit_callbacks,
) -> None:
    her = apply(open_vacancy, name="Zephyrine Quintavalle", email="zq@example.net", cv=CV)
    apply(open_vacancy, name="Other", email="other@example.net", cv="Beekeeper in Nantes.")
    for query in ("Quintavalle", "zq@example.net", "apiary"):
        assert found(members, organization, query) == ["zq@example.net"]
    assert engine_rows_holding("quintavall") > 0

    with django_capture_on_commit_callbacks(execute=True):
        shred(
            subject=subject_for_candidate(candidate=her.candidate, organization=organization),
            actor=None,
            reason="candidate",
            vacuum=False,
        )

    for query in ("Quintavalle", "zq@example.net", "apiary", "Zephyrine"):
        assert found(members, organization, query) == []
    assert found(members, organization, "beekeeper") == ["other@example.net"]
    assert not SearchEntry.objects.filter(application_id=her.pk).exists()
    for trace in TRACES:
        assert engine_rows_holding(trace.split("@")[0].lower()[:9]) == 0, trace


def test_erasing_one_application_keeps_the_others_found(
    apply, open_vacancy, blind_vacancy, members, organization, django_capture_on_commit_callbacks
) -> None:
    first = apply(open_vacancy, name="Zephyrine Quintavalle", email="zq@example.net", cv=CV)
    apply(blind_vacancy, name="Zephyrine Quintavalle", email="zq@example.net", cv=CV)
    with django_capture_on_commit_callbacks(execute=True):
        shred(
            subject=subject_for_applications(applications=[first]),
            actor=None,
            reason="retention",
            vacuum=False,
        )
    assert found(members, organization, "apiary") == ["zq@example.net"]
    assert SearchEntry.objects.filter(application__vacancy=blind_vacancy).count() == 3
