"""/api/v1/vacancies: list, get by id or slug, create, update, publish and close, with the
editor's rules: a paid job needs a pay range to be published, and the refusal names it."""

import pytest

from tremplin.core.models import AuditEvent
from tremplin.testing.builders import vacancy_make
from tremplin.vacancies.models import Vacancy

pytestmark = pytest.mark.django_db

NEW = {
    "kind": "job",
    "employment_type": "FULL_TIME",
    "location": "Lyon",
    "texts": {"en": {"title": "Treasurer", "body": "Keep the books."}},
}


def test_it_lists_the_organizations_vacancies_a_page_at_a_time(api, vacancy, team):
    for number in range(3):
        vacancy_make(vacancy.organization, f"role-{number}")
    vacancy_make(team.outsider.memberships.get().organization, "not-ours")
    first = api.get("/api/v1/vacancies", limit=2).json()
    assert [item["slug"] for item in first["items"]] == ["campaign-lead", "role-0"]
    second = api.get("/api/v1/vacancies", limit=2, cursor=first["next"]).json()
    assert [item["slug"] for item in second["items"]] == ["role-1", "role-2"]
    assert second["next"] is None
    assert api.get("/api/v1/vacancies", cursor="nonsense").status_code == 400


def test_it_gets_a_vacancy_by_id_or_slug_with_its_texts(api, vacancy):
    by_id = api.get(f"/api/v1/vacancies/{vacancy.pk}").json()
    by_slug = api.get("/api/v1/vacancies/campaign-lead").json()
    assert by_id == by_slug
    assert by_id["status"] == "published"
    assert {text["language"]: text["title"] for text in by_id["texts"]} == {
        "en": "Campaign lead",
        "fr": "Responsable de campagne",
    }


def test_another_organizations_vacancy_is_404_as_if_it_did_not_exist(api, team):
    theirs = vacancy_make(team.outsider.memberships.get().organization, "theirs")
    for path in (f"/api/v1/vacancies/{theirs.pk}", "/api/v1/vacancies/theirs"):
        assert api.get(path).status_code == 404
        assert api.patch(path, {"location": "Nice"}).status_code == 404
        assert api.post(path + "/close").status_code == 404
    assert api.get("/api/v1/vacancies/999999").json()["code"] == "not_found"
    theirs.refresh_from_db()
    assert (theirs.location, theirs.status) == ("Paris", "published")


def test_it_creates_a_draft_through_the_editors_service(api, team):
    answer = api.post("/api/v1/vacancies", NEW)
    assert answer.status_code == 201, answer.content
    made = answer.json()
    assert (made["slug"], made["status"], made["location"]) == ("treasurer", "draft", "Lyon")
    assert AuditEvent.objects.filter(verb="vacancy.create", actor=team.owner).exists()


def test_a_vacancy_without_text_is_refused_with_a_message_and_nothing_is_stored(api):
    answer = api.post("/api/v1/vacancies", {**NEW, "texts": {}})
    assert answer.status_code == 422
    assert "text" in answer.json()["detail"]
    assert Vacancy.objects.count() == 1  # the fixture's own


def test_publishing_a_paid_job_without_pay_range_is_refused_naming_the_rule(api):
    slug = api.post("/api/v1/vacancies", NEW).json()["slug"]
    answer = api.post(f"/api/v1/vacancies/{slug}/publish")
    assert answer.status_code == 422
    body = answer.json()
    assert body["code"] == "pay_range_required"
    assert "pay range" in body["detail"]
    assert [error["code"] for error in body["errors"]] == ["pay_range_required"]
    assert Vacancy.objects.get(slug=slug).status == "draft"

    patched = api.patch(
        f"/api/v1/vacancies/{slug}",
        {"pay_min": "30000", "pay_max": "36000", "pay_currency": "EUR", "pay_period": "YEAR"},
    )
    assert patched.status_code == 200, patched.content
    assert patched.json()["location"] == "Lyon"  # untouched
    published = api.post(f"/api/v1/vacancies/{slug}/publish")
    assert published.status_code == 200
    assert published.json()["status"] == "published"
    again = api.post(f"/api/v1/vacancies/{slug}/publish")
    assert again.status_code == 409
    assert again.json()["code"] == "state"


def test_a_published_vacancy_cannot_lose_its_pay_range_through_patch(api, vacancy):
    answer = api.patch(f"/api/v1/vacancies/{vacancy.slug}", {"pay_min": None})
    assert answer.status_code == 422
    vacancy.refresh_from_db()
    assert vacancy.pay_min is not None


def test_closing_a_vacancy(api, vacancy, team):
    answer = api.post(f"/api/v1/vacancies/{vacancy.pk}/close")
    assert answer.status_code == 200
    assert answer.json()["status"] == "closed"
    assert AuditEvent.objects.filter(verb="vacancy.close", actor=team.owner).exists()
    assert api.post(f"/api/v1/vacancies/{vacancy.pk}/close").status_code == 409


def test_patch_changes_a_text_and_removes_another(api, vacancy):
    answer = api.patch(
        f"/api/v1/vacancies/{vacancy.slug}",
        {"texts": {"en": {"title": "Campaign lead (Paris)"}, "fr": None}},
    )
    assert answer.status_code == 200, answer.content
    assert [(t["language"], t["title"]) for t in answer.json()["texts"]] == [
        ("en", "Campaign lead (Paris)")
    ]


def test_a_request_that_is_not_json_of_the_schema_gets_422_json(api):
    answer = api.post("/api/v1/vacancies", {"kind": "job"})
    assert answer.status_code == 422
    assert answer.json()["code"] == "invalid"
    assert answer.json()["errors"][0]["field"].endswith("texts")
