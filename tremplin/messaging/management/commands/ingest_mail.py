"""``tremplin ingest-mail``: take one e-mail from standard input, for a mail server's pipe."""

import os
import sys
from argparse import ArgumentParser
from typing import IO, Any

from django.core.management.base import BaseCommand, CommandError

from tremplin.messaging.inbound.store import inbound_take
from tremplin.messaging.models import InboundMessage

EX_TEMPFAIL = os.EX_TEMPFAIL  # 75: try again later; the MTA keeps the message


def _one_line(exc: BaseException) -> str:
    return " ".join(f"{type(exc).__name__}: {exc}".split())[:500]


class Command(BaseCommand):
    help = (
        "Read one RFC 5322 e-mail on standard input and take it as an application (or an "
        "unsorted or ignored message), as a mail server's pipe delivery. Exit status: 0 when "
        "the message is stored, whatever it holds (an empty or malformed message is kept, "
        "refused or unsorted, for a person to look at); 75 (EX_TEMPFAIL) only when something "
        "that passes fails, such as the database being down, so that the mail server keeps "
        "the message and tries again. Nothing is stored unless the exit status is 0. "
        "Postfix example (master.cf): "
        "tremplin unix - n n - - pipe flags=Rq user=tremplin argv=/srv/tremplin/.venv/bin/"
        "tremplin ingest-mail --sender=${sender} --recipient=${original_recipient}"
    )
    requires_system_checks: list[str] = []  # a pipe must not fail on a check's warning
    stealth_options = ("stdin",)

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--sender",
            metavar="ADDRESS",
            help="The envelope sender (SMTP MAIL FROM); an empty value marks a bounce.",
        )
        parser.add_argument(
            "--recipient",
            action="append",
            default=[],
            metavar="ADDRESS",
            help="An envelope recipient (may be repeated); used before the headers for routing.",
        )

    def handle(self, *args: Any, sender: str | None, recipient: list[str], **options: Any) -> None:
        stdin: IO[bytes] = options.get("stdin") or sys.stdin.buffer
        try:
            raw = stdin.read()
            received = inbound_take(
                raw=raw,
                channel=InboundMessage.Channel.PIPE,
                envelope_sender=sender,
                envelope_recipients=recipient,
            )
        except Exception as exc:  # only what passes gets here: the MTA keeps the message
            raise CommandError(
                f"temporary failure, try again later: {_one_line(exc)}", returncode=EX_TEMPFAIL
            ) from exc
        if options["verbosity"] > 1:
            message = received.message
            state = "taken" if received.created else "already taken"
            self.stdout.write(f"{state}: message {message.pk}, {message.status} {message.reason}")
