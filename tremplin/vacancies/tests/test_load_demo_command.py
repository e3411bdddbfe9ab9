import io
import re
import stat
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db.models import Model
from django.test import Client
from pytest_django.fixtures import Settings

from tremplin.accounts.models import Membership, Organization
from tremplin.vacancies.models import Criterion, CriterionText, Vacancy, VacancyText

pytestmark = pytest.mark.django_db


@pytest.fixture
def var_dir(tmp_path: Path, settings: Settings) -> Path:
    settings.VAR_DIR = tmp_path
    return tmp_path


def load_demo() -> str:
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def database_state() -> dict[str, list[dict]]:
    """Every row the command may write, with every column, timestamps included."""
    models: list[type[Model]] = [
        Organization,
        Vacancy,
        VacancyText,
        Criterion,
        CriterionText,
        Membership,
        get_user_model(),
    ]
    return {m.__name__: list(m._default_manager.order_by("pk").values()) for m in models}


def test_it_loads_published_demo_vacancies_in_both_languages(var_dir: Path) -> None:
    load_demo()

    assert Organization.objects.count() >= 2
    published = Vacancy.objects.filter(status=Vacancy.Status.PUBLISHED)
    assert published.count() == Vacancy.objects.count() >= 4
    assert published.filter(kind=Vacancy.Kind.VOLUNTEER).exists()
    paid = published.filter(kind=Vacancy.Kind.JOB)
    assert paid.exists() and all(vacancy.has_pay_range for vacancy in paid)
    assert VacancyText.objects.filter(language="fr").exists()
    assert VacancyText.objects.filter(language="en").exists()
    assert published.filter(texts__language="fr").filter(texts__language="en").exists()
    assert Criterion.objects.exists()
    for text in VacancyText.objects.all():
        assert "\n- " in text.body, f"{text.title} has no requirement bullets"


def test_the_demo_board_is_served(var_dir: Path, client: Client) -> None:
    load_demo()
    for language in ["en", "fr"]:
        response = client.get(f"/{language}/")
        assert response.status_code == 200
    for vacancy in Vacancy.objects.all():
        assert client.get(vacancy.get_absolute_url()).status_code == 200


def test_it_creates_an_admin_and_prints_the_login(var_dir: Path, client: Client) -> None:
    output = load_demo()

    password_file = var_dir / "admin-password.txt"
    password = password_file.read_text().strip()
    assert stat.S_IMODE(password_file.stat().st_mode) == 0o600
    assert "http://127.0.0.1:8000/admin/" in output
    assert re.search(r"e-mail:\s+admin@tremplin\.example\b", output)
    assert password in output
    admin = get_user_model().objects.get(email="admin@tremplin.example")
    assert admin.is_superuser and admin.is_staff
    assert client.login(email="admin@tremplin.example", password=password)
    assert Membership.objects.filter(user=admin, role=Membership.Role.OWNER).count() == (
        Organization.objects.count()
    )


def test_running_it_twice_changes_nothing_and_prints_the_same_login(var_dir: Path) -> None:
    first = load_demo()
    before = database_state()
    password = (var_dir / "admin-password.txt").read_text().strip()

    second = load_demo()

    assert database_state() == before
    assert "nothing changed" in second
    assert password in first and password in second
    assert (var_dir / "admin-password.txt").read_text().strip() == password


def test_without_the_password_file_it_says_how_to_reset_the_password(var_dir: Path) -> None:
    load_demo()
    (var_dir / "admin-password.txt").unlink()
    before = database_state()

    output = load_demo()

    assert database_state() == before
    assert ".venv/bin/python manage.py changepassword admin@tremplin.example" in output
    assert not (var_dir / "admin-password.txt").exists()


def test_it_leaves_an_edited_or_closed_demo_vacancy_alone(var_dir: Path) -> None:
    load_demo()
    vacancy = Vacancy.objects.order_by("pk").first()
    assert vacancy is not None
    Vacancy.objects.filter(pk=vacancy.pk).update(status=Vacancy.Status.CLOSED, location="Brest")

    load_demo()

    vacancy.refresh_from_db()
    assert vacancy.status == Vacancy.Status.CLOSED
    assert vacancy.location == "Brest"


def test_it_puts_back_a_demo_vacancy_that_was_deleted(var_dir: Path) -> None:
    load_demo()
    count = Vacancy.objects.count()
    Vacancy.objects.order_by("pk").first().delete()  # type: ignore[union-attr]

    output = load_demo()

    assert Vacancy.objects.count() == count
    assert "1 vacancy(ies) created" in output
