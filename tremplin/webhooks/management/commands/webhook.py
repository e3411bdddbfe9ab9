"""``tremplin webhook add --org SLUG --url URL --event EVENT [--event EVENT…]`` adds an
endpoint and prints its secret alone on its last line (the key of its signatures).
``tremplin webhook sweep`` gives every due delivery a send task again (run it from cron,
hourly: for tasks lost with a worker)."""

from argparse import ArgumentParser
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from tremplin.accounts.models import Organization
from tremplin.webhooks.delivery import delivery_sweep
from tremplin.webhooks.models import EVENTS, Endpoint
from tremplin.webhooks.services import endpoint_create


class Command(BaseCommand):
    help = "Add a webhook endpoint to an organization."

    def add_arguments(self, parser: ArgumentParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        add = actions.add_parser("add", help="add an endpoint; prints its secret last")
        add.add_argument("--org", required=True, help="the organization's slug")
        add.add_argument("--url", required=True)
        add.add_argument("--event", action="append", required=True, choices=EVENTS)
        add.add_argument("--format", choices=Endpoint.Format.values, default="tremplin")
        add.add_argument("--ping", action="store_true", help="send a test message now")
        actions.add_parser("sweep", help="queue again the due deliveries whose task was lost")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "sweep":
            self.stdout.write(f"{delivery_sweep()} delivery(ies) queued again.")
            return
        organization = Organization.objects.filter(slug=options["org"]).first()
        if organization is None:
            raise CommandError(f"No organization has the slug {options['org']!r}.")
        try:
            endpoint = endpoint_create(
                organization=organization,
                url=options["url"],
                events=options["event"],
                format=options["format"],
                by=None,
                ping=options["ping"],
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(
            f"Webhook {endpoint.pk} sends {', '.join(endpoint.events)} to {endpoint.url}. "
            "Its secret (HMAC-SHA256 key of the Tremplin-Signature header) is shown this once:"
        )
        self.stdout.write(endpoint.secret)
