"""The case register's rules: each case's stage and next deadline, and the timeliness figures
for the annual report, all counted from the one timescale table (``rules.timescales``).

A case is the dates of the events the procedure names (any of them may be unknown) and, once
the safeguarding partners have decided, which kind of review follows (``case``). Every due
date comes from ``TIMESCALES``: ``deadlines`` only says which recorded event shows a step
done, and which later event makes a step that was never recorded moot (a scoping template
nobody dated is no longer "overdue" once the Rapid Review meeting has been held).
``timeliness`` counts the annual report's figures.
"""

from __future__ import annotations

from ..timescales import Order
from .case import (
    EVENT_IDS,
    NOTIFICATIONS,
    ORDER,
    REGISTER_EVENTS,
    REGISTER_EVENTS_BY_ID,
    REVIEW_KINDS,
    ROLE_DONE_BY,
    STAGES,
    Case,
    Notification,
    OpenAction,
    RegisterEvent,
    ReviewKind,
    Stage,
    stage,
)
from .deadlines import (
    ACTION_DUE,
    DONE_BY,
    MOOT_AFTER,
    STEP_ALIASES,
    Deadline,
    Status,
    Step,
    StepState,
    calculator_events,
    is_done,
    is_moot,
    next_deadline,
    open_deadlines,
    status,
    steps,
    still_to_come,
    working_days_left,
)
from .timeliness import MEASURES, Measure, Missed, Result, last_financial_year, measure, report

__all__ = [
    "ACTION_DUE",
    "DONE_BY",
    "EVENT_IDS",
    "MEASURES",
    "MOOT_AFTER",
    "NOTIFICATIONS",
    "ORDER",
    "REGISTER_EVENTS",
    "REGISTER_EVENTS_BY_ID",
    "REVIEW_KINDS",
    "ROLE_DONE_BY",
    "STAGES",
    "STEP_ALIASES",
    "Case",
    "Deadline",
    "Measure",
    "Missed",
    "Notification",
    "OpenAction",
    "Order",
    "RegisterEvent",
    "Result",
    "ReviewKind",
    "Stage",
    "Status",
    "Step",
    "StepState",
    "calculator_events",
    "is_done",
    "is_moot",
    "last_financial_year",
    "measure",
    "next_deadline",
    "open_deadlines",
    "report",
    "stage",
    "status",
    "steps",
    "still_to_come",
    "working_days_left",
]
