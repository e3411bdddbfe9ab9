"""Message templates: per organization and language, with variables checked and previewed."""

import pytest

from tremplin.applications.intake.submit import application_submit
from tremplin.core.models import AuditEvent
from tremplin.messaging.models import MessageTemplate, MessageTemplateText, OutboxMessage
from tremplin.testing.staff import staff_login

pytestmark = pytest.mark.django_db


def url(tail="", language="en") -> str:
    return f"/{language}/staff/example/messages/{tail}"


def form_data(**overrides) -> dict[str, str]:
    data = {
        "kind": "interview",
        "name": "By video",
        "subject_en": "Interview: {{ vacancy_title }}",
        "body_en": "Hello {{ candidate_name }}, let us talk.\n{{ recruiter_name }}",
        "subject_fr": "Entretien : {{ vacancy_title }}",
        "body_fr": "Bonjour {{ candidate_name }}, parlons-en.\n{{ recruiter_name }}",
        "action": "save",
    }
    return {**data, **overrides}


def apply(vacancy, *, email="ada@example.net", name="Ada Lovelace", language="en"):
    return application_submit(
        vacancy=vacancy, name=name, email=email, letter_text="I apply.", language=language
    )


@pytest.mark.parametrize("role", ["owner", "recruiter"])
def test_recruiters_and_owners_see_each_kind_and_whether_tremplin_s_text_is_used(
    client, team, role
):
    response = staff_login(client, team.member(role)).get(url())

    assert response.status_code == 200
    html = response.content.decode()
    kinds = (
        "Acknowledgement",
        "Rejection",
        "Invitation to interview",
        "Still in progress",
        "Request for references",
        "Offer",
        "Free message",
    )
    for kind in kinds:
        assert kind in html
    assert html.count("Write your own:") == len(kinds)


@pytest.mark.parametrize("kind", ["progress", "references", "offer"])
def test_the_later_stages_messages_start_from_tremplin_s_text_in_each_language(client, team, kind):
    staff_login(client, team.recruiter)
    response = client.get(url("templates/add/") + f"?kind={kind}")
    form = response.context["form"]
    assert form.initial["kind"] == kind
    for language in ("en", "fr"):
        assert "{{ candidate_name }}" in form.initial[f"body_{language}"]
        assert "{{ vacancy_title }}" in form.initial[f"subject_{language}"]
    french = client.get(url("templates/add/", language="fr") + f"?kind={kind}")
    assert french.context["form"].initial["body_fr"] != form.initial["body_en"]


@pytest.mark.parametrize("role", ["reviewer", "outsider"])
def test_reviewers_and_outsiders_get_not_found_and_change_nothing(client, team, role):
    member = staff_login(client, team.member(role))
    assert member.get(url()).status_code == 404
    assert member.post(url("templates/add/"), form_data()).status_code == 404
    assert not MessageTemplate.objects.exists()


def test_a_new_template_starts_from_tremplin_s_text_in_each_language(client, team):
    response = staff_login(client, team.recruiter).get(url("templates/add/") + "?kind=rejection")

    form = response.context["form"]
    assert form.initial["kind"] == "rejection"
    assert "{{ candidate_name }}" in form.initial["body_en"]
    assert "{{ status_url }}" in form.initial["body_fr"]


def test_a_template_is_saved_with_a_text_per_language_and_logged(client, team):
    response = staff_login(client, team.recruiter).post(url("templates/add/"), form_data())

    assert response.status_code == 302
    template = MessageTemplate.objects.get()
    assert (template.kind, template.name) == ("interview", "By video")
    texts = {text.language: text for text in template.texts.all()}
    assert texts["fr"].subject == "Entretien : {{ vacancy_title }}"
    assert texts["en"].body.startswith("Hello {{ candidate_name }}")
    assert AuditEvent.objects.filter(verb="message_template.create", actor=team.recruiter).exists()


def test_the_preview_fills_the_variables_for_a_made_up_candidate_and_saves_nothing(client, team):
    response = staff_login(client, team.recruiter).post(
        url("templates/add/"), form_data(action="preview")
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "Hello Camille Martin, let us talk." in html
    assert "Interview: Director" in html
    assert "Entretien : Directrice ou directeur" in html
    assert not MessageTemplate.objects.exists()


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "Unknown variable: {{ salary }}. You can use {{ candidate_name }}"),
        ("fr", "Variable inconnue\u00a0: {{ salary }}. Vous pouvez utiliser {{ candidate_name }}"),
    ],
)
@pytest.mark.parametrize("action", ["preview", "save"])
def test_an_unknown_variable_is_refused_with_a_clear_message(
    client, team, language, message, action
):
    response = staff_login(client, team.recruiter).post(
        url("templates/add/", language),
        form_data(body_en="Your salary: {{ salary }}", action=action),
    )

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not MessageTemplate.objects.exists()


def test_a_preview_with_an_unknown_kind_is_refused_without_failing(client, team):
    response = staff_login(client, team.recruiter).post(
        url("templates/add/"), form_data(kind="bogus", subject_fr="", body_fr="", action="preview")
    )
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not MessageTemplate.objects.exists()


def test_braces_that_are_not_a_variable_are_refused(client, team):
    response = staff_login(client, team.recruiter).post(
        url("templates/add/"), form_data(body_en="{% if x %}yes{% endif %}")
    )
    assert response.status_code == 400
    assert "Braces are only for variables" in response.content.decode()
    assert not MessageTemplate.objects.exists()


def test_an_acknowledgement_must_give_the_status_link(client, team):
    response = staff_login(client, team.recruiter).post(
        url("templates/add/"),
        form_data(
            kind="acknowledgement", body_en="Thanks {{ candidate_name }}", subject_fr="", body_fr=""
        ),
    )
    assert response.status_code == 400
    assert "{{ status_url }}" in response.content.decode()
    assert not MessageTemplate.objects.exists()


def test_there_is_one_rejection_template_per_organization(client, organization, team):
    MessageTemplate.objects.create(organization=organization, kind="rejection", name="Ours")
    response = staff_login(client, team.recruiter).post(
        url("templates/add/"), form_data(kind="rejection")
    )
    assert response.status_code == 400
    assert "already has a template of this kind" in response.content.decode()
    assert MessageTemplate.objects.count() == 1


def test_a_template_is_edited_and_a_language_emptied_falls_back_to_tremplin_s(
    client, organization, team
):
    staff_login(client, team.recruiter).post(url("templates/add/"), form_data())
    template = MessageTemplate.objects.get()

    response = client.post(
        url(f"templates/{template.pk}/"),
        form_data(name="Video call", subject_fr="", body_fr=""),
    )

    assert response.status_code == 302
    template.refresh_from_db()
    assert template.name == "Video call"
    assert list(template.texts.values_list("language", flat=True)) == ["en"]


def test_a_template_is_deleted_after_confirming(client, organization, team):
    template = MessageTemplate.objects.create(organization=organization, kind="free", name="Hi")
    staff_login(client, team.recruiter)
    page = client.get(url(f"templates/{template.pk}/delete/"))
    assert page.status_code == 200 and MessageTemplate.objects.exists()

    client.post(url(f"templates/{template.pk}/delete/"))

    assert not MessageTemplate.objects.exists()


def test_a_template_of_another_organization_is_not_found(client, team):
    from tremplin.accounts.models import Organization

    theirs = MessageTemplate.objects.create(
        organization=Organization.objects.get(slug="elsewhere"), kind="free", name="Theirs"
    )
    staff_login(client, team.recruiter)
    for tail in ("", "preview/", "delete/"):
        assert client.get(url(f"templates/{theirs.pk}/{tail}")).status_code == 404
    assert client.post(url(f"templates/{theirs.pk}/delete/")).status_code == 404
    assert MessageTemplate.objects.filter(pk=theirs.pk).exists()


def test_the_preview_fills_the_variables_for_a_real_application(
    client, organization, vacancy, team
):
    staff_login(client, team.recruiter).post(url("templates/add/"), form_data())
    template = MessageTemplate.objects.get()
    application = apply(vacancy)

    response = client.get(
        url(f"templates/{template.pk}/preview/") + f"?application={application.pk}"
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Hello Ada Lovelace, let us talk." in html
    assert "Bonjour Ada Lovelace, parlons-en." in html
    assert "Entretien : Directrice ou directeur" in html


def test_intake_acknowledges_with_the_organization_s_template_in_the_candidate_s_language(
    organization, vacancy
):
    template = MessageTemplate.objects.create(
        organization=organization, kind="acknowledgement", name="Ours"
    )
    MessageTemplateText.objects.create(
        template=template,
        language="fr",
        subject="Bien reçu : {{ vacancy_title }}",
        body="Merci {{ candidate_name }}. Suivez votre candidature : {{ status_url }}",
    )

    french = apply(vacancy, email="louise@example.net", name="Louise Michel", language="fr")
    english = apply(vacancy, email="ada@example.net", name="Ada Lovelace", language="en")

    to_louise = OutboxMessage.objects.get(application=french)
    assert to_louise.subject == "Bien reçu : Directrice ou directeur"
    assert to_louise.body.startswith("Merci Louise Michel. Suivez votre candidature : http")
    assert "/fr/application/" in to_louise.body
    assert to_louise.headers["Auto-Submitted"] == "auto-replied"
    to_ada = OutboxMessage.objects.get(application=english)  # no English text: Tremplin's
    assert to_ada.subject == "Application received: Director"
    assert "/en/application/" in to_ada.body
