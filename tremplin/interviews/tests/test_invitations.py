"""The candidate picks a time; the invitation, its changes and its cancellation as calendar
apps read them: one UID, a rising SEQUENCE, DTEND (not DURATION), an ATTENDEE per person,
the candidate's language, and in blind review a number instead of the candidate's name."""

import re
from urllib.parse import urlsplit

import pytest
from django.utils import timezone
from icalendar import Calendar

from tremplin.interviews.models import Interview, RescheduleRequest
from tremplin.interviews.tests.conftest import aware, local, new_url, schedule_data, sent
from tremplin.messaging.models import OutboxMessage
from tremplin.testing.applying import status_path, submit

pytestmark = pytest.mark.django_db


def offer(client, application, team, **overrides):
    client.post(new_url(application), schedule_data(team, **overrides))
    return Interview.objects.get(application=application)


def fixed(client, application, team, start):
    client.post(new_url(application), schedule_data(team, slot=[start], fixed="on"))
    return Interview.objects.get(application=application)


def radios(page: str) -> list[str]:
    return re.findall(r'<input type="radio" name="slot" value="([^"]+)"', page)


def test_the_status_page_offers_one_radio_per_time_with_its_offset_without_a_login(
    recruiter_client, application, team, client
):
    data = schedule_data(team)
    offer(recruiter_client, application, team)
    recruiter_client.logout()

    page = client.get(status_path(application)).content.decode()

    assert radios(page) == [aware(value).isoformat() for value in data["slot"]]
    assert all(re.search(r"[+-]\d\d:\d\d$", value) for value in radios(page))


def test_the_mail_s_link_opens_the_page_where_the_candidate_picks(
    recruiter_client, application, team, client
):
    offer(recruiter_client, application, team)
    recruiter_client.logout()
    body = sent("offer")["ada@example.net"].message.body
    link = re.search(r"https?://\S+/application/\S+/", body)
    assert link is not None

    page = client.get(urlsplit(link.group(0)).path)

    assert page.status_code == 200
    assert len(radios(page.content.decode())) == 2


def test_picking_a_time_invites_everyone_once_with_a_complete_request(
    recruiter_client, application, team, client
):
    interview = offer(recruiter_client, application, team)
    recruiter_client.logout()
    page = client.get(status_path(application)).content.decode()
    chosen = radios(page)[1]

    pick_url = f"{status_path(application)}interview/{interview.pk}/"
    response = client.post(pick_url, {"slot": chosen})

    assert response.status_code == 302
    interview.refresh_from_db()
    assert interview.status == Interview.Status.SCHEDULED
    assert interview.start == aware(schedule_data(team)["slot"][1])
    mails = sent("invitation")
    assert set(mails) == {"ada@example.net", team.recruiter.email, team.reviewer.email}
    everyone = {
        "mailto:ada@example.net",
        f"mailto:{team.recruiter.email}",
        f"mailto:{team.reviewer.email}",
    }
    for to, mail in mails.items():
        event = mail.event
        assert mail.calendar["METHOD"] == mail.calendar_part["params"]["method"] == "REQUEST"
        assert event["UID"] == interview.uid
        assert event["SEQUENCE"] == 0
        assert event.decoded("DTSTART") == interview.start
        assert (event.decoded("DTEND") - event.decoded("DTSTART")).total_seconds() == 45 * 60
        assert "DURATION" not in event
        assert str(event["ORGANIZER"]) == f"mailto:{application.vacancy.organization.email}"
        attendees = {str(a) for a in event["ATTENDEE"]}
        if to == "ada@example.net":
            assert attendees == everyone
        else:  # the vacancy is reviewed blind: the candidate's address is not theirs to see
            number = application.candidate_number.number
            assert attendees == everyone - {"mailto:ada@example.net"} | {
                f"mailto:candidate-{number}@tremplin.invalid"
            }

    # A second pick changes nothing and sends nothing.
    again = client.post(pick_url, {"slot": radios(page)[0]})
    assert again.status_code == 400
    assert len(sent("invitation")) == 3


def test_a_time_that_was_not_offered_is_refused(recruiter_client, application, team, client):
    interview = offer(recruiter_client, application, team)
    response = client.post(
        f"{status_path(application)}interview/{interview.pk}/",
        {"slot": aware(local(9)).isoformat()},
    )

    assert response.status_code == 400
    assert "Choose one of the times offered." in response.content.decode()
    assert Interview.objects.get().status == Interview.Status.OFFERED
    assert sent("invitation") == {}


def test_moving_resends_with_the_same_uid_and_a_higher_sequence(
    recruiter_client, application, team
):
    interview = fixed(recruiter_client, application, team, local(3))
    org = application.vacancy.organization.slug
    url = f"/en/staff/{org}/applications/{application.pk}/interviews/{interview.pk}/reschedule/"

    response = recruiter_client.post(url, {"slot": local(6, 16)})

    assert response.status_code == 302
    mails = sent("update")
    assert set(mails) == {"ada@example.net", team.recruiter.email, team.reviewer.email}
    for mail in mails.values():
        assert mail.calendar["METHOD"] == "REQUEST"
        assert mail.event["UID"] == interview.uid
        assert mail.event["SEQUENCE"] == 1
        assert mail.event.decoded("DTSTART") == aware(local(6, 16))


def test_moving_to_a_past_time_is_refused_and_changes_nothing(recruiter_client, application, team):
    interview = fixed(recruiter_client, application, team, local(3))
    org = application.vacancy.organization.slug
    url = f"/en/staff/{org}/applications/{application.pk}/interviews/{interview.pk}/reschedule/"

    response = recruiter_client.post(url, {"slot": local(-2)})

    assert response.status_code == 400
    assert "Choose a time in the future." in response.content.decode()
    interview.refresh_from_db()
    assert interview.sequence == 0
    assert sent("update") == {}


def test_cancelling_sends_a_cancel_with_the_same_uid(recruiter_client, application, team):
    interview = fixed(recruiter_client, application, team, local(3))
    org = application.vacancy.organization.slug
    url = f"/en/staff/{org}/applications/{application.pk}/interviews/{interview.pk}/cancel/"

    assert recruiter_client.post(url).status_code == 302

    mails = sent("cancellation")
    assert set(mails) == {"ada@example.net", team.recruiter.email, team.reviewer.email}
    for mail in mails.values():
        assert mail.calendar_part["params"] == {"method": "CANCEL"}
        assert mail.calendar["METHOD"] == "CANCEL"
        assert mail.event["UID"] == interview.uid
        assert mail.event["SEQUENCE"] == 1
        assert mail.event["STATUS"] == "CANCELLED"


def test_the_candidate_s_invitation_is_in_the_language_they_applied_in(
    recruiter_client, vacancy, team
):
    french = submit(vacancy, name="Louise Michel", email="louise@example.net", language="fr")
    fixed(recruiter_client, french, team, local(3))

    mail = sent("invitation")["louise@example.net"].message

    assert mail.language == "fr"
    assert mail.subject.startswith("Votre entretien")
    assert "Responsable de campagne" in mail.subject
    assert "Entretien" in str(sent("invitation")["louise@example.net"].event["SUMMARY"])


def test_in_blind_review_the_panel_s_invitation_names_the_candidate_by_number_only(
    recruiter_client, vacancy, team
):
    vacancy.blind_review = True
    vacancy.save(update_fields=["blind_review"])
    blind = submit(vacancy, name="Grace Hopper", email="grace@example.net")
    number = blind.candidate_number.number
    fixed(recruiter_client, blind, team, local(3))

    mails = sent("invitation")
    for member in (team.recruiter, team.reviewer):
        mail = mails[member.email]
        whole = "\n".join(
            [
                mail.message.subject,
                mail.message.body,
                mail.calendar_part["filename"],
                mail.calendar_part["content"],
            ]
        )
        assert "Grace" not in whole and "Hopper" not in whole and "grace@" not in whole
        assert f"Candidate {number}" in mail.message.subject
        cns = [a.params.get("CN") for a in mail.event["ATTENDEE"]]
        assert f"Candidate {number}" in cns
        assert "Grace Hopper" not in cns
    # The candidate's own copy names them.
    assert "grace@example.net" in mails["grace@example.net"].calendar_part["content"]


def test_the_candidate_asks_to_move_and_the_recruiter_sees_it(
    recruiter_client, application, team, client
):
    interview = fixed(recruiter_client, application, team, local(3))
    url = f"{status_path(application)}interview/{interview.pk}/reschedule/"

    empty = client.post(url, {"reason": "  "})
    assert empty.status_code == 400
    assert RescheduleRequest.objects.count() == 0
    response = client.post(url, {"reason": "I sit an exam that morning."})

    assert response.status_code == 302
    org = application.vacancy.organization.slug
    page = recruiter_client.get(f"/en/staff/{org}/applications/{application.pk}/")
    assert "I sit an exam that morning." in page.content.decode()


def test_the_ics_survives_a_parser_round_trip(recruiter_client, application, team):
    fixed(recruiter_client, application, team, local(3))
    text = sent("invitation")["ada@example.net"].calendar_part["content"]

    parsed = Calendar.from_ical(text)
    again = Calendar.from_ical(parsed.to_ical())

    assert again.to_ical() == parsed.to_ical()
    [event] = again.events
    assert event.decoded("DTSTART") > timezone.now()
    assert {"UID", "SEQUENCE", "DTSTART", "DTEND", "ORGANIZER", "ATTENDEE", "DTSTAMP"} <= set(event)
    assert OutboxMessage.objects.filter(kind="interview-invitation").count() == 3


def test_on_a_vacancy_not_reviewed_blind_the_panel_s_invitation_names_the_candidate(
    recruiter_client, vacancy, team
):
    vacancy.blind_review = False
    vacancy.save(update_fields=["blind_review"])
    named = submit(vacancy, name="Grace Hopper", email="grace@example.net")
    fixed(recruiter_client, named, team, local(3))

    mail = sent("invitation")[team.reviewer.email]

    assert "Grace Hopper" in mail.message.subject
    cns = {str(a.params.get("CN")) for a in mail.event["ATTENDEE"]}
    assert "Grace Hopper" in cns


def test_moving_also_takes_a_time_with_its_offset(recruiter_client, application, team):
    interview = fixed(recruiter_client, application, team, local(3))
    org = application.vacancy.organization.slug
    url = f"/en/staff/{org}/applications/{application.pk}/interviews/{interview.pk}/reschedule/"
    new_start = aware(local(7, 11))

    response = recruiter_client.post(url, {"slot": new_start.isoformat()})

    assert response.status_code == 302
    assert sent("update")["ada@example.net"].event.decoded("DTSTART") == new_start
