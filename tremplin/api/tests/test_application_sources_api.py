"""/api/v1/applications says how each application came in: the source (web, email,
referral, board) and, for a job board, its name; the JSON keeps its shape."""

import pytest

from tremplin.testing.applying import submit

pytestmark = pytest.mark.django_db


def test_each_application_gives_its_source_and_board_name(api, vacancy, team):
    web = submit(vacancy, email="ada@example.org")
    board = submit(vacancy, email="grace@example.org", source="board", source_detail="hellowork")
    referral = submit(
        vacancy, email="alan@example.org", source="referral", referrer_id=team.recruiter.pk
    )

    items = {item["id"]: item for item in api.get("/api/v1/applications").json()["items"]}

    assert (items[web.pk]["source"], items[web.pk]["source_detail"]) == ("web", "")
    assert (items[board.pk]["source"], items[board.pk]["source_detail"]) == ("board", "hellowork")
    assert (items[referral.pk]["source"], items[referral.pk]["source_detail"]) == ("referral", "")
    assert "referrer" not in items[referral.pk]  # a staff member, not the candidate's data
