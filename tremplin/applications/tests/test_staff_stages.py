"""An organization's stages: owners rename, add, reorder and remove the ones in between."""

import pytest

from tremplin.applications import selectors, services
from tremplin.applications.models import Stage
from tremplin.core.models import AuditEvent
from tremplin.testing.applying import submit
from tremplin.testing.staff import staff_login

pytestmark = pytest.mark.django_db


def url(organization, tail="", language="en") -> str:
    return f"/{language}/staff/{organization.slug}/applications/stages/{tail}"


def keys(organization) -> list[str]:
    return [stage.key for stage in selectors.stage_list(organization=organization)]


DEFAULT = [
    "received",
    "screening",
    "review",
    "interview",
    "offer",
    "hired",
    "rejected",
    "withdrawn",
]


def test_an_organization_starts_with_the_default_stages_without_rows(client, organization, team):
    assert keys(organization) == DEFAULT
    assert not Stage.objects.exists()

    response = staff_login(client, team.owner).get(url(organization))

    assert response.status_code == 200
    html = response.content.decode()
    assert (
        html.index("Received")
        < html.index("Screening")
        < html.index("Offer")
        < html.index("Withdrawn")
    )
    assert "Add a stage" in html


@pytest.mark.parametrize("role", ["recruiter", "reviewer", "outsider"])
def test_only_owners_edit_stages(client, organization, team, role):
    member = staff_login(client, team.member(role))
    assert member.get(url(organization)).status_code == 404
    response = member.post(url(organization), {"label_en": "Test day", "after": "interview"})
    assert response.status_code == 404
    assert keys(organization) == DEFAULT


def test_an_owner_adds_a_stage_after_another_with_a_name_per_language(client, organization, team):
    response = staff_login(client, team.owner).post(
        url(organization),
        {"label_en": "Work sample", "label_fr": "Mise en situation", "after": "review"},
    )

    assert response.status_code == 302
    assert keys(organization) == [
        "received",
        "screening",
        "review",
        "work-sample",
        "interview",
        "offer",
        "hired",
        "rejected",
        "withdrawn",
    ]
    stage = Stage.objects.get(key="work-sample")
    assert stage.label("fr") == "Mise en situation" and stage.label("en") == "Work sample"
    assert stage.kind == Stage.Kind.IN_PROGRESS
    assert AuditEvent.objects.filter(verb="stage.add", actor=team.owner).exists()
    french = client.get(url(organization, language="fr")).content.decode()
    assert "Mise en situation" in french


def test_a_stage_needs_a_name_that_no_other_stage_has(client, organization, team):
    staff_login(client, team.owner)
    empty = client.post(url(organization), {"label_en": "", "after": "review"})
    taken = client.post(url(organization), {"label_en": "screening", "after": "review"})

    assert empty.status_code == taken.status_code == 400
    assert "at least one language" in empty.content.decode()
    assert "Another stage is already called “screening”." in taken.content.decode()
    assert keys(organization) == DEFAULT


def test_a_stage_cannot_come_after_a_final_stage(client, organization, team):
    response = staff_login(client, team.owner).post(
        url(organization), {"label_en": "Alumni", "after": "hired"}
    )
    assert response.status_code == 400
    assert keys(organization) == DEFAULT


def test_an_owner_renames_a_built_in_stage_in_one_language(client, organization, team):
    response = staff_login(client, team.owner).post(
        url(organization, "interview/"), {"label_fr": "Entretien avec l’équipe", "label_en": ""}
    )

    assert response.status_code == 302
    interview = selectors.stage_get(organization=organization, key="interview")
    assert interview.label("fr") == "Entretien avec l’équipe"
    assert interview.label("en") == "Interview"  # the usual name where none is given


def test_stages_in_between_move_earlier_and_later_but_not_past_the_ends(client, organization, team):
    staff_login(client, team.owner)
    client.post(url(organization, "offer/move/"), {"direction": "up"})
    assert keys(organization)[3:5] == ["offer", "interview"]

    client.post(url(organization, "screening/move/"), {"direction": "up"})
    client.post(url(organization, "received/move/"), {"direction": "down"})
    client.post(url(organization, "interview/move/"), {"direction": "down"})

    assert keys(organization) == [
        "received",
        "screening",
        "review",
        "offer",
        "interview",
        "hired",
        "rejected",
        "withdrawn",
    ]


def test_an_unused_stage_is_removed_after_confirming(client, organization, team):
    staff_login(client, team.owner)
    page = client.get(url(organization, "offer/remove/"))
    assert page.status_code == 200 and "Remove the stage" in page.content.decode()
    assert keys(organization) == DEFAULT

    response = client.post(url(organization, "offer/remove/"))

    assert response.status_code == 302
    assert "offer" not in keys(organization)
    assert AuditEvent.objects.filter(verb="stage.remove").exists()


def test_a_stage_with_applications_is_not_removed(client, organization, vacancy, team):
    application = submit(vacancy)
    services.application_move(application=application, to_stage="interview", by=team.owner)

    response = staff_login(client, team.owner).post(url(organization, "interview/remove/"))

    assert response.status_code == 400
    assert "1 application is at this stage: move it first." in response.content.decode()
    assert "interview" in keys(organization)


@pytest.mark.parametrize("key", ["received", "hired", "rejected", "withdrawn"])
def test_the_first_and_final_stages_cannot_be_removed(client, organization, team, key):
    response = staff_login(client, team.owner).post(url(organization, f"{key}/remove/"))
    assert response.status_code == 400
    assert key in keys(organization)


def test_an_unknown_stage_is_not_found(client, organization, team):
    assert staff_login(client, team.owner).get(url(organization, "nowhere/")).status_code == 404


def test_applications_move_to_an_organization_s_own_stage(organization, vacancy, team):
    stage = services.stage_add(
        organization=organization, labels={"fr": "Test écrit"}, after="screening", by=team.owner
    )
    application = submit(vacancy)

    services.application_move(application=application, to_stage=stage.key, by=team.recruiter)

    application.refresh_from_db()
    assert application.stage == stage.key == "test-ecrit"
