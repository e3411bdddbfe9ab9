import datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from tremplin.testing.builders import organization_make, vacancy_make
from tremplin.vacancies import services
from tremplin.vacancies.models import Vacancy

pytestmark = pytest.mark.django_db


def draft(**fields: Any) -> Vacancy:
    organization = organization_make("maison-des-communs", "Maison des Communs")
    fields.setdefault("date_posted", None)
    return vacancy_make(organization, "analyst", status=Vacancy.Status.DRAFT, **fields)


def snapshot(vacancy: Vacancy) -> dict:
    return dict(Vacancy.objects.filter(pk=vacancy.pk).values().get())


def test_a_complete_paid_job_is_published_and_dated_today() -> None:
    vacancy = draft()
    services.vacancy_publish(vacancy=vacancy)
    vacancy.refresh_from_db()
    assert vacancy.status == Vacancy.Status.PUBLISHED
    assert vacancy.date_posted == timezone.localdate()


def test_publishing_keeps_an_earlier_date_posted() -> None:
    earlier = timezone.localdate() - datetime.timedelta(days=10)
    vacancy = draft(date_posted=earlier)
    services.vacancy_publish(vacancy=vacancy)
    vacancy.refresh_from_db()
    assert vacancy.date_posted == earlier


@pytest.mark.parametrize(
    "missing",
    [
        {"pay_min": None, "pay_max": None, "pay_currency": "", "pay_period": ""},
        {"pay_max": None},
        {"pay_currency": ""},
        {"pay_period": ""},
    ],
)
def test_a_paid_job_without_a_pay_range_is_refused_and_nothing_changes(missing: dict) -> None:
    vacancy = draft(**missing)
    before = snapshot(vacancy)

    with pytest.raises(ValidationError) as refused:
        services.vacancy_publish(vacancy=vacancy)

    assert any("pay range" in message for message in refused.value.messages)
    assert any("Pay Transparency Directive" in message for message in refused.value.messages)
    assert snapshot(vacancy) == before
    assert before["status"] == Vacancy.Status.DRAFT


def test_a_volunteer_role_needs_no_pay_range() -> None:
    vacancy = draft(
        kind=Vacancy.Kind.VOLUNTEER,
        employment_type=Vacancy.EmploymentType.VOLUNTEER,
        pay_min=None,
        pay_max=None,
        pay_currency="",
        pay_period="",
    )
    services.vacancy_publish(vacancy=vacancy)
    vacancy.refresh_from_db()
    assert vacancy.status == Vacancy.Status.PUBLISHED


def test_a_deadline_in_the_past_is_refused_and_nothing_changes() -> None:
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    vacancy = draft(deadline=yesterday)
    before = snapshot(vacancy)

    with pytest.raises(ValidationError) as refused:
        services.vacancy_publish(vacancy=vacancy)

    assert refused.value.messages == [f"The deadline ({yesterday}) is in the past."]
    assert snapshot(vacancy) == before


def test_a_deadline_today_is_still_accepted() -> None:
    vacancy = draft(deadline=timezone.localdate())
    services.vacancy_publish(vacancy=vacancy)
    assert vacancy.status == Vacancy.Status.PUBLISHED


def test_every_problem_is_named_at_once() -> None:
    vacancy = draft(pay_min=None, deadline=timezone.localdate() - datetime.timedelta(days=3))
    with pytest.raises(ValidationError) as refused:
        services.vacancy_publish(vacancy=vacancy)
    assert len(refused.value.messages) == 2


def test_a_vacancy_without_any_text_is_refused() -> None:
    vacancy = draft()
    vacancy.texts.all().delete()
    with pytest.raises(ValidationError) as refused:
        services.vacancy_publish(vacancy=vacancy)
    assert refused.value.messages == ["The vacancy has no text in any language."]
    vacancy.refresh_from_db()
    assert vacancy.status == Vacancy.Status.DRAFT


def test_the_refusal_is_worded_in_the_active_language() -> None:
    vacancy = draft(pay_period="")
    with translation.override("fr"), pytest.raises(ValidationError) as refused:
        services.vacancy_publish(vacancy=vacancy)
    assert "fourchette de rémunération" in refused.value.messages[0]


def test_closing_then_reopening_applies_the_publishing_rules_again() -> None:
    vacancy = draft()
    services.vacancy_publish(vacancy=vacancy)
    services.vacancy_close(vacancy=vacancy)
    vacancy.refresh_from_db()
    assert vacancy.status == Vacancy.Status.CLOSED

    Vacancy.objects.filter(pk=vacancy.pk).update(
        deadline=timezone.localdate() - datetime.timedelta(days=1)
    )
    vacancy.refresh_from_db()
    before = snapshot(vacancy)
    with pytest.raises(ValidationError):
        services.vacancy_reopen(vacancy=vacancy)
    assert snapshot(vacancy) == before

    Vacancy.objects.filter(pk=vacancy.pk).update(deadline=None)
    vacancy.refresh_from_db()
    services.vacancy_reopen(vacancy=vacancy)
    vacancy.refresh_from_db()
    assert vacancy.status == Vacancy.Status.PUBLISHED
