"""Each retention rule, with time travel: data is kept the day before its end date and
erased (rows and files) the day after; what is in progress is never erased."""

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import time_machine
from dateutil.relativedelta import relativedelta
from django.core.files.base import ContentFile
from django.test import TestCase

from tremplin.accounts.models import Membership, Organization, User
from tremplin.applications.intake.submit import application_submit
from tremplin.applications.models import Application, Candidate, Document
from tremplin.applications.services import application_move, application_withdraw, stage_add
from tremplin.core.models import AuditEvent, RateCounter
from tremplin.core.ratelimit import counter_hit
from tremplin.messaging.inbound.store import inbound_receive
from tremplin.messaging.models import InboundMessage, OutboxMessage
from tremplin.privacy.models import DataExport
from tremplin.privacy.services import retention_apply
from tremplin.testing.builders import organization_make, vacancy_make
from tremplin.testing.mail import mail
from tremplin.vacancies.models import Vacancy
from tremplin.vacancies.services import vacancy_close

pytestmark = pytest.mark.django_db

T0 = datetime(2026, 1, 5, 10, 0, tzinfo=UTC)
DAY = relativedelta(days=1)


def months(n: int) -> relativedelta:
    return relativedelta(months=n)


# --- Helpers (the other retention test files use them too) -------------------------------


@dataclass
class World:
    organization: Organization
    vacancy: Vacancy
    owner: User


def vacancy_titled(organization: Organization, slug: str, title: str) -> Vacancy:
    """A published vacancy in English and French, with no dates: time travels here."""
    return vacancy_make(
        organization,
        slug,
        texts={"en": title, "fr": f"{title} (fr)"},
        date_posted=None,
        deadline=None,
    )


def world_make(slug: str = "open-future", **settings: Any) -> World:
    organization = organization_make(slug, **settings)
    owner = User.objects.create_user(f"owner@{slug}.example.org", password="owner-password")
    Membership.objects.create(user=owner, organization=organization, role=Membership.Role.OWNER)
    return World(
        organization, vacancy_titled(organization, "campaign-lead", "Campaign lead"), owner
    )


def apply(
    vacancy: Vacancy,
    email: str,
    *,
    at: datetime,
    consent: bool = False,
    language: str = "en",
) -> Application:
    """Apply through the service, as the web form does, at ``at``."""
    with time_machine.travel(at, tick=False):
        return application_submit(
            vacancy=vacancy,
            name=email.partition("@")[0].title(),
            email=email,
            letter_text="I would love to work with you.",
            talent_pool_consent=consent,
            language=language,
        )


def decide(application: Application, stage: str, *, at: datetime, by: User) -> Application:
    with time_machine.travel(at, tick=False):
        application_move(
            application=application,
            to_stage=stage,
            by=by,
            reason="must_haves" if stage == Application.Stage.REJECTED else "",
        )
    application.refresh_from_db()
    return application


def close(vacancy: Vacancy, *, at: datetime) -> None:
    with time_machine.travel(at, tick=False):
        vacancy_close(vacancy=vacancy)


def run(at: datetime, batch_size: int = 100) -> dict[str, dict[str, int]]:
    # Stored files go once the erasure commits: run what waits for the commit (the test's
    # own transaction never commits).
    with time_machine.travel(at, tick=False), TestCase.captureOnCommitCallbacks(execute=True):
        return retention_apply(batch_size=batch_size)


def exists(application: Application) -> bool:
    return Application.objects.filter(pk=application.pk).exists()


def stored_files(root: Path) -> set[str]:
    return (
        {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}
        if root.exists()
        else set()
    )


def files_of(application: Application) -> set[str]:
    return set(Document.objects.filter(application=application).values_list("file", flat=True))


# --- Not retained, without the talent pool -------------------------------------------------


def test_a_candidate_not_retained_is_kept_until_months_after_the_process_ends_then_erased(
    private_files: Path,
):
    w = world_make()
    ada = apply(w.vacancy, "ada@example.org", at=T0)
    bob = apply(w.vacancy, "bob@example.org", at=T0 + DAY)
    decide(ada, "rejected", at=T0 + relativedelta(days=10), by=w.owner)
    decide(bob, "hired", at=T0 + relativedelta(days=20), by=w.owner)
    close(w.vacancy, at=T0 + relativedelta(days=30))
    end = T0 + relativedelta(days=30)  # the closing came after both decisions
    ada_files = files_of(ada)
    assert ada_files and ada_files <= stored_files(private_files)

    assert run(end + months(3) - DAY) == {}
    assert exists(ada)

    counts = run(end + months(3) + DAY)

    assert counts["open-future"]["not_retained"] == 1
    assert not exists(ada)
    assert not Candidate.objects.filter(email="ada@example.org").exists()
    assert not Document.objects.filter(application_id=ada.pk).exists()
    assert not OutboxMessage.objects.filter(to="ada@example.org").exists()  # the acknowledgement
    assert not ada_files & stored_files(private_files)
    assert exists(bob)  # hired: another, longer rule
    assert files_of(bob) <= stored_files(private_files)
    event = AuditEvent.objects.get(verb="retention.applied")
    assert event.organization == w.organization
    assert event.actor is None
    assert event.data["counts"]["not_retained"] == 1


def test_the_process_ends_at_the_last_decision_when_it_comes_after_the_closing():
    w = world_make()
    ada = apply(w.vacancy, "ada@example.org", at=T0)
    bob = apply(w.vacancy, "bob@example.org", at=T0)
    decide(ada, "rejected", at=T0 + DAY, by=w.owner)
    close(w.vacancy, at=T0 + relativedelta(days=30))
    decide(bob, "rejected", at=T0 + relativedelta(days=60), by=w.owner)
    end = T0 + relativedelta(days=60)

    run(end + months(3) - DAY)
    assert exists(ada) and exists(bob)

    run(end + months(3) + DAY)
    assert not exists(ada) and not exists(bob)


def test_nothing_is_erased_while_the_vacancy_is_open():
    w = world_make()
    ada = apply(w.vacancy, "ada@example.org", at=T0)
    decide(ada, "rejected", at=T0 + DAY, by=w.owner)

    assert run(T0 + months(12)) == {}
    assert exists(ada)


def test_a_vacancy_that_never_closes_keeps_no_one_longer_than_the_talent_pool_would():
    w = world_make()
    ada = apply(w.vacancy, "ada@example.org", at=T0)
    decide(ada, "rejected", at=T0 + DAY, by=w.owner)

    assert run(T0 + DAY + months(24) - DAY) == {}
    assert exists(ada)

    assert run(T0 + DAY + months(24) + DAY)["open-future"]["not_retained"] == 1
    assert not exists(ada)


def test_the_process_does_not_end_while_one_applicant_is_undecided():
    w = world_make()
    ada = apply(w.vacancy, "ada@example.org", at=T0)
    bob = apply(w.vacancy, "bob@example.org", at=T0)
    decide(ada, "rejected", at=T0 + DAY, by=w.owner)
    decide(bob, "interview", at=T0 + DAY, by=w.owner)
    close(w.vacancy, at=T0 + relativedelta(days=30))

    assert run(T0 + months(12)) == {}
    assert exists(ada) and exists(bob)

    run(T0 + months(130))
    assert exists(bob)  # in progress: never erased
    assert not exists(ada)  # erased at the latest 24 months after her own decision


def test_a_withdrawn_candidate_is_erased_months_after_the_process_ends():
    w = world_make()
    ada = apply(w.vacancy, "ada@example.org", at=T0)
    with time_machine.travel(T0 + relativedelta(days=5), tick=False):
        application_withdraw(application=ada)
    close(w.vacancy, at=T0 + relativedelta(days=30))
    end = T0 + relativedelta(days=30)

    run(end + months(3) - DAY)
    assert exists(ada)

    counts = run(end + months(3) + DAY)
    assert counts["open-future"]["not_retained"] == 1
    assert not exists(ada)


def test_an_organization_keeping_applications_six_months_keeps_them_at_four():
    w = world_make(retention_months=6)
    ada = apply(w.vacancy, "ada@example.org", at=T0)
    decide(ada, "rejected", at=T0 + DAY, by=w.owner)
    close(w.vacancy, at=T0 + relativedelta(days=30))
    end = T0 + relativedelta(days=30)

    run(end + months(4))
    assert exists(ada)
    run(end + months(6) - DAY)
    assert exists(ada)

    run(end + months(6) + DAY)
    assert not exists(ada)


def test_a_month_end_never_erases_early():
    """31 January + 1 month is 28 February: erased from then, not a day before."""
    w = world_make(retention_months=1)
    ada = apply(w.vacancy, "ada@example.org", at=datetime(2027, 1, 2, 9, tzinfo=UTC))
    decide(ada, "rejected", at=datetime(2027, 1, 3, 9, tzinfo=UTC), by=w.owner)
    close(w.vacancy, at=datetime(2027, 1, 31, 12, tzinfo=UTC))

    run(datetime(2027, 2, 27, 12, tzinfo=UTC))
    assert exists(ada)
    run(datetime(2027, 3, 3, 12, tzinfo=UTC))
    assert not exists(ada)


# --- In progress, and stages of the organization's own ------------------------------------


def test_an_application_in_progress_is_never_erased():
    w = world_make()
    review = stage_add(
        organization=w.organization,
        labels={"en": "Second reading", "fr": "Deuxième lecture"},
        after="received",
        by=w.owner,
    )
    ada = apply(w.vacancy, "ada@example.org", at=T0, consent=True)
    bob = apply(w.vacancy, "bob@example.org", at=T0)
    carl = apply(w.vacancy, "carl@example.org", at=T0)
    decide(bob, review.key, at=T0 + DAY, by=w.owner)
    decide(carl, "rejected", at=T0 + DAY, by=w.owner)
    close(w.vacancy, at=T0 + relativedelta(days=2))

    assert run(T0 + months(200))["open-future"]["not_retained"] == 1
    assert exists(ada) and exists(bob)  # in progress, however long
    assert not exists(carl)  # decided: erased


def test_an_organization_with_its_own_pipeline_erases_by_stage_kind():
    w = world_make()
    stage_add(
        organization=w.organization,
        labels={"en": "Call", "fr": "Appel"},
        after="received",
        by=w.owner,
    )
    ada = apply(w.vacancy, "ada@example.org", at=T0)
    decide(ada, "rejected", at=T0 + DAY, by=w.owner)
    close(w.vacancy, at=T0 + relativedelta(days=2))

    run(T0 + relativedelta(days=2) + months(3) + DAY)
    assert not exists(ada)


# --- Hired ---------------------------------------------------------------------------------


def test_a_hired_candidate_is_kept_until_the_hired_retention_period_ends():
    w = world_make()
    ada = apply(w.vacancy, "ada@example.org", at=T0)
    decide(ada, "hired", at=T0 + months(1), by=w.owner)
    close(w.vacancy, at=T0 + months(1))
    hired = T0 + months(1)

    run(hired + months(3) + DAY)
    assert exists(ada)
    run(hired + months(60) - DAY)
    assert exists(ada)

    counts = run(hired + months(60) + DAY)
    assert counts["open-future"]["hired"] == 1
    assert not exists(ada)


def test_an_owner_sets_how_long_hired_candidates_are_kept():
    w = world_make(hired_retention_months=24)
    ada = apply(w.vacancy, "ada@example.org", at=T0)
    decide(ada, "hired", at=T0, by=w.owner)

    run(T0 + months(24) - DAY)
    assert exists(ada)
    run(T0 + months(24) + DAY)
    assert not exists(ada)


# --- The talent pool -----------------------------------------------------------------------


def pool_world() -> Application:
    """Ada applied at T0 and joined the talent pool; not retained; the vacancy closed."""
    w = world_make()
    ada = apply(w.vacancy, "ada@example.org", at=T0, consent=True)
    decide(ada, "rejected", at=T0 + relativedelta(days=10), by=w.owner)
    close(w.vacancy, at=T0 + relativedelta(days=30))
    return ada


def offers(email: str = "ada@example.org") -> list[OutboxMessage]:
    return list(OutboxMessage.objects.filter(to=email, kind="talent_pool_renewal").order_by("pk"))


def test_the_talent_pool_keeps_past_the_usual_period_offers_once_and_erases_at_expiry():
    ada = pool_world()

    run(T0 + months(4))
    assert exists(ada)  # the usual three months are over: the pool keeps it

    counts = run(T0 + months(23) + DAY)
    assert counts["open-future"]["offers"] == 1
    [offer] = offers()
    assert offer.application == ada
    assert offer.language == "en"
    assert offer.subject == "Stay in the talent pool of Open Future?"
    assert "\n- Campaign lead\n" in offer.body
    assert "erased on 5 January 2028" in offer.body
    assert "/en/application/" in offer.body and "/talent-pool/" in offer.body
    assert offer.headers["Auto-Submitted"] == "auto-generated"
    assert offer.headers["Reply-To"].endswith(f"+r-{offer.reply_token}@open-future.example.org>")
    ada.refresh_from_db()
    assert ada.talent_pool_notice_sent_at == T0 + months(23) + DAY

    assert run(T0 + months(23) + relativedelta(days=2)) == {}  # not twice
    assert len(offers()) == 1
    run(T0 + months(24) - DAY)
    assert exists(ada)

    counts = run(T0 + months(24) + DAY)
    assert counts["open-future"]["talent_pool"] == 1
    assert not exists(ada)
    assert offers() == []  # the offer was about her: erased with her


def test_the_offer_is_in_the_candidates_language():
    w = world_make()
    ada = apply(w.vacancy, "ada@example.org", at=T0, consent=True, language="fr")
    decide(ada, "rejected", at=T0 + DAY, by=w.owner)

    run(T0 + months(23) + DAY)

    [offer] = offers()
    assert offer.language == "fr"
    assert "/fr/application/" in offer.body


def test_a_reply_moves_the_talent_pool_expiry():
    ada = pool_world()
    acknowledgement = OutboxMessage.objects.get(to="ada@example.org", kind="acknowledgement")
    with time_machine.travel(T0 + months(12), tick=False):
        received = inbound_receive(
            raw=mail(
                to="jobs@open-future.example.org",
                sender="Ada <ada@example.org>",
                subject="Re: Application received",
                body="Still interested in working with you!",
                headers={"In-Reply-To": acknowledgement.message_id},
            ),
            channel=InboundMessage.Channel.PIPE,
        )
    assert received.message.status == InboundMessage.Status.THREADED

    run(T0 + months(24) + DAY)
    assert exists(ada)
    assert offers() == []  # the expiry is a year away: no offer yet

    run(T0 + months(35) + DAY)
    assert len(offers()) == 1
    run(T0 + months(36) + DAY)
    assert not exists(ada)
    assert not InboundMessage.objects.filter(pk=received.message.pk).exists()


def test_an_opened_offer_is_not_contact_but_a_new_application_at_the_organization_is():
    ada = pool_world()
    other = vacancy_titled(ada.vacancy.organization, "treasurer", "Treasurer")
    elsewhere = world_make("elsewhere")
    apply(elsewhere.vacancy, "ada@example.org", at=T0 + months(6))  # another organization
    later = apply(other, "ada@example.org", at=T0 + months(20))  # in progress

    run(T0 + months(24) + DAY)
    assert exists(ada)

    run(T0 + months(44) + DAY)
    assert not exists(ada)  # 24 months after the new application
    assert exists(later)  # in progress: never erased
    assert Candidate.objects.filter(email="ada@example.org").exists()


def test_a_new_application_at_another_organization_does_not_move_the_expiry():
    ada = pool_world()
    elsewhere = world_make("elsewhere")
    apply(elsewhere.vacancy, "ada@example.org", at=T0 + months(20))

    run(T0 + months(24) + DAY)
    assert not exists(ada)
    assert Candidate.objects.filter(email="ada@example.org").exists()  # still known elsewhere


# --- Expired exports -----------------------------------------------------------------------


def test_expired_data_exports_lose_their_files(private_files: Path):
    w = world_make()
    ada = apply(w.vacancy, "ada@example.org", at=T0)

    def export(expires_at: datetime) -> DataExport:
        row = DataExport(
            organization=w.organization,
            candidate=ada.candidate,
            language="en",
            status=DataExport.Status.READY,
            expires_at=expires_at,
        )
        row.file.save("export.zip", ContentFile(b"PK fake zip"), save=False)
        row.save()
        return row

    expired, fresh = export(T0 + DAY), export(T0 + relativedelta(days=10))
    expired_name, fresh_name = str(expired.file.name), str(fresh.file.name)
    assert {expired_name, fresh_name} <= stored_files(private_files)

    counts = run(T0 + relativedelta(days=2))

    assert counts["open-future"]["exports"] == 1
    expired.refresh_from_db()
    assert not expired.file  # the row stays, as the record that a copy was given
    assert set(DataExport.objects.all()) == {expired, fresh}
    assert expired_name not in stored_files(private_files)
    assert fresh_name in stored_files(private_files)
    assert exists(ada)


def test_the_daily_run_deletes_rate_counters_whose_window_has_ended():
    start = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    with time_machine.travel(start, tick=False):
        counter_hit(key="login.ip:old", window=900)
        counter_hit(key="login.ip:young", window=86400)
    run(start + relativedelta(hours=2))
    assert list(RateCounter.objects.values_list("key", flat=True)) == ["login.ip:young"]
