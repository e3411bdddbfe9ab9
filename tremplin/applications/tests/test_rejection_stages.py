"""Rejections per stage: an organization keeps a text for those not retained at one stage
(kinder after an interview) beside its general one; the text of the stage an application
leaves is used for a single move, a bulk rejection and "Start from", else the general one,
else Tremplin's; a stage since removed falls back on the general text."""

import pytest
from django.core.exceptions import ValidationError

from tremplin.applications import correspondence, services
from tremplin.applications.models import Application
from tremplin.core.models import AuditEvent
from tremplin.messaging.models import (
    DraftMessage,
    MessageTemplate,
    MessageTemplateText,
    OutboxMessage,
)
from tremplin.messaging.selectors import message_text_for
from tremplin.messaging.services import message_template_save
from tremplin.testing.applying import submit
from tremplin.testing.builders import organization_make
from tremplin.testing.staff import staff_login

pytestmark = pytest.mark.django_db

GENERAL = {
    "en": ("About {{ vacancy_title }}", "Dear {{ candidate_name }}, we will not go on."),
    "fr": ("À propos de {{ vacancy_title }}", "{{ candidate_name }}, nous n’irons pas plus loin."),
}
AFTER_INTERVIEW = {
    "en": ("Thank you for meeting us", "Dear {{ candidate_name }}, it was a pleasure to meet."),
    "fr": ("Merci de nous avoir rencontrés", "{{ candidate_name }}, ce fut un plaisir."),
}


def rejection(organization, texts, stage="", name="Rejection") -> MessageTemplate:
    template = MessageTemplate.objects.create(
        organization=organization, kind="rejection", name=name, stage=stage
    )
    for language, (subject, body) in texts.items():
        MessageTemplateText.objects.create(
            template=template, language=language, subject=subject, body=body
        )
    return template


def url(organization, tail="", language="en") -> str:
    return f"/{language}/staff/{organization.slug}/messages/{tail}"


def form(**overrides) -> dict[str, str]:
    data = {
        "kind": "rejection",
        "name": "After the interview",
        "stage": "interview",
        "action": "save",
    }
    for language, (subject, body) in AFTER_INTERVIEW.items():
        data[f"subject_{language}"], data[f"body_{language}"] = subject, body
    return {**data, **overrides}


def at(vacancy, stage, *, email, name, language="en") -> Application:
    application = submit(vacancy, email=email, name=name, language=language)
    if stage != "received":
        services.application_move(application=application, to_stage=stage, by=None)
    return application


# --- The choice ------------------------------------------------------------------------


def test_the_stage_s_text_comes_first_then_the_general_one_then_tremplin_s(organization):
    def chosen(stage, language="en"):
        return message_text_for(
            organization=organization, kind="rejection", language=language, stage=stage
        )

    tremplin_s = message_text_for(organization=organization, kind="rejection", language="en")
    assert chosen("interview") == tremplin_s  # nothing of the organization's yet
    rejection(organization, {"en": AFTER_INTERVIEW["en"]}, stage="interview")
    assert chosen("interview") == AFTER_INTERVIEW["en"]
    assert chosen("screening") == tremplin_s  # no general text yet: Tremplin's
    assert chosen("") == tremplin_s
    rejection(organization, GENERAL)
    assert chosen("interview") == AFTER_INTERVIEW["en"]
    assert chosen("screening") == GENERAL["en"]
    assert chosen("") == GENERAL["en"]
    # The interview text has no French: the general French text.
    assert chosen("interview", "fr") == GENERAL["fr"]


def test_the_service_refuses_a_second_text_for_a_stage_a_stage_elsewhere_and_other_kinds(
    organization,
):
    rejection(organization, GENERAL, stage="interview")
    stages = ["received", "screening", "interview"]
    cases = [
        ("rejection", "interview", "already has a rejection for this stage"),
        ("rejection", "nowhere", "Choose one of your pipeline’s stages"),
        ("interview", "interview", "Only a rejection can be kept for one stage"),
    ]
    for kind, stage, message in cases:
        with pytest.raises(ValidationError) as error:
            message_template_save(
                organization=organization,
                kind=kind,
                name="Again",
                texts=GENERAL,
                by=None,
                stage=stage,
                stages=stages,
            )
        assert message in " ".join(error.value.messages)
    assert MessageTemplate.objects.count() == 1
    assert not AuditEvent.objects.filter(verb__startswith="message_template").exists()


# --- The pages -------------------------------------------------------------------------


def test_the_form_offers_the_organization_s_stages_and_saves_one_for_a_stage(
    client, organization, team
):
    services.stage_add(
        organization=organization, labels={"en": "Case study"}, after="interview", by=None
    )
    staff_login(client, team.recruiter)
    page = client.get(url(organization, "templates/add/") + "?kind=rejection&stage=interview")
    field = page.context["form"]["stage"]
    keys = [key for key, _label in field.field.choices]
    assert keys[0] == "" and "interview" in keys and "case-study" in keys
    assert not {"hired", "rejected", "withdrawn"} & set(keys)
    assert page.context["form"].initial["stage"] == "interview"
    assert 'name="stage"' in page.content.decode()

    response = client.post(url(organization, "templates/add/"), form())

    assert response.status_code == 302
    saved = MessageTemplate.objects.get()
    assert (saved.kind, saved.stage) == ("rejection", "interview")
    event = AuditEvent.objects.get(verb="message_template.create")
    assert event.data["stage"] == "interview"


@pytest.mark.parametrize(
    ("language", "overrides", "message"),
    [
        ("en", {}, "already has a rejection for this stage"),
        ("fr", {}, "a déjà un refus pour cette étape"),
        ("en", {"stage": "nowhere"}, "Choose one of your pipeline’s stages"),
        ("fr", {"stage": "nowhere"}, "Choisissez l’une des étapes de votre processus"),
        ("en", {"stage": "theirs"}, "Choose one of your pipeline’s stages"),
        ("en", {"kind": "interview"}, "Only a rejection can be kept for one stage"),
        ("fr", {"kind": "interview"}, "Seul un refus peut être propre à une étape"),
    ],
)
def test_bad_input_is_refused_in_the_user_s_language_and_saves_nothing(
    client, organization, team, language, overrides, message
):
    elsewhere = organization_make("other-place")
    services.stage_add(organization=elsewhere, labels={"en": "Theirs"}, after="received", by=None)
    rejection(organization, GENERAL, stage="interview", name="Ours")
    staff_login(client, team.recruiter)

    response = client.post(url(organization, "templates/add/", language), form(**overrides))

    assert response.status_code == 400
    assert message in response.content.decode()
    assert list(MessageTemplate.objects.values_list("name", flat=True)) == ["Ours"]


def test_the_list_shows_each_rejection_s_stage_and_which_stages_use_the_general_text(
    client, organization, team
):
    rejection(organization, GENERAL, name="Ours")
    rejection(organization, AFTER_INTERVIEW, stage="interview", name="After meeting")
    rejection(organization, AFTER_INTERVIEW, stage="long-gone", name="Old one")

    html = staff_login(client, team.recruiter).get(url(organization)).content.decode()

    section = html[html.index('id="kind-rejection"') : html.index('id="kind-interview"')]
    assert "After meeting</strong>, for applications leaving “Interview”" in section
    assert "Ours</strong>, general text, for every other stage" in section
    assert "Old one</strong>, for a stage that no longer exists (“long-gone”)" in section
    general = section[section.index('id="rejection-general"') :]
    assert "Your general text is used for applications leaving: Received, Screening" in general
    assert "Interview," not in general.split(".")[0]
    assert "Add a rejection for one stage" in section

    french = client.get(url(organization, language="fr")).content.decode()
    assert "pour une étape qui n’existe plus" in french


def test_the_preview_of_a_stage_s_text_shows_the_general_one_in_a_language_it_lacks(
    client, organization, team
):
    rejection(organization, GENERAL)
    theirs = rejection(organization, {"en": AFTER_INTERVIEW["en"]}, stage="interview")

    html = (
        staff_login(client, team.recruiter)
        .get(url(organization, f"templates/{theirs.pk}/preview/"))
        .content.decode()
    )

    assert "Thank you for meeting us" in html
    assert "Camille Martin, nous n’irons pas plus loin." in html
    assert "(your general text)" in html


# --- Where the text is used ------------------------------------------------------------


def test_a_single_move_drafts_the_text_of_the_stage_it_leaves_in_the_candidate_s_language(
    organization, vacancy, team
):
    rejection(organization, GENERAL)
    rejection(organization, AFTER_INTERVIEW, stage="interview")
    louise = at(vacancy, "interview", email="louise@example.org", name="Louise", language="fr")
    ada = at(vacancy, "screening", email="ada@example.org", name="Ada")

    for application in (louise, ada):
        services.application_move(
            application=application,
            to_stage="rejected",
            by=team.recruiter,
            reason="position_filled",
        )

    to_louise = DraftMessage.objects.get(application=louise)
    assert (to_louise.language, to_louise.subject) == ("fr", "Merci de nous avoir rencontrés")
    assert to_louise.body == "Louise, ce fut un plaisir."
    to_ada = DraftMessage.objects.get(application=ada)
    assert to_ada.subject == "About Campaign lead"
    assert to_ada.body == "Dear Ada, we will not go on."


def test_start_from_takes_the_text_of_the_stage_a_rejected_application_left(
    client, organization, vacancy, team
):
    rejection(organization, GENERAL)
    rejection(organization, AFTER_INTERVIEW, stage="interview")
    application = at(vacancy, "interview", email="ada@example.org", name="Ada")
    services.application_move(
        application=application, to_stage="rejected", by=None, reason="position_filled"
    )
    DraftMessage.objects.all().delete()

    staff_login(client, team.recruiter)
    detail = f"/en/staff/{organization.slug}/applications/{application.pk}/"
    assert "Rejection (its stage’s text)" in client.get(detail).content.decode()
    client.post(detail + "prepare/", {"start_from": "kind:rejection"})

    assert DraftMessage.objects.get().subject == "Thank you for meeting us"


def test_a_bulk_rejection_groups_its_preview_by_language_and_text_and_sends_each_stage_s(
    client, organization, vacancy, team
):
    rejection(organization, GENERAL)
    rejection(organization, AFTER_INTERVIEW, stage="interview")
    chosen = [
        at(vacancy, "interview", email="ada@example.org", name="Ada"),
        at(vacancy, "interview", email="alan@example.org", name="Alan"),
        at(vacancy, "interview", email="louise@example.org", name="Louise", language="fr"),
        at(vacancy, "received", email="grace@example.org", name="Grace"),
        at(vacancy, "screening", email="max@example.org", name="Max"),
    ]
    data = {
        "applications": [a.pk for a in chosen],
        "seen": [f"{a.pk}:{a.stage}" for a in chosen],
        "action": "reject",
        "reason": "position_filled",
    }
    staff_login(client, team.recruiter)
    move = f"/en/staff/{organization.slug}/applications/vacancy/{vacancy.slug}/move/"

    response = client.post(move, data)

    mails = response.context["mails"]
    assert [(m.language, m.count, m.subject, m.stages) for m in mails] == [
        ("en", 2, "Thank you for meeting us", ("Interview",)),
        ("en", 2, "About Campaign lead", ("Received", "Screening")),
        ("fr", 1, "Merci de nous avoir rencontrés", ("Interview",)),
    ]
    html = response.content.decode()
    assert html.count("In English: 2 messages") == 2 and "In French: 1 message" in html
    assert "For applications leaving: Received, Screening" in html
    assert "Dear Ada, it was a pleasure to meet." in html and "Dear Grace" in html
    assert "Dear Alan" not in html and "Dear Max" not in html  # one example per group
    assert set(Application.objects.values_list("stage", flat=True)) != {"rejected"}

    client.post(move, {**data, "confirm": "yes"})

    sent = {m.to: m.subject for m in OutboxMessage.objects.filter(kind="rejection")}
    assert sent == {
        "ada@example.org": "Thank you for meeting us",
        "alan@example.org": "Thank you for meeting us",
        "louise@example.org": "Merci de nous avoir rencontrés",
        "grace@example.org": "About Campaign lead",
        "max@example.org": "About Campaign lead",
    }


def test_a_bulk_move_to_not_retained_drafts_each_stage_s_text(client, organization, vacancy, team):
    rejection(organization, GENERAL)
    rejection(organization, AFTER_INTERVIEW, stage="interview")
    chosen = [
        at(vacancy, "interview", email="louise@example.org", name="Louise", language="fr"),
        at(vacancy, "screening", email="ada@example.org", name="Ada"),
    ]
    staff_login(client, team.recruiter).post(
        f"/en/staff/{organization.slug}/applications/vacancy/{vacancy.slug}/move/",
        {
            "applications": [a.pk for a in chosen],
            "stage": "rejected",
            "reason": "position_filled",
            "confirm": "yes",
        },
    )

    drafts = DraftMessage.objects.order_by("application_id")
    assert [(d.language, d.subject) for d in drafts] == [
        ("fr", "Merci de nous avoir rencontrés"),
        ("en", "About Campaign lead"),
    ]


def test_a_removed_stage_s_text_is_not_used_and_its_template_can_still_be_edited(
    client, organization, vacancy, team
):
    rejection(organization, GENERAL)
    stage = services.stage_add(
        organization=organization, labels={"en": "Case study"}, after="interview", by=None
    )
    old = rejection(organization, AFTER_INTERVIEW, stage=stage.key, name="After the case")
    application = at(vacancy, stage.key, email="ada@example.org", name="Ada")
    services.application_move(
        application=application, to_stage="rejected", by=None, reason="position_filled"
    )
    assert DraftMessage.objects.get().subject == "Thank you for meeting us"  # while it exists
    services.stage_remove(organization=organization, key=stage.key, by=None)

    subject, _body = correspondence.draft_text(application=application, kind="rejection")
    assert subject == "About Campaign lead"
    staff_login(client, team.recruiter)
    listing = client.get(url(organization)).content.decode()
    assert f"After the case</strong>, for a stage that no longer exists (“{stage.key}”)" in listing
    edited = client.post(
        url(organization, f"templates/{old.pk}/"), form(stage=stage.key, name="Kept")
    )
    assert edited.status_code == 302
    old.refresh_from_db()
    assert (old.name, old.stage) == ("Kept", stage.key)
