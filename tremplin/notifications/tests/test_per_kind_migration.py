"""The migration to one e-mail choice per kind keeps each member's former choice for every
kind, and going back keeps their choice for mentions."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tremplin.testing.staff import team_make

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("notifications", "0001_initial")]
AFTER = [("notifications", "0002_per_kind_and_follows")]
KINDS = ("email_mention", "email_application", "email_interview", "email_review")


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_each_members_choice_is_kept_for_every_kind(organization, vacancy):
    team = team_make(organization, vacancy)
    chosen = {team.owner: "never", team.recruiter: "digest", team.reviewer: "immediate"}
    try:
        old = migrate(BEFORE)
        Settings = old.get_model("notifications", "NotificationSettings")
        for user, email in chosen.items():
            Settings.objects.create(user_id=user.pk, email=email, digest_hour=6)

        new = migrate(AFTER)
        Settings = new.get_model("notifications", "NotificationSettings")
        for user, email in chosen.items():
            found = Settings.objects.get(user_id=user.pk)
            assert [getattr(found, kind) for kind in KINDS] == [email] * 4
            assert found.digest_hour == 6

        Settings.objects.filter(user_id=team.recruiter.pk).update(email_mention="never")
        old = migrate(BEFORE)
        Settings = old.get_model("notifications", "NotificationSettings")
        back = dict(Settings.objects.values_list("user_id", "email"))
        assert back == {
            team.owner.pk: "never",
            team.recruiter.pk: "never",
            team.reviewer.pk: "immediate",
        }
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
