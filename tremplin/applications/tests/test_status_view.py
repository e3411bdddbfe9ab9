"""The candidate's private status page: stage, documents, withdrawal; bad tokens."""

from datetime import UTC, datetime

import pytest

from tremplin.applications.intake.replacement import application_documents_replace
from tremplin.applications.models import Application, StageChange
from tremplin.applications.selectors import stage_list
from tremplin.applications.services import application_move, stage_add
from tremplin.testing.applying import status_path, submit

pytestmark = pytest.mark.django_db


def test_it_shows_the_vacancy_the_stage_and_the_documents(client, vacancy):
    application = submit(vacancy)
    response = client.get(status_path(application))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Campaign lead" in page and "Open Future" in page
    assert "Received" in page
    assert "Nobody has replied yet" in page
    assert "cv.pdf" in page
    assert "typed in the form" in page
    assert response["Cache-Control"].startswith("max-age=0")
    assert 'content="noindex' in page


def test_it_speaks_french_on_the_french_address(client, vacancy):
    application = submit(vacancy)
    page = client.get(status_path(application, "fr")).content.decode()
    assert "Responsable de campagne" in page
    assert "Reçue" in page
    assert "Retirer votre candidature" in page


def test_it_shows_superseded_versions_too(client, vacancy):
    application = submit(vacancy)
    application_documents_replace(application=submit(vacancy))
    page = client.get(status_path(application)).content.decode()
    assert page.count("cv.pdf") == 2
    assert "replaced by a newer version" in page


def test_the_candidate_can_withdraw_after_confirming(client, vacancy):
    application = submit(vacancy)
    path = status_path(application)
    unconfirmed = client.post(path + "withdraw/")
    assert unconfirmed.status_code == 400
    assert "Tick the box" in unconfirmed.content.decode()
    application.refresh_from_db()
    assert application.stage == Application.Stage.RECEIVED

    response = client.post(path + "withdraw/", {"confirm": "yes"}, follow=True)
    assert response.status_code == 200
    application.refresh_from_db()
    assert application.stage == Application.Stage.WITHDRAWN
    assert application.withdrawn_at is not None
    page = response.content.decode()
    assert "Your application was withdrawn." in page
    assert "You withdrew your application." in page
    assert 'name="confirm"' not in page  # nothing left to withdraw


def test_withdrawing_twice_changes_nothing(client, vacancy):
    application = submit(vacancy)
    path = status_path(application)
    client.post(path + "withdraw/", {"confirm": "yes"})
    application.refresh_from_db()
    first = application.withdrawn_at
    client.post(path + "withdraw/", {"confirm": "yes"})
    application.refresh_from_db()
    assert application.withdrawn_at == first


def test_withdrawing_needs_a_post(client, vacancy):
    application = submit(vacancy)
    assert client.get(status_path(application) + "withdraw/").status_code == 405


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-2] + ("AA" if not token.endswith("AA") else "BB"),
        lambda token: "0" * 32 + token[32:],
        lambda token: token.split(":")[0] + ":",
        lambda token: "not-a-token:at-all",
    ],
)
def test_a_tampered_token_gets_a_clear_not_found_page(client, vacancy, tamper):
    from tremplin.applications.tokens import application_token

    application = submit(vacancy)
    token = tamper(application_token(public_id=application.public_id))
    response = client.get(f"/en/application/{token}/")
    assert response.status_code == 404
    assert "Application not found" in response.content.decode()
    withdraw = client.post(f"/en/application/{token}/withdraw/", {"confirm": "yes"})
    assert withdraw.status_code == 404
    application.refresh_from_db()
    assert application.stage == Application.Stage.RECEIVED


def test_a_token_for_an_erased_application_gets_the_same_page(client, vacancy):
    application = submit(vacancy)
    path = status_path(application, "fr")
    application.delete()
    response = client.get(path)
    assert response.status_code == 404
    assert "Candidature introuvable" in response.content.decode()


def test_a_candidate_in_the_talent_pool_finds_how_to_stay_or_leave(client, vacancy):
    without = client.get(status_path(submit(vacancy))).content.decode()
    assert "Stay in the talent pool" not in without

    application = submit(vacancy, email="grace@example.org", talent_pool_consent=True)
    path = status_path(application)
    page = client.get(path).content.decode()
    assert "for 24 months after your last contact" in page
    assert f'href="{path}talent-pool/"' in page


def test_it_lists_the_stages_passed_with_their_dates_and_no_internal_names(client, vacancy, owner):
    """Built-in stages by their public names, the organization's own stages (named for
    staff, "Ask Marie about the salary") as "In progress" once, and never who moved it or
    why: reasons are the organization's notes."""
    organization = vacancy.organization
    stage_add(
        organization=organization,
        labels={"en": "Ask Marie about the salary", "fr": "Demander à Marie"},
        after="received",
        by=owner,
    )
    custom = stage_list(organization=organization)[1].key
    application = submit(vacancy)
    Application.objects.filter(pk=application.pk).update(
        created_at=datetime(2027, 12, 1, 9, tzinfo=UTC)
    )
    application_move(application=application, to_stage=custom, by=owner)
    application_move(application=application, to_stage="screening", by=owner)
    application_move(application=application, to_stage="interview", by=owner)
    application_move(
        application=application,
        to_stage="rejected",
        by=owner,
        reason="other",
        reason_text="Too expensive for us",
    )
    StageChange.objects.filter(application=application).update(
        at=datetime(2027, 12, 3, 15, tzinfo=UTC)
    )
    page = client.get(status_path(application)).content.decode()
    history = page.split('class="status-history"')[1].split("</ol>")[0]
    labels = [item.split("<strong>")[1].split("</strong>")[0] for item in history.split("<li")[1:]]
    assert labels == ["Received", "In progress", "Screening", "Interview", "Not retained"]
    assert "1 December 2027" in history and "3 December 2027" in history
    for secret in ("Marie", "Too expensive", owner.email, "Another reason"):
        assert secret not in page
    french = client.get(status_path(application, "fr")).content.decode()
    history = french.split('class="status-history"')[1].split("</ol>")[0]
    assert "Reçue" in history and "En cours" in history and "Non retenue" in history
    assert "1 décembre 2027" in history
    assert "Marie" not in french
