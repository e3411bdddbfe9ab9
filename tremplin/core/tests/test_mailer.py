"""``core.mailer``: the floors below the mail app queue mail through the sender it registers."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from tremplin.core import mailer
from tremplin.messaging.models import OutboxMessage

pytestmark = pytest.mark.django_db


def test_a_queued_message_lands_in_the_outbox_written_in_its_language() -> None:
    from django.utils import translation

    mailer.compose(
        to=" ada@example.org ",
        language="fr",
        compose=lambda: (
            "Reset\nyour password",
            f"Follow it ({translation.get_language()}).",
        ),
        headers={"Auto-Submitted": "auto-generated"},
        kind="password_reset",
    )

    message = OutboxMessage.objects.get()
    assert message.to == "ada@example.org"
    assert message.subject == "Reset your password"
    assert message.body == "Follow it (fr)."
    assert message.language == "fr"
    assert message.headers == {"Auto-Submitted": "auto-generated"}
    assert message.kind == "password_reset"
    assert message.sender is None


def test_without_a_registered_sender_queueing_fails_loudly(monkeypatch) -> None:
    # As if the mail app were not installed: nothing registered a sender.
    monkeypatch.setattr(mailer, "_registered", [])

    with pytest.raises(ImproperlyConfigured, match="No mail sender is registered"):
        mailer.compose(to="ada@example.org", language="en", compose=lambda: ("Hello", "Hi."))

    assert not OutboxMessage.objects.exists()
