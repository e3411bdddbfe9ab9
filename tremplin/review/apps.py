from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewConfig(AppConfig):
    name = "tremplin.review"
    label = "review"
    verbose_name = _("Review")

    def ready(self) -> None:
        from tremplin.applications.reader_rules import reader_rule_register
        from tremplin.review.reader import reviewer_reader_access
        from tremplin.review.signals import candidate_numbers_follow_arrivals

        candidate_numbers_follow_arrivals()
        reader_rule_register(reviewer_reader_access)
