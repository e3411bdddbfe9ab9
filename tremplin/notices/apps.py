from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NoticesConfig(AppConfig):
    """What an organization tells people about their data: texts only, no tables."""

    name = "tremplin.notices"
    label = "notices"
    verbose_name = _("Notices")
