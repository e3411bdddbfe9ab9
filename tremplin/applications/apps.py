from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    name = "tremplin.applications"
    label = "applications"
    verbose_name = _("Applications")

    def ready(self) -> None:
        from tremplin.applications.intake.mail import HANDLER
        from tremplin.messaging.inbound.handler import inbound_handler_register

        # The mail floor hands each message a person sent to the intake.
        inbound_handler_register(HANDLER)
