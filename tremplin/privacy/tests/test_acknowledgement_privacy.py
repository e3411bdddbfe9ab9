"""The acknowledgement, the first message an e-mail applicant gets, always says where the
organization's privacy notice is (GDPR Art. 13), in the candidate's language."""

import pytest

from tremplin.messaging.models import MessageTemplate, MessageTemplateText, OutboxMessage
from tremplin.testing.applying import submit

pytestmark = pytest.mark.django_db


def acknowledgement(email: str) -> str:
    return OutboxMessage.objects.get(to=email, kind="acknowledgement").body


def own_template(organization, body: str) -> None:
    template = MessageTemplate.objects.create(
        organization=organization, kind="acknowledgement", name="Ours"
    )
    MessageTemplateText.objects.create(
        template=template, language="fr", subject="Bien reçu", body=body
    )


def test_tremplins_acknowledgement_links_the_privacy_page_in_the_candidates_language(vacancy):
    submit(vacancy, email="ada@example.org", language="en")
    submit(vacancy, email="louise@example.org", language="fr", letter_text="Bonjour.")

    english, french = acknowledgement("ada@example.org"), acknowledgement("louise@example.org")

    assert (
        "how long it is kept, and your rights:\nhttp://127.0.0.1:8000/en/privacy/open-future/"
        in english
    )
    assert "download a copy of your data, or erase it" in english
    assert "/fr/privacy/open-future/" in french
    assert "vos droits" in french


def test_an_organizations_own_wording_gets_the_link_when_it_forgot_it(organization, vacancy):
    own_template(organization, "Merci {{ candidate_name }} : {{ status_url }}")
    submit(
        vacancy, email="louise@example.org", name="Louise", language="fr", letter_text="Bonjour."
    )

    body = acknowledgement("louise@example.org")

    assert body.startswith("Merci Louise : http")
    assert body.rstrip().endswith("/fr/privacy/open-future/")
    assert "vos droits" in body


def test_an_organizations_own_wording_that_gives_the_link_gets_it_once(organization, vacancy):
    own_template(organization, "Merci : {{ status_url }}\nVos données : {{ privacy_url }}")
    submit(vacancy, email="louise@example.org", language="fr", letter_text="Bonjour.")

    assert acknowledgement("louise@example.org").count("/privacy/open-future/") == 1
