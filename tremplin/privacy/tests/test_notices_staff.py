"""Owners' privacy pages: the settings the notices are built from, and the record of
processing (Art. 30) as a page and as Markdown."""

import datetime
import re
from html.parser import HTMLParser
from typing import Any

import pytest
import time_machine
from django.test import Client

from tremplin.accounts.models import Organization, User
from tremplin.core.models import AuditEvent
from tremplin.notices.record import processing_record
from tremplin.privacy.tests.test_notices import page_text
from tremplin.testing.staff import member_create, staff_login

pytestmark = pytest.mark.django_db


def settings_url(organization: Organization, language: str = "en") -> str:
    return f"/{language}/staff/{organization.slug}/privacy/"


def record_url(organization: Organization, suffix: str = "record/") -> str:
    return f"/en/staff/{organization.slug}/privacy/{suffix}"


@pytest.fixture
def organization() -> Organization:
    return Organization.objects.create(
        name="Maison des communs", slug="communs", email="jobs@communs.example"
    )


@pytest.fixture
def owner(organization: Organization) -> User:
    return member_create(email="olga@example.org", organization=organization, role="owner")


@pytest.fixture
def owner_client(client: Client, owner: User) -> Client:
    return staff_login(client, owner)


def good_input(**changes: Any) -> dict[str, Any]:
    data = {
        "legal_name": "Association Maison des communs",
        "postal_address": "3 place du Marché\n69001 Lyon",
        "privacy_email": "donnees@communs.example",
        "dpo_name": "Camille Martin",
        "dpo_email": "dpo@communs.example",
        "retention_months": "6",
        "talent_pool_months": "18",
        "hired_retention_months": "60",
        "decisions_en": "",
        "decisions_fr": "",
    }
    data.update(changes)
    return data


def privacy_values(organization: Organization) -> tuple[Any, ...]:
    organization.refresh_from_db()
    return (
        organization.legal_name,
        organization.postal_address,
        organization.privacy_email,
        organization.dpo_name,
        organization.dpo_email,
        organization.retention_months,
        organization.talent_pool_months,
        organization.hired_retention_months,
        organization.decisions_statement,
    )


class TestTheSettingsPage:
    def test_it_shows_the_settings_the_default_decisions_text_and_the_public_page(
        self, owner_client: Client, organization: Organization
    ) -> None:
        response = owner_client.get(settings_url(organization))
        assert response.status_code == 200
        html = response.content.decode()
        text = page_text(response)
        assert 'name="retention_months" value="3"' in html
        assert 'name="talent_pool_months" value="24"' in html
        assert 'name="hired_retention_months" value="60"' in html
        assert "How decisions are made (English)" in text
        assert "How decisions are made (French)" in text
        assert "Empty: Tremplin’s text, which reads: “People at Maison des communs read" in text
        assert "“Chez Maison des communs, des personnes lisent" in text
        assert f'href="/en/privacy/{organization.slug}/"' in html
        assert f'href="/en/staff/{organization.slug}/privacy/record/"' in html

    def test_it_saves_good_input_and_logs_what_changed(
        self, owner_client: Client, owner: User, organization: Organization
    ) -> None:
        response = owner_client.post(
            settings_url(organization),
            good_input(decisions_fr="Deux personnes lisent chaque candidature."),
            follow=True,
        )
        assert response.redirect_chain[-1][0] == settings_url(organization)
        assert "The privacy settings were saved." in page_text(response)
        assert privacy_values(organization) == (
            "Association Maison des communs",
            "3 place du Marché\n69001 Lyon",
            "donnees@communs.example",
            "Camille Martin",
            "dpo@communs.example",
            6,
            18,
            60,
            {"fr": "Deux personnes lisent chaque candidature."},
        )
        event = AuditEvent.objects.get(verb="privacy.settings")
        assert event.actor == owner
        assert event.organization == organization
        assert event.target_type == "accounts.organization"
        changed = event.data["changed"]
        assert changed["retention_months"] == {"from": 3, "to": 6}
        assert changed["talent_pool_months"] == {"from": 24, "to": 18}
        assert changed["decisions_statement.fr"] == {
            "from": "",
            "to": "Deux personnes lisent chaque candidature.",
        }
        assert "hired_retention_months" not in changed
        public = page_text(owner_client.get(f"/en/privacy/{organization.slug}/"))
        assert "Name Camille Martin" in public
        assert "6 months after the end of the recruitment" in public

    def test_saving_the_same_values_again_changes_and_logs_nothing(
        self, owner_client: Client, organization: Organization
    ) -> None:
        owner_client.post(settings_url(organization), good_input())
        response = owner_client.post(settings_url(organization), good_input(), follow=True)
        assert "Nothing changed." in page_text(response)
        assert AuditEvent.objects.filter(verb="privacy.settings").count() == 1

    def test_an_empty_decisions_box_goes_back_to_tremplins_text(
        self, owner_client: Client, organization: Organization
    ) -> None:
        owner_client.post(settings_url(organization), good_input(decisions_en="Our own words."))
        organization.refresh_from_db()
        assert organization.decisions_statement == {"en": "Our own words."}
        owner_client.post(settings_url(organization), good_input(decisions_en="  "))
        organization.refresh_from_db()
        assert organization.decisions_statement == {}

    @pytest.mark.parametrize(
        ("field", "value", "message"),
        [
            ("retention_months", "0", "Enter a number of months from 1 to 24."),
            ("retention_months", "25", "Enter a number of months from 1 to 24."),
            ("retention_months", "three", "Enter a number of months from 1 to 24."),
            ("retention_months", "", "Enter a number of months from 1 to 24."),
            ("talent_pool_months", "25", "Enter a number of months from 1 to 24."),
            ("hired_retention_months", "0", "Enter a number of months from 1 to 120."),
            ("hired_retention_months", "121", "Enter a number of months from 1 to 120."),
            ("privacy_email", "not-an-address", "Enter a valid email address."),
            ("dpo_email", "dpo@", "Enter a valid email address."),
            ("decisions_en", "x" * 2001, "Ensure this value has at most 2000 characters"),
        ],
    )
    def test_it_refuses_bad_input_with_a_message_and_saves_nothing(
        self, owner_client: Client, organization: Organization, field: str, value: str, message: str
    ) -> None:
        before = privacy_values(organization)
        response = owner_client.post(settings_url(organization), good_input(**{field: value}))
        assert response.status_code == 400
        text = page_text(response)
        assert "Nothing was saved: correct the fields marked below." in text
        assert message in text
        assert 'aria-invalid="true"' in response.content.decode()
        assert privacy_values(organization) == before
        assert not AuditEvent.objects.filter(verb="privacy.settings").exists()

    def test_the_errors_are_in_french_on_the_french_page(
        self, owner_client: Client, organization: Organization
    ) -> None:
        before = privacy_values(organization)
        response = owner_client.post(
            settings_url(organization, "fr"), good_input(retention_months="0")
        )
        assert response.status_code == 400
        text = page_text(response)
        assert "Saisissez un nombre de mois entre 1 et 24." in text
        assert "Rien n’a été enregistré" in text
        assert privacy_values(organization) == before


class TestTheRecordOfProcessing:
    @pytest.fixture
    def configured(self, organization: Organization) -> Organization:
        organization.legal_name = "Association Maison des communs"
        organization.postal_address = "3 place du Marché\n69001 Lyon"
        organization.privacy_email = "donnees@communs.example"
        organization.dpo_name = "Camille Martin"
        organization.dpo_email = "dpo@communs.example"
        organization.retention_months = 6
        organization.talent_pool_months = 18
        organization.hired_retention_months = 48
        organization.save()
        member_create(email="rita@example.org", organization=organization, role="recruiter")
        member_create(email="bob@example.org", organization=organization, role="reviewer")
        member_create(email="rosa@example.org", organization=organization, role="reviewer")
        return organization

    def test_the_page_gives_every_article_30_heading_and_the_settings(
        self, owner_client: Client, configured: Organization
    ) -> None:
        response = owner_client.get(record_url(configured))
        assert response.status_code == 200
        text = page_text(response)
        for heading in (
            "Controller and contacts",
            "Purposes and legal bases",
            "Categories of data subjects",
            "Categories of personal data",
            "Recipients",
            "Transfers outside the European Union",
            "Retention periods",
            "Security measures",
        ):
            assert heading in text
        assert "Data controller Association Maison des communs" in text
        assert "Known as Maison des communs" in text
        assert "Postal address 3 place du Marché, 69001 Lyon" in text
        assert "Contact about personal data donnees@communs.example" in text
        assert "Data protection officer Camille Martin (dpo@communs.example)" in text
        assert "Owners (1 member)" in text
        assert "Recruiters (1 member)" in text
        assert "Reviewers (2 members)" in text
        assert "6 months after the end of the recruitment process" in text
        assert "18 months after the candidate’s last contact" in text
        assert "Hired candidates: 48 months after the hire." in text
        assert "AES-256-GCM" in text
        assert "Two-factor authentication (TOTP) is required for every member" in text
        assert "Staff sessions end after 8 hours" in text

    def test_without_a_data_protection_officer_it_says_none_is_designated(
        self, owner_client: Client, organization: Organization
    ) -> None:
        text = page_text(owner_client.get(record_url(organization)))
        assert "Data protection officer None designated" in text
        assert "Contact about personal data jobs@communs.example" in text

    def test_the_markdown_file_has_the_same_sections_and_values(
        self, owner_client: Client, configured: Organization
    ) -> None:
        with time_machine.travel(datetime.datetime(2026, 3, 14, 10, tzinfo=datetime.UTC)):
            page = owner_client.get(record_url(configured))
            response = owner_client.get(record_url(configured, "record.md"))
        assert response.status_code == 200
        assert response["Content-Type"] == "text/markdown; charset=utf-8"
        assert response["Content-Disposition"] == (
            'attachment; filename="record-of-processing-communs-2026-03-14.md"'
        )
        markdown = response.content.decode()
        assert markdown.startswith("# Record of processing activities · Maison des communs\n")
        headings = re.findall(r"^## (.+)$", markdown, flags=re.M)
        assert headings == section_headings(page.content.decode())
        assert len(headings) == 9
        assert "- **Data controller:** Association Maison des communs" in markdown
        assert "- **Postal address:** 3 place du Marché, 69001 Lyon" in markdown
        assert "- **Data protection officer:** Camille Martin (dpo@communs.example)" in markdown
        assert "- **Generated on:** 14 March 2026" in markdown
        assert "- Reviewers (2 members): the applications" in markdown
        assert "- Hired candidates: 48 months after the hire." in markdown
        # Every point of the page is in the file, and the other way round.
        assert list_items(page.content.decode()) == [
            re.sub(r"\\(.)", r"\1", line) for line in re.findall(r"^- (.+)$", markdown, re.M)
        ]

    def test_markdown_characters_in_the_settings_are_escaped(
        self, owner_client: Client, organization: Organization
    ) -> None:
        organization.legal_name = "*Les_Communs* [#1]"
        organization.save()
        markdown = owner_client.get(record_url(organization, "record.md")).content.decode()
        assert "- **Data controller:** \\*Les\\_Communs\\* \\[\\#1\\]" in markdown

    def test_the_page_links_to_the_markdown_file(
        self, owner_client: Client, organization: Organization
    ) -> None:
        html = owner_client.get(record_url(organization)).content.decode()
        assert f'href="/en/staff/{organization.slug}/privacy/record.md"' in html

    def test_the_record_is_in_french_on_the_french_page(
        self, owner_client: Client, configured: Organization
    ) -> None:
        response = owner_client.get(f"/fr/staff/{configured.slug}/privacy/record.md")
        markdown = response.content.decode()
        assert "## Durées de conservation" in markdown
        assert "6 mois après la fin du processus de recrutement" in markdown
        # Django's own French label suffix: a no-break space before the colon.
        assert "- **Responsable du traitement\xa0:** Association Maison des communs" in markdown


class Collector(HTMLParser):
    """The h2 headings, facts and list items inside the page's notice sections, each as
    the Markdown file writes it ("**Label:** value" for a fact)."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[str] = []
        self.items: list[str] = []
        self.depth = 0
        self.current: list[str] | None = None
        self.tag = ""
        self.label = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "section" and ("class", "notice-section") in attrs:
            self.depth += 1
        elif self.depth and tag in ("h2", "li", "dt", "dd"):
            self.current, self.tag = [], tag

    def handle_endtag(self, tag: str) -> None:
        if tag == "section" and self.depth:
            self.depth -= 1
        elif self.current is not None and tag == self.tag:
            text = " ".join("".join(self.current).split())
            if tag == "h2":
                self.headings.append(text)
            elif tag == "li":
                self.items.append(text)
            elif tag == "dt":
                self.label = text
            else:
                self.items.append(f"**{self.label}:** {text}")
            self.current = None

    def handle_data(self, data: str) -> None:
        if self.current is not None:
            self.current.append(data)


def section_headings(html: str) -> list[str]:
    collector = Collector()
    collector.feed(html)
    return collector.headings


def list_items(html: str) -> list[str]:
    collector = Collector()
    collector.feed(html)
    return collector.items


class TestWhoMayOpenThem:
    @pytest.mark.parametrize("role", ["recruiter", "reviewer"])
    def test_other_members_get_not_found(
        self, client: Client, organization: Organization, role: str
    ) -> None:
        member = member_create(email=f"{role}@example.org", organization=organization, role=role)
        staff_login(client, member)
        for url in (
            settings_url(organization),
            record_url(organization),
            record_url(organization, "record.md"),
        ):
            assert client.get(url).status_code == 404
        assert client.post(settings_url(organization), good_input()).status_code == 404
        organization.refresh_from_db()
        assert organization.retention_months == 3

    def test_an_owner_of_another_organization_gets_not_found(
        self, client: Client, organization: Organization
    ) -> None:
        elsewhere = Organization.objects.create(name="Ailleurs", slug="ailleurs")
        staff_login(
            client, member_create(email="charlie@example.org", organization=elsewhere, role="owner")
        )
        assert client.get(settings_url(organization)).status_code == 404
        assert client.get(record_url(organization, "record.md")).status_code == 404
        assert client.post(settings_url(organization), good_input()).status_code == 404

    def test_a_visitor_is_sent_to_log_in(self, client: Client, organization: Organization) -> None:
        response = client.get(record_url(organization, "record.md"))
        assert response.status_code == 302
        assert response["Location"].startswith("/en/accounts/login/")

    def test_the_workspace_navigation_shows_the_privacy_link_to_owners_only(
        self, client: Client, owner_client: Client, organization: Organization
    ) -> None:
        link = f'href="/en/staff/{organization.slug}/privacy/"'
        assert link in owner_client.get(f"/en/staff/{organization.slug}/").content.decode()
        recruiter = member_create(
            email="rita@example.org", organization=organization, role="recruiter"
        )
        other = staff_login(Client(), recruiter)
        assert link not in other.get(f"/en/staff/{organization.slug}/").content.decode()


@pytest.mark.django_db
def test_the_record_says_so_when_reviewers_log_in_without_a_second_factor(
    organization: Organization,
) -> None:
    organization.reviewers_need_two_factor = False
    (security,) = [s for s in processing_record(organization=organization) if s.key == "security"]
    points = [str(point) for point in security.points]
    assert (
        "Two-factor authentication (TOTP) is required for owners and recruiters; reviewers "
        "log in with their password alone."
    ) in points
