"""Importing a posting in the browser: read and show (stores nothing), then confirm."""

import html as html_module
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tremplin.accounts.models import Organization
from tremplin.vacancies.models import Criterion, Vacancy, VacancyText
from tremplin.vacancies.tests.conftest import Team, audit_verbs, page_text

pytestmark = pytest.mark.django_db

IMPORT = "/en/staff/communs/vacancies/import/"
Seed = Callable[[str], Path]


def nothing_stored() -> bool:
    return (
        not Vacancy.objects.exists()
        and not VacancyText.objects.exists()
        and not Criterion.objects.exists()
        and list(Organization.objects.order_by("slug").values_list("slug", flat=True))
        == ["ailleurs", "communs"]
    )


def confirm_fields(html: str) -> dict[str, str]:
    """The hidden fields of the confirmation form, as a browser would send them back."""
    fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', html))
    return {name: html_module.unescape(value) for name, value in fields.items()}


def test_pasting_seed_002_shows_what_was_found_and_stores_nothing(team: Team, seed: Seed) -> None:
    text = seed("002").read_text(encoding="utf-8")

    response = team.client(team.recruiter).post(IMPORT, {"step": "read", "text": text})

    html = page_text(response)
    assert response.status_code == 200
    assert "Responsable des partenariats gouvernementaux" in html
    assert "Current AI" in html
    assert "18 criteria (8 must, 3 nice, 7 quality)" in html
    assert "No pay range" in html
    assert "No way to apply is stated" in html
    assert "It will create a new draft vacancy" in html
    assert "masculine only" not in html  # "Responsable" is epicene
    assert nothing_stored()


def test_the_preview_shows_the_sentence_each_field_came_from_and_marks_guesses(
    team: Team,
) -> None:
    text = (
        "# Animatrice de quartier\n\nLa Maison des Voisins est une association de quartier.\n\n"
        "Le contrat court de juin 2031 à août 2031. Envoyez votre CV à voisins@example.org "
        "avant le 15 mai.\n"
    )

    response = team.client(team.recruiter).post(IMPORT, {"step": "read", "text": text})

    html = html_module.unescape(page_text(response))
    assert "Read from: “La Maison des Voisins est une association de quartier.”" in html
    assert "Read from: “Envoyez votre CV à voisins@example.org avant le 15 mai.”" in html
    words = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert "Deadline 15 May 2031 a guess: check it" in words
    assert nothing_stored()


def test_the_preview_shows_the_vacancy_as_it_would_look_in_plain_words(
    team: Team, seed: Seed
) -> None:
    """Sections, facts in words (no codes), criteria by kind in the open, what is missing,
    and the pairing said plainly, its technical reason folded away."""
    client = team.client(team.recruiter)
    path = seed("000")
    upload = SimpleUploadedFile(path.name, path.read_bytes(), content_type="text/plain")
    html = html_module.unescape(page_text(client.post(IMPORT, {"step": "read", "file": upload})))
    words = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert "The vacancy as it would look" in words
    assert "Language English" in words and "Language en " not in words
    assert "Temporary, 12 months" in words and "TEMPORARY" not in words
    assert re.search(r"<h5>Must have \(\d+\)</h5>", html)
    assert "<details>" not in html.split('class="vacancy-preview"')[1].split("</article>")[0]
    assert "What is missing" in words
    assert "It will create a new draft vacancy. No vacancy here looks like a translation" in words
    assert '<details class="pairing-reason"><summary>Why Tremplin thinks so</summary>' in html
    assert nothing_stored()


def test_confirming_stores_the_posting_in_the_current_organization(team: Team, seed: Seed) -> None:
    client = team.client(team.recruiter)
    read = client.post(IMPORT, {"step": "read", "text": seed("002").read_text(encoding="utf-8")})

    response = client.post(IMPORT, confirm_fields(page_text(read)))

    vacancy = Vacancy.objects.get()
    assert vacancy.organization == team.organization
    assert response.status_code == 302
    assert response["Location"] == f"/en/staff/communs/vacancies/{vacancy.slug}/edit/"
    assert vacancy.status == Vacancy.Status.DRAFT
    assert vacancy.texts.get().title == "Responsable des partenariats gouvernementaux"
    kinds = list(vacancy.criteria.values_list("kind", flat=True))
    assert (kinds.count("must"), kinds.count("nice"), kinds.count("quality")) == (8, 3, 7)
    assert vacancy.texts.get().source_name.startswith("pasted text")
    assert audit_verbs() == ["vacancy.import"]
    edit = page_text(client.get(response["Location"]))
    assert "as a new draft vacancy" in edit
    assert "No pay range" in edit or "without a pay range" in edit


def test_uploading_the_french_text_of_an_imported_vacancy_adds_it_to_that_vacancy(
    team: Team, seed: Seed
) -> None:
    client = team.client(team.recruiter)
    for number in ("000", "001"):
        path = seed(number)
        upload = SimpleUploadedFile(path.name, path.read_bytes(), content_type="text/plain")
        read = client.post(IMPORT, {"step": "read", "file": upload})
        assert read.status_code == 200
        if number == "001":
            assert "It will add the French text to the vacancy" in page_text(read)
            assert Vacancy.objects.get().texts.count() == 1
        client.post(IMPORT, confirm_fields(page_text(read)))

    vacancy = Vacancy.objects.get()
    assert sorted(vacancy.texts.values_list("language", flat=True)) == ["en", "fr"]
    assert vacancy.texts.get(language="fr").source_name == seed("001").name


def test_a_french_title_in_the_masculine_only_is_flagged_in_the_preview(team: Team) -> None:
    posting = (
        "# Directeur des programmes\n\n"
        "Nous recherchons une personne pour diriger nos programmes et notre équipe.\n\n"
        "## Profil recherché\n\n- Dix ans d'expérience\n- Le sens de l'organisation\n"
    )
    response = team.client(team.recruiter).post(IMPORT, {"step": "read", "text": posting})
    assert "masculine only" in page_text(response)
    assert "“Directeur·rice”" in page_text(response)
    assert nothing_stored()


BAD_FILES = [
    ("empty.txt", b"", "empty.txt: the file is empty."),
    ("latin1.txt", "Poste à pourvoir, réservé".encode("latin-1"), "is not UTF-8 text"),
    ("big.txt", b"word " * 220_000, "larger than 1 MB"),
    ("posting.pdf", b"%PDF-1.7\n" + bytes(range(256)), "binary file (PDF)"),
    ("broken.md", b"---\ntitle: [unclosed\n---\n\nBody text here.\n", "broken.md:"),
    ("deep.md", b"---\ntitle: " + b"[" * 5_000 + b"\n---\n\nBody text.\n", "nested too deeply"),
    ("utf16.txt", "\ufeffUn poste".encode("utf-16-le")[:-1], "UTF-16 text but is broken"),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD_FILES)
def test_a_bad_file_gets_the_importers_message_and_nothing_is_stored(
    team: Team, name: str, content: bytes, message: str
) -> None:
    upload = SimpleUploadedFile(name, content, content_type="application/octet-stream")

    response = team.client(team.recruiter).post(IMPORT, {"step": "read", "file": upload})

    assert response.status_code == 400
    assert message in page_text(response)
    assert "What Tremplin read" not in page_text(response)
    assert nothing_stored()


def test_an_impossible_date_in_the_front_matter_is_a_warning_in_the_preview(team: Team) -> None:
    text = "---\ntitle: Bike Mechanic\ndeadline: 2025-02-30\n---\n\nWe repair bicycles.\n"
    upload = SimpleUploadedFile("mechanic.md", text.encode(), content_type="text/markdown")

    response = team.client(team.recruiter).post(IMPORT, {"step": "read", "file": upload})

    assert response.status_code == 200
    assert "deadline: 2025-02-30 is not a valid date" in page_text(response)
    assert nothing_stored()


def test_a_utf16_file_saved_by_notepad_is_read(team: Team) -> None:
    text = "Vélo Commun\n\n# Mécanicienne vélo\n\nNous réparons des vélos à Nantes.\n"
    upload = SimpleUploadedFile("offre.txt", text.encode("utf-16"), content_type="text/plain")

    response = team.client(team.recruiter).post(IMPORT, {"step": "read", "file": upload})

    assert response.status_code == 200
    assert "Mécanicienne vélo" in page_text(response)
    assert nothing_stored()


def test_the_importers_message_is_in_french_on_the_french_page(team: Team) -> None:
    upload = SimpleUploadedFile("vide.txt", b"  \n", content_type="text/plain")

    response = team.client(team.recruiter).post(
        "/fr/staff/communs/vacancies/import/", {"step": "read", "file": upload}
    )

    assert response.status_code == 400
    assert "vide.txt: le fichier est vide." in page_text(response)
    assert nothing_stored()


def test_empty_pasted_text_is_refused(team: Team) -> None:
    response = team.client(team.recruiter).post(IMPORT, {"step": "read", "text": "   "})
    assert response.status_code == 400
    assert "pasted text: the text is empty." in page_text(response)
    assert nothing_stored()


def test_broken_front_matter_in_pasted_text_is_refused(team: Team) -> None:
    response = team.client(team.recruiter).post(
        IMPORT, {"step": "read", "text": "---\ntitle: [oops\n---\n\nSome body text.\n"}
    )
    assert response.status_code == 400
    assert "pasted text:" in page_text(response)
    assert nothing_stored()


def test_a_file_stopped_while_uploading_gets_the_size_message(team: Team, settings) -> None:
    settings.TREMPLIN_MAX_UPLOAD_BYTES = 1_000
    upload = SimpleUploadedFile("huge.txt", b"x" * 5_000, content_type="text/plain")

    response = team.client(team.recruiter).post(IMPORT, {"step": "read", "file": upload})

    assert response.status_code == 400
    assert "huge.txt: the file is larger than 1 MB" in page_text(response)
    assert nothing_stored()


def test_text_and_file_together_are_refused(team: Team) -> None:
    upload = SimpleUploadedFile("a.txt", b"# Title\n\nBody text.", content_type="text/plain")
    response = team.client(team.recruiter).post(
        IMPORT, {"step": "read", "text": "# Other\n\nText.", "file": upload}
    )
    assert response.status_code == 400
    assert "not both" in page_text(response)
    assert nothing_stored()


def test_a_confirmation_that_lost_its_text_stores_nothing(team: Team) -> None:
    response = team.client(team.recruiter).post(IMPORT, {"step": "confirm"})
    assert response.status_code == 400
    assert "lost on the way" in page_text(response)
    assert nothing_stored()


def test_a_confirmed_posting_that_cannot_be_stored_stores_nothing(team: Team) -> None:
    response = team.client(team.recruiter).post(
        IMPORT,
        {"step": "confirm", "text": "Just a few words.", "source_name": "note.txt"},
    )
    assert response.status_code == 400
    assert "note.txt:" in page_text(response)
    assert nothing_stored()


def test_reviewers_and_outsiders_get_404_and_nothing_is_stored(team: Team, seed: Seed) -> None:
    text = seed("002").read_text(encoding="utf-8")
    for user in (team.reviewer, team.outsider):
        client = team.client(user)
        assert client.get(IMPORT).status_code == 404
        confirm = {"step": "confirm", "text": text, "source_name": "x.txt"}
        assert client.post(IMPORT, confirm).status_code == 404
    assert Client().get(IMPORT).status_code == 302
    assert nothing_stored()


def test_the_preview_marks_an_organization_read_from_the_apply_domain_as_a_guess(
    team: Team,
) -> None:
    text = (
        "# Animatrice de quartier\n\nTu animeras les ateliers du quartier.\n\n"
        "Envoyez votre CV à emplois@harbourcommons.org. Harbour Commons répond sous huit jours.\n"
    )

    response = team.client(team.recruiter).post(IMPORT, {"step": "read", "text": text})

    html = html_module.unescape(page_text(response))
    words = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert (
        "Organization Harbour Commons a guess: check it "
        "Read from: “Harbour Commons répond sous huit jours.”"
    ) in words
    assert nothing_stored()
