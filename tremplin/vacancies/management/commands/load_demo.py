"""``manage.py load_demo``: the demo organizations and vacancies, and an admin login.

Running it again changes nothing; it prints the admin login each time.
"""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand
from django.urls import reverse

from tremplin.vacancies.demo import demo_admin_ensure, demo_load

PASSWORD_FILE_NAME = "admin-password.txt"  # noqa: S105 (a file name, not a password)


class Command(BaseCommand):
    help = "Load Tremplin's demo data (fictional organizations and vacancies) and an admin user."

    def handle(self, *args: Any, **options: Any) -> None:
        report = demo_load()
        if report.vacancies_created or report.organizations_created:
            self.stdout.write(
                f"Demo data: {len(report.organizations_created)} organization(s) and "
                f"{len(report.vacancies_created)} vacancy(ies) created and published."
            )
        else:
            self.stdout.write("Demo data already loaded: nothing changed.")

        password_file = settings.VAR_DIR / PASSWORD_FILE_NAME
        login = demo_admin_ensure(password_file=password_file)
        url = f"{settings.SITE_URL}{reverse('admin:index')}"
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS("Admin login"))
        self.stdout.write(f"  URL:      {url}")
        self.stdout.write(f"  e-mail:   {login.email}")
        if login.password:
            note = "new, " if login.created else ""
            self.stdout.write(f"  password: {login.password}  ({note}saved in {password_file})")
        else:
            self.stdout.write(
                f"  password: unknown ({password_file} is gone); set a new one with\n"
                f"            .venv/bin/python manage.py changepassword {login.email}"
            )
        self.stdout.write(f"Careers site: {settings.SITE_URL}/")
