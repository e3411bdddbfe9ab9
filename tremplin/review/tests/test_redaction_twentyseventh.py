"""Issue 10, item 12, twenty-seventh round: general rules for what redaction still did wrong
on the tuning samples once six held-out samples joined them, on made-up examples: labels
written "Addresse" and "Teléfono celular", a site on a regional domain, and a town with its
country in a letter's sentence."""

import pytest

from tremplin.review import redaction
from tremplin.review.redaction import Identity


def test_an_address_label_spelt_addresse_goes_with_its_value_and_stays_a_label() -> None:
    text = (
        "Ann Carver\nAddresse Lindenweg 4, 12345 Hafenstadt\nann@example.org\n\n"
        "Erfahrung\nTischlerin, 2020 - 2024\n"
    )
    redacted = redaction.redact(text, identity=Identity.of(name="Ann Carver"), header=False)
    assert "Lindenweg" not in redacted and "Hafenstadt" not in redacted
    assert "Addresse" in redacted
    assert "Tischlerin, 2020 - 2024" in redacted


@pytest.mark.parametrize("label", ["Teléfono particular", "Teléfono celular", "Teléfono móvil"])
def test_a_spanish_phone_label_of_two_words_is_the_label(label: str) -> None:
    text = f"Ana Carver\n{label} (55) 1234 5678\nana@example.org\n\nExperiencia\nDiseñadora\n"
    redacted = redaction.redact(text, identity=Identity.of(name="Ana Carver"), header=False)
    assert "1234" not in redacted
    assert label in redacted


@pytest.mark.parametrize("site", ["anacarver.cat", "anacarver.eus", "anacarver.scot/portfolio"])
def test_a_site_on_a_regional_domain_is_a_link(site: str) -> None:
    text = f"Ana Carver\nana@example.org · {site}\n\nExperience\nDesigner, 2020\n"
    redacted = redaction.redact(text, identity=Identity.of(name="Ana Carver"), header=False)
    assert "anacarver" not in redacted


def test_a_town_and_country_in_a_sentence_leave_the_words_before_them() -> None:
    text = (
        "Ana Carver\n4 rue des Lilas\n25000 Besançon\nana@example.org\n\n"
        "Objet : candidature\nLe poste d’officier de santé à Dakar, Sénégal retient mon "
        "attention.\n"
    )
    redacted = redaction.redact(text, identity=Identity.of(name="Ana Carver"), header=False)
    assert "officier de santé à" in redacted
