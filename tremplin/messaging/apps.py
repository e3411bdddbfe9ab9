from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MessagingConfig(AppConfig):
    name = "tremplin.messaging"
    label = "messaging"
    verbose_name = _("Messaging")

    def ready(self) -> None:
        # The floors below send their mail (invitations, password resets) through the outbox.
        from tremplin.core import mailer
        from tremplin.messaging.outbox import outbox_compose

        mailer.sender_register(outbox_compose)
