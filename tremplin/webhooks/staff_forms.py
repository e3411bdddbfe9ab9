from django import forms
from django.utils.translation import gettext_lazy as _

from tremplin.webhooks.models import EVENTS, Endpoint


class EndpointForm(forms.Form):
    url = forms.CharField(
        label=_("Address"),
        max_length=2000,
        widget=forms.URLInput,
        help_text=_("Where Tremplin posts the events: an http:// or https:// address."),
    )
    events = forms.MultipleChoiceField(
        label=_("Events"),
        choices=[(event, event) for event in EVENTS],
        widget=forms.CheckboxSelectMultiple,
    )
    format = forms.ChoiceField(
        label=_("Format"),
        choices=Endpoint.Format.choices,
        initial=Endpoint.Format.TREMPLIN,
        help_text=_(
            "Slack and Mattermost show a line such as “New application for Campaign lead”, "
            "never a candidate’s name or address."
        ),
    )
    ping = forms.BooleanField(label=_("Send a test message now"), required=False)
