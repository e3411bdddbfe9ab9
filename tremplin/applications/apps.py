from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    name = "tremplin.applications"
    label = "applications"
    verbose_name = _("Applications")

    def ready(self) -> None:
        from tremplin.accounts.audit_text import audit_link_register
        from tremplin.applications.audit_links import application_links, document_links
        from tremplin.applications.intake.mail import HANDLER
        from tremplin.messaging.inbound.handler import inbound_handler_register

        # The mail floor hands each message a person sent to the intake.
        inbound_handler_register(HANDLER)
        # The audit log links to the applications and documents that still exist.
        audit_link_register("applications.application", application_links)
        audit_link_register("applications.document", document_links)
