"""Where applications come from: a job board's marker or a staff member's referral link on
the apply address, kept through the form's POST, recorded on the application and shown to
recruiters; a bad marker or a forged token is ignored without a word to the candidate."""

import re

import pytest
from django.core import signing

from tremplin.applications.models import Application
from tremplin.applications.sources import referral_token
from tremplin.applications.tests.test_apply_view import form_data
from tremplin.core import pagecache
from tremplin.testing.applying import apply_url, submit
from tremplin.testing.staff import staff_login

pytestmark = pytest.mark.django_db

HIDDEN = re.compile(r'<input type="hidden" name="(via|by)" value="([^"]*)"')


def hidden_values(response) -> dict[str, str]:
    found = dict(HIDDEN.findall(response.content.decode()))
    return {"via": found.get("via", ""), "by": found.get("by", "")}


def the_application() -> Application:
    return Application.objects.get()


class TestJobBoards:
    def test_the_board_marker_is_in_the_form_and_recorded_with_its_name(self, client, vacancy):
        url = apply_url(vacancy) + "?via=board:welcome-to-the-jungle"
        assert hidden_values(client.get(url))["via"] == "board:welcome-to-the-jungle"

        response = client.post(url, form_data(via="board:welcome-to-the-jungle"))

        assert response.status_code == 302
        application = the_application()
        assert application.source == Application.Source.BOARD
        assert application.source_detail == "welcome-to-the-jungle"
        assert application.referrer is None

    def test_a_board_without_a_name_is_a_board(self, client, vacancy):
        assert hidden_values(client.get(apply_url(vacancy) + "?via=board"))["via"] == "board"
        client.post(apply_url(vacancy), form_data(via="board"))
        assert (the_application().source, the_application().source_detail) == ("board", "")

    def test_utm_source_names_the_board(self, client, vacancy):
        response = client.get(apply_url(vacancy) + "?utm_source=Indeed&utm_medium=cpc")
        assert hidden_values(response)["via"] == "board:indeed"

    def test_the_marker_is_kept_through_a_failed_post(self, client, vacancy):
        response = client.post(
            apply_url(vacancy) + "?via=board:hellowork", form_data(email="", via="board:hellowork")
        )

        assert response.status_code == 400
        assert hidden_values(response)["via"] == "board:hellowork"
        assert not Application.objects.exists()
        client.post(apply_url(vacancy), form_data(via=hidden_values(response)["via"]))
        assert the_application().source_detail == "hellowork"

    @pytest.mark.parametrize(
        "marker",
        [
            "board:Not A Slug!",
            "board:" + "x" * 51,
            "board:<script>",
            "newspaper",
            "email",
            "board:",
            "referral",  # a referral without its token
            "board:café",
        ],
    )
    def test_a_bad_marker_is_ignored_and_the_candidate_sees_no_error(self, client, vacancy, marker):
        page = client.get(apply_url(vacancy), {"via": marker})
        assert page.status_code == 200
        assert hidden_values(page)["via"] in ("", "referral")

        response = client.post(apply_url(vacancy), form_data(via=marker))

        assert response.status_code == 302
        application = the_application()
        assert application.source == Application.Source.WEB
        assert application.source_detail == ""


class TestReferrals:
    def test_a_referral_link_records_the_staff_member_who_referred(self, client, vacancy, team):
        token = referral_token(user_id=team.recruiter.pk, organization_id=vacancy.organization_id)
        page = client.get(apply_url(vacancy), {"via": "referral", "by": token})
        assert hidden_values(page) == {"via": "referral", "by": token}

        client.post(apply_url(vacancy), form_data(via="referral", by=token))

        application = the_application()
        assert application.source == Application.Source.REFERRAL
        assert application.referrer == team.recruiter

    @pytest.mark.parametrize(
        "forge",
        [
            # someone else's id under a signature made for the recruiter
            lambda team, vacancy: (
                referral_token(
                    user_id=team.recruiter.pk, organization_id=vacancy.organization_id
                ).replace(
                    signing.b64_encode(f"[{team.recruiter.pk},".encode()).decode()[:2],
                    signing.b64_encode(f"[{team.owner.pk},".encode()).decode()[:2],
                )
                + "x"
            ),
            # a token signed with another key
            lambda team, vacancy: signing.dumps(
                [team.owner.pk, vacancy.organization_id],
                key="not-our-secret",
                salt="tremplin.applications.referral",
            ),
            # our signature, but for another organization's member
            lambda team, vacancy: referral_token(
                user_id=team.outsider.pk, organization_id=team.outsider.memberships.get().pk
            ),
            # a genuine token of the outsider's organization, used on ours
            lambda team, vacancy: referral_token(
                user_id=team.outsider.pk,
                organization_id=team.outsider.memberships.get().organization_id,
            ),
            lambda team, vacancy: "garbage",
        ],
    )
    def test_a_forged_or_foreign_token_is_ignored_silently(self, client, vacancy, team, forge):
        token = forge(team, vacancy)

        response = client.post(apply_url(vacancy), form_data(via="referral", by=token))

        assert response.status_code == 302
        application = the_application()
        assert application.source == Application.Source.WEB
        assert application.referrer is None

    def test_a_referrer_who_leaves_leaves_the_referral(self, vacancy, team):
        application = submit(vacancy, source="referral", referrer_id=team.recruiter.pk)
        team.recruiter.delete()
        application.refresh_from_db()
        assert application.source == "referral" and application.referrer is None


class TestThePageCache:
    def test_the_apply_page_is_never_kept_so_each_marker_renders_its_own(self, client, vacancy):
        kept = len(pagecache._store.pages)
        first = client.get(apply_url(vacancy) + "?via=board:one")
        second = client.get(apply_url(vacancy) + "?via=board:two")
        plain = client.get(apply_url(vacancy))

        assert hidden_values(first)["via"] == "board:one"
        assert hidden_values(second)["via"] == "board:two"
        assert hidden_values(plain)["via"] == ""
        assert len(pagecache._store.pages) == kept  # nothing stored, nothing to poison

    def test_the_vacancy_page_kept_in_memory_carries_no_marker(self, client, vacancy):
        base = f"/en/{vacancy.organization.slug}/{vacancy.slug}/"
        client.get(base + "?via=board:poison")
        page = client.get(base)

        assert "poison" not in page.content.decode()
        assert hidden_values(page) == {"via": "", "by": ""}


class TestTheStaffPages:
    def edit_url(self, vacancy, language="en") -> str:
        return f"/{language}/staff/{vacancy.organization.slug}/vacancies/{vacancy.slug}/edit/"

    def test_the_vacancy_page_offers_a_board_link_and_the_member_s_referral_link(
        self, client, vacancy, team
    ):
        staff_login(client, team.recruiter)
        page = client.get(self.edit_url(vacancy), {"board_name": "welcome-to-the-jungle"})

        html = page.content.decode()
        assert page.status_code == 200
        assert f"{apply_url(vacancy)}?via=board%3Awelcome-to-the-jungle" in html
        assert f"{apply_url(vacancy, 'fr')}?via=board%3Awelcome-to-the-jungle" in html
        token = referral_token(user_id=team.recruiter.pk, organization_id=vacancy.organization_id)
        assert f"{apply_url(vacancy)}?via=referral&amp;by={token.replace(':', '%3A')}" in html

    def test_a_bad_board_name_gets_a_message_and_a_link_without_a_name(self, client, vacancy, team):
        staff_login(client, team.recruiter)
        html = client.get(self.edit_url(vacancy), {"board_name": "Not a slug!"}).content.decode()
        assert "This name cannot be used" in html
        assert f'{apply_url(vacancy)}?via=board"' in html

    def test_the_links_are_in_french_on_the_french_page(self, client, vacancy, team):
        staff_login(client, team.recruiter)
        html = client.get(self.edit_url(vacancy, "fr")).content.decode()
        assert "Liens à partager" in html
        assert "Votre lien de parrainage" in html

    def test_a_referral_link_followed_and_used_names_the_referrer_to_recruiters(
        self, client, vacancy, team
    ):
        token = referral_token(user_id=team.owner.pk, organization_id=vacancy.organization_id)
        client.post(apply_url(vacancy), form_data(via="referral", by=token))
        application = the_application()
        detail = f"/en/staff/{vacancy.organization.slug}/applications/{application.pk}/"

        staff_login(client, team.recruiter)
        html = client.get(detail).content.decode()
        assert "Referred by" in html and team.owner.email in html

        client.logout()
        staff_login(client, team.reviewer)
        response = client.get(detail)
        # Reviewers work from the review pages, which show no source; this page is not theirs.
        assert response.status_code == 404
        assert "Referred by" not in response.content.decode()

    def test_the_board_name_shows_on_the_application_page_in_french(self, client, vacancy, team):
        application = submit(vacancy, source="board", source_detail="hellowork")
        staff_login(client, team.recruiter)
        html = client.get(
            f"/fr/staff/{vacancy.organization.slug}/applications/{application.pk}/"
        ).content.decode()
        assert "Site d’emploi" in html and "hellowork" in html
