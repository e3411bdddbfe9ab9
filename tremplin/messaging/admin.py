"""Admin views of the outbox and the inbox; the unsorted list and its "assign" action.

Staff who are not superusers see the messages of their own organizations only.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from tremplin.messaging import services
from tremplin.messaging.inbound.parsing import UnreadableMessage, message_parse
from tremplin.messaging.models import InboundMessage, OutboxMessage
from tremplin.vacancies.models import Vacancy

PREVIEW_CHARS = 5_000


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(OutboxMessage)
class OutboxMessageAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "to", "subject", "kind", "status", "attempts", "next_attempt_at"]
    list_filter = ["status", "kind", "language"]
    search_fields = ["to", "subject", "message_id"]
    readonly_fields = [
        "to",
        "subject",
        "body",
        "headers",
        "language",
        "kind",
        "status",
        "attempts",
        "next_attempt_at",
        "claimed_at",
        "last_error",
        "sent_at",
        "message_id",
        "application",
        "created_at",
    ]
    actions = ["retry"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[OutboxMessage]:
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(
            Q(application__vacancy__organization__memberships__user_id=request.user.pk)
        ).distinct()

    @admin.action(description=_("Send the selected failed messages again"))
    def retry(self, request: HttpRequest, queryset: QuerySet[OutboxMessage]) -> None:
        count = 0
        for message in queryset.filter(status=OutboxMessage.Status.FAILED):
            services.outbox_retry(message=message)
            count += 1
        self.message_user(
            request,
            ngettext("%(count)d message queued again.", "%(count)d messages queued again.", count)
            % {"count": count},
        )


class AssignForm(forms.Form):
    vacancy = forms.ModelChoiceField(queryset=Vacancy.objects.none(), label=_("Vacancy"))

    def __init__(self, *args: object, vacancies: QuerySet[Vacancy], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field = self.fields["vacancy"]
        assert isinstance(field, forms.ModelChoiceField)  # noqa: S101 (narrows the type)
        field.queryset = vacancies


@admin.register(InboundMessage)
class InboundMessageAdmin(ReadOnlyAdmin):
    list_display = [
        "received_at",
        "sender",
        "subject",
        "status",
        "reason",
        "organization",
        "vacancy",
        "application_link",
    ]
    list_filter = ["status", "reason", "channel", "organization"]
    search_fields = ["from_address", "from_name", "subject", "message_id"]
    readonly_fields = [
        "received_at",
        "channel",
        "status",
        "reason",
        "detail",
        "from_name",
        "from_address",
        "recipients",
        "subject",
        "sent_at",
        "message_id",
        "acknowledge",
        "organization",
        "vacancy",
        "application_link",
        "raw_size",
        "raw_sha256",
        "preview",
    ]
    exclude = ["raw", "application"]
    actions = ["assign"]

    class Media:
        # The body's line breaks kept: a stylesheet, since the CSP allows no style attribute.
        css = {"all": ["messaging/admin.css"]}

    def get_queryset(self, request: HttpRequest) -> QuerySet[InboundMessage]:
        queryset = super().get_queryset(request).select_related("organization", "vacancy")
        if request.user.is_superuser:
            return queryset
        return queryset.filter(Q(organization__memberships__user_id=request.user.pk)).distinct()

    @admin.display(description=_("from"), ordering="from_address")
    def sender(self, message: InboundMessage) -> str:
        if message.from_name:
            return f"{message.from_name} <{message.from_address}>"
        return message.from_address

    @admin.display(description=_("application"))
    def application_link(self, message: InboundMessage) -> str:
        if message.application_id is None:
            return "—"
        url = reverse("admin:applications_application_change", args=[message.application_id])
        return format_html('<a href="{}">#{}</a>', url, message.application_id)

    @admin.display(description=_("message"))
    def preview(self, message: InboundMessage) -> str:
        try:
            parsed = message_parse(services.inbound_raw(message=message))
        except (OSError, UnreadableMessage) as exc:
            return str(exc)
        attachments = ", ".join(a.name or "?" for a in parsed.attachments) or "—"
        return format_html(
            '<p><strong>{}</strong> {}</p><pre class="inbound-preview">{}</pre>',
            _("Attachments:"),
            attachments,
            parsed.body_text[:PREVIEW_CHARS],
        )

    def _vacancies(
        self, request: HttpRequest, chosen: QuerySet[InboundMessage]
    ) -> QuerySet[Vacancy]:
        vacancies = Vacancy.objects.filter(status=Vacancy.Status.PUBLISHED).select_related(
            "organization"
        )
        if not request.user.is_superuser:
            vacancies = vacancies.filter(Q(organization__memberships__user_id=request.user.pk))
        organizations = {m.organization_id for m in chosen if m.organization_id}
        if organizations:
            vacancies = vacancies.filter(organization_id__in=organizations)
        return vacancies.distinct().order_by("organization__name", "slug")

    @admin.action(description=_("Assign to a vacancy (makes the application)"))
    def assign(
        self, request: HttpRequest, queryset: QuerySet[InboundMessage]
    ) -> TemplateResponse | None:
        chosen = queryset.filter(status=InboundMessage.Status.UNSORTED)
        if not chosen.exists():
            self.message_user(
                request, _("Only unsorted messages can be assigned."), level=messages.WARNING
            )
            return None
        vacancies = self._vacancies(request, chosen)
        if "apply" in request.POST:
            form = AssignForm(request.POST, vacancies=vacancies)
            if form.is_valid():
                vacancy = form.cleaned_data["vacancy"]
                for message in chosen:
                    try:
                        services.inbound_assign(message=message, vacancy=vacancy)
                    except (ValidationError, UnreadableMessage) as exc:
                        problem = " ".join(getattr(exc, "messages", [str(exc)]))
                        self.message_user(request, f"{message}: {problem}", level=messages.ERROR)
                    else:
                        self.message_user(
                            request,
                            _("%(message)s: application made for %(vacancy)s.")
                            % {"message": message, "vacancy": vacancy},
                        )
                return None
        else:
            form = AssignForm(vacancies=vacancies)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Assign to a vacancy"),
            "opts": self.model._meta,
            "inbound": chosen,
            "form": form,
            "action_checkbox_name": ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/messaging/inboundmessage/assign.html", context)
