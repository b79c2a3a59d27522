"""The case register's file: versioned JSON that the business unit keeps on its own drive,
read and checked like any saved form, and each case as the page's "edit a case" boxes.

The file (a contract: independent checks read and write it)::

    {"form": "case-register", "schema_version": 1, "partnership": "...",
     "cases": [{"reference": "AB-2026-014", "child_initials": "Z N", "child_age": "4",
                "review_kind": "local" | "national" | "learning" | "none" | null,
                "dates": {"aware": "2026-09-01" | null, ... every event of
                          rules.register.REGISTER_EVENTS},
                "open_actions": [{"due": "2027-01-31", "agency": "Police"}],
                "filled_from": {"meeting": "rapid-review.json"}}]}

Checked by hand rather than with pydantic: every problem names the case (by its reference)
and the date in the page's words, and the register opens with the rules alone, before the
forms' libraries have loaded.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from datetime import date
from typing import Any, Final, cast

from ...errors import FieldError, InputError
from ...jsontext import JSONRefusedError, dumps, loads
from ...partnership import current
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
    ReviewKind,
)
from ..controls import (
    bidi_controls,
    clean_text,
    code_point,
    describe,
    initials_problem,
    match_key,
    show_controls,
)

FORM_ID: Final = "case-register"
SCHEMA_VERSION: Final = 1
#: A register of a few thousand cases is well under this; a bigger file is not a register.
MAX_BYTES: Final = 5_000_000
MAX_CASES: Final = 5_000
MAX_ACTIONS: Final = 500
MAX_REFERENCE: Final = 40
MAX_AGE: Final = 20
MAX_AGENCY: Final = 120
#: The field a problem with the whole file is reported on (the page's file box).
FILE_FIELD: Final = "register-file"
#: How many of a file's problems are named; the rest are counted.
MAX_PROBLEMS: Final = 10

CASE_KEYS: Final = frozenset(
    {"reference", "child_initials", "child_age", "review_kind", "notification", "dates",
     "open_actions",
     "filled_from"}
)  # fmt: skip
TOP_KEYS: Final = frozenset({"form", "schema_version", "partnership", "cases"})


def new_register() -> dict[str, Any]:
    return {
        "form": FORM_ID,
        "schema_version": SCHEMA_VERSION,
        "partnership": current().name,
        "cases": [],
    }


def empty_dates() -> dict[str, str | None]:
    return dict.fromkeys(EVENT_IDS)


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


def _dates(raw: Any, errors: list[FieldError]) -> dict[str, date]:
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        errors.append(FieldError("aware", "The dates must be an object of event dates"))
        return {}
    dates: dict[str, date] = {}
    raw = dict(raw)
    for step, event in STEP_ALIASES.items():
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
    for o in ORDER:
        later, earlier = dates.get(o.later), dates.get(o.earlier)
        if later is None or earlier is None or any(e.field == o.later for e in errors):
            continue
        if later < earlier or (o.strict and later == earlier):
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


# --- the whole file ---------------------------------------------------------------------


class Register:
    """A checked register: each case as stored (``doc``) and as the rules read it."""

    def __init__(self, doc: dict[str, Any], cases: list[Case]) -> None:
        self.doc = doc
        self.cases = cases


def _case_name(raw: Any, index: int) -> str:
    ref = raw.get("reference") if isinstance(raw, Mapping) else None
    if isinstance(ref, str) and ref.strip() and len(ref) <= MAX_REFERENCE:
        # A control that reorders text is shown as a mark: the message must not reorder.
        # So is any other invisible character (a zero-width space).
        shown = show_controls(" ".join(clean_text(ref, multiline=False).split()))
        shown = "".join(
            f"[{code_point(c)}]" if unicodedata.category(c) == "Cf" else c for c in shown
        )
        return f"Case {index + 1} ({shown})"
    return f"Case {index + 1}"


def check_register(doc: Any, name: str = "The file") -> Register:
    """A register's content, checked whole: every case, each problem named by its case."""
    if not isinstance(doc, Mapping):
        raise InputError.one(FILE_FIELD, f"{name} is not a case register")
    kind = doc.get("form")
    if kind != FORM_ID:
        what = f"a saved '{kind}' form" if isinstance(kind, str) else "not a case register"
        raise InputError.one(FILE_FIELD, f"{name} is {what}, not a case register")
    version = doc.get("schema_version")
    if type(version) is not int:
        raise InputError.one(
            FILE_FIELD,
            f"{name} is not a valid case register: its schema_version is missing or not a "
            "whole number",
        )
    if version != SCHEMA_VERSION:
        raise InputError.one(
            FILE_FIELD,
            f"{name} was saved by a different version of the register (version {version}); "
            f"this page reads version {SCHEMA_VERSION}",
        )
    unknown = [k for k in doc if k not in TOP_KEYS]
    if unknown:
        raise InputError.one(
            FILE_FIELD, f"{name} is not a valid case register: unknown entry '{unknown[0]}'"
        )
    raw_cases = doc.get("cases")
    if not isinstance(raw_cases, list):
        raise InputError.one(
            FILE_FIELD, f"{name} is not a valid case register: it has no cases list"
        )
    if len(raw_cases) > MAX_CASES:
        raise InputError.one(
            FILE_FIELD, f"{name} has {len(raw_cases)} cases; a register holds up to {MAX_CASES}"
        )
    problems: list[str] = []
    stored: list[dict[str, Any]] = []
    cases: list[Case] = []
    seen: set[str] = set()
    for i, raw in enumerate(raw_cases):
        try:
            case_doc, case = check_case(raw, seen)
        except InputError as exc:
            problems.extend(f"{_case_name(raw, i)}: {e.message}" for e in exc.errors)
            continue
        seen.add(match_key(case.reference))
        stored.append(case_doc)
        cases.append(case)
    if problems:
        named = problems[:MAX_PROBLEMS]
        more = len(problems) - len(named)
        errors = [FieldError(FILE_FIELD, f"{name} cannot be opened. {p}") for p in named]
        if more:
            errors.append(FieldError(FILE_FIELD, f"{name} has {more} more problems"))
        raise InputError(errors)
    partnership = doc.get("partnership")
    out = {
        "form": FORM_ID,
        "schema_version": SCHEMA_VERSION,
        "partnership": partnership if isinstance(partnership, str) else current().name,
        "cases": stored,
    }
    return Register(out, cases)


def read_register(content: str | bytes, name: str = "The file") -> Register:
    """A saved register's text, refused with a clear message (naming the file, and each case
    with a problem) when it is broken, too big, or not a register. Nothing changes on a
    refusal."""
    try:
        size = len(content.encode("utf-8") if isinstance(content, str) else content)
    except UnicodeEncodeError:
        raise InputError.one(
            FILE_FIELD, f"{name} is not a case register: it is not valid text"
        ) from None
    if size > MAX_BYTES:
        raise InputError.one(
            FILE_FIELD, f"{name} is too big: a case register is under {MAX_BYTES // 1_000_000} MB"
        )
    try:
        parsed = loads(content)
    except JSONRefusedError as exc:
        raise InputError.one(
            FILE_FIELD, f"{name} is not a case register: it {exc.reason}"
        ) from None
    return check_register(parsed, name)


def _size(text: str) -> int:
    return len(text.encode("utf-8"))


def fits(doc: Mapping[str, Any]) -> None:
    """Refuse (on the register's file) a register the core would then refuse to open: more
    than ``MAX_CASES`` cases, or over ``MAX_BYTES`` even written compactly. Checked on every
    change, with the numbers ``read_register`` reads with, so no save, download or draft is
    ever a file that cannot be opened again."""
    cases = doc.get("cases")
    n = len(cases) if isinstance(cases, list) else 0
    if n > MAX_CASES:
        raise InputError.one(
            FILE_FIELD,
            f"The register is full: it holds up to {MAX_CASES} cases. Start a register for "
            "the next year, or delete closed cases from a copy",
        )
    if _size(dumps(doc, compact=True)) > MAX_BYTES:
        raise InputError.one(
            FILE_FIELD,
            f"The register would be over {MAX_BYTES // 1_000_000} MB, more than it can open "
            "again: nothing was changed. Start a register for the next year, or delete closed "
            "cases from a copy",
        )


def write_register(doc: Mapping[str, Any]) -> str:
    """The register's file: indented, for a person to read, unless that would take it over
    ``MAX_BYTES``; then compact, which opens the same. Refused (``fits``) when it would not
    open again either way."""
    fits(doc)
    text = dumps(doc, indent=2) + "\n"
    return text if _size(text) <= MAX_BYTES else dumps(doc, compact=True) + "\n"


def example_register() -> dict[str, Any]:
    """A register of made-up cases, one at each stage (the CLI's ``register example``). In
    the financial year 2025-26 one notification was late, and one meeting and its Rapid
    Review missed their timescales; one case of 2026 was never notifiable (a local learning
    event)."""
    prefix = current().reference_prefix

    def case(n: int, initials: str, age: str, kind: str | None, **dates: str) -> dict[str, Any]:
        all_dates = empty_dates()
        all_dates.update({k.replace("_", "-"): v for k, v in dates.items()})
        return {
            "reference": f"{prefix}-2026-{n:03d}",
            "child_initials": initials,
            "child_age": age,
            "review_kind": kind,
            "dates": all_dates,
            "open_actions": [],
            "filled_from": {},
        }

    cases = [
        case(1, "A B", "3", None, aware="2026-11-23", referral="2026-11-24"),
        case(2, "C D", "15", None, aware="2026-11-02", notified="2026-11-05",
             referral="2026-11-04", scoping_sent="2026-11-05", scoping_returned="2026-11-10",
             meeting="2026-11-16"),
        case(3, "E F", "8 months", None, aware="2026-09-14", notified="2026-09-17",
             referral="2026-09-15", meeting="2026-09-29", sent_to_panel="2026-10-01"),
        case(4, "G H", "11", "local", aware="2026-06-01", notified="2026-06-04",
             referral="2026-06-02", meeting="2026-06-15", sent_to_panel="2026-06-17",
             panel_response="2026-07-01", decision="2026-07-06",
             reviewer_commissioned="2026-07-20", planned_publication="2027-01-04"),
        case(5, "J K", "16", "local", aware="2025-05-06", notified="2025-05-09",
             referral="2025-05-07", meeting="2025-05-20", sent_to_panel="2025-05-22",
             panel_response="2025-06-05", decision="2025-06-09",
             reviewer_commissioned="2025-06-30", final_report="2025-11-14",
             copies_sent="2025-11-24", ofsted_sent="2025-11-24",
             planned_publication="2025-12-08", publication="2025-12-08"),
        case(6, "L M", "6", "learning", aware="2026-03-02", referral="2026-03-03",
             meeting="2026-03-24", decision="2026-04-15"),
        case(7, "N P", "2", "none", aware="2025-10-06", notified="2025-10-15",
             referral="2025-10-07", meeting="2025-10-17", sent_to_panel="2025-10-21",
             panel_response="2025-11-04", decision="2025-11-05", closed="2025-11-20"),
    ]  # fmt: skip
    # Not a serious case (section 7): raised by a partner agency, never notified, so it has
    # no Panel steps; its meeting decided on a local learning event.
    cases[5]["notification"] = "not_notifiable"
    cases[4]["open_actions"] = [
        {"due": "2026-10-30", "agency": "Police"},
        {"due": "2027-03-31", "agency": "Children's social care"},
    ]
    return {**new_register(), "cases": cases}
