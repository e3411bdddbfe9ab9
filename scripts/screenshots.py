"""Screenshots of the workspace for the README, taken in Debian's Chromium from a throwaway
demo instance: the demo data (``load_demo``), a few fictional applications submitted and
moved through the project's own services, and the demo owner logged in through the login
and two-factor pages as a person would.

    .venv/bin/python scripts/screenshots.py                 # writes docs/screenshots/*.png
    .venv/bin/python scripts/screenshots.py --out /tmp/shots --language fr

Each page must answer 200 and show its heading, or the script stops with a message and a
non-zero exit: `tests/test_screenshots.py` runs it, so the README's pictures keep working.
"""

import argparse
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPOSITORY))

from bench.instance import instance_setup  # noqa: E402 (after the path is set)

ORGANIZATION = "civic-data-commons"
VACANCY = "python-django-developer"
VIEWPORT = {"width": 1280, "height": 800}
SEARCH = "Django"

# Fictional people, written for these pictures: (name, e-mail, language, CV).
PEOPLE = (
    (
        "Amina Diallo",
        "amina.diallo@example.org",
        "en",
        "Backend developer, six years of Python and Django for a housing charity. "
        "Built the volunteer rota and the donations ledger; PostgreSQL, Celery, "
        "accessibility audits.",
    ),
    (
        "Jonas Weber",
        "jonas.weber@example.net",
        "en",
        "Full-stack developer. Django REST framework, React, GitHub Actions. "
        "Maintainer of an open-source library for civic petitions.",
    ),
    (
        "Claire Martin",
        "claire.martin@example.fr",
        "fr",
        "Développeuse Python depuis 2019 dans une coopérative de données. Django, "
        "PostgreSQL, tests automatisés, accompagnement de bénévoles.",
    ),
    (
        "Tomás Ruiz",
        "tomas.ruiz@example.org",
        "en",
        "Data engineer moving to web development. Python, pandas, Airflow; "
        "volunteer trainer at a coding school for refugees.",
    ),
    (
        "Priya Natarajan",
        "priya.natarajan@example.org",
        "en",
        "Senior software engineer, Django since 1.4. Led the migration of a newsroom's "
        "publishing platform; mentoring, code review, security reviews.",
    ),
    (
        "Lucas Bernard",
        "lucas.bernard@example.fr",
        "fr",
        "Ingénieur logiciel, Django et Wagtail pour des collectivités. Accessibilité RGAA, "
        "hébergement souverain, documentation.",
    ),
)
# Where some of them stand once the recruiter has read them (stage positions, from 0).
MOVES = {1: 1, 2: 1, 4: 2}

# (file name, URL name, its arguments, the part of the page brought to the top, if any)
PAGES = (
    ("board", "staff_applications:board", {"org": ORGANIZATION, "vacancy": VACANCY}, ".board"),
    ("application", "staff_applications:detail", {"org": ORGANIZATION}, ""),
    ("search", "search:search", {"org": ORGANIZATION}, ".search-results"),
    ("reports", "staff_reports:report", {"org": ORGANIZATION}, ""),
)


class ScreenshotFailed(Exception):
    pass


def demo_prepare() -> tuple[str, str, int, bytes]:
    """The demo data and its applications; returns the owner's e-mail and password, an
    application's id, and the owner's TOTP key."""
    from django.conf import settings
    from django.core.files.base import ContentFile
    from django.core.management import call_command
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tremplin.applications.intake.submit import IncomingFile, application_submit
    from tremplin.applications.models import Document
    from tremplin.applications.selectors import stage_list
    from tremplin.applications.services import application_move
    from tremplin.testing.samples import pdf_bytes
    from tremplin.vacancies.demo import demo_admin_ensure
    from tremplin.vacancies.models import Vacancy

    call_command("load_demo", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    login = demo_admin_ensure(password_file=settings.VAR_DIR / "admin-password.txt")
    vacancy = Vacancy.objects.get(organization__slug=ORGANIZATION, slug=VACANCY)
    stages = stage_list(organization=vacancy.organization)
    applications = []
    for name, email, language, cv in PEOPLE:
        cv_file = IncomingFile(
            role=Document.Role.CV, name="cv.pdf", file=ContentFile(pdf_bytes(cv))
        )
        applications.append(
            application_submit(
                vacancy=vacancy,
                name=name,
                email=email,
                files=[cv_file],
                language=language,
                letter_text=f"{name}: {cv}",
            )
        )
    owner = vacancy.organization.memberships.get(user__email=login.email).user
    for index, position in MOVES.items():
        application_move(application=applications[index], to_stage=stages[position].key, by=owner)
    device = TOTPDevice.objects.create(user=owner, name="screenshots", confirmed=True)
    if not login.password:
        raise ScreenshotFailed("the demo owner's password file is missing")
    return login.email, login.password, applications[0].pk, device.bin_key


@contextmanager
def served(port: int) -> Iterator[str]:
    """``manage.py runserver`` on the instance the environment names, until the block ends."""
    from tremplin.testing.processes import wait_for

    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=REPOSITORY,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        if not wait_for(server, port, timeout=60):
            server.terminate()
            error = server.stderr.read().decode() if server.stderr else ""
            raise ScreenshotFailed(f"the server did not start on port {port}: {error}")
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def shoot(
    *,
    base: str,
    out: Path,
    language: str,
    email: str,
    password: str,
    application: int,
    totp_key: bytes,
) -> list[Path]:
    from django.urls import reverse
    from django.utils import translation
    from django_otp.oath import TOTP
    from playwright.sync_api import sync_playwright

    from tremplin.testing.browser import CHROMIUM, CHROMIUM_ARGS

    out.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport=VIEWPORT, locale=language)
        page.goto(f"{base}/{language}/accounts/login/")
        page.fill("input[name=username]", email)
        page.fill("input[name=password]", password)
        page.locator("main form button[type=submit]").click()
        page.wait_for_load_state()
        page.goto(f"{base}/{language}/accounts/two-factor/")
        page.fill("input[name=token]", f"{TOTP(totp_key).token():06d}")
        page.locator("main form button[type=submit]").click()
        page.wait_for_load_state()
        for name, url_name, kwargs, focus in PAGES:
            arguments = dict(kwargs)
            if name == "application":
                arguments["application"] = application
            with translation.override(language):
                path = reverse(url_name, kwargs=arguments)
            query = f"?q={SEARCH}" if name == "search" else ""
            response = page.goto(f"{base}{path}{query}")
            if response is None or response.status != 200:
                status = response.status if response else "no answer"
                raise ScreenshotFailed(f"{path}: {status}")
            if not page.locator("h1").first.is_visible():
                raise ScreenshotFailed(f"{path}: no heading on the page")
            if focus:
                # Its heading just above it, so the picture says what it shows.
                page.locator(focus).first.evaluate(
                    "element => window.scrollTo(0, element.getBoundingClientRect().top"
                    " + window.scrollY - 90)"
                )
            target = out / f"{name}-{language}.png"
            page.screenshot(path=str(target))
            written.append(target)
        browser.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=REPOSITORY / "docs" / "screenshots")
    parser.add_argument("--language", choices=("en", "fr"), default="en")
    parser.add_argument("--port", type=int, default=0, help="(default: a free one)")
    args = parser.parse_args(argv)
    from tremplin.testing.processes import free_port

    with tempfile.TemporaryDirectory(prefix="tremplin-screenshots-") as folder:
        os.environ.update(
            {"DEBUG": "true", "TASKS_BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}
        )
        instance_setup(Path(folder), "")
        try:
            email, password, application, totp_key = demo_prepare()
            with served(args.port or free_port()) as base:
                written = shoot(
                    base=base,
                    out=args.out,
                    language=args.language,
                    email=email,
                    password=password,
                    application=application,
                    totp_key=totp_key,
                )
        except ScreenshotFailed as failure:
            print(f"screenshots: {failure}", file=sys.stderr)
            return 1
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
