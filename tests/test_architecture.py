"""Apps stand on floors and imports only go down: the rules that hold, and a ratchet for the rest.

The code does not meet the target floors yet (docs/architecture.md). Today's exceptions are
listed in tests/architecture_exceptions.txt and tests/architecture_long_modules.txt; the tests
fail when a new one appears and when a listed one is gone, so the lists only shrink. The rules
that already hold are asserted with no list at all.
"""

import textwrap
from collections import Counter
from pathlib import Path

import pytest

from tests import architecture
from tests.architecture import (
    FUNCTION_LOCAL,
    IN_READY,
    MODULE_LEVEL,
    REPOSITORY,
    SIDEWAYS,
    UPWARD,
    Violation,
)

HERE = Path(__file__).parent
EXCEPTIONS = HERE / "architecture_exceptions.txt"
LONG_MODULES = HERE / "architecture_long_modules.txt"

# How many modules privacy may have: the layout of the other apps, plus its erasure and
# exports (not counting __init__.py files).
PRIVACY_MODULES_AT_MOST = 16


@pytest.fixture(scope="module")
def imports() -> list[architecture.Import]:
    return architecture.imports(REPOSITORY)


def test_every_app_stands_on_a_floor():
    apps = {architecture.app_of(path, REPOSITORY) for path in architecture.modules(REPOSITORY)}
    for app in sorted(apps - {None}):
        architecture.floor_of(app)  # raises, saying where to place it


def test_no_import_breaks_a_floor_rule_beyond_the_listed_ones(imports):
    found = architecture.violations(imports)
    new = found - architecture.read_exceptions(EXCEPTIONS)
    assert not new, (
        "New imports break the floor rules (docs/architecture.md):\n\n"
        + architecture.explain_all(new, imports)
        + "\n\nDo not add them to tests/architecture_exceptions.txt: that list only shrinks. "
        "If you only edited an import the list holds (added a name to it, say), its text "
        "changed: fix the import, or if it must stay for now, replace its old entry by the "
        "new one."
    )


def test_every_listed_exception_still_exists(imports):
    gone = architecture.read_exceptions(EXCEPTIONS) - architecture.violations(imports)
    assert not gone, (
        "These imports no longer break a floor rule: well done, now remove their lines from "
        "tests/architecture_exceptions.txt so that they cannot come back:\n"
        + "\n".join(v.entry() for v in sorted(gone.elements()))
    )


# The rules that already hold today, asserted without exceptions: the list cannot excuse them.


def test_no_app_imports_another_of_its_own_floor(imports):
    assert not [v for v in architecture.violations(imports) if v.kind == SIDEWAYS]


@pytest.mark.parametrize("app", ["vacancies", "review", "privacy"])
def test_these_apps_import_nothing_from_a_higher_floor(imports, app):
    upward = [item for item in imports if item.app == app and item.target_floor > item.floor]
    assert not upward, "\n".join(f"{item.path}:{item.line}: {item.text}" for item in upward)


def test_core_imports_no_app(imports):
    found = [item for item in imports if item.app == "core"]
    assert not found, "\n".join(f"{item.path}:{item.line}: {item.text}" for item in found)


def test_accounts_where_organization_lives_imports_only_core(imports):
    found = [item for item in imports if item.app == "accounts" and item.target != "core"]
    assert not found, "\n".join(f"{item.path}:{item.line}: {item.text}" for item in found)


def test_nothing_below_review_imports_review(imports):
    below = [item for item in imports if item.target == "review" and item.floor < item.target_floor]
    assert not below, "\n".join(f"{item.path}:{item.line}: {item.text}" for item in below)


def test_no_app_imports_privacy(imports):
    found = [item for item in imports if item.target == "privacy" and item.app != "privacy"]
    assert not found, "\n".join(f"{item.path}:{item.line}: {item.text}" for item in found)


@pytest.mark.parametrize("app", ["core", "accounts", "review", "privacy"])
def test_these_apps_import_no_other_app_inside_a_function(imports, app):
    local = [item for item in imports if item.app == app and item.placement == FUNCTION_LOCAL]
    assert not local, "\n".join(f"{item.path}:{item.line}: {item.text}" for item in local)


def test_no_app_imports_test_support():
    offenders = []
    for path in architecture.modules(REPOSITORY):
        if architecture.app_of(path, REPOSITORY) is None:
            continue
        for name in architecture.imported_names(path, REPOSITORY):
            parts = name.split(".")
            if parts[:2] == ["tremplin", "testing"] or "tests" in parts:
                offenders.append(f"{path.relative_to(REPOSITORY)}: {name}")
    assert not offenders


# Long modules and privacy's size, as ratchets.


def test_no_module_grows_past_its_bound():
    bounds = architecture.read_long_modules(LONG_MODULES)
    too_long = {
        module: lines
        for module, lines in architecture.line_counts(REPOSITORY).items()
        if lines > bounds.get(module, architecture.LONG_MODULE)
    }
    assert not too_long, (
        f"Modules over {architecture.LONG_MODULE} lines, or past their bound in "
        f"tests/architecture_long_modules.txt: {too_long}. About 500 lines is where a module "
        "holds two topics: split it by topic rather than raising the bound."
    )


def test_every_listed_long_module_is_still_long():
    counts = architecture.line_counts(REPOSITORY)
    short = {
        module: counts.get(module, 0)
        for module in architecture.read_long_modules(LONG_MODULES)
        if counts.get(module, 0) <= architecture.LONG_MODULE
    }
    assert not short, (
        f"These modules are back to {architecture.LONG_MODULE} lines or fewer (or gone): "
        f"remove them from tests/architecture_long_modules.txt: {short}"
    )


def test_privacy_keeps_to_sixteen_modules():
    modules = architecture.app_modules("privacy", REPOSITORY)
    assert len(modules) <= PRIVACY_MODULES_AT_MOST, (
        f"privacy has {len(modules)} modules, more than {PRIVACY_MODULES_AT_MOST}: put the new "
        "code in the module of its topic, or on the floor that owns it."
    )


# The checker itself, on a tiny package of its own.

FLOORS = (("core",), ("shop",), ("orders", "billing"))


def write(root: Path, path: str, text: str) -> None:
    target = root / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(textwrap.dedent(text), encoding="utf-8")


@pytest.fixture
def tree(tmp_path):
    for app in ("core", "shop", "orders", "billing"):
        write(tmp_path, f"pkg/{app}/__init__.py", "")
    write(
        tmp_path,
        "pkg/core/models.py",
        """\
        from typing import TYPE_CHECKING

        from pkg.core import helpers
        from pkg.shop.models import (
            Shop,
            Till,
        )

        if TYPE_CHECKING:
            from pkg.orders.models import Order
        else:
            from pkg.billing import invoices
        """,
    )
    write(
        tmp_path,
        "pkg/shop/services.py",
        """\
        import pkg.core.audit

        def shop_open():
            from pkg.core.audit import log
            from ..orders import services
        """,
    )
    write(
        tmp_path,
        "pkg/shop/apps.py",
        """\
        from django.apps import AppConfig

        class ShopConfig(AppConfig):
            def ready(self):
                from pkg.core.signals import connect
        """,
    )
    write(tmp_path, "pkg/orders/views.py", "from pkg import billing, core\n")
    write(tmp_path, "pkg/orders/migrations/0001_initial.py", "from pkg.billing import models\n")
    write(tmp_path, "pkg/orders/tests/test_views.py", "from pkg.billing import models\n")
    write(tmp_path, "pkg/testing/staff.py", "from pkg.billing import models\n")
    write(tmp_path, "pkg/urls.py", "from pkg.billing import views\n")
    return tmp_path


def found_in(tree: Path) -> set[tuple[str, str, str, str]]:
    return {
        (item.path, item.target, item.placement, item.text)
        for item in architecture.imports(tree, package="pkg")
    }


def test_the_checker_finds_imports_of_other_apps_at_module_level_and_in_functions(tree):
    assert found_in(tree) == {
        (
            "pkg/core/models.py",
            "shop",
            MODULE_LEVEL,
            "from pkg.shop.models import Shop, Till",
        ),
        ("pkg/core/models.py", "billing", MODULE_LEVEL, "from pkg.billing import invoices"),
        ("pkg/shop/services.py", "core", MODULE_LEVEL, "import pkg.core.audit"),
        ("pkg/shop/services.py", "core", FUNCTION_LOCAL, "from pkg.core.audit import log"),
        ("pkg/shop/services.py", "orders", FUNCTION_LOCAL, "from ..orders import services"),
        ("pkg/shop/apps.py", "core", IN_READY, "from pkg.core.signals import connect"),
        ("pkg/orders/views.py", "billing", MODULE_LEVEL, "from pkg import billing, core"),
        ("pkg/orders/views.py", "core", MODULE_LEVEL, "from pkg import billing, core"),
    }


def test_the_checker_reports_each_rule_an_import_breaks(tree):
    found = architecture.imports(tree, package="pkg")
    assert architecture.violations(found, floors=FLOORS) == Counter(
        {
            Violation(
                "pkg/core/models.py", "shop", UPWARD, "from pkg.shop.models import Shop, Till"
            ): 1,
            Violation(
                "pkg/core/models.py", "billing", UPWARD, "from pkg.billing import invoices"
            ): 1,
            Violation(
                "pkg/shop/services.py", "core", FUNCTION_LOCAL, "from pkg.core.audit import log"
            ): 1,
            Violation("pkg/shop/services.py", "orders", UPWARD, "from ..orders import services"): 1,
            Violation(
                "pkg/shop/services.py", "orders", FUNCTION_LOCAL, "from ..orders import services"
            ): 1,
            Violation(
                "pkg/orders/views.py", "billing", SIDEWAYS, "from pkg import billing, core"
            ): 1,
        }
    )
    allowed = frozenset({("orders", "billing")})
    sideways = architecture.violations(found, floors=FLOORS, sideways_allowed=allowed)
    assert not [v for v in sideways if v.kind == SIDEWAYS]


def test_the_checker_finds_the_cycles_between_apps(tree):
    found = architecture.imports(tree, package="pkg")
    assert architecture.cycles(found) == [["core", "orders", "shop"]]
    write(tree, "pkg/core/models.py", "")
    assert architecture.cycles(architecture.imports(tree, package="pkg")) == []


def test_the_ratchet_tells_new_violations_from_listed_ones_and_gone_ones(tree):
    found = architecture.violations(architecture.imports(tree, package="pkg"), floors=FLOORS)
    entries = "\n".join(v.entry() for v in sorted(found) if v.kind != SIDEWAYS)
    gone = "pkg/shop/views.py | orders | upward | from pkg.orders.models import Order"
    listed = tree / "exceptions.txt"
    listed.write_text(f"# a comment\n\n{entries}\n{gone}\n", encoding="utf-8")
    exceptions = architecture.read_exceptions(listed)
    assert list(found - exceptions) == [
        Violation("pkg/orders/views.py", "billing", SIDEWAYS, "from pkg import billing, core")
    ]
    assert list(exceptions - found) == [Violation.parse(gone)]
    message = architecture.explain(
        Violation("pkg/core/models.py", "shop", UPWARD, "from pkg.shop.models import Shop"),
        "core",
        line=3,
        floors=FLOORS,
    )
    assert message.startswith("pkg/core/models.py:3: `from pkg.shop.models import Shop`")
    assert "core (floor 1) imports shop (floor 2)" in message
    assert "AppConfig.ready" in message


def test_a_malformed_exception_line_is_refused_with_the_expected_form():
    with pytest.raises(ValueError, match="upward/sideways/function-local"):
        Violation.parse("tremplin/core/models.py | vacancies | downward | import x")


def test_the_report_counts_relations_to_another_apps_model_by_label(tree):
    write(
        tree,
        "pkg/orders/models.py",
        """\
        from django.db import models

        class Order(models.Model):
            shop = models.ForeignKey("shop.Shop", on_delete=models.CASCADE)
            till = models.ForeignKey("shop.Till", on_delete=models.CASCADE)
            parent = models.ForeignKey("orders.Order", on_delete=models.CASCADE)
            lines = models.ManyToManyField("Line")
        """,
    )
    assert architecture.relations_by_label(tree, package="pkg") == Counter({("orders", "shop"): 2})
