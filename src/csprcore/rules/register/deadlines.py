"""Each step of a case, counted from the one timescale table: which recorded event shows it
done, which later event makes it moot, and the deadlines still open with their status."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final, Literal

from ..calendar import DEFAULT_CALENDAR, CalendarRangeError, WorkingCalendar
from ..citations import Cite
from ..timescales import DUE_SOON, TIMESCALES, TIMESCALES_BY_ID, Count, Timescale, due
from .case import ROLE_DONE_BY, Case

#: A deadline's status (``views.register.STATUSES`` words each).
Status = Literal["on_time", "due_soon", "overdue"]

#: The recorded event that shows each national step done. (Section 3: the local authority's
#: report to the safeguarding partners is the referral they receive.)
_NATIONAL_DONE_BY: Final[dict[str, str]] = {
    "notify_panel": "notified",
    "report_to_safeguarding_partners": "referral",
    "rapid_review_national": "sent-to-panel",
    "panel_decision": "panel-response",
    "final_report_published": "publication",
    "report_to_panel_and_secretary_of_state": "copies-sent",
    "report_to_ofsted": "ofsted-sent",
}
#: A national step never recorded stops being due once a later step it leads to is
#: recorded: the copies must go before publication, the Panel cannot have the Rapid Review
#: without being notified. Such a step is "not recorded".
_NATIONAL_MOOT_AFTER: Final[dict[str, tuple[str, ...]]] = {
    "notify_panel": ("sent-to-panel",),
    "report_to_safeguarding_partners": ("meeting",),
    "rapid_review_national": ("panel-response", "decision"),
    "panel_decision": ("decision",),
    "final_report_published": (),
    "report_to_panel_and_secretary_of_state": ("publication",),
    "report_to_ofsted": ("publication",),
}


def _local_done_by(t: Timescale) -> str:
    return ROLE_DONE_BY.get(t.role or "", t.id)


def _local_moot_after(t: Timescale, meeting_at: int, position: int) -> tuple[str, ...]:
    """The partnership's steps serve the meeting (those before it) or the Rapid Review sent
    to the Panel (the meeting and those after it); the Rapid Review itself is moot once the
    Panel has answered or a decision is recorded."""
    if t.role == "sent_to_panel":
        return ("panel-response", "decision")
    return ("meeting",) if position < meeting_at else ("sent-to-panel",)


def _tables() -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    local = [t for t in TIMESCALES if t.step is not None]
    meeting_at = next(i for i, t in enumerate(local) if t.role == "meeting")
    done = {t.id: _local_done_by(t) for t in local}
    moot = {t.id: _local_moot_after(t, meeting_at, i) for i, t in enumerate(local)}
    return {**_NATIONAL_DONE_BY, **done}, {**_NATIONAL_MOOT_AFTER, **moot}


#: The recorded event that shows each step of the timescale table done, and the later events
#: that make a step never recorded moot: the scoping templates serve the meeting, so once it
#: is held a template nobody dated is no longer "overdue".
DONE_BY, MOOT_AFTER = _tables()
#: A partnership's step that a register event records, by the step's own id (the example's
#: ``templates_sent`` is the event ``scoping-sent``): a file may date it either way.
STEP_ALIASES: Final[dict[str, str]] = {
    t.id: DONE_BY[t.id] for t in TIMESCALES if t.step is not None and DONE_BY[t.id] != t.id
}

StepState = Literal["done", "open", "not_recorded", "beyond_calendar"]


@dataclass(frozen=True)
class Step:
    """One step of the timescale table for one case."""

    id: str
    label: str
    cite: Cite
    #: The last day for it (for the meeting's window, the window's last day); None when the
    #: calendar cannot count that far.
    due: date | None
    earliest: date | None
    counted_from: str
    state: StepState
    done_on: date | None


def is_done(case: Case, timescale: str) -> bool:
    """The case records the step done."""
    return DONE_BY[timescale] in case.dates


def is_moot(case: Case, timescale: str) -> bool:
    """A later step the case records makes this one, never recorded, no longer due."""
    later = MOOT_AFTER[timescale]
    if any(e in case.dates for e in (*later, "closed")):
        return True
    # What was decided is recorded, though not its date: the decision was made.
    return "decision" in later and case.review_kind is not None


def still_to_come(case: Case, timescale: str) -> bool:
    """A step the case may yet need: not done, not moot, and (for the report's steps, which
    count from the decision to hold a local review) part of this case's path."""
    if not case.has_step(timescale):
        return False
    if timescale not in DONE_BY:
        return case.local_review and "closed" not in case.dates
    if is_done(case, timescale) or is_moot(case, timescale):
        return False
    counts = TIMESCALES_BY_ID[timescale].counts
    if any(c.event in ("decision", "publication") for c in counts):
        return case.local_review
    return True


def calculator_events(case: Case) -> dict[str, date]:
    """The case's dates as the timescale table's events. The decision counts only for a
    local review (section 11 counts from the decision to initiate one); the copies count back
    from the publication date, or the planned one until the report is published."""
    d = case.dates
    events = {
        k: d[k] for k in ("aware", "notified", "referral", "meeting", "sent-to-panel") if k in d
    }
    if case.local_review and "decision" in d:
        events["decision"] = d["decision"]
    publication = d.get("publication") or d.get("planned-publication")
    if publication is not None and case.local_review:
        events["publication"] = publication
    return events


def steps(
    case: Case, cal: WorkingCalendar = DEFAULT_CALENDAR, *, open_only: bool = False
) -> list[Step]:
    """Each step of the timescale table the case's dates let us count, with its state;
    ``open_only``: only the steps still to be done (their dates alone are worked out, which
    is what a register's list of thousands of cases needs)."""
    events = calculator_events(case)
    out: list[Step] = []
    for t in TIMESCALES:
        done_by = DONE_BY.get(t.id)
        if done_by is None or not case.has_step(t.id):
            continue  # a period to keep to (the report's availability), or not this case's
        done = done_by in case.dates  # is_done
        # A list of thousands of cases counts only what is still open.
        if open_only and done:
            continue
        count = t.count_for(events)
        if count is None:
            continue
        state: StepState = "done" if done else "not_recorded" if is_moot(case, t.id) else "open"
        if open_only and state != "open":
            continue
        done_on = case.dates.get(done_by)
        try:
            first = due(count, events[count.event], cal)
            last = due(t.latest, events[t.latest.event], cal) if t.latest is not None else first
        except CalendarRangeError:
            out.append(_step(t, None, None, count, "beyond_calendar", done_on))
            continue
        out.append(_step(t, last, first if t.latest else None, count, state, done_on))
    return out


def _step(
    t: Timescale,
    due: date | None,
    earliest: date | None,
    count: Count,
    state: StepState,
    done_on: date | None,
) -> Step:
    return Step(t.id, t.label, t.cite, due, earliest, count.event, state, done_on)


@dataclass(frozen=True)
class Deadline:
    id: str
    label: str
    due: date
    working_days_left: int
    status: Status
    cite: Cite


ACTION_DUE: Final = "action_due"


def working_days_left(today: date, due: date, cal: WorkingCalendar = DEFAULT_CALENDAR) -> int:
    """Working days from today to the due date: 0 on the day, negative once it has passed
    (the working days since it)."""
    return cal.working_days_between(today, due)


def status(today: date, due: date, cal: WorkingCalendar = DEFAULT_CALENDAR) -> Status:
    """Overdue once the due date has passed; due soon while at most ``DUE_SOON`` working days
    are left (counted as ``working_days_left`` counts them, so a due date on a Sunday with
    Thursday and Friday left is due soon)."""
    if due < today:
        return "overdue"
    try:
        left = cal.working_days_between(today, due)
    except CalendarRangeError:
        return "due_soon"
    return _status(today, due, left)


def _status(today: date, due: date, left: int) -> Status:
    if due < today:
        return "overdue"
    return "due_soon" if left <= DUE_SOON else "on_time"


def _due_steps(case: Case, cal: WorkingCalendar) -> list[tuple[str, str, date, Cite]]:
    """Every step still to be done, soonest first: the table's steps, then (section 12) the
    action plan's actions that are not complete."""
    if "closed" in case.dates:
        return []
    found: list[tuple[str, str, date, Cite]] = [
        (s.id, s.label, s.due, s.cite)
        for s in steps(case, cal, open_only=True)
        if s.state == "open" and s.due is not None
    ]
    found.extend(
        (ACTION_DUE, f"Action plan: action for {a.agency or 'an agency'} due", a.due, "section-12")
        for a in case.open_actions
    )
    return sorted(found, key=lambda f: f[2])


def _deadline(found: tuple[str, str, date, Cite], today: date, cal: WorkingCalendar) -> Deadline:
    id_, label, due, cite = found
    left = working_days_left(today, due, cal)  # counted once: the status reads it too
    return Deadline(id_, label, due, left, _status(today, due, left), cite)


def open_deadlines(
    case: Case, today: date, cal: WorkingCalendar = DEFAULT_CALENDAR
) -> list[Deadline]:
    """Every step still to be done, soonest first, with its status against ``today``."""
    return [_deadline(f, today, cal) for f in _due_steps(case, cal)]


def next_deadline(
    case: Case, today: date, cal: WorkingCalendar = DEFAULT_CALENDAR
) -> Deadline | None:
    found = _due_steps(case, cal)
    return _deadline(found[0], today, cal) if found else None
