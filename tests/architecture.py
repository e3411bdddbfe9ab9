"""The floors Tremplin's apps stand on, and the imports that break them.

Apps stand on floors and imports only go down (docs/architecture.md). This module reads every
module under `tremplin/` with the standard library's `ast`, finds each import of another app,
and sorts out the ones that break a floor rule. `tests/test_architecture.py` holds the code to
today's list of exceptions; `python -m tests.architecture` prints the tables of
docs/architecture.md from the code as it is.

What counts: every module of an app, except migrations, tests and `tremplin/testing`;
imports at module level and inside functions alike; not imports under `if TYPE_CHECKING:`,
which never run. `cli.py`, `urls.py`, `settings.py` and the other modules at the top of the
package belong to no app and may import any of them.
"""

from __future__ import annotations

import ast
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
PACKAGE = "tremplin"

# The floors from the ground up, with today's app names. `accounts` is the organizations
# floor: Organization, Membership and users live there, and it imports only `core`.
FLOORS: tuple[tuple[str, ...], ...] = (
    ("core",),
    ("accounts",),
    # notices: what organizations tell people about their data (texts from their settings,
    # no tables), loaded by the pages of vacancies and applications above it.
    ("messaging", "notices"),
    ("vacancies",),
    ("applications",),
    ("review",),
    # interviews: needs review's blind mode and candidate numbers; privacy erases them.
    # notifications: told by applications' note_mentioned and interview_answered (sent by
    # interviews, beside it), post_save of Application and of the audit log; mailed by
    # messaging.
    ("search", "reports", "interviews", "notifications"),
    ("privacy",),
    # Outgoing webhooks: fired from what every floor below records (its rows, its audit
    # events, erasures included), so it stands above privacy.
    ("webhooks",),
    # The JSON API: calls the services and selectors of every floor below, webhooks' too.
    ("api",),
)

# Imports between two apps of the same floor that are allowed: (importing app, imported app).
SIDEWAYS_ALLOWED: frozenset[tuple[str, str]] = frozenset()

# Folders that hold no module the floors apply to.
SKIPPED_FOLDERS = frozenset({"migrations", "tests"})
# Packages directly under tremplin/ that are not apps: test support may import anything.
NOT_APPS = frozenset({"testing", "templates"})

LONG_MODULE = 500

UPWARD = "upward"
SIDEWAYS = "sideways"
FUNCTION_LOCAL = "function-local"

MODULE_LEVEL = "module-level"
IN_READY = "AppConfig.ready"


@dataclass(frozen=True)
class Import:
    """One import statement of one app's module that names another app."""

    path: str  # relative to the repository: tremplin/accounts/views.py
    app: str
    target: str
    text: str  # the statement as `ast.unparse` writes it: one line, however it is wrapped
    placement: str  # MODULE_LEVEL, FUNCTION_LOCAL or IN_READY
    line: int

    @property
    def floor(self) -> int:
        return floor_of(self.app)

    @property
    def target_floor(self) -> int:
        return floor_of(self.target)


@dataclass(frozen=True, order=True)
class Violation:
    """An import that breaks a floor rule. Line numbers drift, so they are not part of it."""

    path: str
    target: str
    kind: str  # UPWARD, SIDEWAYS or FUNCTION_LOCAL
    text: str

    SEPARATOR = " | "

    def entry(self) -> str:
        return self.SEPARATOR.join((self.path, self.target, self.kind, self.text))

    @classmethod
    def parse(cls, entry: str) -> Violation:
        parts = [part.strip() for part in entry.split(cls.SEPARATOR.strip(), 3)]
        if len(parts) != 4 or parts[2] not in (UPWARD, SIDEWAYS, FUNCTION_LOCAL):
            raise ValueError(
                f"{entry!r} is not `path | imported app | {UPWARD}/{SIDEWAYS}/{FUNCTION_LOCAL}"
                " | import statement`"
            )
        return cls(path=parts[0], target=parts[1], kind=parts[2], text=parts[3])


class UnknownApp(Exception):
    """An app that stands on no floor: it must be placed before it can be checked."""


def floor_of(app: str, floors: Sequence[Sequence[str]] = FLOORS) -> int:
    """The app's floor, counted from 1 at the ground."""
    for number, apps in enumerate(floors, start=1):
        if app in apps:
            return number
    raise UnknownApp(
        f"The app {app!r} stands on no floor: add it to FLOORS in tests/architecture.py, on "
        "the floor of what it may import, and to the table in docs/architecture.md."
    )


def modules(root: Path, package: str = PACKAGE) -> Iterator[Path]:
    """Every Python module under the package that the rules measure, in a stable order."""
    for path in sorted((root / package).rglob("*.py")):
        parts = path.relative_to(root / package).parts
        if SKIPPED_FOLDERS.intersection(parts[:-1]):
            continue
        yield path


def app_of(path: Path, root: Path, package: str = PACKAGE) -> str | None:
    """The app a module belongs to, or None for the modules on top and test support."""
    parts = path.relative_to(root / package).parts
    if len(parts) == 1 or parts[0] in NOT_APPS:
        return None
    return parts[0]


def _is_type_checking(test: ast.expr) -> bool:
    if isinstance(test, ast.Name):
        return test.id == "TYPE_CHECKING"
    return isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"


def _is_app_config(node: ast.ClassDef) -> bool:
    for base in node.bases:
        name = base.id if isinstance(base, ast.Name) else getattr(base, "attr", "")
        if name == "AppConfig":
            return True
    return False


class _ImportFinder(ast.NodeVisitor):
    """Collects (statement, placement) for every import that runs, skipping TYPE_CHECKING."""

    def __init__(self) -> None:
        self.found: list[tuple[ast.Import | ast.ImportFrom, str]] = []
        self._placement: list[str] = []
        self._app_config_depth = 0
        self._class_is_app_config: list[bool] = []

    def visit_If(self, node: ast.If) -> None:
        if _is_type_checking(node.test):
            for child in node.orelse:
                self.visit(child)
            return
        self.generic_visit(node)

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self._class_is_app_config.append(_is_app_config(node))
        self.generic_visit(node)
        self._class_is_app_config.pop()

    def _visit_function(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        if self._placement:
            placement = self._placement[-1]  # a function inside ready is still ready
        elif node.name == "ready" and self._class_is_app_config[-1:] == [True]:
            placement = IN_READY
        else:
            placement = FUNCTION_LOCAL
        self._placement.append(placement)
        self._class_is_app_config.append(False)
        self.generic_visit(node)
        self._class_is_app_config.pop()
        self._placement.pop()

    visit_FunctionDef = _visit_function
    visit_AsyncFunctionDef = _visit_function

    def visit_Import(self, node: ast.Import) -> None:
        self.found.append((node, self._placement[-1] if self._placement else MODULE_LEVEL))

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        self.found.append((node, self._placement[-1] if self._placement else MODULE_LEVEL))


def _imported_modules(node: ast.Import | ast.ImportFrom, module: str) -> list[str]:
    """The dotted names an import statement reaches, relative imports resolved."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = node.module or ""
    if node.level:
        parent = module.split(".")[: -node.level]
        base = ".".join([*parent, base] if base else parent)
    # `from tremplin import vacancies` names the app in the imported names.
    return [f"{base}.{alias.name}" for alias in node.names] if "." not in base else [base]


def _statements(path: Path, root: Path) -> Iterator[tuple[ast.Import | ast.ImportFrom, str, str]]:
    """Each import statement that runs: (statement, placement, the module's dotted name)."""
    dotted = ".".join(path.relative_to(root).with_suffix("").parts)
    finder = _ImportFinder()
    finder.visit(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
    for node, placement in finder.found:
        yield node, placement, dotted


def imported_names(path: Path, root: Path) -> list[str]:
    """The dotted names a module imports at run time, wherever the import stands."""
    return [
        name
        for node, _, dotted in _statements(path, root)
        for name in _imported_modules(node, dotted)
    ]


def imports(root: Path, package: str = PACKAGE) -> list[Import]:
    """Every import of another app by a module of an app."""
    found: list[Import] = []
    for path in modules(root, package):
        app = app_of(path, root, package)
        if app is None:
            continue
        relative = path.relative_to(root)
        for node, placement, dotted in _statements(path, root):
            targets = {
                name.split(".")[1]
                for name in _imported_modules(node, dotted)
                if name.split(".")[0] == package and name.count(".") >= 1
            }
            for target in sorted(targets - {app}):
                if not (root / package / target).is_dir():
                    continue  # a module on top, such as tremplin.env, belongs to no app
                found.append(
                    Import(
                        path=relative.as_posix(),
                        app=app,
                        target=target,
                        text=ast.unparse(node),
                        placement=placement,
                        line=node.lineno,
                    )
                )
    return found


def violations(
    found: Iterable[Import],
    floors: Sequence[Sequence[str]] = FLOORS,
    sideways_allowed: frozenset[tuple[str, str]] = SIDEWAYS_ALLOWED,
) -> Counter[Violation]:
    """The floor rules each import breaks: one entry per import and rule."""
    broken: Counter[Violation] = Counter()
    for item in found:
        importing, imported = floor_of(item.app, floors), floor_of(item.target, floors)
        kinds = []
        if imported > importing:
            kinds.append(UPWARD)
        elif imported == importing and (item.app, item.target) not in sideways_allowed:
            kinds.append(SIDEWAYS)
        if item.placement == FUNCTION_LOCAL:
            kinds.append(FUNCTION_LOCAL)
        for kind in kinds:
            broken[Violation(item.path, item.target, kind, item.text)] += 1
    return broken


def read_exceptions(path: Path) -> Counter[Violation]:
    listed: Counter[Violation] = Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            listed[Violation.parse(line)] += 1
    return listed


def explain(
    violation: Violation,
    app: str,
    line: int | None = None,
    floors: Sequence[Sequence[str]] = FLOORS,
) -> str:
    """What rule a new violation breaks and what to do instead."""
    where = f"{violation.path}{f':{line}' if line else ''}: `{violation.text}`"
    low, high = floor_of(app, floors), floor_of(violation.target, floors)
    if violation.kind == UPWARD:
        return (
            f"{where}\n  {app} (floor {low}) imports {violation.target} (floor {high}), "
            "but imports only go down. Move the code to the floor that owns it, or let "
            f"{violation.target} plug itself into {app}: a signal {app} sends, or a registry "
            f"{app} keeps, that {violation.target} fills in its AppConfig.ready."
        )
    if violation.kind == SIDEWAYS:
        return (
            f"{where}\n  {app} and {violation.target} share floor {low}, and nothing goes "
            "sideways within a floor unless SIDEWAYS_ALLOWED in tests/architecture.py lists "
            "the pair. Put the shared code on the floor below, or use a signal or a registry "
            "filled in AppConfig.ready."
        )
    return (
        f"{where}\n  an import of another app inside a function. Put it at the top of the "
        "module if it points down; an import hidden in a function to dodge a cycle points up: "
        "replace it with a signal or a registry that the higher app fills in its "
        "AppConfig.ready (the only function where imports of other apps belong)."
    )


def explain_all(new: Counter[Violation], found: Iterable[Import]) -> str:
    """Every new violation explained, with its line number and its entry in the list."""
    lines = {(item.path, item.text): (item.app, item.line) for item in found}
    return "\n\n".join(
        explain(violation, *lines[violation.path, violation.text])
        + f"\n  (its entry would read: {violation.entry()})"
        for violation in sorted(new)
    )


def cycles(found: Iterable[Import]) -> list[list[str]]:
    """The groups of apps that import one another, round and round (strongly connected)."""
    graph: dict[str, set[str]] = {}
    for item in found:
        graph.setdefault(item.app, set()).add(item.target)
        graph.setdefault(item.target, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []

    def visit(app: str) -> None:  # Tarjan's algorithm; a handful of apps, recursion is fine
        index[app] = low[app] = len(index)
        stack.append(app)
        for target in sorted(graph[app]):
            if target not in index:
                visit(target)
                low[app] = min(low[app], low[target])
            elif target in stack:
                low[app] = min(low[app], index[target])
        if low[app] == index[app]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == app:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for app in sorted(graph):
        if app not in index:
            visit(app)
    return sorted(groups)


RELATIONS = frozenset({"ForeignKey", "OneToOneField", "ManyToManyField"})


def relations_by_label(root: Path, package: str = PACKAGE) -> Counter[tuple[str, str]]:
    """Model fields that name another app's model by its label ("accounts.Organization").

    They tie the apps as an import would, but Django resolves them without one; the floors
    still apply to them (the redesign moves them too), and the report counts them."""
    found: Counter[tuple[str, str]] = Counter()
    for path in modules(root, package):
        app = app_of(path, root, package)
        if app is None:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            label = node.args[0]
            if name in RELATIONS and isinstance(label, ast.Constant) and "." in str(label.value):
                target = str(label.value).split(".")[0]
                if target != app:
                    found[app, target] += 1
    return found


def line_counts(root: Path, package: str = PACKAGE) -> dict[str, int]:
    """Lines of every measured module, test support and the modules on top included."""
    return {
        path.relative_to(root).as_posix(): len(path.read_text(encoding="utf-8").splitlines())
        for path in modules(root, package)
    }


def read_long_modules(path: Path) -> dict[str, int]:
    bounds: dict[str, int] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            module, bound = line.split()
            bounds[module] = int(bound)
    return bounds


def app_modules(app: str, root: Path, package: str = PACKAGE) -> list[str]:
    """An app's modules, not counting the empty `__init__.py` of its packages."""
    return [
        path.relative_to(root).as_posix()
        for path in modules(root, package)
        if app_of(path, root, package) == app
        and not (path.name == "__init__.py" and not path.read_text(encoding="utf-8").strip())
    ]


def report(root: Path = REPOSITORY, package: str = PACKAGE) -> str:
    """The tables of docs/architecture.md, in Markdown."""
    found = imports(root, package)
    apps = [app for floor in FLOORS for app in floor if (root / package / app).is_dir()]
    out: list[str] = []

    out += ["### Apps and floors", ""]
    out += ["| floor | app | modules | lines |", "|---|---|---:|---:|"]
    counts = line_counts(root, package)
    for app in apps:
        mine = app_modules(app, root, package)
        lines = sum(counts[module] for module in mine)
        out.append(f"| {floor_of(app)} | `{app}` | {len(mine)} | {lines} |")

    out += ["", "### Imports between apps", ""]
    out += [
        "Import statements, row imports column; `m+f` is m at module level and f inside",
        "functions (AppConfig.ready not counted in f). Above the diagonal: upward.",
        "",
    ]
    pairs: Counter[tuple[str, str, str]] = Counter(
        (item.app, item.target, item.placement) for item in found
    )
    out.append("| imports → | " + " | ".join(f"`{app}`" for app in apps) + " |")
    out.append("|---|" + "---:|" * len(apps))
    for app in apps:
        cells = []
        for target in apps:
            level = pairs[app, target, MODULE_LEVEL] + pairs[app, target, IN_READY]
            local = pairs[app, target, FUNCTION_LOCAL]
            cells.append("·" if app == target else (f"{level}+{local}" if level or local else ""))
        out.append(f"| `{app}` (floor {floor_of(app)}) | " + " | ".join(cells) + " |")

    broken = violations(found)
    out += ["", "### Floor rules broken, per app pair", ""]
    out += ["| importing app | imported app | upward | sideways | function-local |"]
    out += ["|---|---|---:|---:|---:|"]
    by_pair: Counter[tuple[str, str, str]] = Counter()
    app_of_path = {item.path: item.app for item in found}
    for violation, number in broken.items():
        by_pair[app_of_path[violation.path], violation.target, violation.kind] += number
    for app, target in sorted({(a, t) for a, t, _ in by_pair}, key=_floor_order):
        up, side, local = (
            by_pair[app, target, kind] for kind in (UPWARD, SIDEWAYS, FUNCTION_LOCAL)
        )
        out.append(f"| `{app}` | `{target}` | {up} | {side} | {local} |")
    totals = Counter[str]()
    for violation, number in broken.items():
        totals[violation.kind] += number
    out.append(
        f"| **all** | | **{totals[UPWARD]}** | **{totals[SIDEWAYS]}** "
        f"| **{totals[FUNCTION_LOCAL]}** |"
    )

    out += ["", "### Cycles between apps", ""]
    groups = cycles(found)
    edges = {(item.app, item.target) for item in found}
    mutual = sorted((a, b) for a, b in edges if (b, a) in edges and a < b)
    if groups:
        for group in groups:
            out.append(f"- one knot of {len(group)} apps: " + ", ".join(f"`{a}`" for a in group))
        out.append(
            f"- {len(mutual)} pairs import each other directly: "
            + ", ".join(f"`{a}`⇄`{b}`" for a, b in mutual)
        )
    else:
        out.append("None.")

    out += ["", "### Relations to another app's model by label (not imports: not checked)", ""]
    relations = relations_by_label(root, package)
    out += ["| model of | points to | fields | direction |", "|---|---|---:|---|"]
    for (app, target), number in sorted(relations.items(), key=lambda pair: _floor_order(pair[0])):
        direction = "upward" if floor_of(target) > floor_of(app) else "down"
        out.append(f"| `{app}` | `{target}` | {number} | {direction} |")

    out += ["", f"### Modules over {LONG_MODULE} lines", ""]
    long = sorted(((n, m) for m, n in counts.items() if n > LONG_MODULE), reverse=True)
    out += ["| module | lines |", "|---|---:|"]
    out += [f"| `{module}` | {number} |" for number, module in long]
    out += ["", f"`privacy` has {len(app_modules('privacy', root, package))} modules."]
    return "\n".join(out) + "\n"


def _floor_order(pair: tuple[str, str]) -> tuple[int, int, str, str]:
    return (floor_of(pair[0]), floor_of(pair[1]), pair[0], pair[1])


def main(argv: Sequence[str]) -> int:
    if argv and argv[0] not in ("--report",):
        print("usage: python -m tests.architecture [--report]", file=sys.stderr)
        return 2
    sys.stdout.write(report())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
