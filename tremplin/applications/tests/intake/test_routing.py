"""Which vacancy a message goes to, from the address it was sent to; the reply address."""

import pytest

from tremplin.accounts.models import Organization
from tremplin.applications.intake.routing import inbound_route, vacancy_reply_address
from tremplin.testing.builders import vacancy_make
from tremplin.vacancies.models import Vacancy

pytestmark = pytest.mark.django_db


def test_a_vacancy_s_reply_address_is_the_organization_s_with_a_plus_tag(vacancy):
    assert vacancy_reply_address(vacancy=vacancy) == "Jobs+director@Example.org"


def test_an_organization_without_an_address_gives_no_reply_address(vacancy):
    vacancy.organization.email = ""
    assert vacancy_reply_address(vacancy=vacancy) == ""


def test_a_plus_tag_routes_to_its_published_vacancy(vacancy):
    route = inbound_route(recipients=["jobs+director@example.org"])
    assert (route.organization, route.vacancy, route.reason) == (vacancy.organization, vacancy, "")


def test_the_tag_is_read_whatever_its_case(vacancy):
    assert inbound_route(recipients=["JOBS+Director@EXAMPLE.ORG"]).vacancy == vacancy


def test_a_tagged_address_wins_over_an_untagged_one_listed_before_it(vacancy):
    route = inbound_route(recipients=["jobs@example.org", "jobs+director@example.org"])
    assert route.vacancy == vacancy


def test_an_untagged_message_goes_to_the_unsorted_list_of_its_organization(organization):
    route = inbound_route(recipients=["someone@example.net", "jobs@example.org"])
    assert (route.organization, route.vacancy, route.reason) == (organization, None, "no_tag")


def test_a_tag_naming_no_vacancy_goes_to_the_unsorted_list(organization):
    route = inbound_route(recipients=["jobs+astronaut@example.org"])
    assert (route.organization, route.vacancy) == (organization, None)
    assert (route.reason, route.detail) == ("unknown_vacancy", "astronaut")


@pytest.mark.parametrize("status", [Vacancy.Status.CLOSED, Vacancy.Status.DRAFT])
def test_a_vacancy_not_open_sends_its_mail_to_the_unsorted_list(organization, status):
    closed = vacancy_make(organization, "old-role", status=status)
    route = inbound_route(recipients=["jobs+old-role@example.org"])
    assert (route.vacancy, route.reason) == (closed, "vacancy_not_open")


def test_a_vacancy_of_another_organization_is_not_reached_by_its_slug(vacancy):
    other = Organization.objects.create(name="Other", slug="other", email="hr@other.example")
    route = inbound_route(recipients=["hr+director@other.example"])
    assert (route.organization, route.vacancy, route.reason) == (other, None, "unknown_vacancy")


def test_an_address_of_no_organization_goes_to_the_unsorted_list_without_one(vacancy):
    route = inbound_route(recipients=["jobs+director@elsewhere.example"])
    assert (route.organization, route.vacancy, route.reason) == (None, None, "unknown_address")
