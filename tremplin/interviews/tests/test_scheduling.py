"""The staff's scheduling form: what it accepts, what it refuses (changing nothing), and the
mail each step sends."""

import pytest

from tremplin.interviews.models import Interview
from tremplin.interviews.tests.conftest import aware, local, new_url, schedule_data, sent
from tremplin.messaging.models import OutboxMessage

pytestmark = pytest.mark.django_db


def test_offering_times_asks_the_candidate_alone_to_choose_on_their_status_page(
    recruiter_client, application, team
):
    data = schedule_data(team)
    response = recruiter_client.post(new_url(application), data)

    assert response.status_code == 302
    interview = Interview.objects.get()
    assert interview.status == Interview.Status.OFFERED
    assert [s.start for s in interview.slots.all()] == [aware(v) for v in data["slot"]]
    assert set(interview.panel.all()) == {team.recruiter, team.reviewer}
    mails = sent("offer")
    assert list(mails) == ["ada@example.net"]
    offer = mails["ada@example.net"].message
    assert "/en/application/" in offer.body
    assert offer.attachments == []


def test_a_fixed_time_invites_the_candidate_and_each_panel_member_once(
    recruiter_client, application, team
):
    start = local(5, 9)
    data = schedule_data(team, slot=[start], fixed="on")
    recruiter_client.post(new_url(application), data)

    interview = Interview.objects.get()
    assert interview.status == Interview.Status.SCHEDULED
    assert interview.start == aware(start)
    mails = sent("invitation")
    assert set(mails) == {"ada@example.net", team.recruiter.email, team.reviewer.email}
    for mail in mails.values():
        assert mail.calendar_part["content_type"] == "text/calendar"
        assert mail.calendar_part["params"] == {"method": "REQUEST"}
        assert mail.calendar["METHOD"] == "REQUEST"
        assert mail.event["UID"] == interview.uid
        assert mail.event.decoded("DTSTART") == aware(start)
    assert OutboxMessage.objects.filter(kind__startswith="interview-").count() == 3


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"timezone": "Europe/Atlantis"}, "timezone", "is not a time zone"),
        ({"slot": [local(-1), local(2)]}, "slot", "has passed"),
        ({"slot": [local(2)]}, "slot", "Offer between 2 and 8 times (you gave 1)"),
        ({"slot": [local(d) for d in range(1, 10)]}, "slot", "(you gave 9)"),
        ({"slot": [local(2), local(2)]}, "slot", "is given twice"),
        ({"slot": [local(2), "next tuesday"]}, "slot", "is not a date and time"),
        ({"slot": [local(2), local(3)], "fixed": "on"}, "slot", "give exactly one"),
        ({"kind": "carrier-pigeon"}, "kind", "Select a valid choice"),
        ({"kind": "onsite", "location": ""}, "location", "Give the address of the place"),
        ({"duration_minutes": "0"}, "duration_minutes", "greater than or equal to 5"),
        ({"panel": []}, "panel", "Choose at least one member of the panel"),
        ({"panel": ["abc"]}, "panel", "is not a member of your organization"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_changes_nothing(
    recruiter_client, application, team, overrides, field, message
):
    response = recruiter_client.post(new_url(application), schedule_data(team, **overrides))

    assert response.status_code == 400
    errors = response.context["form"].errors
    assert any(message in error for error in errors[field]), errors
    assert Interview.objects.count() == 0
    assert not OutboxMessage.objects.filter(kind__startswith="interview-").exists()


def test_a_member_of_another_organization_cannot_sit_on_the_panel(
    recruiter_client, application, team
):
    data = schedule_data(team, panel=[str(team.recruiter.pk), str(team.outsider.pk)])
    response = recruiter_client.post(new_url(application), data)

    assert response.status_code == 400
    assert "Choose the panel among the members of your organization." in response.content.decode()
    assert Interview.objects.count() == 0
    assert not OutboxMessage.objects.filter(kind__startswith="interview-").exists()


def test_a_time_the_clocks_skip_is_refused(recruiter_client, application, team):
    data = schedule_data(team, slot=["2030-03-31T02:30", "2030-04-02T10:00"])
    response = recruiter_client.post(new_url(application), data)

    assert response.status_code == 400
    assert "does not exist in Europe/Paris" in response.content.decode()


def test_the_errors_are_in_the_recruiter_s_language(recruiter_client, application, team):
    data = schedule_data(team, timezone="Europe/Atlantis")
    response = recruiter_client.post(new_url(application, "fr"), data)

    assert response.status_code == 400
    assert "n’est pas un fuseau horaire" in response.content.decode()


def test_the_application_page_links_to_scheduling_moving_and_cancelling(
    recruiter_client, application, team
):
    recruiter_client.post(new_url(application), schedule_data(team, slot=[local(2)], fixed="on"))
    interview = Interview.objects.get()
    org = application.vacancy.organization.slug
    page = recruiter_client.get(f"/en/staff/{org}/applications/{application.pk}/").content.decode()

    base = f"/en/staff/{org}/applications/{application.pk}/interviews/"
    assert f'href="{base}new/"' in page
    assert f'href="{base}{interview.pk}/reschedule/"' in page
    assert f'href="{base}{interview.pk}/cancel/"' in page


def test_the_form_shows_eight_time_inputs_and_the_panel_of_the_organization(
    recruiter_client, application, team
):
    page = recruiter_client.get(new_url(application)).content.decode()

    assert page.count('name="slot"') == 8
    assert team.reviewer.email in page
    assert team.outsider.email not in page
