"""The privacy notice on the application form, the organization's privacy page and the
"how decisions are made" paragraph: built from the organization's own settings."""

import re
from typing import Any

import pytest
from django.test import Client
from django.utils import translation

from tremplin.accounts.models import Organization
from tremplin.notices import texts as notices
from tremplin.testing.applying import apply_url, status_path
from tremplin.testing.applying import submit as application_submit
from tremplin.testing.builders import campaign_lead_make, organization_make
from tremplin.vacancies.models import Vacancy

pytestmark = pytest.mark.django_db


def page_text(response: Any) -> str:
    """The page as a person reads it: no tags, spaces collapsed."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    html = re.sub(r"</?(a|strong|em|span|time|code)\b[^>]*>", "", html)
    text = re.sub(r"<[^>]+>", " ", html)
    for entity, char in (("&nbsp;", " "), ("&#x27;", "'"), ("&quot;", '"'), ("&amp;", "&")):
        text = text.replace(entity, char)
    return " ".join(text.split())


def privacy_url(organization: Organization, language: str = "en") -> str:
    return f"/{language}/privacy/{organization.slug}/"


@pytest.fixture
def organization() -> Organization:
    organization = organization_make("open-future")
    organization.legal_name = "Association Open Future"
    organization.postal_address = "12 rue des Lilas\n75020 Paris"
    organization.privacy_email = "privacy@open-future.example.org"
    organization.dpo_name = "Dominique Petit"
    organization.dpo_email = "dpo@open-future.example.org"
    organization.retention_months = 6
    organization.talent_pool_months = 12
    organization.hired_retention_months = 36
    organization.save()
    return organization


@pytest.fixture
def vacancy(organization: Organization) -> Vacancy:
    return campaign_lead_make(organization)


@pytest.fixture
def plain_organization() -> Organization:
    """Only what an organization has on its first day: a name and a recruitment address."""
    return organization_make("plain")


class TestTheNoticeOnTheForm:
    def test_it_names_the_controller_the_contact_and_the_data_protection_officer(
        self, client: Client, vacancy: Vacancy
    ) -> None:
        text = page_text(client.get(apply_url(vacancy)))
        assert "Association Open Future (the data controller)" in text
        assert "write to privacy@open-future.example.org" in text
        assert "Data protection officer: Dominique Petit (dpo@open-future.example.org)" in text

    def test_it_gives_the_organizations_own_retention_periods(
        self, client: Client, vacancy: Vacancy
    ) -> None:
        text = page_text(client.get(apply_url(vacancy)))
        assert "6 months after the end of this recruitment if you are not hired" in text
        assert "12 months after your last contact if you join the talent pool" in text
        assert "36 months after the hire" in text
        assert "three months" not in text and "two years" not in text

    def test_the_talent_pool_box_says_the_organizations_period(
        self, client: Client, vacancy: Vacancy
    ) -> None:
        text = page_text(client.get(apply_url(vacancy)))
        assert "Keep my application for 12 months after my last contact" in text

    def test_it_is_in_french_with_the_same_numbers(self, client: Client, vacancy: Vacancy) -> None:
        text = page_text(client.get(apply_url(vacancy, "fr")))
        assert "6 mois après la fin de ce recrutement" in text
        assert "12 mois après votre dernier contact" in text
        assert "36 mois après le recrutement" in text
        assert "Délégué·e à la protection des données : Dominique Petit" in text
        assert "Conserver ma candidature pendant 12 mois après mon dernier contact" in text

    def test_it_lists_the_rights_and_the_cnil(self, client: Client, vacancy: Vacancy) -> None:
        text = page_text(client.get(apply_url(vacancy)))
        for right in ("see your data", "correct it", "erase it", "portable", "object"):
            assert right in text
        assert "withdraw your consent" in text
        assert "https://www.cnil.fr/" in text

    def test_it_links_to_the_full_privacy_notice(self, client: Client, vacancy: Vacancy) -> None:
        html = client.get(apply_url(vacancy)).content.decode()
        assert f'href="{privacy_url(vacancy.organization)}"' in html
        assert 'href="mailto:privacy@open-future.example.org"' in html

    def test_without_a_data_protection_officer_it_names_none(
        self, client: Client, plain_organization: Organization
    ) -> None:
        text = page_text(client.get(apply_url(campaign_lead_make(plain_organization))))
        assert "Data protection officer" not in text
        assert "Plain (the data controller)" in text

    def test_without_a_privacy_contact_it_gives_the_recruitment_address(
        self, client: Client, plain_organization: Organization
    ) -> None:
        text = page_text(client.get(apply_url(campaign_lead_make(plain_organization))))
        assert "write to jobs@plain.example.org" in text
        assert "3 months after the end of this recruitment" in text
        assert "24 months after your last contact" in text
        assert "60 months after the hire" in text


class TestThePrivacyPage:
    def test_it_gives_every_fact_from_the_settings(
        self, client: Client, organization: Organization
    ) -> None:
        response = client.get(privacy_url(organization))
        assert response.status_code == 200
        text = page_text(response)
        assert "Privacy notice for candidates" in text
        assert "Data controller Association Open Future" in text
        assert "Postal address 12 rue des Lilas, 75020 Paris" in text
        assert "Contact about your data privacy@open-future.example.org" in text
        assert "Name Dominique Petit" in text
        assert "E-mail address dpo@open-future.example.org" in text
        assert "If you are not hired, or if you withdraw: 6 months after the end" in text
        assert "In the talent pool, only with your consent: 12 months after your last" in text
        assert "If you are hired: 36 months after the hire." in text
        assert "One month before the end, an e-mail offers you to stay" in text

    def test_it_states_the_legal_bases_the_rights_and_where_to_complain(
        self, client: Client, organization: Organization
    ) -> None:
        text = page_text(client.get(privacy_url(organization)))
        assert "Art. 6(1)(b)" in text and "Art. 6(1)(a)" in text and "Art. 6(1)(f)" in text
        for article in ("Art. 15", "Art. 16", "Art. 17", "Art. 18", "Art. 20", "Art. 21"):
            assert article in text
        assert "withdraw your consent to the talent pool at any time" in text
        assert "write to privacy@open-future.example.org" in text
        assert "the CNIL, the French data protection authority (https://www.cnil.fr/)" in text
        assert "Art. 22" in text
        assert "never asked about your current or past pay" in text
        assert "its makers receive nothing" in text

    def test_it_has_no_data_protection_officer_section_without_one(
        self, client: Client, plain_organization: Organization
    ) -> None:
        response = client.get(privacy_url(plain_organization))
        assert response.status_code == 200
        text = page_text(response)
        assert "Data protection officer" not in text
        assert "Data controller Plain" in text
        assert "Contact about your data jobs@plain.example.org" in text
        assert "Postal address" not in text
        assert "3 months after the end" in text

    def test_with_no_address_at_all_it_says_to_write_to_the_controller(
        self, client: Client
    ) -> None:
        organization = Organization.objects.create(name="Silent", slug="silent")
        text = page_text(client.get(privacy_url(organization)))
        assert "For anything else, write to Silent." in text

    def test_it_is_in_french(self, client: Client, organization: Organization) -> None:
        text = page_text(client.get(privacy_url(organization, "fr")))
        assert "Information des candidat·es sur leurs données" in text
        assert "Responsable du traitement Association Open Future" in text
        assert "6 mois après la fin du recrutement" in text
        assert "12 mois après votre dernier contact" in text
        assert "36 mois après le recrutement" in text
        assert "CNIL" in text and "art. 22" in text

    def test_an_unknown_organization_is_not_found(self, client: Client) -> None:
        assert client.get("/en/privacy/nobody/").status_code == 404

    def test_it_shows_the_organizations_own_decisions_text(
        self, client: Client, organization: Organization
    ) -> None:
        organization.decisions_statement = {"en": "Two of us read each application."}
        organization.save()
        text = page_text(client.get(privacy_url(organization)))
        assert "Two of us read each application." in text


class TestLinksToThePrivacyPage:
    def test_the_careers_page_and_the_vacancy_page_link_to_it(
        self, client: Client, vacancy: Vacancy
    ) -> None:
        href = f'href="{privacy_url(vacancy.organization)}"'
        assert href in client.get(f"/en/{vacancy.organization.slug}/").content.decode()
        assert href in client.get(vacancy.get_absolute_url()).content.decode()


class TestHowDecisionsAreMade:
    def test_the_vacancy_page_gives_tremplins_text_by_default(
        self, client: Client, vacancy: Vacancy
    ) -> None:
        en = page_text(client.get(f"/en/{vacancy.organization.slug}/{vacancy.slug}/"))
        fr = page_text(client.get(f"/fr/{vacancy.organization.slug}/{vacancy.slug}/"))
        assert "People at Open Future read and review every application themselves" in en
        assert "No decision about a candidate is made by software" in en
        assert "GDPR, Art. 22" in en
        assert "Chez Open Future, des personnes lisent et examinent elles-mêmes" in fr
        assert "RGPD, art. 22" in fr

    def test_it_says_when_the_vacancy_is_reviewed_blind(
        self, client: Client, vacancy: Vacancy
    ) -> None:
        url = f"/en/{vacancy.organization.slug}/{vacancy.slug}/"
        assert "This vacancy is reviewed blind" in page_text(client.get(url))
        vacancy.blind_review = False
        vacancy.save()
        assert "reviewed blind" not in page_text(client.get(url))

    def test_the_vacancy_page_gives_the_organizations_own_text_in_each_language(
        self, client: Client, vacancy: Vacancy
    ) -> None:
        vacancy.organization.decisions_statement = {
            "en": "Our hiring committee of three reads every application.",
            "fr": "Notre comité de trois personnes lit chaque candidature.",
        }
        vacancy.organization.save()
        en = page_text(client.get(f"/en/{vacancy.organization.slug}/{vacancy.slug}/"))
        fr = page_text(client.get(f"/fr/{vacancy.organization.slug}/{vacancy.slug}/"))
        assert "Our hiring committee of three reads every application." in en
        assert "read and review every application themselves" not in en
        assert "Notre comité de trois personnes lit chaque candidature." in fr
        assert "Our hiring committee" not in fr

    def test_a_language_without_its_own_text_gets_the_default(
        self, client: Client, vacancy: Vacancy
    ) -> None:
        vacancy.organization.decisions_statement = {
            "en": "Our committee reads everything.",
            "fr": " ",
        }
        vacancy.organization.save()
        fr = page_text(client.get(f"/fr/{vacancy.organization.slug}/{vacancy.slug}/"))
        assert "Our committee" not in fr
        assert "des personnes lisent et examinent elles-mêmes" in fr

    def test_the_statement_function_picks_the_language(self, organization: Organization) -> None:
        organization.decisions_statement = {"fr": "Texte à nous."}
        assert notices.decisions_statement(organization=organization, language="fr") == (
            "Texte à nous."
        )
        english = notices.decisions_statement(organization=organization, language="en")
        assert english.startswith("People at Open Future read and review")
        assert translation.get_language() == "en"


class TestTheStatusPage:
    def test_the_talent_pool_sentence_gives_the_organizations_period(
        self, client: Client, vacancy: Vacancy
    ) -> None:
        application = application_submit(vacancy, talent_pool_consent=True)
        text = page_text(client.get(status_path(application)))
        assert "keeps your application for 12 months after your last contact" in text
        french = page_text(client.get(status_path(application, "fr")))
        assert "pendant 12 mois après votre dernier contact" in french


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_privacy_page_has_no_accessibility_violations(page: Any, live_server: Any) -> None:
    from tremplin.testing.axe import axe_violations

    organization = organization_make("open-future")
    organization.dpo_name = "Dominique Petit"
    organization.postal_address = "12 rue des Lilas\n75020 Paris"
    organization.save()
    problems = []
    for language in ("en", "fr"):
        page.goto(live_server.url + privacy_url(organization, language))
        problems += axe_violations(page)
    assert problems == []
