"""Fixtures shared by every app's tests."""

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tremplin.testing.browser import CHROMIUM, CHROMIUM_ARGS

pytest_plugins = [
    "tremplin.testing.applying",
    "tremplin.testing.mailservers",
    "tremplin.testing.redisserver",
    "tremplin.testing.s3server",
    "tremplin.testing.staff",
]

REPO_DIR = Path(__file__).resolve().parent
SEEDS_DIR = Path(os.environ.get("TREMPLIN_SEEDS_DIR", REPO_DIR.parent / "shared" / "seeds"))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """Drive Debian's Chromium: Playwright's own browser download cannot work here."""
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The real vacancies in ../shared/seeds; the suite fails, not skips, without them."""
    if not SEEDS_DIR.is_dir():
        pytest.fail(f"seed vacancies not found in {SEEDS_DIR} (set TREMPLIN_SEEDS_DIR)")
    return SEEDS_DIR


@pytest.fixture(scope="session")
def seed(seeds_dir: Path):
    """``seed("000")`` is the path of the seed file whose name starts with 000."""

    def find(prefix: str) -> Path:
        matches = sorted(seeds_dir.glob(f"{prefix}_*.txt"))
        if len(matches) != 1:
            pytest.fail(f"expected one seed {prefix}_*.txt in {seeds_dir}, found {len(matches)}")
        return matches[0]

    return find


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked ``postgres`` need PostgreSQL's behaviour; they say so when run on SQLite."""
    from django.conf import settings

    if settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL: runs in the PostgreSQL pass of make test")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _default_language() -> Iterator[None]:
    """Each test starts in the default language, whatever an earlier one activated."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _no_public_page_kept() -> None:
    """Each test renders the careers site from its own data, not from an earlier test's
    pages kept in memory (a rolled-back database sends no change signal)."""
    from tremplin.core import pagecache

    pagecache.clear()


@pytest.fixture(autouse=True)
def private_files(settings: Any, tmp_path: Path) -> Path:
    """Candidates' files and raw e-mails go, encrypted with the test files key, to a folder
    of this test's own, never var/."""
    root = tmp_path / "private"
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "tremplin.core.storage.EncryptedFileSystemStorage",
            "OPTIONS": {"location": root, "base_url": None, "key": settings.TREMPLIN_FILES_KEY},
        },
    }
    return root


@pytest.fixture(autouse=True)
def erasure_ledger_file(settings: Any, tmp_path: Path) -> Path:
    """The erasure ledger file of this test, never var/'s."""
    path = tmp_path / "erasure-ledger.jsonl"
    settings.TREMPLIN_ERASURE_LEDGER_FILE = path
    return path
