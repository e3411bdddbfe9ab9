"""``tremplin remind-reviewers``: e-mail every reviewer who has left an application waiting
longer than their organization's delay (3 days unless an owner changed it on the members
page), once per delay. Run it daily from cron; running it twice sends nothing more."""

from typing import Any

from django.core.management.base import BaseCommand

from tremplin.review.services import reviewers_remind_due


class Command(BaseCommand):
    help = (
        "Remind by e-mail the reviewers who have left applications waiting longer than "
        "their organization's delay (once per delay)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        sent = reviewers_remind_due()
        self.stdout.write(f"{sent} reviewer(s) reminded")
