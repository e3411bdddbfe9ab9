"""Criteria in the editor: listed by kind, worded per language with a scoring guide,
weighted, added, deleted after a confirmation, and moved up or down without JavaScript."""

import pytest

from tremplin.vacancies.models import Criterion, CriterionText, Vacancy
from tremplin.vacancies.tests.conftest import Team, audit_verbs, draft, page_text, snapshot

pytestmark = pytest.mark.django_db


def base(vacancy: Vacancy, language: str = "en") -> str:
    return f"/{language}/staff/communs/vacancies/{vacancy.slug}/criteria/"


def criterion(vacancy: Vacancy, kind: str, en: str, fr: str = "", weight: int = 1) -> Criterion:
    last = vacancy.criteria.order_by("-position").first()
    made = Criterion.objects.create(
        vacancy=vacancy, kind=kind, weight=weight, position=last.position + 1 if last else 0
    )
    CriterionText.objects.create(criterion=made, language="en", text=en)
    if fr:
        CriterionText.objects.create(criterion=made, language="fr", text=fr)
    return made


def order(vacancy: Vacancy, kind: str) -> list[str]:
    criteria = vacancy.criteria.filter(kind=kind).order_by("position", "pk")
    return [str(c) for c in criteria.prefetch_related("texts")]


@pytest.fixture
def vacancy(team: Team) -> Vacancy:
    vacancy = draft(team.organization)
    criterion(vacancy, "must", "Five years in public policy", "Cinq ans en politiques publiques")
    criterion(vacancy, "must", "Fluent French")
    criterion(vacancy, "nice", "Knows the EU institutions")
    criterion(vacancy, "quality", "Calm under pressure")
    return vacancy


def test_the_criteria_are_listed_by_kind_in_both_languages(team: Team, vacancy: Vacancy) -> None:
    response = team.client(team.recruiter).get(base(vacancy))

    html = page_text(response)
    assert response.status_code == 200
    must, nice, quality = (
        html.index(label) for label in ("Must have", "Nice to have", "Personal quality")
    )
    assert must < html.index("Five years in public policy") < html.index("Fluent French") < nice
    assert nice < html.index("Knows the EU institutions") < quality < html.index("Calm under")
    assert "Cinq ans en politiques publiques" in html
    assert "no scoring guide" in html
    assert "Weight 1 of 5" in html


def test_a_recruiter_adds_a_criterion_with_its_scoring_guide_in_two_languages(
    team: Team, vacancy: Vacancy
) -> None:
    response = team.client(team.recruiter).post(
        base(vacancy) + "new/",
        {
            "kind": "nice",
            "weight": "3",
            "en-text": "Has run a campaign",
            "en-guide_1": "Never took part in one",
            "en-guide_3": "Took part in one",
            "en-guide_5": "Led one that changed a law",
            "fr-text": "A mené une campagne",
            "fr-guide_1": "",
            "fr-guide_3": "",
            "fr-guide_5": "A mené une campagne qui a changé une loi",
        },
    )

    added = vacancy.criteria.order_by("-position").first()
    assert added is not None
    assert response.status_code == 302
    assert response["Location"] == base(vacancy) + f"#criterion-{added.pk}"
    assert (added.kind, added.weight, added.position) == ("nice", 3, 4)
    english = added.texts.get(language="en")
    assert (english.text, english.guide_1, english.guide_5) == (
        "Has run a campaign",
        "Never took part in one",
        "Led one that changed a law",
    )
    assert added.texts.get(language="fr").guide_5 == "A mené une campagne qui a changé une loi"
    assert audit_verbs() == ["criterion.create"]


def test_a_recruiter_changes_a_criterions_kind_weight_and_wording(
    team: Team, vacancy: Vacancy
) -> None:
    fluent = vacancy.criteria.get(texts__text="Fluent French")
    client = team.client(team.recruiter)
    page = page_text(client.get(base(vacancy) + f"{fluent.pk}/"))
    assert "Fluent French" in page and "What a 5 looks like" in page

    response = client.post(
        base(vacancy) + f"{fluent.pk}/",
        {"kind": "nice", "weight": "5", "en-text": "French at C1 level", "fr-text": "Français C1"},
    )

    assert response.status_code == 302
    fluent.refresh_from_db()
    assert (fluent.kind, fluent.weight) == ("nice", 5)
    assert fluent.texts.get(language="en").text == "French at C1 level"
    assert fluent.texts.get(language="fr").text == "Français C1"
    assert audit_verbs() == ["criterion.update"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"kind": "must", "weight": "6", "en-text": "x"}, "Select a valid choice"),
        ({"kind": "must", "weight": "0", "en-text": "x"}, "Select a valid choice"),
        ({"kind": "always", "weight": "2", "en-text": "x"}, "Select a valid choice"),
        ({"kind": "must", "weight": "2", "en-text": "", "fr-guide_1": "rien"}, "empty its guide"),
        ({"kind": "must", "weight": "2", "en-text": " ", "fr-text": ""}, "at least one language"),
    ],
)
def test_a_bad_criterion_is_refused_and_nothing_changes(
    team: Team, vacancy: Vacancy, data: dict[str, str], message: str
) -> None:
    fluent = vacancy.criteria.get(texts__text="Fluent French")
    before = snapshot(vacancy)
    client = team.client(team.recruiter)

    edited = client.post(base(vacancy) + f"{fluent.pk}/", data)
    added = client.post(base(vacancy) + "new/", data)

    for response in (edited, added):
        assert response.status_code == 400
        assert message in page_text(response)
        assert "Nothing was saved" in page_text(response)
    assert snapshot(vacancy) == before


def test_deleting_asks_for_a_confirmation_first(team: Team, vacancy: Vacancy) -> None:
    fluent = vacancy.criteria.get(texts__text="Fluent French")
    client = team.client(team.recruiter)
    before = snapshot(vacancy)

    confirm = client.get(base(vacancy) + f"{fluent.pk}/delete/")
    assert confirm.status_code == 200
    assert "Delete the criterion?" in page_text(confirm) and "Fluent French" in page_text(confirm)
    assert snapshot(vacancy) == before

    response = client.post(base(vacancy) + f"{fluent.pk}/delete/")
    assert response.status_code == 302
    assert not Criterion.objects.filter(pk=fluent.pk).exists()
    assert list(vacancy.criteria.order_by("position").values_list("position", flat=True)) == [
        0,
        1,
        2,
    ]
    assert audit_verbs() == ["criterion.delete"]


def test_criteria_move_up_and_down_within_their_kind(team: Team, vacancy: Vacancy) -> None:
    client = team.client(team.recruiter)
    fluent = vacancy.criteria.get(texts__text="Fluent French")

    response = client.post(base(vacancy) + f"{fluent.pk}/move/", {"direction": "up"})

    assert response.status_code == 302
    assert response["Location"].endswith(f"#criterion-{fluent.pk}")
    assert order(vacancy, "must") == ["Fluent French", "Five years in public policy"]

    client.post(base(vacancy) + f"{fluent.pk}/move/", {"direction": "up"})  # already first
    assert order(vacancy, "must") == ["Fluent French", "Five years in public policy"]

    client.post(base(vacancy) + f"{fluent.pk}/move/", {"direction": "down"})
    assert order(vacancy, "must") == ["Five years in public policy", "Fluent French"]
    assert audit_verbs() == ["criterion.move", "criterion.move"]


def test_the_move_buttons_are_real_buttons_in_a_form(team: Team, vacancy: Vacancy) -> None:
    html = page_text(team.client(team.recruiter).get(base(vacancy)))
    assert html.count('name="direction" value="up"') == 4
    assert 'value="up" class="secondary small" disabled' in html


def test_a_criterion_of_another_vacancy_is_404(team: Team, vacancy: Vacancy) -> None:
    other = draft(team.organization, "other")
    theirs = criterion(other, "must", "Other")
    client = team.client(team.recruiter)
    assert client.get(base(vacancy) + f"{theirs.pk}/").status_code == 404
    assert client.post(base(vacancy) + f"{theirs.pk}/delete/").status_code == 404
    assert Criterion.objects.filter(pk=theirs.pk).exists()


def test_reviewers_and_outsiders_get_404_and_change_nothing(team: Team, vacancy: Vacancy) -> None:
    vacancy.reviewers.add(team.reviewer)
    fluent = vacancy.criteria.get(texts__text="Fluent French")
    before = snapshot(vacancy)
    for user in (team.reviewer, team.outsider):
        client = team.client(user)
        assert client.get(base(vacancy)).status_code == 404
        assert client.get(base(vacancy) + "new/").status_code == 404
        assert client.get(base(vacancy) + f"{fluent.pk}/").status_code == 404
        data = {"kind": "nice", "weight": "5", "en-text": "x"}
        assert client.post(base(vacancy) + f"{fluent.pk}/", data).status_code == 404
        assert client.post(base(vacancy) + "new/", data).status_code == 404
        assert client.post(base(vacancy) + f"{fluent.pk}/delete/").status_code == 404
        assert (
            client.post(base(vacancy) + f"{fluent.pk}/move/", {"direction": "up"}).status_code
            == 404
        )
    assert snapshot(vacancy) == before


def test_the_criteria_page_speaks_french(team: Team, vacancy: Vacancy) -> None:
    html = page_text(team.client(team.recruiter).get(base(vacancy, "fr")))
    assert "Critères" in html
