"""How the words match, the same on SQLite and PostgreSQL (run the suite on both)."""

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from tremplin.accounts.models import Membership, Organization, User
from tremplin.applications.models import Application
from tremplin.applications.services import application_move
from tremplin.search.selectors import Filters, entries_search
from tremplin.search.text import query_parse
from tremplin.vacancies.models import Vacancy

FRENCH_CV = (
    "Développeuse web depuis six ans, j'ai travaillé pour plusieurs organisations "
    "associatives à Paris. J'ai animé des ateliers numériques et conduit la refonte "
    "du site d'une fédération nationale. Je parle couramment anglais et espagnol."
)
ENGLISH_CV = (
    "Community coordinator with ten years of campaigning experience for climate groups in "
    "Manchester. I led volunteer training, ran fundraising drives and coordinated a "
    "national network of local branches. Head of operations for two charities."
)


def found(members: dict[str, User], organization: Organization, q: str, **filters: Any) -> set[str]:
    membership = Membership.objects.get(user=members["owner"], organization=organization)
    entries = entries_search(
        membership=membership, query=query_parse(q), filters=Filters(**filters)
    )
    return {entry.application.candidate.name for entry in entries}


@pytest.fixture
def two(apply: Callable[..., Application], open_vacancy: Vacancy) -> dict[str, Application]:
    return {
        "claire": apply(
            open_vacancy,
            name="Claire Fontaine",
            email="claire@example.org",
            cv=FRENCH_CV,
            language="fr",
        ),
        "sam": apply(
            open_vacancy, name="Sam Okafor", email="sam.okafor@example.org", cv=ENGLISH_CV
        ),
    }


def test_a_french_word_finds_its_plural_in_a_french_text(two, members, organization) -> None:
    assert two["claire"].documents.get().language == "fr"
    assert found(members, organization, "organisation") == {"Claire Fontaine"}


def test_an_english_word_finds_its_other_forms_in_an_english_text(
    two, members, organization
) -> None:
    assert found(members, organization, "campaign") == {"Sam Okafor"}
    assert found(members, organization, "trained") == {"Sam Okafor"}


def test_accents_are_ignored_both_ways(two, members, organization) -> None:
    assert found(members, organization, "developpeuse") == {"Claire Fontaine"}
    assert found(members, organization, "fédération") == {"Claire Fontaine"}
    assert found(members, organization, "FEDERATION") == {"Claire Fontaine"}


def test_every_word_is_required(two, members, organization) -> None:
    assert found(members, organization, "national network") == {"Sam Okafor"}
    assert found(members, organization, "nationale fédération") == {"Claire Fontaine"}
    assert found(members, organization, "network fédération") == set()


def test_a_quoted_phrase_needs_its_words_in_order(two, members, organization) -> None:
    assert found(members, organization, '"head of operations"') == {"Sam Okafor"}
    assert found(members, organization, '"operations of head"') == set()


def test_a_minus_excludes(two, members, organization) -> None:
    assert found(members, organization, "national") == {"Claire Fontaine", "Sam Okafor"}
    assert found(members, organization, "national -manchester") == {"Claire Fontaine"}
    assert found(members, organization, 'national -"climate groups"') == {"Claire Fontaine"}


def test_or_accepts_either(two, members, organization) -> None:
    assert found(members, organization, "manchester or paris") == {
        "Claire Fontaine",
        "Sam Okafor",
    }


def test_a_query_with_nothing_to_find_finds_nothing(two, members, organization) -> None:
    assert found(members, organization, "") == set()
    assert found(members, organization, "-manchester") == set()
    assert found(members, organization, '"" !!') == set()


def test_the_name_the_address_and_the_vacancy_title_find_the_application(
    two, members, organization
) -> None:
    assert found(members, organization, "okafor") == {"Sam Okafor"}
    assert found(members, organization, "Fontaine") == {"Claire Fontaine"}
    assert found(members, organization, "treasurer") == {"Claire Fontaine", "Sam Okafor"}


def test_a_full_address_finds_that_candidate_only(two, members, organization) -> None:
    assert found(members, organization, "sam.okafor@example.org") == {"Sam Okafor"}
    assert found(members, organization, "claire@example.org") == {"Claire Fontaine"}
    assert found(members, organization, "nobody@example.org") == set()


def test_answers_are_searched(apply, open_vacancy, members, organization) -> None:
    apply(open_vacancy, name="Ines", email="ines@example.org", answer="I love beekeeping.")
    assert found(members, organization, "beekeeping") == {"Ines"}


def test_filters_narrow_the_results(two, apply, members, organization, blind_vacancy) -> None:
    apply(blind_vacancy, name="Lou", email="lou@example.org", cv=ENGLISH_CV)
    assert found(members, organization, "national") == {"Claire Fontaine", "Sam Okafor", "Lou"}
    assert found(members, organization, "national", vacancy="facilitator") == {"Lou"}
    assert found(members, organization, "national", language="fr") == {"Claire Fontaine"}
    application_move(application=two["sam"], to_stage="interview", by=None)
    assert found(members, organization, "national", stage="interview") == {"Sam Okafor"}
    assert found(members, organization, "national", since=date(2000, 1, 1)) == {
        "Claire Fontaine",
        "Sam Okafor",
        "Lou",
    }
    assert found(members, organization, "national", until=date(2000, 1, 1)) == set()


def test_the_most_relevant_comes_first(apply, open_vacancy, members, organization) -> None:
    apply(open_vacancy, name="Once", email="once@example.org", cv="I met a beekeeper once.")
    apply(
        open_vacancy,
        name="Often",
        email="often@example.org",
        cv="Beekeeping, beekeeping and more beekeeping: beekeeper of the year.",
    )
    membership = Membership.objects.get(user=members["owner"], organization=organization)
    entries = entries_search(membership=membership, query=query_parse("beekeeping"))
    assert [entry.application.candidate.name for entry in entries] == ["Often", "Once"]


def test_another_organization_s_applications_are_never_found(
    two, apply, members, organization
) -> None:
    from tremplin.search.tests.conftest import vacancy_with_question_make

    elsewhere = Organization.objects.create(name="Ailleurs", slug="ailleurs")
    apply(
        vacancy_with_question_make(elsewhere, slug="x", title="Treasurer", blind=False),
        name="Other Org",
        email="other@example.org",
        cv=ENGLISH_CV,
    )
    assert found(members, organization, "national") == {"Claire Fontaine", "Sam Okafor"}


def test_an_edit_of_the_candidate_is_found(
    two, members, organization, django_capture_on_commit_callbacks
) -> None:
    candidate = two["sam"].candidate
    with django_capture_on_commit_callbacks(execute=True):
        candidate.name = "Samuel Okafor-Berg"
        candidate.save()
    assert found(members, organization, "berg") == {"Samuel Okafor-Berg"}
