"""What the core works out of an action plan as the user types (section 12: the group
"regularly monitor[s] and follow[s] up on actions"): each action's state against today, the
counts by status and by agency, the overdue actions, the next monitoring date, and a summary
sentence ("12 actions: 7 complete, 3 in progress, 2 overdue")."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Final

from ...rules.dates import long_date
from .parts import OPEN, STATUSES

#: The states a summary counts, in its order: an open action past its due date is overdue,
#: and is not counted as in progress or not started.
STATES: Final = (
    ("complete", "complete"),
    ("in_progress", "in progress"),
    ("not_started", "not started"),
    ("overdue", "overdue"),
    ("no_longer_needed", "no longer needed"),
)
STATUS_WORDS: Final = dict(STATUSES)


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(_text(value))
    except ValueError:
        return None


def recommendations(doc: Mapping[str, Any]) -> list[str]:
    """The plan's recommendations' words, in order: recommendation 1 first."""
    rows = doc.get("recommendations")
    return [
        _text(row.get("text")) if isinstance(row, Mapping) else ""
        for row in (rows if isinstance(rows, list) else [])
    ]


def recommendation_number(value: Any, count: int) -> int | None:
    """The recommendation an action's box names, when it is one of the plan's ``count``."""
    said = _text(value) if not isinstance(value, int) else str(value)
    return int(said) if said.isdecimal() and 1 <= int(said) <= count else None


@dataclass(frozen=True)
class ActionState:
    number: int
    agency: str
    status: str
    due: date | None
    overdue: bool
    action: str
    #: The recommendation it answers (1 for the first); None when its box names none.
    recommendation: int | None = None


def actions(doc: Mapping[str, Any], today: date) -> list[ActionState]:
    """Every action row with something in it, with whether it is overdue today: not
    complete, still needed, and past its due date."""
    rows = doc.get("actions")
    known = len(recommendations(doc))
    out = []
    for i, row in enumerate(rows if isinstance(rows, list) else []):
        if not isinstance(row, Mapping):
            continue
        status = _text(row.get("status"))
        due = _date(row.get("due"))
        out.append(ActionState(
            number=i + 1,
            agency=_text(row.get("agency")),
            status=status,
            due=due,
            overdue=status in OPEN and due is not None and due < today,
            action=_text(row.get("action")),
            recommendation=recommendation_number(row.get("recommendation"), known),
        ))  # fmt: skip
    return out


def state_of(a: ActionState) -> str:
    """The action's state; "" (no status) for a status the plan does not know (a file
    refuses one; a row being typed may not have one yet)."""
    return "overdue" if a.overdue else (a.status if a.status in STATUS_WORDS else "")


def counts(doc: Mapping[str, Any], today: date) -> dict[str, int]:
    """How many actions are in each state (``STATES``; ``no_status`` for rows without one)."""
    found = Counter(state_of(a) or "no_status" for a in actions(doc, today))
    return {key: found.get(key, 0) for key, _ in STATES} | {"no_status": found["no_status"]}


def by_agency(doc: Mapping[str, Any], today: date) -> dict[str, dict[str, int]]:
    """Counts by state for each agency, in the order the agencies first appear."""
    out: dict[str, dict[str, int]] = {}
    for a in actions(doc, today):
        agency = a.agency or "No agency given"
        states = out.setdefault(agency, {key: 0 for key, _ in STATES})
        if state_of(a):
            states[state_of(a)] += 1
    return out


def _counted(states: list[ActionState]) -> str:
    """ "12 actions: 7 complete, 3 in progress, 2 overdue"."""
    if not states:
        return "no actions yet"
    found = Counter(state_of(a) or "no_status" for a in states)
    parts = [f"{found[key]} {words}" for key, words in STATES if found[key]]
    if found["no_status"]:
        parts.append(f"{found['no_status']} without a status")
    return f"{len(states)} action{'' if len(states) == 1 else 's'}: {', '.join(parts)}"


def summary(doc: Mapping[str, Any], today: date) -> str:
    """ "12 actions: 7 complete, 3 in progress, 2 overdue"."""
    text = _counted(actions(doc, today))
    return text[:1].upper() + text[1:]


def by_recommendation(
    doc: Mapping[str, Any], today: date
) -> list[tuple[int | None, str, list[ActionState]]]:
    """Each recommendation (number, words) with the actions that answer it, in order; then
    (None, "", ...) for actions whose box names no recommendation of the plan, if any."""
    states = actions(doc, today)
    out: list[tuple[int | None, str, list[ActionState]]] = [
        (n, words, [a for a in states if a.recommendation == n])
        for n, words in enumerate(recommendations(doc), start=1)
    ]
    unlinked = [a for a in states if a.recommendation is None]
    if unlinked:
        out.append((None, "", unlinked))
    return out


def recommendation_lines(doc: Mapping[str, Any], today: date) -> list[str]:
    """ "Recommendation 1: 2 actions: 1 complete, 1 overdue", one line each."""
    return [
        f"{f'Recommendation {n}' if n else 'No recommendation given'}: {_counted(states)}"
        for n, _, states in by_recommendation(doc, today)
    ]


def plan_lines(doc: Mapping[str, Any], today: date) -> list[str]:
    """The plan as the board reads it: each recommendation, then each of its actions on its
    own line ("• Action 2, Education, due 13 November 2026, overdue: Train the leads")."""
    lines = []
    for n, words, states in by_recommendation(doc, today):
        lines.append(f"Recommendation {n}: {words or 'not written yet'}" if n else
                     "Actions that name no recommendation of the plan")  # fmt: skip
        lines += [
            f"• Action {a.number}, {a.agency or 'no agency given'}"
            f"{f', due {long_date(a.due)}' if a.due else ''}, "
            f"{dict(STATES).get(state_of(a), 'no status')}: "
            # An action typed on several lines stays one line of the list.
            f"{' '.join(a.action.split()) or 'not described'}"
            for a in states
        ]
        if not states:
            lines.append("• No action yet")
    return lines


def agency_lines(doc: Mapping[str, Any], today: date) -> list[str]:
    lines = []
    for agency, states in by_agency(doc, today).items():
        total = sum(states.values())
        bits = [f"{n} {words}" for key, words in STATES if (n := states[key])]
        lines.append(f"{agency}: {total} ({', '.join(bits) or 'no status yet'})")
    return lines


def overdue_lines(doc: Mapping[str, Any], today: date) -> list[str]:
    return [
        f"Action {a.number} ({a.agency or 'no agency given'}), due {long_date(a.due)}: "
        f"{a.action or 'not described'}"
        for a in actions(doc, today)
        if a.overdue and a.due is not None
    ]


def next_monitoring(doc: Mapping[str, Any], today: date) -> date | None:
    """The first monitoring meeting on or after today."""
    rows = doc.get("monitoring")
    dates = [
        d
        for row in (rows if isinstance(rows, list) else [])
        if isinstance(row, Mapping) and (d := _date(row.get("held_on"))) and d >= today
    ]
    return min(dates) if dates else None
