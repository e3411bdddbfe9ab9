from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "tremplin.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from tremplin.applications.models import Application
        from tremplin.applications.signals import interview_answered, note_mentioned
        from tremplin.core.models import AuditEvent
        from tremplin.notifications import receivers
        from tremplin.notifications.services import mention_notify

        # A note that mentions a colleague tells them: in the workspace and by e-mail.
        note_mentioned.connect(mention_notify, dispatch_uid="notifications_mention")
        # New applications tell the vacancy's followers, once their transaction commits.
        post_save.connect(
            receivers.application_created,
            sender=Application,
            dispatch_uid="notifications_application",
        )
        # A candidate's answer to an interview tells who scheduled it and its panel.
        interview_answered.connect(
            receivers.interview_answered, dispatch_uid="notifications_interview"
        )
        # A reviewer's reminder rings their bell; a vacancy's publisher follows it.
        post_save.connect(
            receivers.audit_event_written, sender=AuditEvent, dispatch_uid="notifications_audit"
        )
