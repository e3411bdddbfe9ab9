from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "tremplin.privacy"
    label = "privacy"
    verbose_name = _("Privacy")

    def ready(self) -> None:
        from tremplin.core.audit import audit_follow_deletions
        from tremplin.privacy.exports import exports_follow_candidate_split
        from tremplin.privacy.models import candidate_data_models
        from tremplin.privacy.selectors import talent_pool_current
        from tremplin.search.selectors import talent_pool_register

        audit_follow_deletions(candidate_data_models())
        exports_follow_candidate_split()
        talent_pool_register(talent_pool_current)
