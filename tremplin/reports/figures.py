"""The reports' figures as people read them, in the active language: each with a title, a
sentence that says what it shows, a table, and a bar chart drawn from one of the table's
columns (server-rendered SVG: the table and the sentence are its text equivalent)."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tremplin.applications.models import Application, Stage
from tremplin.reports import selectors
from tremplin.reports.models import DiversityAnswer
from tremplin.reports.selectors import Scope

Cell = int | float | str | None

# The chart's drawing, in SVG user units: each bar has a line for its label above it.
CHART_WIDTH = 640
LABEL_HEIGHT = 18
BAR_HEIGHT = 16
ROW_GAP = 10
VALUE_ROOM = 70  # room right of the longest bar for its value


@dataclass(frozen=True)
class Bar:
    label: str
    value: str  # as shown
    width: float
    label_y: float
    bar_y: float
    value_x: float
    value_y: float


@dataclass(frozen=True)
class Figure:
    key: str
    title: str
    summary: str
    columns: tuple[str, ...]  # the first names the rows' labels
    rows: tuple[tuple[Cell, ...], ...]  # the label first, then one cell per column
    chart_column: int  # the column (index in ``columns``) the bars show

    @property
    def bars(self) -> list[Bar]:
        values = [_number(row[self.chart_column]) for row in self.rows]
        top = max(values, default=0) or 1
        room = CHART_WIDTH - VALUE_ROOM
        step = LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP
        return [
            Bar(
                label=str(row[0]),
                value=_shown(row[self.chart_column]),
                width=round(room * value / top, 1),
                label_y=index * step + LABEL_HEIGHT - 4,
                bar_y=index * step + LABEL_HEIGHT,
                value_x=round(room * value / top, 1) + 6,
                value_y=index * step + LABEL_HEIGHT + BAR_HEIGHT - 3,
            )
            for index, (row, value) in enumerate(zip(self.rows, values, strict=True))
        ]

    @property
    def chart_height(self) -> int:
        return max(1, len(self.rows)) * (LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP)

    @property
    def shown_rows(self) -> list[list[str]]:
        return [[_shown(cell) for cell in row] for row in self.rows]

    @property
    def csv_rows(self) -> list[Sequence[Cell]]:
        return [self.columns, *self.rows]


def _number(cell: Cell) -> float:
    return float(cell) if isinstance(cell, int | float) else 0.0


def _shown(cell: Cell) -> str:
    if cell is None:
        return "–"
    if isinstance(cell, float):
        return number_format(cell, decimal_pos=1)
    if isinstance(cell, int):
        return number_format(cell, force_grouping=True)
    return cell


def _days(duration: timedelta | None) -> float | None:
    return None if duration is None else round(duration.total_seconds() / 86400, 1)


def _percent(part: int, whole: int) -> float | None:
    return None if not whole else round(100 * part / whole, 1)


def _day(value: date | datetime) -> str:
    return date_format(value, "DATE_FORMAT")


def applications_over_time(scope: Scope) -> Figure:
    weeks = selectors.applications_by_week(scope=scope)
    total = sum(count for _week, count in weeks)
    busiest = max(weeks, key=lambda week: week[1])
    if total:
        summary = ngettext(
            "%(total)s application in the last %(weeks)s weeks; the busiest week, "
            "starting %(day)s, brought %(count)s.",
            "%(total)s applications in the last %(weeks)s weeks; the busiest week, "
            "starting %(day)s, brought %(count)s.",
            total,
        ) % {
            "total": _shown(total),
            "weeks": selectors.WEEKS,
            "day": _day(busiest[0]),
            "count": _shown(busiest[1]),
        }
    else:
        summary = _("No application in the last %(weeks)s weeks.") % {"weeks": selectors.WEEKS}
    return Figure(
        key="applications",
        title=_("Applications over time"),
        summary=summary,
        columns=(_("Week starting"), _("Applications")),
        rows=tuple((_day(week), count) for week, count in weeks),
        chart_column=1,
    )


def funnel(scope: Scope) -> Figure:
    figures = selectors.funnel(scope=scope)
    total = figures[0].reached if figures else 0
    rows = []
    previous: int | None = None
    for figure in figures:
        from_previous = (
            None
            if previous is None or figure.stage.is_final
            else _percent(figure.reached, previous)
        )
        rows.append(
            (
                figure.stage.label(),
                figure.now,
                figure.reached,
                _percent(figure.reached, total),
                from_previous,
            )
        )
        if not figure.stage.is_final:
            previous = figure.reached
    hired = sum(figure.reached for figure in figures if figure.stage.kind == Stage.Kind.HIRED)
    summary = ngettext(
        "Of %(total)s application, %(hired)s led to a hire.",
        "Of %(total)s applications, %(hired)s led to a hire.",
        total,
    ) % {"total": _shown(total), "hired": _shown(hired)}
    return Figure(
        key="funnel",
        title=_("The pipeline, stage by stage"),
        summary=summary,
        columns=(
            _("Stage"),
            _("There now"),
            _("Ever got there"),
            _("Share of all applications (%)"),
            _("Share of the previous stage (%)"),
        ),
        rows=tuple(rows),
        chart_column=2,
    )


def durations(scope: Scope) -> Figure:
    rows = [
        (
            duration.stage.label() if duration.stage else _("From the application to a hire"),
            _days(duration.mean),
            duration.count,
        )
        for duration in selectors.stage_durations(scope=scope)
    ]
    to_hire = rows[-1]
    if to_hire[1] is None:
        summary = _("No hire yet, so no time to hire.")
    else:
        summary = ngettext(
            "A hire came %(days)s days after the application on average (%(count)s hire).",
            "A hire came %(days)s days after the application on average (%(count)s hires).",
            to_hire[2] or 0,
        ) % {"days": _shown(to_hire[1]), "count": _shown(to_hire[2])}
    return Figure(
        key="time",
        title=_("Time in each stage and time to hire"),
        summary=summary,
        columns=(_("Stage"), _("Days on average"), _("Applications that moved on")),
        rows=tuple(rows),
        chart_column=1,
    )


def sources(scope: Scope) -> Figure:
    counts = selectors.sources(scope=scope)
    total = sum(count for _source, count in counts.ways)
    ways = tuple(
        (str(Application.Source(source).label), count, _percent(count, total))
        for source, count in counts.ways
    )
    boards = tuple(
        (_("Job board: %(name)s") % {"name": name}, count, _percent(count, total))
        for name, count in counts.boards
    )
    rows = ways + boards
    if total:
        first = max(ways, key=lambda row: row[1])
        summary = _("Most applications came by %(source)s: %(share)s%%.") % {
            "source": first[0].lower(),
            "share": _shown(first[2]),
        }
    else:
        summary = _("No application yet.")
    return Figure(
        key="sources",
        title=_("How applications came in"),
        summary=summary,
        columns=(_("Way in"), _("Applications"), _("Share (%)")),
        rows=rows,
        chart_column=1,
    )


def reviews(scope: Scope) -> Figure:
    figures = selectors.review_progress(scope=scope)
    submitted = sum(figure.submitted for figure in figures)
    expected = sum(figure.expected for figure in figures)
    summary = (
        _("%(submitted)s of %(expected)s expected reviews are in.")
        % {"submitted": _shown(submitted), "expected": _shown(expected)}
        if figures
        else _("No reviewer yet.")
    )
    return Figure(
        key="reviews",
        title=_("Review progress per reviewer"),
        summary=summary,
        columns=(_("Reviewer"), _("Reviews submitted"), _("Started"), _("Expected")),
        rows=tuple(
            (figure.reviewer, figure.submitted, figure.drafts, figure.expected)
            for figure in figures
        ),
        chart_column=1,
    )


MINIMUM_GROUP = 5  # the CNIL's guidance: no figure about fewer people than this


def _hidden(counts: dict[str, int]) -> set[str]:
    """The answers not to show: those given by 1 to 4 people and, when that is only one,
    the next smallest, so that it cannot be worked out from the total."""
    small = {value for value, count in counts.items() if 0 < count < MINIMUM_GROUP}
    if len(small) == 1:
        others = sorted((count, value) for value, count in counts.items() if count >= MINIMUM_GROUP)
        small |= {value for _count, value in others[:1]}
    return small


def diversity(scope: Scope) -> Figure:
    total, counts = selectors.diversity_counts(scope=scope)
    rows: list[tuple[Cell, ...]] = []
    if total >= MINIMUM_GROUP:
        for question in DiversityAnswer.QUESTIONS:
            field = DiversityAnswer.question(question)
            labels = {str(value): str(label) for value, label in field.choices or []}
            labels[""] = _("No answer")
            hidden = _hidden(counts[question])
            for value, count in counts[question].items():
                rows.append(
                    (
                        f"{str(field.verbose_name).capitalize()}: {labels[value]}",
                        _("not shown") if value in hidden else count,
                    )
                )
        summary = ngettext(
            "%(total)s person answered the anonymous questionnaire. Groups of fewer than "
            "%(minimum)s people are not shown, nor, when that is one group alone, the next "
            "smallest, which the total would give away.",
            "%(total)s people answered the anonymous questionnaire. Groups of fewer than "
            "%(minimum)s people are not shown, nor, when that is one group alone, the next "
            "smallest, which the total would give away.",
            total,
        ) % {"total": _shown(total), "minimum": MINIMUM_GROUP}
    elif not selectors.diversity_enabled(organization=scope.organization):
        summary = _("The anonymous diversity questionnaire is not offered.")
    else:
        summary = _(
            "Fewer than %(minimum)s people answered the anonymous questionnaire: nothing is "
            "shown, so that no one can be recognised."
        ) % {"minimum": MINIMUM_GROUP}
    return Figure(
        key="diversity",
        title=_("Diversity of the pipeline (anonymous questionnaire)"),
        summary=summary,
        columns=(_("Answer"), _("People")),
        rows=tuple(rows),
        chart_column=1,
    )


FIGURES: dict[str, Callable[[Scope], Figure]] = {
    "applications": applications_over_time,
    "funnel": funnel,
    "time": durations,
    "sources": sources,
    "reviews": reviews,
    "diversity": diversity,
}
