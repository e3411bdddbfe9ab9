"""The talent pool: searched across the organization's closed vacancies, only for the
candidates who consented to be kept, and only within the pool's retention period."""

import re
from datetime import timedelta

from django.utils import timezone

from tremplin.accounts.models import Membership
from tremplin.applications.models import Application
from tremplin.search.selectors import Filters, entries_search
from tremplin.search.text import query_parse
from tremplin.testing.staff import staff_login
from tremplin.vacancies.models import Vacancy


def pool_finds(members, organization, q: str, role: str = "owner") -> set[str]:
    membership = Membership.objects.get(user=members[role], organization=organization)
    entries = entries_search(
        membership=membership, query=query_parse(q), filters=Filters(pool=True)
    )
    return {entry.application.candidate.name for entry in entries}


def decided(application: Application, *, consent: bool, months_ago: int = 1) -> None:
    moment = timezone.now() - timedelta(days=30 * months_ago)
    Application.objects.filter(pk=application.pk).update(
        stage="rejected", decided_at=moment, last_contact_at=moment, talent_pool_consent=consent
    )


def test_the_pool_holds_consenting_candidates_of_closed_vacancies_within_retention(
    apply, open_vacancy, blind_vacancy, members, organization
):
    organization.talent_pool_months = 12
    organization.save()
    kept = apply(open_vacancy, name="Kept", email="kept@example.org", cv="Python developer.")
    refused = apply(open_vacancy, name="Refused", email="no@example.org", cv="Python developer.")
    expired = apply(open_vacancy, name="Expired", email="old@example.org", cv="Python developer.")
    still_open = apply(
        blind_vacancy, name="Still open", email="open@example.org", cv="Python developer."
    )
    decided(kept, consent=True)
    decided(refused, consent=False)
    decided(expired, consent=True, months_ago=14)
    decided(still_open, consent=True)
    Vacancy.objects.filter(pk=open_vacancy.pk).update(status=Vacancy.Status.CLOSED)

    assert pool_finds(members, organization, "python") == {"Kept"}
    # Without the pool filter, a recruiter finds them all, as before.
    membership = Membership.objects.get(user=members["owner"], organization=organization)
    everyone = entries_search(membership=membership, query=query_parse("python"))
    assert len(everyone) == 4


def test_the_pool_box_is_on_the_search_page_and_stays_in_the_address(
    apply, open_vacancy, members, organization, client
):
    kept = apply(open_vacancy, name="Kept", email="kept@example.org", cv="Python developer.")
    decided(kept, consent=True)
    Vacancy.objects.filter(pk=open_vacancy.pk).update(status=Vacancy.Status.CLOSED)
    staff_login(client, members["recruiter"])
    page = client.get("/en/staff/communs/search/", {"q": "python", "pool": "on"})
    assert page.status_code == 200
    text = page.content.decode()
    assert "Talent pool" in text and "1 application found" in text and "Kept" in text
    assert re.search(r"<input[^>]*name=\"pool\"[^>]*checked", text)
