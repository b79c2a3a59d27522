"""A local child safeguarding practice review's key dates: national law, read from the one
timescale table (``rules.timescales``) through the deadline machinery (``rules.deadlines``).

Section 11 (Working Together; the Child Safeguarding Practice Review and Relevant Agency
(England) Regulations 2018): the final report is completed and published "no later than six
months from the date of the decision to initiate a review"; a copy of the full report (or of
the information about improvements) goes to the Panel and the Secretary of State, and to
Ofsted, "no later than seven working days before the date of publication"; a published
report "must be publicly available for at least one year".

Each date carries its rule, its citation, the milestone it was counted as (its words are
``views.deadlines``'), and, against today, its status:

* ``done``: the step is recorded as done (the report published, the copies sent); for the
  report's availability, the whole period has passed since it was published;
* ``due``: not done yet, and its date has not passed;
* ``overdue``: not done, and its date has passed (never for availability, which is a
  period to keep to, not a step to take).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Final, Literal

from .calendar import DEFAULT_CALENDAR, WorkingCalendar
from .citations import Cite, cited
from .dates import long_date
from .deadlines import Beyond, Milestone, calculate, check_events
from .timescales import TIMESCALES_BY_ID

Status = Literal["done", "due", "overdue"]

#: The key dates of a local review: (key, the timescale table's row, the event that shows it
#: done). The keys are the CLI's (``csprcore local-review dates --json``) and the record's.
KEY_DATES: Final[tuple[tuple[str, str, str], ...]] = (
    ("final_report_due", "final_report_published", "published"),
    ("send_to_panel_by", "report_to_panel_and_secretary_of_state", "sent_to_panel"),
    ("send_to_ofsted_by", "report_to_ofsted", "sent_to_ofsted"),
    ("available_until", "report_available_until", "published"),
)
#: What the CLI prints, exactly (independent checks read these keys).
CLI_KEYS: Final = ("final_report_due", "send_to_panel_by", "available_until")
#: What each key date needs beyond the decision: only the final report's date does not need
#: the planned publication date.
NEEDS_PUBLICATION: Final = frozenset({"send_to_panel_by", "send_to_ofsted_by", "available_until"})

#: The events that show a step done: the date the report was published, the dates the copies
#: were sent.
DONE_EVENTS: Final = ("published", "sent_to_panel", "sent_to_ofsted")


@dataclass(frozen=True)
class KeyDate:
    key: str
    label: str
    cite: Cite
    #: None when it cannot be worked out (no planned publication date; past the calendar).
    due: date | None
    status: Status | None
    #: How it was counted (``views.deadlines.key_date_basis`` words it), when it was.
    milestone: Milestone | None = None
    #: A date that has what it counts from but that the calendar cannot count to
    #: (``views.deadlines.key_date_problem`` says why).
    beyond: Beyond | None = None


def status_of(key: str, due: date, done: Mapping[str, date], today: date) -> Status:
    """A key date's status against ``today``, given the steps recorded as done."""
    event = next(e for k, _, e in KEY_DATES if k == key)
    if key == "available_until":
        return "done" if "published" in done and today > due else "due"
    if event in done:
        return "done"
    return "overdue" if today > due else "due"


def key_dates(
    decision: date,
    publication: date | None = None,
    *,
    done: Mapping[str, date] | None = None,
    today: date | None = None,
    cal: WorkingCalendar = DEFAULT_CALENDAR,
) -> dict[str, KeyDate]:
    """The local review's key dates from the decision to initiate it and, when known, the
    planned publication date. ``done`` holds the dates of the steps recorded as done
    (``DONE_EVENTS``); with ``today`` each date gets its status.

    A publication date on or before the decision is refused (``InputError`` on
    ``publication``), as the deadline calculator refuses it."""
    events = {"decision": decision}
    if publication is not None:
        events["publication"] = publication
    result = calculate(check_events(events), cal=cal)
    found = {m.id: m for m in result.milestones}
    # A date past the calendar's last year is not "not worked out yet": its reason is kept.
    beyond = {b.timescale.id: b for b in result.beyond}
    done = done or {}
    out: dict[str, KeyDate] = {}
    for key, timescale, _ in KEY_DATES:
        row = TIMESCALES_BY_ID[timescale]
        m = found.get(timescale)
        due = m.due if m else None
        out[key] = KeyDate(
            key=key,
            label=row.label,
            cite=row.cite,
            due=due,
            status=status_of(key, due, done, today) if due and today else None,
            milestone=m,
            beyond=beyond.get(timescale),
        )
    return out


def cli_dates(decision: date, publication: date | None = None) -> dict[str, str | None]:
    """``final_report_due``, ``send_to_panel_by`` and ``available_until`` as ISO dates; the
    last two are None (JSON null) without a planned publication date, which they count from."""
    dates = key_dates(decision, publication)
    return {k: (d.isoformat() if (d := dates[k].due) else None) for k in CLI_KEYS}


def publication_after_deadline(decision: date, publication: date) -> str | None:
    """Section 11: a planned publication date after the latest the law allows, in a sentence;
    None when it is in time."""
    latest = key_dates(decision)["final_report_due"].due
    if latest is None or publication <= latest:
        return None
    return (
        f"The planned publication date is after {long_date(latest)}, the latest date for "
        f"publishing the final report ({cited('section-11')}): tell the Panel and the Secretary "
        "of State the reasons for the delay"
    )
