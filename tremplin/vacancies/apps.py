from django.apps import AppConfig
from django.db.models import Model
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class VacanciesConfig(AppConfig):
    name = "tremplin.vacancies"
    label = "vacancies"
    verbose_name = _("Vacancies")

    def ready(self) -> None:
        from tremplin.accounts.audit_text import audit_link_register
        from tremplin.accounts.models import Organization
        from tremplin.core.pagecache import public_pages_changed
        from tremplin.vacancies.audit_links import vacancy_links

        # The careers site shows organizations, vacancies and their texts: any change to
        # them renews the public pages kept in memory.
        models: list[type[Model]] = [Organization, *self.get_models()]
        for model in models:
            post_save.connect(public_pages_changed, sender=model, dispatch_uid=f"pages-{model}")
            post_delete.connect(public_pages_changed, sender=model, dispatch_uid=f"pages-{model}")
        # The audit log links to the vacancies that still exist.
        audit_link_register("vacancies.vacancy", vacancy_links)
