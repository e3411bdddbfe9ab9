from django import forms

from tremplin.notifications.models import NotificationSettings


class PreferencesForm(forms.ModelForm):
    class Meta:
        model = NotificationSettings
        fields = ["email", "digest_hour"]
        widgets = {"email": forms.RadioSelect}
