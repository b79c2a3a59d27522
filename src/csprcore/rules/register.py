"""The case register's rules: each case's stage and next deadline, and the timeliness figures
for the annual report, all counted from the one timescale table (``rules.timescales``).

A case is the dates of the events the procedure names (any of them may be unknown) and, once
the safeguarding partners have decided, which kind of review follows. Every due date comes
from ``TIMESCALES``: this module only says which recorded event shows a step done, and which
later event makes a step that was never recorded moot (a scoping template nobody dated is no
longer "overdue" once the Rapid Review meeting has been held).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Final, Literal

from .calendar import DEFAULT_CALENDAR, CalendarRangeError, WorkingCalendar, add_months
from .citations import Cite
from .timescales import (
    AFTER_WORDS,
    COPIES_BEFORE_PUBLICATION,
    DUE_SOON,
    NOTIFY_PANEL,
    RAPID_REVIEW_TO_PANEL,
    REPORT_WITHIN_MONTHS,
    TIMESCALES,
    TIMESCALES_BY_ID,
    Count,
    Timescale,
    by_role,
    meeting_counted_from,
    meeting_window,
    meeting_window_span,
    working_days,
)


@dataclass(frozen=True)
class RegisterEvent:
    id: str
    label: str
    #: The event's date in a sentence: "Enter {name}".
    name: str
    cite: Cite


#: The events a case records, in the order they happen. The ids are the register file's
#: ``dates`` keys (a contract: independent checks read them).
REGISTER_EVENTS: tuple[RegisterEvent, ...] = (
    RegisterEvent("aware", "Local authority became aware of the incident",
                  "the date the local authority became aware of the incident", "section-3"),
    RegisterEvent("notified", "Local authority notified the Panel",
                  "the date the local authority notified the Panel", "section-3"),
    RegisterEvent("referral", "Referral received",
                  "the date the referral was received", "section-3"),
    RegisterEvent("scoping-sent", "Scoping templates sent to agencies",
                  "the date the scoping templates were sent", "appendix-1"),
    RegisterEvent("scoping-returned", "Scoping templates returned",
                  "the date the scoping templates were returned", "appendix-1"),
    RegisterEvent("meeting", "Rapid Review meeting held",
                  "the date of the Rapid Review meeting", "appendix-1"),
    RegisterEvent("sent-to-panel", "Rapid Review sent to the Panel",
                  "the date the Rapid Review was sent to the Panel", "appendix-1"),
    RegisterEvent("panel-response", "Panel's response received",
                  "the date of the Panel's response", "section-6"),
    RegisterEvent("decision", "Decision on a local review",
                  "the date of the decision on a local review", "section-4"),
    RegisterEvent("reviewer-commissioned", "Reviewer commissioned",
                  "the date the reviewer was commissioned", "section-9"),
    RegisterEvent("final-report", "Final report completed",
                  "the date the final report was completed", "section-11"),
    RegisterEvent("copies-sent", "Copies sent to the Panel and the Secretary of State",
                  "the date the copies were sent to the Panel and the Secretary of State",
                  "section-11"),
    RegisterEvent("ofsted-sent", "Copy sent to Ofsted",
                  "the date the copy was sent to Ofsted", "section-11"),
    RegisterEvent("planned-publication", "Planned publication date",
                  "the planned publication date", "section-11"),
    RegisterEvent("publication", "Report published",
                  "the date the report was published", "section-11"),
    RegisterEvent("action-plan-signed-off", "Action plan signed off",
                  "the date the action plan was signed off", "section-12"),
    RegisterEvent("closed", "Case closed", "the date the case was closed", "section-12"),
)  # fmt: skip
#: The register event that records a step of each role done; a step of any other role (the
#: partners' sign-off) or of none is recorded under its own id.
ROLE_DONE_BY: Final[dict[str, str]] = {
    "scoping_sent": "scoping-sent",
    "scoping_returned": "scoping-returned",
    "meeting": "meeting",
    "sent_to_panel": "sent-to-panel",
}


def _with_steps(events: tuple[RegisterEvent, ...]) -> tuple[RegisterEvent, ...]:
    """The register's events with the partnership's own steps that no event records (its
    sign-off, a step that sets the meeting's date), before the Rapid Review is sent."""
    own = tuple(
        RegisterEvent(t.id, t.label, f"the date of {t.name}", t.cite)
        for t in TIMESCALES
        if t.step is not None and t.role not in ROLE_DONE_BY
    )
    at = next(i for i, e in enumerate(events) if e.id == "sent-to-panel")
    return (*events[:at], *own, *events[at:])


REGISTER_EVENTS = _with_steps(REGISTER_EVENTS)
REGISTER_EVENTS_BY_ID: Final = {e.id: e for e in REGISTER_EVENTS}
EVENT_IDS: Final = tuple(e.id for e in REGISTER_EVENTS)

Notification = Literal["this_authority", "another_authority", "not_notifiable"]
#: Who notified the Panel of the case (section 3, s16C): this partnership's local authority
#: (the default: it notifies incidents in its area); another authority (an incident in its
#: area, with this partnership contributing); or nobody, the case not being notifiable (a
#: local learning review).
NOTIFICATIONS: Final[dict[str, str]] = {
    "this_authority": "Our local authority notified the Panel",
    "another_authority": "Another local authority notified the Panel",
    "not_notifiable": "Not notifiable to the Panel",
}
#: The steps that are the Panel's (its notification, the Rapid Review to it, its decision):
#: none of them is a step for a case that was not notifiable.
_PANEL_STEPS: Final = ("notify_panel", "rapid_review_national", "panel_decision")

ReviewKind = Literal["local", "national", "learning", "none"]
#: Section 4: what the safeguarding partners (and the Panel) decided after the Rapid Review.
REVIEW_KINDS: Final[dict[str, str]] = {
    "local": "A local child safeguarding practice review",
    "national": "A national review by the Panel",
    "learning": "Another learning review",
    "none": "No further review",
}


@dataclass(frozen=True)
class Order:
    later: str
    earlier: str
    #: The later event may not fall on the same day as the earlier one.
    strict: bool = False


#: Dates that cannot come before another: the calculator's own (``timescales.ORDER``), and
#: the register's further events, each after the step it follows. A date in the wrong order
#: is a mistyped date, and deadlines counted from it would be wrong.
ORDER: Final[tuple[Order, ...]] = (
    Order("notified", "aware"),
    Order("referral", "aware"),
    Order("scoping-sent", "referral"),
    Order("scoping-returned", "scoping-sent"),
    Order("meeting", "referral"),
    Order("sent-to-panel", "meeting"),
    Order("sent-to-panel", "referral"),
    Order("panel-response", "sent-to-panel"),
    Order("decision", "meeting"),
    Order("reviewer-commissioned", "decision"),
    Order("final-report", "decision"),
    Order("copies-sent", "final-report"),
    Order("ofsted-sent", "final-report"),
    Order("planned-publication", "decision", strict=True),
    Order("publication", "decision", strict=True),
    Order("publication", "final-report"),
    *(Order(e.id, "aware") for e in REGISTER_EVENTS if e.id in TIMESCALES_BY_ID),
    *(Order("closed", e.id) for e in REGISTER_EVENTS if e.id != "closed"),
)


@dataclass(frozen=True)
class OpenAction:
    """An action of the case's action plan that is not complete (section 12)."""

    due: date
    agency: str


@dataclass(frozen=True)
class Case:
    reference: str
    child_initials: str
    child_age: str = ""
    review_kind: ReviewKind | None = None
    dates: Mapping[str, date] = field(default_factory=dict)
    open_actions: tuple[OpenAction, ...] = ()
    notification: Notification = "this_authority"

    def has_step(self, timescale: str) -> bool:
        """Whether the step is this case's to take: our local authority notifies only what
        it notified; a case nobody notified has none of the Panel's steps."""
        if self.notification != "this_authority" and timescale == "notify_panel":
            return False
        if self.notification == "not_notifiable":
            t = TIMESCALES_BY_ID.get(timescale)
            return timescale not in _PANEL_STEPS and not (t and t.role == "sent_to_panel")
        return True

    @property
    def local_review(self) -> bool:
        """A local review was decided: the kind says so, or a decision is dated with no kind
        (the register's ``decision`` is the decision to hold a local review)."""
        if self.review_kind is not None:
            return self.review_kind == "local"
        return "decision" in self.dates


# --- stage ------------------------------------------------------------------------------

Stage = Literal[
    "notification", "scoping", "rapid_review", "panel", "local_review", "other_review",
    "action_plan", "closed",
]  # fmt: skip
STAGES: Final[dict[str, str]] = {
    "notification": "Notification",
    "scoping": "Scoping and Rapid Review meeting",
    "rapid_review": "Rapid Review to the Panel",
    "panel": "Awaiting the decision on a review",
    "local_review": "Local review",
    "other_review": "No local review",
    "action_plan": "Action plan",
    "closed": "Closed",
}


def stage(case: Case) -> Stage:
    """Where the case has got to: the furthest step its dates (and decision) show."""
    d = case.dates
    if "closed" in d:
        return "closed"
    if case.local_review:
        return "action_plan" if "publication" in d else "local_review"
    if case.review_kind is not None:
        if "action-plan-signed-off" in d or case.open_actions:
            return "action_plan"
        return "other_review"
    # Section 12: an action plan (added before the decision was recorded) is the furthest
    # step the case shows.
    if "action-plan-signed-off" in d or case.open_actions:
        return "action_plan"
    if "sent-to-panel" in d:
        return "panel"
    if "meeting" in d:
        return "rapid_review"
    if "referral" in d:
        return "scoping"
    return "notification"


# --- deadlines --------------------------------------------------------------------------

Status = Literal["on_time", "due_soon", "overdue"]
STATUSES: Final[dict[str, str]] = {
    "overdue": "Overdue",
    "due_soon": f"Due within {DUE_SOON} working days",
    "on_time": "On time",
}

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


def _count(c: Count, events: Mapping[str, date], cal: WorkingCalendar) -> date:
    start = events[c.event]
    if c.unit == "months":
        return add_months(start, c.amount)
    return cal.add_working_days(start, c.amount)


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
        count = next((c for c in t.counts if c.event in events), None)
        if count is None:
            continue
        state: StepState
        if is_done(case, t.id):
            state = "done"
        elif is_moot(case, t.id):
            state = "not_recorded"
        else:
            state = "open"
        if open_only and state != "open":
            continue
        done_on = case.dates.get(done_by)
        try:
            first = _count(count, events, cal)
            due = _count(t.latest, events, cal) if t.latest is not None else first
        except CalendarRangeError:
            out.append(_step(t, None, None, count, "beyond_calendar", done_on))
            continue
        out.append(_step(t, due, first if t.latest else None, count, state, done_on))
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


# --- timeliness -------------------------------------------------------------------------


@dataclass(frozen=True)
class Measure:
    id: str
    label: str
    #: The event a case is counted from: it counts in a period when this date falls in it.
    counted_from: str
    #: The event that shows it done.
    done_by: str
    #: The last day allowed, counted as the timescale table counts it.
    latest: Count
    cite: Cite
    #: For a window (the Rapid Review meeting): the first day allowed.
    earliest: Count | None = None
    #: Only cases that went on to a local review are counted.
    local_review_only: bool = False
    #: Only cases whose step this is (``Case.has_step``) are counted.
    step: str = ""


def _row(timescale: str, event: str) -> Count:
    """The timescale table's count of ``timescale`` from ``event``."""
    return next(c for c in TIMESCALES_BY_ID[timescale].counts if c.event == event)


def _timetable_measure() -> Measure:
    """Rapid Reviews sent to the Panel by the partnership's own timetable: its
    ``sent_to_panel`` step's count (a number of working days after the meeting, or after the
    notification), each case counted in the period of the event the meeting counts from."""
    step = by_role("sent_to_panel")
    assert step is not None
    count = step.counts[0]
    n = abs(count.amount)
    start = meeting_counted_from() if count.event == "meeting" else count.event
    return Measure("rapid_review_local_timetable",
                   f"Rapid Reviews sent to the Panel within {working_days(n)} of "
                   f"{AFTER_WORDS[count.event]} (the partnership's timetable)", start,
                   "sent-to-panel", count, "appendix-1")  # fmt: skip


def _measures() -> tuple[Measure, ...]:
    """The annual report's measures, each counted by a row of the one timescale table."""
    meeting = by_role("meeting")
    assert meeting is not None
    first, last = meeting_window()
    start = meeting_counted_from()
    return (
        Measure("notification_within_5_working_days",
                f"Notifications to the Panel within {NOTIFY_PANEL} working days of the local "
                "authority becoming aware", "aware", "notified",
                _row("notify_panel", "aware"), "section-3", step="notify_panel"),
        Measure("rapid_review_within_15_working_days",
                f"Rapid Reviews sent to the Panel within {RAPID_REVIEW_TO_PANEL} working days "
                "of the notification (national guidance)", "notified", "sent-to-panel",
                _row("rapid_review_national", "notified"), "section-5",
                step="rapid_review_national"),
        _timetable_measure(),
        Measure("meeting_in_window",
                f"Rapid Review meetings held {meeting_window_span()} after "
                f"{AFTER_WORDS[start]}", start, "meeting",
                meeting.latest or meeting.counts[0], "appendix-1",
                earliest=meeting.counts[0] if first != last else None),
        Measure("published_within_6_months",
                f"Local reviews published within {REPORT_WITHIN_MONTHS} months of the "
                "decision", "decision", "publication",
                _row("final_report_published", "decision"), "section-11",
                local_review_only=True),
        Measure("copies_7_working_days_before_publication",
                f"Copies sent to the Panel and the Secretary of State at least "
                f"{COPIES_BEFORE_PUBLICATION} working days before publication", "publication",
                "copies-sent", _row("report_to_panel_and_secretary_of_state", "publication"),
                "section-11", local_review_only=True),
    )  # fmt: skip


MEASURES: Final = _measures()


@dataclass(frozen=True)
class Missed:
    reference: str
    #: Working days after the last day allowed (for a meeting held before its window opened:
    #: the working days before it opened, as a negative number).
    working_days_late: int


@dataclass(frozen=True)
class Result:
    measure: Measure
    met: int
    total: int
    missed: tuple[Missed, ...]
    #: Cases counted in the period whose last day allowed has passed with no outcome date:
    #: never guessed.
    unknown: int
    unknown_references: tuple[str, ...]
    #: Cases counted in the period whose last day allowed has not passed, with no outcome
    #: yet: neither met nor missed.
    pending: int = 0
    #: Cases with a later date in the period but no date to count the measure from: they
    #: cannot be counted in any period until that date is recorded.
    no_start_date: tuple[str, ...] = ()

    @property
    def percent(self) -> int | None:
        """The share met, in whole per cent, a half rounded up (1 of 8 is 13%)."""
        if self.total == 0:
            return None
        return (200 * self.met + self.total) // (2 * self.total)

    def words(self) -> str:
        """ "7 of 9 (78%)"; "none in the period"."""
        if self.total == 0:
            return "none to count"
        return f"{self.met} of {self.total} ({self.percent}%)"


def _outcome(m: Measure, case: Case, cal: WorkingCalendar) -> tuple[bool, int] | None:
    """Whether the case met the measure, and by how much it missed: the working days after
    the last day allowed, at least 1 (a step done on the Saturday after a Friday deadline is
    late), or for a meeting held before its window opened the working days before it opened,
    as a negative number (at most -1). None when a date it needs is missing."""
    done = case.dates.get(m.done_by)
    if done is None or any(c.event not in case.dates for c in (m.latest, m.earliest) if c):
        return None
    latest = _count(m.latest, case.dates, cal)
    if m.earliest is not None:
        earliest = _count(m.earliest, case.dates, cal)
        if done < earliest:
            return False, min(-1, cal.working_days_between(earliest, done))
    if done > latest:
        return False, max(1, cal.working_days_between(latest, done))
    return True, 0


def _later(m: Measure, case: Case, start: date, end: date) -> bool:
    """Whether the case has a date in the period for an event after the one the measure
    counts from (so it belongs to the period, if only that date were recorded)."""
    first = EVENT_IDS.index(m.counted_from) if m.counted_from in EVENT_IDS else 0
    return any(
        start <= d <= end
        for event, d in case.dates.items()
        if event in EVENT_IDS and EVENT_IDS.index(event) > first
    )


def measure(
    m: Measure,
    cases: Sequence[Case],
    start: date,
    end: date,
    cal: WorkingCalendar = DEFAULT_CALENDAR,
    today: date | None = None,
) -> Result:
    """One measure over the cases whose starting event falls in ``start``..``end``: "within
    N working days" is on or before the N-th working day after that event, and the working
    days late are counted from that N-th day. A case with no outcome yet is pending while
    its last day allowed is after ``today`` (default: every last day has passed), and
    unknown once it has passed; a case with a later date in the period but no date to count
    from is named apart, never dropped silently."""
    met, pending = 0, 0
    missed: list[Missed] = []
    unknown: list[str] = []
    no_start: list[str] = []
    for case in cases:
        if m.local_review_only and not case.local_review:
            continue
        if m.step and not case.has_step(m.step):
            continue
        begin = case.dates.get(m.counted_from)
        if begin is None:
            if _later(m, case, start, end):
                no_start.append(case.reference)
            continue
        if not start <= begin <= end:
            continue
        try:
            outcome = _outcome(m, case, cal)
            latest = _count(m.latest, case.dates, cal) if m.latest.event in case.dates else None
        except CalendarRangeError:
            outcome, latest = None, None
        if outcome is None and today is not None and latest is not None and latest >= today:
            pending += 1
        elif outcome is None:
            unknown.append(case.reference)
        elif outcome[0]:
            met += 1
        else:
            missed.append(Missed(case.reference, outcome[1]))
    missed.sort(key=lambda x: (-x.working_days_late, x.reference))
    return Result(m, met, met + len(missed), tuple(missed), len(unknown), tuple(unknown),
                  pending, tuple(sorted(no_start)))  # fmt: skip


def report(
    cases: Sequence[Case],
    start: date,
    end: date,
    cal: WorkingCalendar = DEFAULT_CALENDAR,
    today: date | None = None,
) -> list[Result]:
    return [measure(m, cases, start, end, cal, today) for m in MEASURES]


def last_financial_year(today: date) -> tuple[date, date]:
    """The last complete financial year (1 April to 31 March) before ``today``."""
    year = today.year if today >= date(today.year, 4, 1) else today.year - 1
    return date(year - 1, 4, 1), date(year, 3, 31)
