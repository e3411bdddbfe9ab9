from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "tremplin.search"
    label = "search"
    verbose_name = _("Search")

    def ready(self) -> None:
        from tremplin.search.signals import index_follows_changes

        index_follows_changes()
