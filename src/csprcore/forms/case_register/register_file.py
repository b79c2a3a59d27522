"""The case register's file: versioned JSON that the business unit keeps on its own drive,
read and checked like any saved form (each case by ``case_record``).

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
from collections.abc import Mapping
from typing import Any, Final

from ...errors import FieldError, InputError
from ...jsontext import JSONRefusedError, dumps, loads
from ...partnership import current
from ...rules.register import (
    EVENT_IDS,
    Case,
)
from ..controls import (
    clean_text,
    code_point,
    match_key,
    show_controls,
)
from .case_record import (
    MAX_REFERENCE,
    check_case,
)

FORM_ID: Final = "case-register"
SCHEMA_VERSION: Final = 1
#: A register of a few thousand cases is well under this; a bigger file is not a register.
MAX_BYTES: Final = 5_000_000
MAX_CASES: Final = 5_000
#: The field a problem with the whole file is reported on (the page's file box).
FILE_FIELD: Final = "register-file"
#: How many of a file's problems are named; the rest are counted.
MAX_PROBLEMS: Final = 10

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
