"""What the case register's page shows: the list of cases with each one's stage and next
deadline, one case's steps with how each was counted, and the timeliness report with its
bar chart. The rules decide (``rules.register``); this words and draws what they decide.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, Final, TypedDict

from ..rules.calendar import DEFAULT_CALENDAR, WorkingCalendar
from ..rules.citations import SECTION_TITLES, cite_path, short_title
from ..rules.dates import long_date, long_date_with_weekday
from ..rules.deadlines import calculate, check_events
from ..rules.register import (
    REGISTER_EVENTS,
    REVIEW_KINDS,
    STAGES,
    Case,
    Deadline,
    Result,
    calculator_events,
    next_deadline,
    open_deadlines,
    stage,
    steps,
    still_to_come,
)
from ..rules.register.deadlines import Status
from ..rules.timescales import DUE_SOON
from . import deadlines as deadlines_view
from .svg import INK, Node, el

#: The list's status filter: the rules' statuses, and cases with nothing due.
#: Each deadline status in words, most pressing first (the list's filter, the summary).
STATUSES: Final[dict[Status, str]] = {
    "overdue": "Overdue",
    "due_soon": f"Due within {DUE_SOON} working days",
    "on_time": "On time",
}
#: The list's filter: each status, and cases with nothing due.
STATUS_FILTER: Final[dict[str, str]] = {
    **{status: words for status, words in STATUSES.items()},
    "none": "Nothing due",
}

STATE_TEXT: Final[dict[str, str]] = {
    "not_recorded": "No date recorded",
    "beyond_calendar": "Outside the years the calendar knows",
}


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def left_text(n: int, overdue: bool = False) -> str:
    """ "n working days left", "Due today", "n working days overdue"; a date that fell on a
    weekend or bank holiday and has passed is overdue with no working day gone since."""
    if n == 0:
        return "Past its due date" if overdue else "Due today"
    if n > 0:
        return f"{_plural(n, 'working day')} left"
    return f"{_plural(-n, 'working day')} overdue"


class DeadlineView(TypedDict):
    """A case's deadline as the list and the case show it."""

    id: str
    label: str
    due: str
    due_text: str
    working_days_left: int
    left_text: str
    status: Status
    status_label: str
    cite: str


class RowView(TypedDict):
    """A case in the list: its stage and its next deadline (``None``: nothing due; then
    ``hint`` may say which date would give one)."""

    index: int
    reference: str
    child_initials: str
    child_age: str
    stage: str
    stage_label: str
    next_deadline: DeadlineView | None
    hint: str | None


class CountView(TypedDict):
    """A filter's choice with the number of cases it would show."""

    id: str
    label: str
    count: int


class ListView(TypedDict):
    """The register's list, soonest next deadline first."""

    rows: list[RowView]
    stages: list[CountView]
    statuses: list[CountView]
    summary_text: str
    today: str


def deadline_json(d: Deadline) -> DeadlineView:
    return {
        "id": d.id,
        "label": d.label,
        "due": d.due.isoformat(),
        "due_text": long_date_with_weekday(d.due),
        "working_days_left": d.working_days_left,
        "left_text": left_text(d.working_days_left, d.status == "overdue"),
        "status": d.status,
        "status_label": STATUSES[d.status],
        "cite": d.cite,
    }


def hint(case: Case, where: str) -> str | None:
    """For a case with nothing due, what would let the list say what is due next."""
    d = case.dates
    names = {e.id: e.name for e in REGISTER_EVENTS}
    if where == "notification" and not {"aware", "referral"} & d.keys():
        return f"Enter {names['aware']} or {names['referral']} to work out the deadlines"
    if where == "panel" and "decision" not in d:
        return "Record what was decided after the Rapid Review, and when"
    if where == "local_review" and "decision" not in d:
        return f"Enter {names['decision']} to work out the final report's deadlines"
    if where == "action_plan" and not case.open_actions:
        return "Add the saved action plan to this case to list its actions' due dates"
    return None


def row(index: int, case: Case, today: date, cal: WorkingCalendar = DEFAULT_CALENDAR) -> RowView:
    found = next_deadline(case, today, cal)
    s = stage(case)
    return {
        "index": index,
        "reference": case.reference,
        "child_initials": case.child_initials,
        "child_age": case.child_age,
        "stage": s,
        "stage_label": STAGES[s],
        "next_deadline": deadline_json(found) if found else None,
        "hint": None if found else hint(case, s),
    }


def _order(r: RowView) -> tuple[int, str, str]:
    nd = r["next_deadline"]
    return (0, nd["due"], r["reference"]) if nd else (1, "", r["reference"])


def list_view(cases: Sequence[Case], today: date) -> ListView:
    """Every case, soonest next deadline first (cases with nothing due last), with the
    counts the filters show and a sentence for the whole register."""
    rows = sorted((row(i, c, today) for i, c in enumerate(cases)), key=_order)
    stage_counts = {k: 0 for k in STAGES}
    status_counts = {k: 0 for k in STATUS_FILTER}
    for r in rows:
        stage_counts[r["stage"]] += 1
        status_counts[r["next_deadline"]["status"] if r["next_deadline"] else "none"] += 1
    summary = f"{_plural(len(rows), 'case')}"
    parts = []
    if status_counts["overdue"]:
        parts.append(f"{status_counts['overdue']} overdue")
    if status_counts["due_soon"]:
        parts.append(f"{status_counts['due_soon']} {STATUSES['due_soon'].lower()}")
    if parts:
        summary += ": " + ", ".join(parts)
    return {
        "rows": rows,
        "stages": [{"id": k, "label": v, "count": stage_counts[k]} for k, v in STAGES.items()],
        "statuses": [
            {"id": k, "label": v, "count": status_counts[k]} for k, v in STATUS_FILTER.items()
        ],
        "summary_text": summary + ".",
        "today": today.isoformat(),
    }


def step_bases(case: Case, cal: WorkingCalendar = DEFAULT_CALENDAR) -> dict[str, str]:
    """How each of the case's steps is counted (the calculator's words), by step id: what a
    calendar needs of a case, without the page's picture."""
    result = calculate(check_events(calculator_events(case)), cal=cal)
    return {m.id: deadlines_view.basis(m) for m in result.milestones}


def case_view(case: Case, today: date, cal: WorkingCalendar = DEFAULT_CALENDAR) -> dict[str, Any]:
    """One case: every step the timescale table gives it, with how it was counted and its
    state (done, due, overdue, not recorded), its open deadlines and the calculator's picture."""
    result = deadlines_view.calculation_json(
        calculate(check_events(calculator_events(case)), cal=cal)
    )
    # Only the dates that would work out a step this case may still need.
    result["waiting"] = [w for w in result["waiting"] if still_to_come(case, w["id"])]
    state = {s.id: s for s in steps(case, cal)}
    found = open_deadlines(case, today, cal)
    # By step, for the table's steps; the action plan's actions share one id, so the case's
    # deadlines are the list itself, every open action in it.
    due_now = {d.id: d for d in found}
    for m in result["milestones"]:
        s = state.get(m["id"])
        if s is None:  # a period to keep to: the report's availability
            m["status"] = "upcoming" if date.fromisoformat(m["due"]) >= today else "past"
            m["state"], m["state_label"] = "period", "Keep to this date"
        elif s.state == "done":
            m["status"], m["state"] = "past", "done"
            m["state_label"] = f"Done on {long_date(s.done_on)}" if s.done_on else "Done"
        elif s.state == "open" and m["id"] in due_now:
            d = due_now[m["id"]]
            m["status"] = "upcoming" if d.status == "on_time" else d.status
            m["state"], m["state_label"] = (
                d.status,
                f"{STATUSES[d.status]}: {left_text(d.working_days_left, d.status == 'overdue')}",
            )
        else:
            m["status"], m["state"] = "past", s.state
            m["state_label"] = STATE_TEXT.get(s.state, "")
    view = deadlines_view.page_view(result, today)
    where = stage(case)
    return {
        "reference": case.reference,
        "stage": where,
        "stage_label": STAGES[where],
        "review_kind_label": REVIEW_KINDS.get(case.review_kind or "", "Not decided yet"),
        "steps": [
            {
                k: m.get(k)
                for k in (
                    "id",
                    "number",
                    "label",
                    "cite",
                    "section",
                    "section_title",
                    "cite_path",
                    "date_text",
                    "due",
                    "earliest",
                    "latest",
                    "basis",
                    "note",
                    "status",
                    "status_text",
                    "state",
                    "state_label",
                )
            }
            for m in view["milestones"]
        ],
        "waiting": view["unlock"],
        "warnings": view["warnings"],
        "deadlines": [deadline_json(d) for d in found],
        "events": [
            {
                "id": e.id,
                "label": e.label,
                "date": day.isoformat(),
                "text": long_date_with_weekday(day),
            }
            for e in REGISTER_EVENTS
            if (day := case.dates.get(e.id)) is not None
        ],
        "timeline": view["timeline"],
    }


# --- the timeliness report --------------------------------------------------------------


def period_text(start: date, end: date) -> str:
    return f"{long_date(start)} to {long_date(end)}"


def missed_text(working_days_late: int) -> str:
    if working_days_late < 0:
        return f"{_plural(-working_days_late, 'working day')} early"
    return f"{_plural(working_days_late, 'working day')} late"


class MissedView(TypedDict):
    """A case that missed a measure, and by how many working days."""

    reference: str
    working_days_late: int
    text: str


class MeasureView(TypedDict):
    """One timeliness measure for the period: met of counted, who missed it and by how much,
    the cases past their last day with no date, those still within it, those with no date
    to count from."""

    id: str
    label: str
    cite: str
    section: str
    section_title: str
    cite_path: str
    met: int
    total: int
    percent: int | None
    words: str
    missed: list[MissedView]
    unknown: int
    unknown_references: list[str]
    pending: int
    no_start_date: list[str]
    unknown_text: str
    pending_text: str
    no_start_text: str


#: The report for a period (``from`` is a Python keyword, so the functional form).
ReportView = TypedDict(
    "ReportView",
    {
        "from": str,
        "to": str,
        "period_text": str,
        "measures": list[MeasureView],
        "lines": list[str],
        # The chart as the page's picture script draws it (views.svg's element tree).
        "chart": dict[str, Any],
    },
)


def measure_json(r: Result) -> MeasureView:
    m = r.measure
    return {
        "id": m.id,
        "label": m.label,
        "cite": m.cite,
        "section": short_title(m.cite),
        "section_title": SECTION_TITLES[m.cite],
        "cite_path": cite_path(m.cite),
        "met": r.met,
        "total": r.total,
        "percent": r.percent,
        "words": r.words(),
        "missed": [
            {
                "reference": x.reference,
                "working_days_late": x.working_days_late,
                "text": f"{x.reference}: {missed_text(x.working_days_late)}",
            }
            for x in r.missed
        ],
        "unknown": r.unknown,
        "unknown_references": list(r.unknown_references),
        "pending": r.pending,
        "no_start_date": list(r.no_start_date),
        "unknown_text": unknown_text(r),
        "pending_text": pending_text(r),
        "no_start_text": no_start_text(r),
    }


def unknown_text(r: Result) -> str:
    """Cases past their last day with no outcome date, named."""
    return f"{r.unknown}: {', '.join(r.unknown_references)}" if r.unknown else "None"


def pending_text(r: Result) -> str:
    return str(r.pending) if r.pending else "None"


def no_start_text(r: Result) -> str:
    """Cases that cannot be counted until the date the measure counts from is recorded."""
    return ", ".join(r.no_start_date) if r.no_start_date else "None"


def measure_line(r: Result) -> str:
    """The measure's figures in one sentence, as the chart shows them."""
    text = f"{r.measure.label}: {r.words()}"
    if r.missed:
        late = (f"{x.reference} ({missed_text(x.working_days_late)})" for x in r.missed)
        text += f"; missed by {', '.join(late)}"
    if r.unknown:
        text += f"; {r.unknown} past the last day with no date recorded, not counted"
    if r.pending:
        text += f"; {r.pending} not yet due"
    if r.no_start_date:
        text += (
            f"; {len(r.no_start_date)} with no date to count from ({', '.join(r.no_start_date)})"
        )
    return text + "."


CHART_W: Final = 640
LABEL_W: Final = 300
BAR_H: Final = 22
ROW_GAP: Final = 56
BAR_FILL: Final = "#1d70b8"
BAR_TRACK: Final = "#dfe2e5"


def chart(results: Sequence[Result]) -> Node:
    """A horizontal bar for each measure: the share met, with its "n of m (p%)" beside it.
    The same figures are given in text (``measure_line``); the picture is for a glance."""
    bar_w = CHART_W - LABEL_W - 90
    height = ROW_GAP * len(results) + 16
    kids: list[Node] = [
        el("title", "Timeliness: the share of cases that met each timescale"),
        el("desc", " ".join(measure_line(r) for r in results)),
    ]
    for i, r in enumerate(results):
        y = 8 + i * ROW_GAP
        bar_y = y + 4
        share = (r.met / r.total) if r.total else 0.0
        kids.append(
            el(
                "g",
                children=[
                    el("title", measure_line(r)),
                    *(
                        el("text", line, x=0, y=y + 9 + 14 * n, font_size=12, fill=INK)
                        for n, line in enumerate(_lines(r.measure.label))
                    ),
                    el("rect", x=LABEL_W, y=bar_y, width=bar_w, height=BAR_H, fill=BAR_TRACK),
                    el(
                        "rect",
                        x=LABEL_W,
                        y=bar_y,
                        width=round(bar_w * share, 1),
                        height=BAR_H,
                        fill=BAR_FILL,
                    ),
                    el(
                        "text",
                        r.words(),
                        x=LABEL_W + bar_w + 6,
                        y=bar_y + 15,
                        font_size=12,
                        fill=INK,
                    ),
                ],
            )
        )
    return el(
        "svg",
        children=kids,
        viewBox=f"0 0 {CHART_W} {height}",
        width=CHART_W,
        height=height,
        role="img",
        aria_label="Timeliness chart; the figures are in the table",
        font_family="sans-serif",
    )


def _lines(label: str, width: int = 44, most: int = 3) -> list[str]:
    """The label wrapped to the chart's label column (SVG text does not wrap itself)."""
    lines: list[str] = []
    for word in label.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    if len(lines) > most:
        lines = [*lines[: most - 1], " ".join(lines[most - 1 :])]
    return lines


def report_view(results: Sequence[Result], start: date, end: date) -> ReportView:
    return {
        "from": start.isoformat(),
        "to": end.isoformat(),
        "period_text": period_text(start, end),
        "measures": [measure_json(r) for r in results],
        "lines": [measure_line(r) for r in results],
        "chart": chart(results).to_json(),
    }
