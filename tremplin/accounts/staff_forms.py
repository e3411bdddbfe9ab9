"""Forms of the members page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tremplin.accounts.models import Membership, Organization


class MemberAddForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
        help_text=_("They get an e-mail with a link to choose their password."),
    )
    role = forms.ChoiceField(
        label=_("Role"), choices=Membership.Role.choices, initial=Membership.Role.RECRUITER
    )


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Membership.Role.choices)


class ReviewersTwoFactorForm(forms.Form):
    reviewers_need_two_factor = forms.BooleanField(
        label=_("Reviewers must use a second factor"),
        required=False,
        help_text=_(
            "Recommended: reviewers read candidates’ applications. Without it, they log in "
            "with their password alone; owners and recruiters always use a second factor."
        ),
    )


class ReviewRemindersForm(forms.ModelForm):
    class Meta:
        model = Organization
        fields = ["review_reminder_days"]
        error_messages = {
            "review_reminder_days": {
                "invalid": _("Enter a number of days, from 0 to 60."),
                "max_value": _("Enter a number of days, from 0 to 60."),
                "min_value": _("Enter a number of days, from 0 to 60."),
                "required": _("Enter a number of days, from 0 to 60."),
            }
        }
