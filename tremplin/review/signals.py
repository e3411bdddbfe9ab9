"""Each application gets its candidate number as it arrives (services.candidate_number_give),
in the same transaction: the review pages only read numbers, they never write them.

Applications sit on a lower floor than review, so review listens for their creation."""

from typing import Any

from django.db.models.signals import post_save

from tremplin.applications.models import Application
from tremplin.review.services import candidate_number_give


def _number_new_application(
    sender: type[Application],
    instance: Application,
    created: bool,
    raw: bool = False,
    **kwargs: Any,
) -> None:
    if created and not raw:
        candidate_number_give(application=instance)


def candidate_numbers_follow_arrivals() -> None:
    post_save.connect(
        _number_new_application, sender=Application, dispatch_uid="review_candidate_number"
    )
