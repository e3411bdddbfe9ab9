"""Creating and editing a vacancy in the browser: its fields and its text per language."""

from decimal import Decimal
from typing import Any

import pytest

from tremplin.testing.builders import vacancy_make
from tremplin.vacancies.models import Vacancy
from tremplin.vacancies.tests.conftest import Team, audit_verbs, draft, page_text, snapshot

pytestmark = pytest.mark.django_db

NEW = "/en/staff/communs/vacancies/new/"


def edit_url(slug: str, language: str = "en") -> str:
    return f"/{language}/staff/communs/vacancies/{slug}/edit/"


def form_data(vacancy: Vacancy | None = None, /, **changes: Any) -> dict[str, Any]:
    """What the edit form posts for ``vacancy`` as it is stored (empty for a new one)."""
    data: dict[str, Any] = {
        "kind": "job",
        "employment_type": "",
        "contract_duration_months": "",
        "location": "",
        "remote": "unknown",
        "min_years_experience": "",
        "application_language": "",
        "deadline": "",
        "pay_min": "",
        "pay_max": "",
        "pay_currency": "",
        "pay_period": "",
        "apply_email": "",
        "apply_url": "",
        "reviews_per_answer": "3",
        "blind_review": "on",
        "en-title": "",
        "en-summary": "",
        "en-body": "",
        "fr-title": "",
        "fr-summary": "",
        "fr-body": "",
    }
    if vacancy is not None:
        for name in (
            "kind",
            "employment_type",
            "location",
            "pay_currency",
            "pay_period",
            "apply_email",
            "apply_url",
            "application_language",
        ):
            data[name] = getattr(vacancy, name)
        for name in ("contract_duration_months", "min_years_experience", "pay_min", "pay_max"):
            value = getattr(vacancy, name)
            data[name] = "" if value is None else str(value)
        data["remote"] = {None: "unknown", True: "true", False: "false"}[vacancy.remote]
        data["deadline"] = vacancy.deadline.isoformat() if vacancy.deadline else ""
        data["required_languages"] = list(vacancy.required_languages)
        data["reviews_per_answer"] = str(vacancy.reviews_per_answer)
        if not vacancy.blind_review:
            del data["blind_review"]
        for text in vacancy.texts.all():
            data[f"{text.language}-title"] = text.title
            data[f"{text.language}-summary"] = text.summary
            data[f"{text.language}-body"] = text.body
    data.update(changes)
    return data


def test_a_recruiter_creates_a_draft_vacancy_in_english(team: Team) -> None:
    client = team.client(team.recruiter)
    assert client.get(NEW).status_code == 200

    response = client.post(
        NEW,
        form_data(
            **{
                "en-title": "Community organiser",
                "en-summary": "Bring people together.",
                "en-body": "## What you will do\n\n- Organise",
                "employment_type": "PART_TIME",
                "location": "Lyon",
                "remote": "true",
                "pay_min": "30000",
                "pay_max": "34000",
                "pay_currency": "eur",
                "pay_period": "YEAR",
                "required_languages": ["fr", "en"],
                "application_language": "fr",
                "deadline": "2099-01-31",
            }
        ),
    )

    vacancy = Vacancy.objects.get(organization=team.organization)
    assert response.status_code == 302
    assert response["Location"] == edit_url("community-organiser")
    assert vacancy.slug == "community-organiser"
    assert vacancy.status == Vacancy.Status.DRAFT
    assert (vacancy.employment_type, vacancy.location, vacancy.remote) == (
        "PART_TIME",
        "Lyon",
        True,
    )
    assert (vacancy.pay_min, vacancy.pay_max, vacancy.pay_currency, vacancy.pay_period) == (
        Decimal("30000"),
        Decimal("34000"),
        "EUR",
        "YEAR",
    )
    assert sorted(vacancy.required_languages) == ["en", "fr"]
    assert vacancy.application_language == "fr"
    text = vacancy.texts.get()
    assert (text.language, text.title, text.body) == (
        "en",
        "Community organiser",
        "## What you will do\n\n- Organise",
    )
    assert audit_verbs() == ["vacancy.create"]
    assert "Created the draft" in page_text(client.get(response["Location"]))


def test_a_vacancy_needs_a_text_in_some_language(team: Team) -> None:
    response = team.client(team.recruiter).post(NEW, form_data(location="Paris"))

    assert response.status_code == 400
    assert "needs a text in at least one language" in page_text(response)
    assert not Vacancy.objects.exists()


def test_a_body_without_a_title_is_refused(team: Team) -> None:
    response = team.client(team.recruiter).post(NEW, form_data(**{"fr-body": "Du texte"}))

    assert response.status_code == 400
    assert "Give the title in this language." in page_text(response)
    assert not Vacancy.objects.exists()


def test_adding_the_french_text_makes_a_second_text_of_the_same_vacancy(team: Team) -> None:
    vacancy = draft(team.organization)
    client = team.client(team.recruiter)

    response = client.post(
        edit_url(vacancy.slug),
        form_data(
            vacancy,
            **{"fr-title": "Analyste des politiques publiques", "fr-body": "## Le poste"},
        ),
    )

    assert response.status_code == 302
    assert Vacancy.objects.count() == 1
    assert sorted(vacancy.texts.values_list("language", flat=True)) == ["en", "fr"]
    assert vacancy.texts.get(language="fr").title == "Analyste des politiques publiques"
    assert audit_verbs() == ["vacancy.update"]


def test_a_language_is_removed_only_when_asked(team: Team) -> None:
    vacancy = vacancy_make(
        team.organization,
        "bilingual",
        status=Vacancy.Status.DRAFT,
        texts={"en": ("Analyst", "Text"), "fr": ("Analyste", "Texte")},
    )
    client = team.client(team.recruiter)
    before = snapshot(vacancy)

    emptied = client.post(
        edit_url("bilingual"), form_data(vacancy, **{"fr-title": "", "fr-body": ""})
    )
    assert emptied.status_code == 400
    assert "tick “Remove this language’s text”" in page_text(emptied)
    assert snapshot(vacancy) == before

    removed = client.post(edit_url("bilingual"), form_data(vacancy, **{"fr-remove": "on"}))
    assert removed.status_code == 302
    assert list(vacancy.texts.values_list("language", flat=True)) == ["en"]


def test_the_preview_button_shows_the_rendered_text_and_saves_nothing(team: Team) -> None:
    vacancy = draft(team.organization)
    before = snapshot(vacancy)

    response = team.client(team.recruiter).post(
        edit_url(vacancy.slug),
        form_data(
            vacancy,
            preview="1",
            **{"en-body": "## Missions\n\n- **Lead** the team\n\n<script>alert(1)</script>"},
        ),
    )

    html = page_text(response)
    assert response.status_code == 200
    assert "<h4>Missions</h4>" in html and "<strong>Lead</strong>" in html
    assert "<script>alert(1)" not in html
    assert "nothing is saved" in html
    assert snapshot(vacancy) == before


def test_the_editor_warns_about_a_french_title_in_the_masculine_only(team: Team) -> None:
    vacancy = vacancy_make(
        team.organization,
        "directeur",
        status=Vacancy.Status.DRAFT,
        texts={"fr": ("Directeur des programmes", "Texte")},
    )

    html = page_text(team.client(team.recruiter).get(edit_url(vacancy.slug)))

    assert "masculine only" in html and "“Directeur·rice”" in html


def test_an_inclusive_french_title_gets_no_warning(team: Team) -> None:
    vacancy = vacancy_make(
        team.organization,
        "directeur",
        status=Vacancy.Status.DRAFT,
        texts={"fr": ("Directeur·rice des programmes", "Texte")},
    )
    html = page_text(team.client(team.recruiter).get(edit_url(vacancy.slug)))
    assert "masculine only" not in html


def test_a_pay_range_upside_down_is_refused_and_nothing_changes(team: Team) -> None:
    vacancy = draft(team.organization)
    before = snapshot(vacancy)

    response = team.client(team.recruiter).post(
        edit_url(vacancy.slug), form_data(vacancy, pay_min="50000", pay_max="40000")
    )

    assert response.status_code == 400
    assert "The maximum pay is below the minimum." in page_text(response)
    assert snapshot(vacancy) == before


def test_a_published_job_cannot_lose_its_pay_range(team: Team) -> None:
    vacancy = vacancy_make(team.organization, "live")
    before = snapshot(vacancy)

    response = team.client(team.recruiter).post(
        edit_url("live"), form_data(vacancy, pay_min="", pay_max="")
    )

    assert response.status_code == 400
    html = page_text(response)
    assert "these changes were not saved" in html
    assert "without a pay range" in html
    assert snapshot(vacancy) == before


def test_the_refusal_to_drop_the_pay_range_is_in_french_on_the_french_page(team: Team) -> None:
    vacancy = vacancy_make(team.organization, "live")

    response = team.client(team.recruiter).post(
        edit_url("live", "fr"), form_data(vacancy, pay_min="", pay_max="")
    )

    assert response.status_code == 400
    assert "sans fourchette de rémunération" in page_text(response)


def test_reviewers_and_outsiders_get_404(team: Team) -> None:
    vacancy = draft(team.organization)
    vacancy.reviewers.add(team.reviewer)
    before = snapshot(vacancy)
    for user in (team.reviewer, team.outsider):
        client = team.client(user)
        assert client.get(edit_url(vacancy.slug)).status_code == 404
        assert client.get(NEW).status_code == 404
        changed = form_data(vacancy, location="Nowhere")
        assert client.post(edit_url(vacancy.slug), changed).status_code == 404
        assert client.post(NEW, form_data(**{"en-title": "Sneaky"})).status_code == 404
    assert snapshot(vacancy) == before
    assert Vacancy.objects.count() == 1


def test_a_vacancy_of_another_organization_is_404_under_ones_own(team: Team) -> None:
    draft(team.elsewhere, "theirs")
    assert team.client(team.owner).get(edit_url("theirs")).status_code == 404
