"""One case of the case register: checked as the file stores it (``check_case``: every
problem at once, named on the page's box for it) and as the page's "edit a case" boxes
(``check_answers``, ``case_from_answers``, ``answers_from_case``). Checked by hand rather
than with pydantic, so that the register opens with the rules alone (``register_file``)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from datetime import date
from typing import Any, Final, cast

from ...errors import FieldError, InputError
from ...rules.dates import parse_iso_date
from ...rules.register import (
    EVENT_IDS,
    NOTIFICATIONS,
    ORDER,
    REGISTER_EVENTS_BY_ID,
    REVIEW_KINDS,
    STEP_ALIASES,
    Case,
    Notification,
    OpenAction,
    Order,
    ReviewKind,
)
from ..controls import (
    bidi_controls,
    clean_text,
    describe,
    initials_problem,
    match_key,
)

MAX_ACTIONS: Final = 500
MAX_REFERENCE: Final = 40
MAX_AGE: Final = 20
MAX_AGENCY: Final = 120
CASE_KEYS: Final = frozenset(
    {"reference", "child_initials", "child_age", "review_kind", "notification", "dates",
     "open_actions",
     "filled_from"}
)  # fmt: skip


# --- one case ---------------------------------------------------------------------------


def _text(value: Any, field: str, label: str, limit: int) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InputError.one(field, f"{label} must be text")
    if value.isascii() and value.isprintable():
        # Most references and initials: printable ASCII holds no control, reordering or
        # invisible character, so only the length and the brackets are left to check (a
        # register of thousands of cases is read at once).
        text = " ".join(value.split())
        if len(text) > limit:
            raise InputError.one(field, f"{label} must be {limit} characters or fewer")
        if "<" in text or ">" in text:
            raise InputError.one(field, f"{label} must not contain < or >")
        return text
    text = " ".join(clean_text(value, multiline=False).split())
    if len(text) > limit:
        raise InputError.one(field, f"{label} must be {limit} characters or fewer")
    hidden = bidi_controls(text)
    if hidden:
        raise InputError.one(
            field, f"{label} has characters that reorder text on screen: {describe(hidden)}"
        )
    invisible = [c for c in dict.fromkeys(text) if unicodedata.category(c) == "Cf"]
    if invisible:
        # A zero-width space or a soft hyphen makes two references that look the same differ.
        raise InputError.one(field, f"{label} has invisible characters: {describe(invisible)}")
    if "<" in text or ">" in text:
        raise InputError.one(field, f"{label} must not contain < or >")
    return text


def check_case(raw: Any, references: Iterable[str] = ()) -> tuple[dict[str, Any], Case]:
    """One case, as stored and as the rules read it. Every problem is named on the page's
    box for it (``reference``, ``child_initials``, an event id), all at once.
    ``references``: the register's other cases', which this one's must not repeat (a set
    of ``match_key``s is read as it is, so a whole register is checked in one pass)."""
    taken = (
        references if isinstance(references, AbstractSet) else {match_key(r) for r in references}
    )
    if not isinstance(raw, Mapping):
        raise InputError.one("reference", "A case must be an object with a reference and dates")
    errors: list[FieldError] = []
    for key in raw:
        if key not in CASE_KEYS:
            errors.append(FieldError("reference", f"'{key}' is not something a case records"))

    def text(key: str, label: str, limit: int) -> str:
        try:
            return _text(raw.get(key), key, label, limit)
        except InputError as exc:
            errors.extend(exc.errors)
            return ""

    reference = text("reference", "The reference", MAX_REFERENCE)
    reference_key = match_key(reference)
    if not reference and not any(e.field == "reference" for e in errors):
        errors.append(FieldError("reference", "Enter the case's reference"))
    elif reference and not reference_key:
        errors.append(FieldError("reference", "The reference must have a letter or a number"))
    elif reference_key in taken:
        errors.append(FieldError("reference", f"Another case has the reference {reference}"))
    initials = text("child_initials", "The child's initials", MAX_REFERENCE)
    if not initials and not any(e.field == "child_initials" for e in errors):
        errors.append(FieldError("child_initials", "Enter the child's initials"))
    elif problem := initials_problem(initials):
        errors.append(FieldError("child_initials", problem))
    age = text("child_age", "The child's age", MAX_AGE)
    kind = raw.get("review_kind")
    if kind in ("", None):
        kind = None
    elif not isinstance(kind, str) or kind not in REVIEW_KINDS:
        errors.append(FieldError("review_kind", "Choose which kind of review follows, or none"))
        kind = None
    notification = raw.get("notification")
    if notification in ("", None):
        notification = "this_authority"  # a register saved before cases recorded it
    elif not isinstance(notification, str) or notification not in NOTIFICATIONS:
        errors.append(FieldError("notification", "Choose who notified the Panel, or that the "
                                 "case was not notifiable"))  # fmt: skip
        notification = "this_authority"
    dates = _dates(raw.get("dates"), errors)
    actions = _actions(raw.get("open_actions"), errors)
    filled_from = _filled_from(raw.get("filled_from"), dates, errors)
    if errors:
        raise InputError(errors)
    stored = {
        "reference": reference,
        "child_initials": initials,
        "child_age": age,
        "review_kind": kind,
        # Recorded when the file or the page gave it: a register saved before cases
        # recorded who notified opens, and saves, unchanged.
        **({"notification": notification} if raw.get("notification") else {}),
        "dates": {k: (d.isoformat() if (d := dates.get(k)) else None) for k in EVENT_IDS},
        "open_actions": [{"due": a.due.isoformat(), "agency": a.agency} for a in actions],
        "filled_from": filled_from,
    }
    # The cast's type as a string: ``ReviewKind | None`` evaluated builds a union each call,
    # a tenth of reading a register of thousands of cases.
    case = Case(reference, initials, age, cast("ReviewKind | None", kind), dates,
                tuple(actions), cast(Notification, notification))  # fmt: skip
    return stored, case


def _order_by_later() -> dict[str, list[tuple[int, Order]]]:
    by_later: dict[str, list[tuple[int, Order]]] = {}
    for i, o in enumerate(ORDER):
        by_later.setdefault(o.later, []).append((i, o))
    return by_later


#: ``ORDER`` by its later event, each with its place in ``ORDER``.
_ORDER_BY_LATER: Final = _order_by_later()


def _dates(raw: Any, errors: list[FieldError]) -> dict[str, date]:
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        errors.append(FieldError("aware", "The dates must be an object of event dates"))
        return {}
    dates: dict[str, date] = {}
    raw = dict(raw)
    for step, event in STEP_ALIASES.items():
        if step not in raw:
            continue
        if raw.get(step) in (None, ""):
            raw.pop(step, None)
        elif raw.get(event) in (None, "", raw[step]):
            raw[event] = raw.pop(step)
        else:
            name = REGISTER_EVENTS_BY_ID[event].name
            errors.append(FieldError(event, f"The file gives two dates for {name}: "
                                     f"{raw[event]} and {raw.pop(step)} (as {step})"))  # fmt: skip
    for key in raw:
        if key not in REGISTER_EVENTS_BY_ID:
            errors.append(FieldError("aware", f"'{key}' is not an event the register records"))
    for key in EVENT_IDS:
        value = raw.get(key)
        if value is None or value == "":
            continue
        name = REGISTER_EVENTS_BY_ID[key].name
        if not isinstance(value, str):
            errors.append(
                FieldError(key, f"{name[:1].upper()}{name[1:]} must be a date like 2026-12-18")
            )
            continue
        try:
            dates[key] = parse_iso_date(value, key, name)
        except InputError as exc:
            errors.extend(exc.errors)
    # One error a date at most, the first of ``ORDER`` it breaks, none on a date already
    # wrong; given in ``ORDER``'s order. Only the dates the case has are looked at.
    wrong = {e.field for e in errors}
    broken: list[tuple[int, Order]] = []
    for key, later in dates.items():
        if key in wrong:
            continue
        for i, o in _ORDER_BY_LATER.get(key, ()):
            earlier = dates.get(o.earlier)
            if earlier is not None and (later < earlier or (o.strict and later == earlier)):
                broken.append((i, o))
                break
    for _, o in sorted(broken, key=lambda b: b[0]):
        first = REGISTER_EVENTS_BY_ID[o.later].name
        second = REGISTER_EVENTS_BY_ID[o.earlier].name
        relation = "after" if o.strict else "the same as or after"
        errors.append(
            FieldError(o.later, f"{first[:1].upper()}{first[1:]} must be {relation} {second}")
        )
    return dates


def _actions(raw: Any, errors: list[FieldError]) -> list[OpenAction]:
    if raw is None:
        return []
    if not isinstance(raw, list) or len(raw) > MAX_ACTIONS:
        errors.append(
            FieldError("open_actions", f"The open actions must be a list of up to {MAX_ACTIONS}")
        )
        return []
    out = []
    for i, item in enumerate(raw, 1):
        if not isinstance(item, Mapping) or set(item) - {"due", "agency"}:
            errors.append(
                FieldError("open_actions", f"Open action {i} must have a due date and an agency")
            )
            continue
        try:
            due = parse_iso_date(
                item.get("due"), "open_actions", f"the due date of open action {i}"
            )
            agency = _text(
                item.get("agency"), "open_actions", f"The agency of open action {i}", MAX_AGENCY
            )
        except InputError as exc:
            errors.extend(exc.errors)
            continue
        out.append(OpenAction(due, agency))
    return sorted(out, key=lambda a: (a.due, a.agency))


def _filled_from(raw: Any, dates: Mapping[str, date], errors: list[FieldError]) -> dict[str, str]:
    """Which file each date came from, for dates that are still set."""
    if raw is None:
        return {}
    if not isinstance(raw, Mapping) or not all(isinstance(v, str) for v in raw.values()):
        errors.append(FieldError("reference", "filled_from must name a file for each date"))
        return {}
    out = {}
    for key, name in raw.items():
        if key in dates:
            out[key] = _text(name, "reference", "A file name", 200)
    return out


# --- the page's boxes -------------------------------------------------------------------


def check_answers(
    answers: Mapping[str, Any], previous: Mapping[str, Any] | None, references: Iterable[str]
) -> tuple[dict[str, Any], Case]:
    """The page's "edit a case" boxes checked as a case (``check_case``): every problem at
    once, a date's own (its three boxes) and the case's (its reference, the dates' order)."""
    errors: list[FieldError] = []
    raw = case_from_answers(answers, previous, errors)
    try:
        checked = check_case(raw, references)
    except InputError as exc:
        named = {e.field for e in errors}
        errors.extend(e for e in exc.errors if e.field not in named)
    else:
        if not errors:
            return checked
    order = {f: i for i, f in enumerate(("reference", "child_initials", "child_age",
                                         "review_kind", "notification", *EVENT_IDS))}  # fmt: skip
    raise InputError(sorted(errors, key=lambda e: order.get(e.field, len(order))))


def case_from_answers(
    answers: Mapping[str, Any],
    previous: Mapping[str, Any] | None,
    errors: list[FieldError] | None = None,
) -> dict[str, Any]:
    """A case from the page's "edit a case" boxes (each date as ``<event>-day``, ``-month``,
    ``-year``), keeping what the boxes do not show (the open actions, where dates came from).
    A date whose boxes are wrong is left out, and its problem added to ``errors`` (raised
    when no list is given)."""
    from ...views.deadlines import date_from_parts

    problems: list[FieldError] = [] if errors is None else errors
    dates: dict[str, str | None] = {}
    for event in EVENT_IDS:
        try:
            day = date_from_parts(answers, event, REGISTER_EVENTS_BY_ID[event].name)
        except InputError as exc:
            problems.extend(exc.errors)
            dates[event] = None
            continue
        dates[event] = day.isoformat() if day else None
    if problems and errors is None:
        raise InputError(problems)
    previous = previous or {}
    return {
        "reference": answers.get("reference", ""),
        "child_initials": answers.get("child_initials", ""),
        "child_age": answers.get("child_age", ""),
        "review_kind": answers.get("review_kind") or None,
        "notification": answers.get("notification") or "this_authority",
        "dates": dates,
        "open_actions": previous.get("open_actions", []),
        "filled_from": {
            k: v for k, v in (previous.get("filled_from") or {}).items()
            if dates.get(k) is not None and dates.get(k) == (previous.get("dates") or {}).get(k)
        },
    }  # fmt: skip


def answers_from_case(case: Mapping[str, Any]) -> dict[str, str]:
    """The page's boxes for a stored case."""
    out = {
        "reference": case.get("reference") or "",
        "child_initials": case.get("child_initials") or "",
        "child_age": case.get("child_age") or "",
        "review_kind": case.get("review_kind") or "",
        "notification": case.get("notification") or "this_authority",
    }
    for event, iso in (case.get("dates") or {}).items():
        day = date.fromisoformat(iso) if iso else None
        out[f"{event}-day"] = str(day.day) if day else ""
        out[f"{event}-month"] = str(day.month) if day else ""
        out[f"{event}-year"] = str(day.year) if day else ""
    return out
