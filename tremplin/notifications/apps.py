from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "tremplin.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        from tremplin.applications.signals import note_mentioned
        from tremplin.notifications.services import mention_notify

        # A note that mentions a colleague tells them: in the workspace and by e-mail.
        note_mentioned.connect(mention_notify, dispatch_uid="notifications_mention")
