"""Application questions in the editor: worded per language, with a word limit, required
or not, reviewed blind or not; a question asking for pay history is warned about."""

import pytest

from tremplin.vacancies.models import Question, QuestionText, Vacancy
from tremplin.vacancies.tests.conftest import Team, audit_verbs, draft, page_text, snapshot

pytestmark = pytest.mark.django_db


def base(vacancy: Vacancy, language: str = "en") -> str:
    return f"/{language}/staff/communs/vacancies/{vacancy.slug}/questions/"


def question(vacancy: Vacancy, en: str, fr: str = "") -> Question:
    made = Question.objects.create(vacancy=vacancy, position=vacancy.questions.count())
    QuestionText.objects.create(question=made, language="en", text=en)
    if fr:
        QuestionText.objects.create(question=made, language="fr", text=fr)
    return made


def order(vacancy: Vacancy) -> list[str]:
    return [str(q) for q in vacancy.questions.order_by("position", "pk").prefetch_related("texts")]


@pytest.fixture
def vacancy(team: Team) -> Vacancy:
    vacancy = draft(team.organization)
    question(vacancy, "Why this role?", "Pourquoi ce poste ?")
    question(vacancy, "Tell us about a campaign you ran.")
    return vacancy


def test_the_questions_are_listed_with_their_settings(team: Team, vacancy: Vacancy) -> None:
    html = page_text(team.client(team.recruiter).get(base(vacancy)))
    assert html.index("Why this role?") < html.index("Tell us about a campaign")
    assert "Pourquoi ce poste ?" in html
    assert "Up to 250 words" in html and "reviewed blind" in html


def test_a_new_question_has_a_word_limit_of_250_by_default(team: Team, vacancy: Vacancy) -> None:
    client = team.client(team.recruiter)
    assert 'value="250"' in page_text(client.get(base(vacancy) + "new/"))

    response = client.post(
        base(vacancy) + "new/",
        {
            "en-text": "What would you do first?",
            "fr-text": "Que feriez-vous en premier ?",
            "word_limit": "250",
            "required": "on",
        },
    )

    added = vacancy.questions.order_by("-position").first()
    assert added is not None
    assert response.status_code == 302
    assert response["Location"] == base(vacancy) + f"#question-{added.pk}"
    assert (added.word_limit, added.required, added.blind_review, added.position) == (
        250,
        True,
        False,
        2,
    )
    assert added.texts.get(language="fr").text == "Que feriez-vous en premier ?"
    assert audit_verbs() == ["question.create"]


def test_a_question_is_edited_and_marked_for_blind_review(team: Team, vacancy: Vacancy) -> None:
    why = vacancy.questions.get(texts__text="Why this role?")

    team.client(team.recruiter).post(
        base(vacancy) + f"{why.pk}/",
        {
            "en-text": "Why this role, now?",
            "fr-text": "",
            "word_limit": "150",
            "blind_review": "on",
        },
    )

    why.refresh_from_db()
    assert (why.word_limit, why.required, why.blind_review) == (150, False, True)
    assert list(why.texts.values_list("language", "text")) == [("en", "Why this role, now?")]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"en-text": "Why?", "word_limit": "5"}, "Enter a number from 10 to 2000."),
        ({"en-text": "Why?", "word_limit": "many"}, "Enter a whole number."),
        ({"en-text": " ", "fr-text": "", "word_limit": "250"}, "at least one language"),
    ],
)
def test_a_bad_question_is_refused_and_nothing_changes(
    team: Team, vacancy: Vacancy, data: dict[str, str], message: str
) -> None:
    why = vacancy.questions.get(texts__text="Why this role?")
    before = snapshot(vacancy)
    client = team.client(team.recruiter)
    for url in (base(vacancy) + f"{why.pk}/", base(vacancy) + "new/"):
        response = client.post(url, data)
        assert response.status_code == 400
        assert message in page_text(response)
    assert snapshot(vacancy) == before


@pytest.mark.parametrize(
    "wording",
    [
        "Quel est votre salaire actuel ?",
        "Indiquez votre dernier salaire.",
        "What is your current salary?",
        "Please state your previous pay.",
    ],
)
def test_a_question_about_pay_history_is_saved_with_a_warning(
    team: Team, vacancy: Vacancy, wording: str
) -> None:
    client = team.client(team.recruiter)

    response = client.post(
        base(vacancy) + "new/", {"en-text": wording, "word_limit": "250"}, follow=True
    )

    html = page_text(response)
    assert vacancy.questions.count() == 3
    assert "current or past pay" in html and "2023/970" in html
    assert html.count("current or past pay") == 2  # the message, and the question in the list


def test_the_pay_history_warning_is_in_the_page_language(team: Team, vacancy: Vacancy) -> None:
    question(vacancy, "What was your last salary?")
    html = page_text(team.client(team.recruiter).get(base(vacancy, "fr")))
    assert "rémunération actuelle ou passée" in html


def test_a_question_about_expectations_gets_no_warning(team: Team, vacancy: Vacancy) -> None:
    question(vacancy, "What are your salary expectations?")
    assert "current or past pay" not in page_text(team.client(team.recruiter).get(base(vacancy)))


def test_deleting_asks_for_a_confirmation_first(team: Team, vacancy: Vacancy) -> None:
    why = vacancy.questions.get(texts__text="Why this role?")
    client = team.client(team.recruiter)
    before = snapshot(vacancy)

    confirm = client.get(base(vacancy) + f"{why.pk}/delete/")
    assert "Delete the question?" in page_text(confirm)
    assert snapshot(vacancy) == before

    client.post(base(vacancy) + f"{why.pk}/delete/")
    assert order(vacancy) == ["Tell us about a campaign you ran."]
    assert vacancy.questions.get().position == 0
    assert audit_verbs() == ["question.delete"]


def test_questions_move_up_and_down(team: Team, vacancy: Vacancy) -> None:
    campaign = vacancy.questions.get(texts__text__startswith="Tell us")
    client = team.client(team.recruiter)

    client.post(base(vacancy) + f"{campaign.pk}/move/", {"direction": "up"})
    assert order(vacancy) == ["Tell us about a campaign you ran.", "Why this role?"]

    client.post(base(vacancy) + f"{campaign.pk}/move/", {"direction": "sideways"})
    client.post(base(vacancy) + f"{campaign.pk}/move/", {"direction": "up"})
    assert order(vacancy) == ["Tell us about a campaign you ran.", "Why this role?"]
    assert audit_verbs() == ["question.move"]


def test_reviewers_and_outsiders_get_404_and_change_nothing(team: Team, vacancy: Vacancy) -> None:
    vacancy.reviewers.add(team.reviewer)
    why = vacancy.questions.get(texts__text="Why this role?")
    before = snapshot(vacancy)
    data = {"en-text": "Changed", "word_limit": "100"}
    for user in (team.reviewer, team.outsider):
        client = team.client(user)
        assert client.get(base(vacancy)).status_code == 404
        assert client.get(base(vacancy) + f"{why.pk}/").status_code == 404
        assert client.post(base(vacancy) + f"{why.pk}/", data).status_code == 404
        assert client.post(base(vacancy) + "new/", data).status_code == 404
        assert client.post(base(vacancy) + f"{why.pk}/delete/").status_code == 404
        assert (
            client.post(base(vacancy) + f"{why.pk}/move/", {"direction": "down"}).status_code == 404
        )
    assert snapshot(vacancy) == before
