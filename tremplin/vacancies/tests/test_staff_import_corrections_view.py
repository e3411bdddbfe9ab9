"""Correcting fields in the import preview: the vacancy gets the corrected values, and the
fields corrected are counted (field and day only) for the organization's owners."""

import datetime as dt
import html as html_module
import re
from html.parser import HTMLParser

import pytest
from django.test import Client

from tremplin.vacancies.models import ImportCorrection, Vacancy
from tremplin.vacancies.tests.conftest import Team, page_text

pytestmark = pytest.mark.django_db

IMPORT = "/en/staff/communs/vacancies/import/"
ELSEWHERE_IMPORT = "/en/staff/ailleurs/vacancies/import/"
POSTING = (
    "# Animatrice de quartier\n\n"
    "La Maison des Voisins recrute une animatrice de quartier en CDD de 6 mois.\n\n"
    "Lieu : Lyon\n\n"
    "Envoyez votre CV à voisins@example.org avant le 15 mai 2031.\n"
)


class _ConfirmForm(HTMLParser):
    """The fields of the confirmation form as a browser sends them: each input's value and
    each select's selected option."""

    def __init__(self) -> None:
        super().__init__()
        self.fields: dict[str, str] = {}
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {name: value or "" for name, value in attrs}
        if tag == "input" and found.get("name") and found.get("type") != "submit":
            self.fields[found["name"]] = found.get("value", "")
        if tag == "select":
            self._select = found.get("name")
            self.fields.setdefault(self._select or "", "")
        if tag == "option" and self._select and "selected" in found:
            self.fields[self._select] = found.get("value", "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None


def confirm_form(html: str) -> dict[str, str]:
    start = html.rindex("<form", 0, html.index('name="step" value="confirm"'))
    parser = _ConfirmForm()
    parser.feed(html[start : html.index("</form>", start)])
    parser.fields.pop("csrfmiddlewaretoken", None)
    return {name: html_module.unescape(value) for name, value in parser.fields.items()}


def read(client: Client, url: str = IMPORT) -> dict[str, str]:
    response = client.post(url, {"step": "read", "text": POSTING})
    assert response.status_code == 200
    return confirm_form(page_text(response))


def words(response: object) -> str:
    text = html_module.unescape(page_text(response))
    return " ".join(re.sub(r"<[^>]+>", " ", text).split())


def test_the_preview_offers_the_fields_as_read_for_correction(team: Team) -> None:
    fields = read(team.client(team.recruiter))

    assert fields["location"] == "Lyon"
    assert fields["apply_email"] == "voisins@example.org"
    assert fields["deadline"] == "2031-05-15"
    assert fields["contract_duration_months"] == "6"
    assert fields["title"] == "Animatrice de quartier"


def test_a_corrected_field_is_stored_and_counted_without_its_value(team: Team) -> None:
    client = team.client(team.recruiter)
    fields = read(client)
    fields.update(location="Villeurbanne", deadline="2031-05-20")

    response = client.post(IMPORT, fields)

    assert response.status_code == 302
    vacancy = Vacancy.objects.get()
    assert (vacancy.location, vacancy.deadline) == ("Villeurbanne", dt.date(2031, 5, 20))
    assert vacancy.apply_email == "voisins@example.org"  # not corrected, kept as read
    rows = ImportCorrection.objects.order_by("field")
    assert [(row.organization, row.field) for row in rows] == [
        (team.organization, "deadline"),
        (team.organization, "location"),
    ]
    assert {f.name for f in ImportCorrection._meta.get_fields()} == {
        "id",
        "organization",
        "field",
        "corrected_on",
    }


def test_emptying_a_field_is_a_correction_and_sending_it_as_read_is_none(team: Team) -> None:
    client = team.client(team.recruiter)
    untouched = read(client)
    client.post(IMPORT, untouched)
    assert not ImportCorrection.objects.exists()

    emptied = read(client)
    emptied["location"] = ""
    client.post(IMPORT, emptied)

    assert list(ImportCorrection.objects.values_list("field", flat=True)) == ["location"]
    assert Vacancy.objects.get(location="").texts.get().title == "Animatrice de quartier"


def test_a_corrected_value_that_is_not_valid_stores_nothing_and_says_why(team: Team) -> None:
    client = team.client(team.recruiter)
    fields = read(client)
    fields["apply_email"] = "voisins at example"

    response = client.post(IMPORT, fields)

    assert response.status_code == 400
    text = words(response)
    assert "Nothing was stored: correct the fields marked below." in text
    assert "Enter a valid email address." in text
    assert confirm_form(page_text(response))["apply_email"] == "voisins at example"
    assert not Vacancy.objects.exists()
    assert not ImportCorrection.objects.exists()


def test_owners_see_a_count_per_field_of_their_organization_only(team: Team) -> None:
    recruiter = team.client(team.recruiter)
    for location in ("Villeurbanne", "Bron"):
        fields = read(recruiter)
        fields["location"] = location
        recruiter.post(IMPORT, fields)
    fields = read(recruiter)
    fields["title"] = "Animatrice ou animateur de quartier"
    recruiter.post(IMPORT, fields)
    outsider = team.client(team.outsider)
    fields = read(outsider, ELSEWHERE_IMPORT)
    fields.update(location="Paris", deadline="2031-06-01", apply_email="a@example.org")
    outsider.post(ELSEWHERE_IMPORT, fields)

    text = words(team.client(team.owner).get(IMPORT))

    assert "Fields corrected before importing Field Times corrected Location 2 Title 1" in text
    assert "Deadline" not in text and "Apply e-mail" not in text


def test_owners_are_told_when_nothing_was_corrected_yet(team: Team) -> None:
    text = words(team.client(team.owner).get(IMPORT))

    assert "No field has been corrected in the preview yet." in text


def test_recruiters_do_not_see_the_counts(team: Team) -> None:
    recruiter = team.client(team.recruiter)
    fields = read(recruiter)
    fields["location"] = "Villeurbanne"
    recruiter.post(IMPORT, fields)

    for response in (
        recruiter.get(IMPORT),
        recruiter.post(IMPORT, {"step": "read", "text": POSTING}),
    ):
        assert "Fields corrected before importing" not in words(response)
        assert "Times corrected" not in words(response)
