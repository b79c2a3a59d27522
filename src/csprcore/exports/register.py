"""The case register's files: every open deadline as one calendar, the register and the
timeliness report as CSV for Excel, and the PDFs for the review group's meeting and the
annual report."""

from __future__ import annotations

import hashlib
import unicodedata
from collections import Counter
from collections.abc import Sequence
from datetime import date, datetime
from typing import Final

from .. import __version__
from ..partnership import current
from ..rules.calendar import DEFAULT_CALENDAR, WorkingCalendar
from ..rules.dates import long_date
from ..rules.register import (
    ACTION_DUE,
    NOTIFICATIONS,
    REGISTER_EVENTS,
    REVIEW_KINDS,
    Case,
    Result,
    open_deadlines,
)
from ..views.register import (
    STATUSES,
    deadline_json,
    list_view,
    missed_text,
    no_start_text,
    pending_text,
    period_text,
    step_bases,
    unknown_text,
)
from . import ics
from .document import Block, Report
from .printable import unprintable
from .spreadsheet import csv_bytes

ICS_PRODID: Final = f"-//{current().name}//CSPR case register {__version__}//EN"

REGISTER_COLUMNS: Final = (
    "Reference", "Child's initials", "Child's age", "Stage", "Kind of review",
    "Who notified the Panel", "Next deadline", "Due", "Working days left", "Status",
    *(e.label for e in REGISTER_EVENTS),
)  # fmt: skip
REPORT_COLUMNS: Final = (
    "Measure", "Period from", "Period to", "Met", "Counted", "Per cent", "Missed",
    "Past the last day, no date recorded", "Not yet due", "No date to count from",
)  # fmt: skip


def _printed(text: str) -> str:
    """``text`` as the PDF can show it: a character its fonts lack (a reference typed in
    another script) is printed as its code point, never left as an empty box."""
    missing = set(unprintable(text))
    if not missing:
        return text
    shown = unicodedata.normalize("NFC", text)
    return "".join(f"[U+{ord(c):04X}]" if c in missing else c for c in shown)


def register_csv(cases: Sequence[Case], today: date) -> bytes:
    """One row per case, in the list's order: its stage, next deadline and every date."""
    view = list_view(cases, today)
    rows = []
    for r in view["rows"]:
        case = cases[r["index"]]
        nd = r["next_deadline"]
        rows.append([
            case.reference, case.child_initials, case.child_age, r["stage_label"],
            REVIEW_KINDS.get(case.review_kind or "", ""), NOTIFICATIONS[case.notification],
            *((nd["label"], nd["due"], nd["working_days_left"], nd["status_label"]) if nd
              else ("", "", "", "")),
            *((d.isoformat() if (d := case.dates.get(e.id)) else "") for e in REGISTER_EVENTS),
        ])  # fmt: skip
    return csv_bytes(REGISTER_COLUMNS, rows)


def _key(reference: str) -> str:
    return hashlib.sha256(reference.encode("utf-8")).hexdigest()[:16]


def register_ics(
    cases: Sequence[Case], today: date, now: datetime, cal: WorkingCalendar = DEFAULT_CALENDAR
) -> str:
    """Every open deadline of every case, one all-day event each, named by the case's
    reference (never the child's initials: a calendar is shared more widely than the
    register)."""
    stamp = ics.stamp(now)
    lines: list[str] = []
    for case in cases:
        found = open_deadlines(case, today, cal)
        if not found:
            continue
        basis = step_bases(case, cal)
        actions: Counter[str] = Counter()
        for d in map(deadline_json, found):
            event_id = d["id"]
            if event_id == ACTION_DUE:
                # Named by what it is (its agency and due date, and which of identical ones),
                # never by its place among the deadlines: recording a step must not renumber
                # it, or a calendar imported again would move or repeat it.
                what = f"{d['label']}|{d['due']}"
                actions[what] += 1
                event_id = f"action-{_key(what)[:12]}-{actions[what]}"
            m = {
                "id": event_id,
                "label": f"{case.reference}: {d['label']}",
                "due": d["due"],
                "cite": d["cite"],
                "basis": basis.get(d["id"], "the due date in the action plan"),
                "made_by": "the CSPR case register",
            }
            lines.extend(ics.event_lines(m, _key(case.reference), stamp, "cspr-case-register"))
    return ics.wrap(lines, "CSPR case register", ICS_PRODID)


def summary_report(cases: Sequence[Case], today: date, made_at: datetime) -> Report:
    """The open cases for the review group's meeting: each one's stage and next deadline,
    overdue first."""
    view = list_view(cases, today)
    rows = []
    for r in view["rows"]:
        if r["stage"] == "closed":
            continue
        nd = r["next_deadline"]
        if nd is None:
            value = "Nothing due"
        else:
            left = nd["left_text"].lower()
            soon = f"{STATUSES['due_soon'].lower()}: " if nd["status"] == "due_soon" else ""
            value = _printed(f"{nd['label']}: {nd['due_text']} ({soon}{left})")
        name = _printed(f"{r['reference']} ({r['child_initials']})")
        rows.append((f"{name}: {r['stage_label']}", value))
    group = current().groups["review"].name
    closed = sum(1 for r in view["rows"] if r["stage"] == "closed")
    blocks = [
        Block("Summary", text=view["summary_text"] + (f" {closed} closed: not listed." if closed else "")),  # noqa: E501
        Block("Open cases, next deadline first", rows)
        if rows
        else Block("Open cases", text="No open cases."),
        Block("By stage", text="\n".join(
            f"{s['label']}: {s['count']}" for s in view["stages"] if s["count"]
        ) or "No cases."),
    ]  # fmt: skip
    return Report(
        "Case register: summary",
        blocks,
        f"For the {group} meeting. Deadlines as at {long_date(today)}. "
        f"Made on {made_at.strftime('%d/%m/%Y at %H:%M')}.",
    )


def report_csv(results: Sequence[Result], start: date, end: date) -> bytes:
    rows = [
        [
            r.measure.label, start.isoformat(), end.isoformat(), r.met, r.total,
            "" if r.percent is None else r.percent,
            "; ".join(f"{x.reference} ({missed_text(x.working_days_late)})" for x in r.missed),
            r.unknown, r.pending, "; ".join(r.no_start_date),
        ]
        for r in results
    ]  # fmt: skip
    return csv_bytes(REPORT_COLUMNS, rows)


def timeliness_report(
    results: Sequence[Result], start: date, end: date, made_at: datetime
) -> Report:
    blocks = [
        Block(
            r.measure.label,
            [
                ("Met", r.words()),
                ("Missed", "; ".join(
                    f"{_printed(x.reference)} ({missed_text(x.working_days_late)})"
                    for x in r.missed
                ) or "None"),
                ("Past the last day, no date recorded (not counted)", _printed(unknown_text(r))),
                ("Not yet due (not counted)", pending_text(r)),
                ("No date to count from (not counted)", _printed(no_start_text(r))),
            ],
        )
        for r in results
    ]  # fmt: skip
    blocks.append(Block("How the figures are counted", text=COUNTING))
    return Report(
        "Timeliness of child safeguarding practice reviews",
        blocks,
        f"{current().name}. Period: {period_text(start, end)}. "
        f"Made on {made_at.strftime('%d/%m/%Y at %H:%M')}.",
    )


#: How the report counts, printed with it (the issue's rules, in the reader's words).
COUNTING: Final = (
    "A case counts in the period when the event its measure counts from falls in it: the "
    "date the local authority became aware for notifications, the notification for the "
    "Rapid Review (national guidance), the partnership's own event for its timetable and "
    "the meeting, the decision for publication, and the publication date for the copies. "
    '"Within N working days" means on or before the N-th working day after that event '
    "(Saturdays, Sundays and England and Wales bank holidays do not count), and the working "
    "days late are counted from that N-th day. A case with no outcome date is counted apart, "
    "never guessed: as not yet due while its last day has not passed, and as past the last "
    "day with no date recorded once it has. A case with a later date in the period but no "
    "date to count from is named, so that the missing date can be recorded."
)
