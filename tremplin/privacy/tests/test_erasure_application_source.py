"""Erasing a candidate erases how their applications came in (the job board's name, the
referral) with the applications themselves; the referring staff member stays."""

import pytest

from tremplin.applications.models import Application
from tremplin.privacy.erasure import shred
from tremplin.privacy.shredders import subject_for_candidate
from tremplin.testing.applying import submit

pytestmark = pytest.mark.django_db


def test_the_board_name_and_the_referral_go_with_the_application(vacancy, team):
    board = submit(vacancy, source="board", source_detail="hellowork")
    referral = submit(
        vacancy, email="grace@example.org", source="referral", referrer_id=team.recruiter.pk
    )

    shred(
        subject=subject_for_candidate(candidate=board.candidate, organization=vacancy.organization),
        actor=None,
        reason="request",
        vacuum=False,
    )

    assert not Application.objects.filter(source_detail="hellowork").exists()
    assert not Application.objects.filter(pk=board.pk).exists()
    referral.refresh_from_db()
    assert referral.referrer == team.recruiter  # another candidate's, untouched
    team.recruiter.refresh_from_db()  # and the staff member stays
