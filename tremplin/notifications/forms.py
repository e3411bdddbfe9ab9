from django import forms

from tremplin.notifications.models import PREFERENCE_FIELDS, NotificationSettings


class PreferencesForm(forms.ModelForm):
    """One row per kind of notification (at once, a daily digest, never), and the hour."""

    class Meta:
        model = NotificationSettings
        fields = [*PREFERENCE_FIELDS, "digest_hour"]
        widgets = {name: forms.RadioSelect for name in PREFERENCE_FIELDS}
