from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewConfig(AppConfig):
    name = "tremplin.review"
    label = "review"
    verbose_name = _("Review")

    def ready(self) -> None:
        from tremplin.review.signals import candidate_numbers_follow_arrivals

        candidate_numbers_follow_arrivals()
