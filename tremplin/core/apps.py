from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "tremplin.core"
    label = "core"

    def ready(self) -> None:
        from tremplin.core import signals  # noqa: F401  (connects the audit receivers)
