"""An owner erases a candidate's data: their password and authenticator code again, and
the candidate's e-mail address typed in full. Anything wrong erases nothing and is logged;
recruiters and reviewers cannot even see the page."""

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tremplin.accounts.models import Organization, User
from tremplin.applications.models import Application, Candidate
from tremplin.core.models import AuditEvent
from tremplin.testing.applying import submit
from tremplin.testing.builders import campaign_lead_make, organization_make
from tremplin.testing.staff import member_create, staff_login
from tremplin.vacancies.models import Vacancy

pytestmark = pytest.mark.django_db

EMAIL = "Ada@Example.org"
PASSWORD = "staff-password"


@pytest.fixture
def owner(organization: Organization) -> User:
    return member_create(email="olga@example.org", organization=organization, role="owner")


@pytest.fixture
def applications(vacancy: Vacancy) -> list[Application]:
    """Ada applied twice at the organization; Grace once."""
    ada = submit(vacancy, email=EMAIL, name="Ada Lovelace")
    treasurer = campaign_lead_make(vacancy.organization, slug="treasurer")
    submit(treasurer, email=EMAIL, name="Ada Lovelace")
    submit(vacancy, email="grace@example.org", name="Grace Hopper")
    return [ada]


@pytest.fixture
def ada(applications: list[Application]) -> Application:
    return applications[0]


def erase_url(application: Application) -> str:
    return reverse(
        "staff_privacy:erase",
        kwargs={"org": application.vacancy.organization.slug, "application": application.pk},
    )


def board_url(vacancy: Vacancy) -> str:
    return reverse(
        "staff_applications:board",
        kwargs={"org": vacancy.organization.slug, "vacancy": vacancy.slug},
    )


def current_code(user: User) -> str:
    """What the owner's authenticator app shows now."""
    device = TOTPDevice.objects.get(user=user, confirmed=True)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def wrong_code(user: User) -> str:
    return f"{(int(current_code(user)) + 1) % 1_000_000:06d}"


def logged_in(user: User) -> Client:
    return staff_login(Client(), user)


def ada_is_there() -> bool:
    return Application.objects.filter(candidate__email=EMAIL.lower()).count() == 2


def test_the_application_page_offers_erasure_to_owners_only(ada, owner, organization):
    recruiter = member_create(email="rita@example.org", organization=organization, role="recruiter")
    detail = reverse(
        "staff_applications:detail", kwargs={"org": organization.slug, "application": ada.pk}
    )

    assert erase_url(ada) in logged_in(owner).get(detail).content.decode()
    page = logged_in(recruiter).get(detail).content.decode()
    assert erase_url(ada) not in page
    assert "Erase the candidate’s data" not in page


def test_the_page_says_what_goes_and_asks_for_the_three_confirmations(ada, owner):
    response = logged_in(owner).get(erase_url(ada))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Erase the data of Ada Lovelace?" in page
    assert "Applications at this organization</th><td>2</td>" in page
    assert "Documents</th><td>4</td>" in page  # a CV and a typed letter each
    assert "Messages</th><td>2</td>" in page  # the two acknowledgements
    assert "Reviews</th><td>0</td>" in page
    assert "cannot be undone" in page
    assert 'name="password"' in page and 'autocomplete="current-password"' in page
    assert 'name="code"' in page
    assert 'name="email"' in page
    assert response["Cache-Control"].startswith("max-age=0")


@pytest.mark.parametrize(
    ("field", "error"),
    [
        ("password", "This is not your password."),
        ("code", "This code is not right"),
        ("email", "This is not the candidate’s e-mail address"),
    ],
)
def test_one_wrong_answer_erases_nothing_and_is_logged(ada, owner, field, error):
    client = logged_in(owner)
    data = {"password": PASSWORD, "code": current_code(owner), "email": EMAIL}
    data[field] = {
        "password": "not-the-password",
        "code": wrong_code(owner),
        "email": "ada@example.com",
    }[field]

    response = client.post(erase_url(ada), data)

    assert response.status_code == 400
    page = response.content.decode()
    assert error in page
    assert f'id="id_{field}_error"' in page
    assert ada_is_there()
    assert Candidate.objects.filter(email=EMAIL.lower()).exists()
    event = AuditEvent.objects.get(verb="erasure.refused")
    assert event.actor == owner
    assert event.target_id == str(ada.pk)
    assert event.data == {"reason": field}
    assert not AuditEvent.objects.filter(verb="candidate.erased").exists()


def test_an_empty_form_erases_nothing(ada, owner):
    response = logged_in(owner).post(erase_url(ada), {})

    assert response.status_code == 400
    assert response.content.decode().count("This field is required.") == 3
    assert ada_is_there()
    assert AuditEvent.objects.get(verb="erasure.refused").data == {
        "reason": "password, code, email"
    }


@pytest.mark.parametrize("role", ["recruiter", "reviewer"])
def test_other_members_get_a_404_and_erase_nothing(ada, organization, vacancy, role):
    member = member_create(email=f"{role}@example.org", organization=organization, role=role)
    if role == "reviewer":
        vacancy.reviewers.add(member)
    client = logged_in(member)

    assert client.get(erase_url(ada)).status_code == 404
    response = client.post(erase_url(ada), {"password": PASSWORD, "code": "000000", "email": EMAIL})

    assert response.status_code == 404
    assert ada_is_there()


def test_an_owner_of_another_organization_gets_a_404(ada):
    elsewhere = organization_make("elsewhere")
    stranger = member_create(email="charlie@example.org", organization=elsewhere, role="owner")
    client = logged_in(stranger)
    url = reverse("staff_privacy:erase", kwargs={"org": elsewhere.slug, "application": ada.pk})

    assert client.get(url).status_code == 404
    assert client.post(url, {"password": PASSWORD, "email": EMAIL}).status_code == 404
    assert ada_is_there()


def test_the_right_answers_erase_the_candidate_and_the_board_forgets_them(ada, owner, vacancy):
    client = logged_in(owner)
    assert "Ada Lovelace" in client.get(board_url(vacancy)).content.decode()

    response = client.post(
        erase_url(ada),
        {"password": PASSWORD, "code": f" {current_code(owner)} ", "email": f"  {EMAIL.upper()} "},
    )

    assert response.status_code == 302
    assert response["Location"] == board_url(vacancy)
    board = client.get(response["Location"]).content.decode()
    assert "The candidate’s data was erased: 2 applications." in board
    assert "Ada Lovelace" not in board
    assert EMAIL.lower() not in board.lower()
    assert "Grace Hopper" in board
    assert not Candidate.objects.filter(email=EMAIL.lower()).exists()
    assert Application.objects.count() == 1
    event = AuditEvent.objects.get(verb="candidate.erased")
    assert event.actor == owner
    assert event.data["reason"] == "owner"
    assert client.get(erase_url(ada)).status_code == 404


def test_the_same_person_at_another_organization_is_untouched(ada, owner):
    elsewhere = submit(campaign_lead_make(organization_make("elsewhere")), email=EMAIL, name="Ada")

    logged_in(owner).post(
        erase_url(ada), {"password": PASSWORD, "code": current_code(owner), "email": EMAIL}
    )

    assert not Application.objects.filter(pk=ada.pk).exists()
    kept = Application.objects.get(pk=elsewhere.pk)
    assert kept.candidate.email == EMAIL.lower()
    assert kept.documents.count() == 2
    assert kept.outbox_messages.count() == 1
