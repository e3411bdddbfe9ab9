"""``tremplin api-token create --org SLUG --user EMAIL --scope SCOPE [--scope SCOPE…]``
makes a token and prints it alone on its last line (it is shown this once);
``tremplin api-token revoke --org SLUG TOKEN_OR_PREFIX`` revokes one, given whole or by
its displayed prefix."""

from argparse import ArgumentParser
from datetime import timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from tremplin.accounts.models import Organization, User
from tremplin.api.models import SCOPES
from tremplin.api.tokens import token_create, token_get, token_revoke


def _organization(slug: str) -> Organization:
    found = Organization.objects.filter(slug=slug).first()
    if found is None:
        raise CommandError(f"No organization has the slug {slug!r}.")
    return found


class Command(BaseCommand):
    help = "Make or revoke an API token of an organization."

    def add_arguments(self, parser: ArgumentParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        create = actions.add_parser("create", help="make a token; prints it on its last line")
        create.add_argument("--org", required=True, help="the organization's slug")
        create.add_argument("--user", required=True, help="an owner's or recruiter's e-mail")
        create.add_argument(
            "--scope", action="append", required=True, choices=SCOPES, help="repeat for more"
        )
        create.add_argument("--name", default="", help="to recognise it (default: the user)")
        create.add_argument("--expires-in-days", type=int, default=None)
        revoke = actions.add_parser("revoke", help="revoke a token, given whole or by prefix")
        revoke.add_argument("--org", required=True, help="the organization's slug")
        revoke.add_argument("token", metavar="TOKEN_OR_PREFIX")

    def handle(self, *args: Any, **options: Any) -> None:
        organization = _organization(options["org"])
        if options["action"] == "revoke":
            found = token_get(organization=organization, token_or_prefix=options["token"])
            if found is None:
                raise CommandError("No token of this organization matches.")
            token_revoke(token=found, by=None)
            self.stdout.write(f"Revoked {found.name} ({found.prefix}…).")
            return
        user = User.objects.filter(email__iexact=options["user"].strip()).first()
        if user is None:
            raise CommandError(f"No user has the address {options['user']!r}.")
        days = options["expires_in_days"]
        try:
            token, raw = token_create(
                organization=organization,
                user=user,
                name=options["name"] or f"{user.email} (command line)",
                scopes=options["scope"],
                expires_at=timezone.now() + timedelta(days=days) if days else None,
                by=None,
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(
            f"Token {token.name} ({token.prefix}…) for {user.email}, scopes "
            f"{', '.join(token.scopes)}. It is shown this once:"
        )
        self.stdout.write(raw)
