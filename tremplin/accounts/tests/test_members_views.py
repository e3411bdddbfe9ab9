"""Members, for owners: add by e-mail (with a link to choose a password), change a role,
remove; the last owner stays."""

import re
from urllib.parse import urlsplit

import pytest

from tremplin.accounts.models import Membership, Organization, User
from tremplin.core.models import AuditEvent
from tremplin.messaging.models import OutboxMessage
from tremplin.testing.staff import member_create, staff_login
from tremplin.vacancies.models import Vacancy

pytestmark = pytest.mark.django_db


@pytest.fixture
def organization() -> Organization:
    return Organization.objects.create(name="Maison des communs", slug="communs")


@pytest.fixture
def owner(organization) -> User:
    return member_create(email="olive@example.org", organization=organization, role="owner")


@pytest.fixture
def recruiter(organization) -> User:
    return member_create(email="rita@example.org", organization=organization, role="recruiter")


@pytest.fixture
def reviewer(organization) -> User:
    return member_create(email="remi@example.org", organization=organization, role="reviewer")


@pytest.fixture
def outsider() -> User:
    other = Organization.objects.create(name="Elsewhere", slug="elsewhere")
    return member_create(email="oscar@example.org", organization=other, role="owner")


def url(tail="", language="en") -> str:
    return f"/{language}/staff/communs/members/{tail}"


def membership(user: User) -> Membership:
    return Membership.objects.get(user=user, organization__slug="communs")


def test_an_owner_sees_the_members_and_their_roles(client, owner, recruiter, reviewer):
    response = staff_login(client, owner).get(url())

    assert response.status_code == 200
    html = response.content.decode()
    for email in ("olive@example.org", "rita@example.org", "remi@example.org"):
        assert email in html
    assert html.index("olive@example.org") < html.index("rita@example.org") < html.index("remi@")
    assert "Add a member" in html


@pytest.mark.parametrize("who", ["recruiter", "reviewer", "outsider"])
def test_everyone_else_gets_not_found_and_changes_nothing(
    client, owner, recruiter, reviewer, outsider, who, request
):
    member = staff_login(client, request.getfixturevalue(who))
    assert member.get(url()).status_code == 404
    assert member.post(url(), {"email": "eve@example.org", "role": "owner"}).status_code == 404
    target = membership(recruiter)
    assert member.post(url(f"{target.pk}/role/"), {"role": "owner"}).status_code == 404
    assert member.post(url(f"{target.pk}/remove/")).status_code == 404
    assert member.post(url(f"{target.pk}/invite/")).status_code == 404
    assert not User.objects.filter(email="eve@example.org").exists()
    assert membership(recruiter).role == "recruiter"


def test_adding_a_member_asks_first_and_says_what_will_happen(client, owner):
    asked = staff_login(client, owner).post(
        url(), {"email": "Nina@Example.org", "role": "reviewer"}
    )

    assert asked.status_code == 200
    page = " ".join(asked.content.decode().split())
    assert "Add nina@example.org to Maison des communs as reviewer?" in page
    assert "An e-mail goes to nina@example.org at once" in page
    assert not User.objects.filter(email="nina@example.org").exists()
    assert not OutboxMessage.objects.exists()

    client.post(url(), {"email": "Nina@Example.org", "role": "reviewer", "confirm": "yes"})
    assert membership(User.objects.get(email="nina@example.org")).role == "reviewer"


def test_a_new_person_gets_an_account_and_a_link_to_choose_a_password(client, owner):
    response = staff_login(client, owner).post(
        url(), {"email": "Nina@Example.org", "role": "recruiter", "confirm": "yes"}
    )

    assert response.status_code == 302
    nina = User.objects.get(email="nina@example.org")
    assert not nina.has_usable_password()
    assert membership(nina).role == "recruiter"
    mail = OutboxMessage.objects.get(to="nina@example.org")
    assert mail.kind == "member_invitation" and "Maison des communs" in mail.subject
    assert AuditEvent.objects.filter(verb="member.add", actor=owner).exists()
    assert "Has not chosen a password yet" in client.get(url()).content.decode()

    found = re.search(r"https?://\S+/password-reset/\S+/", mail.body)
    assert found is not None
    link = found.group(0)
    client.logout()
    form_page = client.get(urlsplit(link).path, follow=True)
    assert form_page.status_code == 200
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "a-long-new-password-7", "new_password2": "a-long-new-password-7"},
    )
    assert done.status_code == 302
    nina.refresh_from_db()
    assert nina.check_password("a-long-new-password-7")


def test_a_person_with_an_account_is_added_and_told(client, owner, outsider):
    staff_login(client, owner).post(
        url(), {"email": "oscar@example.org", "role": "reviewer", "confirm": "yes"}
    )

    assert membership(outsider).role == "reviewer"
    assert outsider.memberships.count() == 2
    mail = OutboxMessage.objects.get(to="oscar@example.org")
    assert "password-reset" not in mail.body and "/accounts/login/" in mail.body


def test_adding_a_member_twice_or_a_bad_address_is_refused(client, owner, recruiter):
    staff_login(client, owner)
    twice = client.post(url(), {"email": "rita@example.org", "role": "owner"})
    bad = client.post(url(), {"email": "not an address", "role": "owner"})

    assert twice.status_code == bad.status_code == 400
    assert "is already a member" in twice.content.decode()
    assert membership(recruiter).role == "recruiter"
    assert User.objects.count() == 2
    assert not OutboxMessage.objects.exists()


def test_an_owner_changes_a_role_and_it_is_logged(client, owner, recruiter):
    response = staff_login(client, owner).post(
        url(f"{membership(recruiter).pk}/role/"), {"role": "reviewer"}
    )

    assert response.status_code == 302
    assert membership(recruiter).role == "reviewer"
    event = AuditEvent.objects.get(verb="member.role")
    assert event.data["from"] == "recruiter" and event.data["to"] == "reviewer"


def test_the_last_owner_cannot_be_demoted(client, owner):
    response = staff_login(client, owner).post(
        url(f"{membership(owner).pk}/role/"), {"role": "recruiter"}, follow=True
    )

    assert "is the only owner" in response.content.decode()
    assert membership(owner).role == "owner"


def test_the_last_owner_cannot_be_removed(client, owner):
    staff_login(client, owner)
    page = client.get(url(f"{membership(owner).pk}/remove/"))
    assert "is the only owner" in page.content.decode()

    response = client.post(url(f"{membership(owner).pk}/remove/"))

    assert response.status_code == 400
    assert Membership.objects.filter(user=owner).exists()


def test_with_a_second_owner_an_owner_can_step_down(client, owner, organization):
    other = member_create(email="otto@example.org", organization=organization, role="owner")
    response = staff_login(client, owner).post(
        url(f"{membership(owner).pk}/role/"), {"role": "recruiter"}
    )

    assert response["Location"] == "/en/accounts/"
    assert membership(owner).role == "recruiter" and membership(other).role == "owner"


def test_removing_asks_first_then_removes_and_unassigns_the_reviewer(
    client, owner, reviewer, organization
):
    vacancy = Vacancy.objects.create(organization=organization, slug="director")
    vacancy.reviewers.add(reviewer)
    staff_login(client, owner)
    page = client.get(url(f"{membership(reviewer).pk}/remove/"))
    assert page.status_code == 200 and "Remove the member" in page.content.decode()
    assert Membership.objects.filter(user=reviewer).exists()

    response = client.post(url(f"{membership(reviewer).pk}/remove/"))

    assert response.status_code == 302
    assert not Membership.objects.filter(user=reviewer).exists()
    assert User.objects.filter(pk=reviewer.pk).exists()
    assert not vacancy.reviewers.exists()
    assert AuditEvent.objects.filter(verb="member.remove", actor=owner).exists()


def test_the_invitation_can_be_sent_again(client, owner):
    staff_login(client, owner).post(
        url(), {"email": "nina@example.org", "role": "reviewer", "confirm": "yes"}
    )
    nina = membership(User.objects.get(email="nina@example.org"))

    asked = client.post(url(f"{nina.pk}/invite/"))
    assert "Send the invitation again to nina@example.org?" in asked.content.decode()
    assert OutboxMessage.objects.filter(to="nina@example.org").count() == 1

    client.post(url(f"{nina.pk}/invite/"), {"confirm": "yes"})

    assert OutboxMessage.objects.filter(to="nina@example.org").count() == 2


def test_a_member_of_another_organization_cannot_be_touched(client, owner, outsider):
    theirs = Membership.objects.get(user=outsider)
    staff_login(client, owner)
    assert client.post(url(f"{theirs.pk}/role/"), {"role": "reviewer"}).status_code == 404
    assert client.post(url(f"{theirs.pk}/remove/")).status_code == 404
    assert Membership.objects.get(pk=theirs.pk).role == "owner"


def reviewers_box_checked(client) -> bool:
    page = client.get("/en/staff/communs/members/").content.decode()
    match = re.search(r'<input type="checkbox" name="reviewers_need_two_factor"[^>]*>', page)
    assert match is not None
    return " checked" in match.group(0)


def test_an_owner_relaxes_the_second_factor_for_reviewers_and_it_is_logged(
    client, organization, owner, reviewer
) -> None:
    staff_login(client, owner)
    page = client.get("/en/staff/communs/members/").content.decode()
    assert "Reviewers must use a second factor" in page
    assert reviewers_box_checked(client)

    response = client.post("/en/staff/communs/members/two-factor/", {})

    assert response.status_code == 302
    organization.refresh_from_db()
    assert organization.reviewers_need_two_factor is False
    event = AuditEvent.objects.get(verb="organization.reviewers_two_factor")
    assert (event.actor, event.organization, event.data) == (
        owner,
        organization,
        {"from": True, "to": False},
    )
    assert not reviewers_box_checked(client)
    reviewer_client = type(client)()
    reviewer_client.force_login(reviewer)
    assert reviewer_client.get("/en/staff/communs/").status_code == 200

    client.post("/en/staff/communs/members/two-factor/", {"reviewers_need_two_factor": "on"})
    organization.refresh_from_db()
    assert organization.reviewers_need_two_factor is True
    assert reviewer_client.get("/en/staff/communs/").status_code == 302
    assert AuditEvent.objects.filter(verb="organization.reviewers_two_factor").count() == 2


def test_saving_the_same_setting_again_logs_nothing(client, organization, owner) -> None:
    staff_login(client, owner)
    client.post("/en/staff/communs/members/two-factor/", {"reviewers_need_two_factor": "on"})
    assert not AuditEvent.objects.filter(verb="organization.reviewers_two_factor").exists()


def test_a_recruiter_cannot_relax_the_second_factor(client, organization, recruiter) -> None:
    staff_login(client, recruiter)
    assert client.post("/en/staff/communs/members/two-factor/", {}).status_code == 404
    organization.refresh_from_db()
    assert organization.reviewers_need_two_factor is True


def test_a_staff_page_missing_from_the_policy_table_is_refused_even_to_an_owner(
    client, owner, monkeypatch
):
    from tremplin.accounts import policy

    assert staff_login(client, owner).get(url()).status_code == 200
    monkeypatch.delitem(policy.POLICY, "staff_accounts:list")
    assert client.get(url()).status_code == 404
