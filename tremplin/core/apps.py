from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "tremplin.core"
    label = "core"

    def ready(self) -> None:
        from tremplin.core import signals  # noqa: F401  (connects the audit receivers)
        from tremplin.core.files import files_follow_rows

        files_follow_rows()
