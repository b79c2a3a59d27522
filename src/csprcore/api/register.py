"""The case register's calls: its file, its cases, their deadlines and the timeliness report.

The register's file handling, views and exports are imported inside the functions that use
them, so that importing ``csprcore.api`` stays light for the pages that have no register.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any, cast

from ..errors import InputError
from ..exports import ics
from ..exports.document import KINDS, Kind
from ..exports.spreadsheet import CSV_MIME
from ..rules.dates import parse_iso_date
from ..rules.register import REGISTER_EVENTS_BY_ID, Case
from ._payload import Payload, _answers, _document_file, _file, _file_content, _made_at, _today

if TYPE_CHECKING:
    from ..forms.case_register.register_file import Register
    from ..views.register import ReportView
    from .answers import RegisterList, RegisterOpened


#: The last register checked. The page sends the whole register with every call; when it is
#: the one just checked (equal, key for key: the page holds what the core returned), the
#: check is not repeated, which keeps a 500-case register's list and report quick. Equality,
#: not identity or a digest, decides, so no other register's cases can ever be reused.
_LAST_REGISTER: list[Register] = []


def _register(payload: Payload) -> Register:
    """The page's register (``{"register": {...}}``), checked whole like a file."""
    from ..forms.case_register.register_file import check_register

    raw = payload.get("register")
    if _LAST_REGISTER and raw == _LAST_REGISTER[0].doc:
        return _LAST_REGISTER[0]
    register = check_register(raw, "The register")
    _LAST_REGISTER[:] = [register]
    return register


def _case_index(payload: Payload, register: Register, *, new: bool = False) -> int | None:
    """``index``: a case of the register; ``None`` (a new case) where ``new`` allows it."""
    value = payload.get("index")
    if value is None and new:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError.one("index", "Choose a case of the register")
    if not 0 <= value < len(register.cases):
        raise InputError.one("index", "That case is no longer in the register")
    return value


def _changed(
    register: Register, index: int | None, stored: dict[str, Any] | None, case: Case | None
) -> tuple[dict[str, Any], int | None]:
    """The register with case ``index`` replaced by ``stored`` (added when ``index`` is None;
    removed when ``stored`` is None), remembered as checked: every other case already was,
    and the changed one has just been."""
    from ..forms.case_register.register_file import Register, fits

    docs, cases = list(register.doc["cases"]), list(register.cases)
    if stored is None or case is None:
        assert index is not None
        del docs[index], cases[index]
    elif index is None:
        docs.append(stored)
        cases.append(case)
        index = len(docs) - 1
    else:
        docs[index], cases[index] = stored, case
    changed = Register({**register.doc, "cases": docs}, cases)
    fits(changed.doc)
    _LAST_REGISTER[:] = [changed]
    return changed.doc, index


def register_new(payload: Payload) -> dict[str, Any]:
    """An empty register; the core forgets the last one it checked (its cases leave memory)."""
    from ..forms.case_register.register_file import new_register

    _LAST_REGISTER.clear()
    return {"register": new_register()}


def register_example(payload: Payload) -> dict[str, Any]:
    from ..forms.case_register.register_file import example_register

    return {"register": example_register()}


def register_open(payload: Payload) -> RegisterOpened:
    """Read a saved register: ``{"file": {"name", "content" | "base64"}}``. A broken file,
    or one with a case that does not add up, is refused, naming the file and each case.
    The list is ``register_view``'s, which the page asks for next: the register checked
    here is kept, so that call does not check it again."""
    from ..forms.case_register.register_file import FILE_FIELD, read_register

    file = payload.get("file")
    content = _file_content(file, FILE_FIELD, "Choose a saved case register")
    name = str(file.get("name") or "The file") if isinstance(file, Mapping) else "The file"
    register = read_register(content, name)
    _LAST_REGISTER[:] = [register]
    n = len(register.cases)
    return {"register": register.doc, "summary_text": f"It has {n} case{'' if n == 1 else 's'}."}


def register_view(payload: Payload) -> RegisterList:
    """The list: each case's stage and next deadline, soonest first, and the filters."""
    from ..views.register import list_view

    register = _register(payload)
    listed = list_view(register.cases, _today(payload))
    return {
        "register": register.doc,
        "rows": listed["rows"],
        "stages": listed["stages"],
        "statuses": listed["statuses"],
        "summary_text": listed["summary_text"],
        "today": listed["today"],
    }


def register_case(payload: Payload) -> dict[str, Any]:
    """One case: its boxes, its steps with how each was counted, and its picture."""
    from ..forms.case_register.case_record import answers_from_case
    from ..views.register import case_view

    register = _register(payload)
    index = _case_index(payload, register)
    assert index is not None
    stored = register.doc["cases"][index]
    view = case_view(register.cases[index], _today(payload))
    sources = [
        f"{REGISTER_EVENTS_BY_ID[k].label}: from {v}" for k, v in stored["filled_from"].items()
    ]
    return {
        "index": index,
        "case": stored,
        "answers": answers_from_case(stored),
        "sources_text": sources,
        **view,
    }


def register_save_case(payload: Payload) -> dict[str, Any]:
    """Save the page's boxes as a case (``index`` null: a new one), checked whole."""
    from ..forms.case_register.case_record import check_answers
    from ..forms.controls import match_key

    register = _register(payload)
    index = _case_index(payload, register, new=True)
    cases = list(register.doc["cases"])
    previous = cases[index] if index is not None else None
    others = {match_key(c.reference) for i, c in enumerate(register.cases) if i != index}
    stored, case = check_answers(_answers(payload), previous, others)
    doc, index = _changed(register, index, stored, case)
    return {"register": doc, "index": index}


def register_delete_case(payload: Payload) -> dict[str, Any]:
    register = _register(payload)
    index = _case_index(payload, register)
    doc, _ = _changed(register, index, None, None)
    return {"register": doc}


def register_add_document(payload: Payload) -> dict[str, Any]:
    """Fill a case's empty dates from a saved referral, Rapid Review, local review record or
    action plan: ``{"register", "index" (null: a new case from the document), "file"}``. A
    document about another child is refused, naming the file, and nothing changes."""
    from ..forms.case_register.documents import DOCUMENT_FIELD, add_document
    from ..forms.case_register.register_file import empty_dates
    from ..forms.controls import match_key

    register = _register(payload)
    index = _case_index(payload, register, new=True)
    file = payload.get("file")
    content = _file_content(file, DOCUMENT_FIELD, "Choose a saved document")
    name = str(file.get("name") or "The file") if isinstance(file, Mapping) else "The file"
    case = register.doc["cases"][index] if index is not None else {"dates": empty_dates()}
    others = {match_key(c.reference) for i, c in enumerate(register.cases) if i != index}
    added = add_document(case, content, name, others, _today(payload))
    doc, index = _changed(register, index, added.case, added.checked)
    return {"register": doc, "index": index, "messages": added.messages(name)}


def register_import(payload: Payload) -> dict[str, Any]:
    """A register started from a spreadsheet saved as CSV: ``{"file": {"name", "base64" |
    "content"}, "map": {"Column": "event", ...}}``. The register's own CSV export needs no
    map. ``columns`` lists the sheet's header (for the page's mapping); ``ignored`` the
    columns not used."""
    from ..forms.case_register.import_sheet import SHEET_FIELD, import_sheet, targets

    file = payload.get("file")
    content = _file_content(file, SHEET_FIELD, "Choose a spreadsheet saved as CSV")
    name = str(file.get("name") or "The sheet") if isinstance(file, Mapping) else "The sheet"
    raw_map = payload.get("map") or {}
    if not isinstance(raw_map, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in raw_map.items()
    ):
        raise InputError.one("map", "The columns' mapping must be of column names to fields")
    known = targets()
    for column, target in raw_map.items():
        if target not in known:
            raise InputError.one("map", f"'{target}' (for '{column}') is not a register field")
    imported = import_sheet(content, name, dict(raw_map))
    return {
        "register": imported.register,
        "used": imported.used,
        "ignored": imported.ignored,
        "messages": imported.messages(name),
    }


def register_sheet_columns(payload: Payload) -> dict[str, Any]:
    """A spreadsheet's header row, for the page to ask which column holds what: ``columns``,
    ``suggested`` (``{column: field}`` where a heading says) and ``targets`` (``[field,
    words]``)."""
    from ..forms.case_register.import_sheet import SHEET_FIELD, sheet_columns, target_labels

    file = payload.get("file")
    content = _file_content(file, SHEET_FIELD, "Choose a spreadsheet saved as CSV")
    name = str(file.get("name") or "The sheet") if isinstance(file, Mapping) else "The sheet"
    columns, suggested = sheet_columns(content, name)
    return {"columns": columns, "suggested": suggested,
            "targets": [list(t) for t in target_labels()]}  # fmt: skip


def register_merge(payload: Payload) -> dict[str, Any]:
    """Two saves of one register merged from the one both started from: ``{"base", "ours",
    "theirs"}`` (registers), and ``choices`` (``[{"reference", "field", "take": "ours" |
    "theirs"}]``) for conflicts already settled. ``register`` is the merged register, or
    null with ``conflicts`` (each with ``reference``, ``field``, ``ours``, ``theirs``,
    ``text``)."""
    from ..forms.case_register.merge import merge_registers
    from ..forms.case_register.register_file import check_register
    from ..forms.controls import match_key

    docs = {k: check_register(payload.get(k), f"The {k} register").doc
            for k in ("base", "ours", "theirs")}  # fmt: skip
    choices: dict[tuple[str, str], str] = {}
    for item in payload.get("choices") or []:
        if not isinstance(item, Mapping) or item.get("take") not in ("ours", "theirs"):
            raise InputError.one("choices", "Each choice takes ours or theirs")
        choices[(match_key(str(item.get("reference"))), str(item.get("field")))] = item["take"]
    merged = merge_registers(docs["base"], docs["ours"], docs["theirs"], choices)
    return {
        "register": merged.register,
        "conflicts": [c.as_dict() for c in merged.conflicts],
    }


def register_export(payload: Payload) -> dict[str, Any]:
    """The register as ``json`` (to open again), ``csv`` (Excel), ``ics`` (every open
    deadline), ``pdf`` (the summary for the review group's meeting) or ``odt`` (the same
    summary, editable)."""
    from ..exports import register as files
    from ..forms.case_register.register_file import write_register

    register = _register(payload)
    today = _today(payload)
    fmt = payload.get("format")
    stem = f"case-register-{today.isoformat()}"
    if fmt == "json":
        return {"filename": "case-register.json", "mime": "application/json",
                "text": write_register(register.doc)}  # fmt: skip
    if fmt == "csv":
        return _file(f"{stem}.csv", CSV_MIME, files.register_csv(register.cases, today))
    if fmt == "ics":
        text = files.register_ics(register.cases, today, datetime.now(UTC))
        return {"filename": f"{stem}.ics", "mime": ics.MIME, "text": text}
    if fmt in KINDS:
        made = _made_at(payload)
        summary = files.summary_report(register.cases, today, made)
        return _document_file(summary, made, cast(Kind, fmt), f"case-register-summary-{today}")
    raise InputError.one("format", "Choose json, csv, ics, pdf or odt")


def _period(payload: Payload) -> tuple[date, date]:
    from ..rules.register import last_financial_year

    default_start, default_end = last_financial_year(_today(payload))
    start = (
        parse_iso_date(payload["from"], "from", "the first day of the period")
        if payload.get("from")
        else default_start
    )
    end = (
        parse_iso_date(payload["to"], "to", "the last day of the period")
        if payload.get("to")
        else default_end
    )
    if end < start:
        raise InputError.one(
            "to", "The last day of the period must be the same as or after the first day"
        )
    return start, end


def register_report(payload: Payload) -> ReportView:
    """The timeliness figures for a period (default: the last financial year)."""
    from ..rules.register import report
    from ..views.register import report_view

    register = _register(payload)
    start, end = _period(payload)
    results = report(register.cases, start, end, today=_today(payload))
    return report_view(results, start, end)


def register_report_export(payload: Payload) -> dict[str, Any]:
    from ..exports import register as files
    from ..rules.register import report

    register = _register(payload)
    start, end = _period(payload)
    results = report(register.cases, start, end, today=_today(payload))
    stem = f"cspr-timeliness-{start.isoformat()}-to-{end.isoformat()}"
    fmt = payload.get("format")
    if fmt == "csv":
        return _file(f"{stem}.csv", CSV_MIME, files.report_csv(results, start, end))
    if fmt in KINDS:
        made = _made_at(payload)
        report_doc = files.timeliness_report(results, start, end, made)
        return _document_file(report_doc, made, cast(Kind, fmt), stem)
    raise InputError.one("format", "Choose csv, pdf or odt")
