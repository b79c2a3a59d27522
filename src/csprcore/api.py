"""The one facade: JSON-in, JSON-out functions that the CLI and the browser worker call.

Each function takes a dict (the parsed JSON payload) and returns a dict that ``json.dumps``
can write. ``call(name, payload_json)`` is what the worker uses: it never raises, and turns
bad input into ``{"ok": false, "errors": [{"field", "message"}]}``.

One module on purpose: every function the page and the CLI may call is listed here, with the
wheel groups each needs (``NEEDS``), so the facade can be read whole.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any, cast

from . import __version__
from .errors import FieldError, InputError
from .exports import check_record as record
from .exports import ics
from .exports.document import KINDS, Document, Kind, Letter, split_format
from .exports.render import write
from .exports.spreadsheet import CSV_MIME
from .jsontext import JSONRefusedError, dumps, loads
from .rules import criteria, deadlines
from .rules.calendar import DEFAULT_CALENDAR
from .rules.citations import SECTION_TITLES, cite_path
from .rules.dates import parse_iso_date, parse_local_datetime
from .rules.register import REGISTER_EVENTS_BY_ID, Case
from .views import deadlines as deadlines_view

if TYPE_CHECKING:
    from .forms import engine as engine
    from .forms.base import FormBase
    from .forms.case_register.register_file import Register

Payload = Mapping[str, Any]


def _today(payload: Payload) -> date:
    value = payload.get("today")
    return parse_iso_date(value, "today", "today's date") if value else date.today()


def _closures(payload: Payload) -> list[date]:
    raw = payload.get("closures") or []
    if not isinstance(raw, list):
        raise InputError.one("closures", "Closure days must be a list of dates")
    return [parse_iso_date(v, "closures", "an office closure day") for v in raw]


def _int(payload: Payload, key: str) -> int:
    value = payload.get(key)
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise InputError.one(key, f"Enter {key} as a whole number")
    try:
        return int(value)
    except ValueError:
        raise InputError.one(key, f"{key} must be a whole number, like 5") from None


# --- working days ---------------------------------------------------------------------


def workdays_add(payload: Payload) -> dict[str, Any]:
    start = parse_iso_date(payload.get("date"), "date", "a start date")
    n = _int(payload, "n")
    cal = DEFAULT_CALENDAR.with_closures(_closures(payload))
    try:
        result = cal.add_working_days(start, n)
    except ValueError as exc:
        raise InputError.one("n", str(exc)) from None
    return {"date": result.isoformat()}


def workdays_between(payload: Payload) -> dict[str, Any]:
    start = parse_iso_date(payload.get("start"), "start", "a start date")
    end = parse_iso_date(payload.get("end"), "end", "an end date")
    cal = DEFAULT_CALENDAR.with_closures(_closures(payload))
    return {"working_days": cal.working_days_between(start, end)}


def bank_holidays(payload: Payload) -> dict[str, Any]:
    year = _int(payload, "year")
    try:
        days = DEFAULT_CALENDAR.bank_holidays(year)
    except ValueError as exc:
        raise InputError.one("year", str(exc)) from None
    return {"year": year, "bank_holidays": [{"date": d.isoformat(), "name": n} for d, n in days]}


# --- criteria -------------------------------------------------------------------------


def criteria_questions(payload: Payload) -> dict[str, Any]:
    return {"questions": criteria.questions(), "conclusions": criteria.CONCLUSION_QUESTIONS}


def check(payload: Payload) -> dict[str, Any]:
    """Assess facts. The payload is the facts object itself."""
    return criteria.assess(payload)


def check_record(payload: Payload) -> dict[str, Any]:
    """A record of a criteria check: ``{"facts", "checked_at": "dd/mm/yyyy hh:mm",
    "format": "pdf" | "odt"}`` (the page's local time, now when absent; a PDF unless the
    editable copy is asked for). The checker asks for no names."""
    checked_at = criteria.parse_checked_at(payload.get("checked_at"))
    kind = _kind(payload.get("format", "pdf"), "Choose pdf or odt")
    model = record.record(payload.get("facts", {}), checked_at)
    stem = f"criteria-check-{checked_at.strftime('%Y-%m-%d-%H%M')}"
    return {"ok": True, **_document_file(model, checked_at, kind, stem)}


def _kind(fmt: Any, choose: str) -> Kind:
    if fmt not in KINDS:
        raise InputError.one("format", choose)
    return cast(Kind, fmt)


def _document_file(model: Document, made_at: datetime, kind: Kind, stem: str) -> dict[str, Any]:
    """A document as a downloadable file: its PDF or its editable copy (``exports.odt``)."""
    mime, extension = KINDS[kind]
    return _file(f"{stem}.{extension}", mime, write(model, made_at, kind))


# --- deadlines ------------------------------------------------------------------------


def deadline_milestones(payload: Payload) -> dict[str, Any]:
    """Events as ISO strings (``"referral": "2026-12-18"``) or as the page's three boxes
    (``referral-day``, ``-month``, ``-year``); ``closures``, a ``closure-*`` day being added,
    and ``today``. The result carries what the calculator page shows, too."""
    events, adding = deadlines_view.read_form(payload)
    today = _today(payload)
    result = deadlines.compute(events, _closures(payload) + adding, today)
    return deadlines_view.page_view(result, today)


def deadlines_ics(payload: Payload) -> dict[str, Any]:
    """The milestones as an iCalendar file: ``{"filename", "mime", "text"}``."""
    result = deadline_milestones(payload)
    if not result["milestones"]:
        raise InputError.one("aware", deadlines_view.NO_DATES_FOR_CALENDAR)
    return {
        "filename": ics.filename(result["events"]),
        "mime": ics.MIME,
        "text": ics.calendar(result["milestones"], result["events"], datetime.now(UTC)),
    }


def local_review_dates(payload: Payload) -> dict[str, Any]:
    """A local review's key dates (section 11): ``{"decision", "publication"?, "today"?}``.
    ``dates`` has ``final_report_due``, ``send_to_panel_by`` and ``available_until`` as ISO
    dates (the last two null without a planned publication date); ``key_dates`` has every
    date with its rule, citation and status against today."""
    from .rules.local_review import CLI_KEYS, key_dates

    decision = parse_iso_date(
        payload.get("decision"), "decision", "the date of the decision to initiate a local review"
    )
    raw = payload.get("publication")
    publication = (
        parse_iso_date(raw, "publication", "the planned publication date") if raw else None
    )
    found = key_dates(decision, publication, today=_today(payload))
    return {
        "dates": {k: (d.isoformat() if (d := found[k].due) else None) for k in CLI_KEYS},
        "key_dates": [
            {
                "key": k.key,
                "label": k.label,
                "cite": k.cite,
                "due": k.due.isoformat() if k.due else None,
                "basis": k.basis,
                "status": k.status,
                "problem": k.problem,
            }
            for k in found.values()
        ],
    }


# --- forms ----------------------------------------------------------------------------


def _answers(payload: Payload) -> dict[str, Any]:
    answers = payload.get("answers", {})
    if not isinstance(answers, Mapping):
        raise InputError.one("answers", "Answers must be an object of field names and values")
    return dict(answers)


def _file_content(item: Any, field: str, missing: str) -> str | bytes:
    """A chosen file's content: ``{"base64"}`` (the page sends the bytes, so the core alone
    decides whether they are UTF-8: a browser's lenient decoding would turn "Siobhán" in
    another encoding into "Siobh\ufffdn" without a word) or ``{"content"}`` (text)."""
    if isinstance(item, Mapping):
        if isinstance(item.get("base64"), str):
            try:
                return base64.b64decode(item["base64"], validate=True)
            except ValueError:
                raise InputError.one(field, missing) from None
        if isinstance(item.get("content"), str):
            return str(item["content"])
    raise InputError.one(field, missing)


def _document(form: type[FormBase], payload: Payload) -> dict[str, Any]:
    """The form as a document: ``{"document"}`` (a saved file's, checked like one) or the
    page's ``{"answers"}``."""
    from .forms import engine

    if "document" in payload:
        return dict(engine.read_file(form, json.dumps(payload["document"]), "The form"))
    return engine.answers_to_document(form, _answers(payload))


def form_check(payload: Payload) -> dict[str, Any]:
    """Check a form's answers: the errors in form order, the document and its summary."""
    from .forms import engine
    from .forms.registry import get_form

    form = get_form(payload.get("form"))
    doc = engine.answers_to_document(form, _answers(payload))
    model, errors = engine.check_document(form, doc, _today(payload))
    return {
        "ok": model is not None,
        "errors": engine.error_list(form, errors),
        "warnings": engine.warning_list(form, doc),
        "computed": engine.computed_view(form, doc),
        "document": doc if model is None else model.model_dump(mode="json"),
        "summary": [*engine.summary(form, doc), *form.summary_extra(doc)],
    }


def form_computed(payload: Payload) -> dict[str, Any]:
    """What the core works out while the user types: each computed field's value and
    sentence, and the warnings (which never stop an export), without checking the form."""
    from .forms import engine
    from .forms.registry import get_form

    form = get_form(payload.get("form"))
    doc = engine.answers_to_document(form, _answers(payload))
    return {
        "computed": engine.computed_view(form, doc),
        "warnings": engine.warning_list(form, doc),
    }


def form_open(payload: Payload) -> dict[str, Any]:
    """Read a saved file's text; refuse it, changing nothing, when it is not a saved form."""
    from .forms import engine
    from .forms.registry import get_form

    form = get_form(payload.get("form"))
    content = _file_content(payload, "file", "Choose a saved form file")
    doc = engine.read_file(form, content, str(payload.get("name") or "The file"))
    return {"ok": True, "document": doc, "answers": engine.document_to_answers(form, doc)}


def form_export(payload: Payload) -> dict[str, Any]:
    """Export as ``json`` (any state: it reopens exactly), or as a document or file (checked
    forms only). A document whose free text holds a name the referral gave for the child or
    their family is refused with ``names: true``, each box named, unless ``allow_names``."""
    from .forms import engine
    from .forms.names import found_names
    from .forms.naming import file_stem
    from .forms.registry import document_formats, get_form, report

    form = get_form(payload.get("form"))
    fmt = payload.get("format")
    doc = _document(form, payload)
    if fmt == "json":
        # A complete form is saved in its checked, typed shape; a draft exactly as typed.
        model, _ = engine.check_document(form, doc, _today(payload))
        saved = doc if model is None else model.model_dump(mode="json")
        text = engine.write_json(saved)
        if len(text.encode("utf-8")) > engine.MAX_FILE_BYTES:
            # The page itself must never save a file that it cannot open again.
            raise InputError.one("file", engine.too_big_to_save(len(text.encode("utf-8"))))
        return {
            "ok": True,
            "filename": f"{file_stem(form, doc, 'json', date.today())}.json",
            "mime": "application/json",
            "text": text,
        }
    documents = document_formats(form)
    files = [f for f, _ in form.exports if f in form.export_files]
    if fmt in documents or fmt in files:
        # The form itself (pdf), another document made from it (a letter), either's
        # editable copy (odt, letter-odt), or a file (csv): checked forms only.
        model, errors = engine.check_document(form, doc, _today(payload))
        if model is None:
            return {"ok": False, "errors": engine.error_list(form, errors)}
        clean = model.model_dump(mode="json")
        found = [] if payload.get("allow_names") is True else found_names(form, clean)
        if found:
            # A family name where only initials belong: made only when the user says so.
            return {"ok": False, "names": True, "errors": engine.error_list(form, found)}
        made_at = parse_local_datetime(payload.get("now"), "now")
        if fmt in files:
            mime, extension = form.export_files[str(fmt)]
            stem = file_stem(form, clean, str(fmt), made_at.date())
            data = form.export(str(fmt), clean, made_at)
            return {"ok": True, **_file(f"{stem}.{extension}", mime, data)}
        base, kind = split_format(str(fmt))
        made = (
            report(form, clean, made_at) if base == "pdf" else form.document(base, clean, made_at)
        )
        day = made_at.date()
        if isinstance(made, Letter):
            # A letter carries the date the user gives it (default: the day it is made).
            if payload.get("date"):
                made.dated = parse_iso_date(payload["date"], "date", "the date of the letter")
            day = made.dated or day
        stem = file_stem(form, clean, str(fmt), day)
        return {"ok": True, **_document_file(made, made_at, kind, stem)}
    names = [*dict.fromkeys(["json", *documents, *files])]
    raise InputError.one("format", f"Choose a format: {', '.join(names[:-1])} or {names[-1]}")


def form_start_from(payload: Payload) -> dict[str, Any]:
    """Start a document from the saved one it follows, or fill the empty boxes of one:
    ``{"form", "answers" | "document", "file": {"name", "content" | "base64"}}``. The
    scoping return and the Rapid Review start from a referral, the local review record from
    a Rapid Review that decided on one, the action plan from a local review record
    (``forms.carry.CARRIES``). A file that is not that document, or is about another child
    or another case, is refused, naming it, and nothing changes."""
    from .forms import engine
    from .forms.carry import carry_for, start_from
    from .forms.registry import get_form

    form = get_form(payload.get("form"))
    carry = carry_for(form)
    doc = _document(form, payload)
    file = payload.get("file")
    content = _file_content(file, carry.box, carry.choose)
    name = str(file.get("name") or "The file") if isinstance(file, Mapping) else "The file"
    result = start_from(form, doc, content, name)
    return {
        "ok": True,
        **result.details,
        "changed": result.changed,
        "messages": result.messages,
        "document": result.document,
        "answers": engine.document_to_answers(form, result.document),
    }


def rapid_review_add_returns(payload: Payload) -> dict[str, Any]:
    """Add agencies' scoping returns to a Rapid Review: ``{"answers"}`` (the page's) or
    ``{"document"}``, and ``{"files": [{"name", "content"}]}``. One row per agency; what the
    user wrote is kept. Each file that is not a saved return is refused, naming it; the rest
    are added. ``changed`` says whether anything was."""
    from .forms import engine
    from .forms.rapid_review import RapidReview, add_returns, read_returns

    doc = _document(RapidReview, payload)
    files = payload.get("files")
    if not isinstance(files, list) or not files:
        raise InputError.one("files", "Choose one or more saved scoping returns")
    read: list[tuple[str, str | bytes]] = []
    for i, item in enumerate(files):
        content = _file_content(item, "files", f"File {i + 1} has no content")
        read.append((str(item.get("name") or f"File {i + 1}"), content))
    good, refused = read_returns(read)
    result = add_returns(doc, good)
    result.refused[:0] = refused
    return {
        "ok": True,
        "changed": result.changed,
        "added": result.added,
        "filled": result.filled,
        "unchanged": result.unchanged,
        "refused": [e.as_dict() for e in result.refused],
        "messages": result.messages(),
        "document": result.document,
        "answers": engine.document_to_answers(RapidReview, result.document),
    }


def referral_from_check(payload: Payload) -> dict[str, Any]:
    """Answers for the referral form from the criteria checker's facts; the record keeps the
    facts and the time of the check, never the outcome (worked out again where shown)."""
    from .forms.checker_facts import answers_from_facts

    facts = criteria.parse_facts(payload.get("facts", {}))
    answers = answers_from_facts(facts)
    checked_at = criteria.parse_checked_at(payload.get("checked_at")).strftime("%d/%m/%Y %H:%M")
    answers["checker"] = dumps({"facts": facts, "checked_at": checked_at})
    return {"answers": answers}


# --- the case register ----------------------------------------------------------------


#: The last register checked. The page sends the whole register with every call; when it is
#: the one just checked (equal, key for key: the page holds what the core returned), the
#: check is not repeated, which keeps a 500-case register's list and report quick. Equality,
#: not identity or a digest, decides, so no other register's cases can ever be reused.
_LAST_REGISTER: list[Register] = []


def _register(payload: Payload) -> Register:
    """The page's register (``{"register": {...}}``), checked whole like a file."""
    from .forms.case_register.register_file import check_register

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
    from .forms.case_register.register_file import Register, fits

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
    from .forms.case_register.register_file import new_register

    _LAST_REGISTER.clear()
    return {"register": new_register()}


def register_example(payload: Payload) -> dict[str, Any]:
    from .forms.case_register.register_file import example_register

    return {"register": example_register()}


def register_open(payload: Payload) -> dict[str, Any]:
    """Read a saved register: ``{"file": {"name", "content" | "base64"}}``. A broken file,
    or one with a case that does not add up, is refused, naming the file and each case."""
    from .forms.case_register.register_file import FILE_FIELD, read_register

    file = payload.get("file")
    content = _file_content(file, FILE_FIELD, "Choose a saved case register")
    name = str(file.get("name") or "The file") if isinstance(file, Mapping) else "The file"
    from .views.register import list_view

    register = read_register(content, name)
    _LAST_REGISTER[:] = [register]
    n = len(register.cases)
    return {
        "register": register.doc,
        "summary_text": f"It has {n} case{'' if n == 1 else 's'}.",
        "view": list_view(register.cases, _today(payload)),
    }


def register_view(payload: Payload) -> dict[str, Any]:
    """The list: each case's stage and next deadline, soonest first, and the filters."""
    from .views.register import list_view

    register = _register(payload)
    return {"register": register.doc, **list_view(register.cases, _today(payload))}


def register_case(payload: Payload) -> dict[str, Any]:
    """One case: its boxes, its steps with how each was counted, and its picture."""
    from .forms.case_register.register_file import answers_from_case
    from .views.register import case_view

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
    from .forms.case_register.register_file import check_answers
    from .forms.controls import match_key

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


def register_import(payload: Payload) -> dict[str, Any]:
    """A register started from a spreadsheet saved as CSV: ``{"file": {"name", "base64" |
    "content"}, "map": {"Column": "event", ...}}``. The register's own CSV export needs no
    map. ``columns`` lists the sheet's header (for the page's mapping); ``ignored`` the
    columns not used."""
    from .forms.case_register.import_sheet import SHEET_FIELD, import_sheet, targets

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


def action_plan_agency_update(payload: Payload) -> dict[str, Any]:
    """The sheet one agency fills in: ``{"document" | "answers", "agency"}``; its actions
    only, as CSV."""
    from .forms.action_plan import ActionPlan
    from .forms.action_plan.updates import update_sheet
    from .forms.naming import file_stem

    doc = _document(ActionPlan, payload)
    agency = str(payload.get("agency") or "").strip()
    data = update_sheet(doc, agency)
    stem = file_stem(ActionPlan, doc, "update", date.today())
    agency_part = "".join(c if c.isalnum() else "-" for c in agency).strip("-")[:40]
    return {"ok": True, **_file(f"{stem}-{agency_part}.csv", CSV_MIME, data)}


def action_plan_add_updates(payload: Payload) -> dict[str, Any]:
    """Agencies' returned sheets merged into the plan: ``{"document" | "answers", "files":
    [{"name", "base64" | "content"}]}``. What the unit wrote is kept and named."""
    from .forms import engine
    from .forms.action_plan import ActionPlan
    from .forms.action_plan.updates import UPDATE_FIELD, add_updates

    doc = _document(ActionPlan, payload)
    files = payload.get("files")
    if not isinstance(files, list) or not files:
        raise InputError.one(UPDATE_FIELD, "Choose one or more agencies' updates (CSV)")
    read = [
        (str(f.get("name") or "The file") if isinstance(f, Mapping) else "The file",
         _file_content(f, UPDATE_FIELD, "Choose one or more agencies' updates (CSV)"))
        for f in files
    ]  # fmt: skip
    result = add_updates(doc, read)
    return {
        "ok": True,
        "document": result.document,
        "answers": engine.document_to_answers(ActionPlan, result.document),
        "changed": bool(result.filled),
        "messages": result.messages(),
    }


def register_sheet_columns(payload: Payload) -> dict[str, Any]:
    """A spreadsheet's header row, for the page to ask which column holds what: ``columns``,
    ``suggested`` (``{column: field}`` where a heading says) and ``targets`` (``[field,
    words]``)."""
    from .forms.case_register.import_sheet import SHEET_FIELD, sheet_columns, target_labels

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
    from .forms.case_register.merge import merge_registers
    from .forms.case_register.register_file import check_register
    from .forms.controls import match_key

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


def register_add_document(payload: Payload) -> dict[str, Any]:
    """Fill a case's empty dates from a saved referral, Rapid Review, local review record or
    action plan: ``{"register", "index" (null: a new case from the document), "file"}``. A
    document about another child is refused, naming the file, and nothing changes."""
    from .forms.case_register.documents import DOCUMENT_FIELD, add_document
    from .forms.case_register.register_file import empty_dates
    from .forms.controls import match_key

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


def register_export(payload: Payload) -> dict[str, Any]:
    """The register as ``json`` (to open again), ``csv`` (Excel), ``ics`` (every open
    deadline), ``pdf`` (the summary for the review group's meeting) or ``odt`` (the same
    summary, editable)."""
    from .exports import register as files
    from .forms.case_register.register_file import write_register

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


def _made_at(payload: Payload) -> datetime:
    """The page's local time (``made_at``: "dd/mm/yyyy hh:mm"); now when absent."""
    value = payload.get("made_at")
    return parse_local_datetime(value, "made_at") if value else datetime.now()


def _file(filename: str, mime: str, data: bytes) -> dict[str, Any]:
    return {"filename": filename, "mime": mime, "base64": base64.b64encode(data).decode("ascii")}


def _period(payload: Payload) -> tuple[date, date]:
    from .rules.register import last_financial_year

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


def register_report(payload: Payload) -> dict[str, Any]:
    """The timeliness figures for a period (default: the last financial year)."""
    from .rules.register import report
    from .views.register import report_view

    register = _register(payload)
    start, end = _period(payload)
    results = report(register.cases, start, end, today=_today(payload))
    return report_view(results, start, end)


def register_report_export(payload: Payload) -> dict[str, Any]:
    from .exports import register as files
    from .rules.register import report

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


# --- meta -----------------------------------------------------------------------------


def info(payload: Payload) -> dict[str, Any]:
    return {
        "version": __version__,
        "citations": {c: {"title": t, "path": cite_path(c)} for c, t in SECTION_TITLES.items()},
        "timescales": deadlines.timescales_table(),
    }


FUNCTIONS: dict[str, Callable[[Payload], dict[str, Any]]] = {
    "workdays_add": workdays_add,
    "workdays_between": workdays_between,
    "bank_holidays": bank_holidays,
    "criteria_questions": criteria_questions,
    "check": check,
    "check_record": check_record,
    "deadlines": deadline_milestones,
    "deadlines_ics": deadlines_ics,
    "local_review_dates": local_review_dates,
    "form_check": form_check,
    "form_open": form_open,
    "form_export": form_export,
    "form_computed": form_computed,
    "rapid_review_add_returns": rapid_review_add_returns,
    "form_start_from": form_start_from,
    "referral_from_check": referral_from_check,
    "register_new": register_new,
    "register_example": register_example,
    "register_open": register_open,
    "register_view": register_view,
    "register_case": register_case,
    "register_save_case": register_save_case,
    "register_delete_case": register_delete_case,
    "register_add_document": register_add_document,
    "register_import": register_import,
    "action_plan_agency_update": action_plan_agency_update,
    "action_plan_add_updates": action_plan_add_updates,
    "register_sheet_columns": register_sheet_columns,
    "register_merge": register_merge,
    "register_export": register_export,
    "register_report": register_report,
    "register_report_export": register_report_export,
    "info": info,
}


#: What a page shows when the core fails in a way no input explains (a bug). Like every
#: message, it has no final full stop: the page ends the sentence.
INTERNAL_ERROR = (
    "Something went wrong in the rule core. Your answers are kept: try again, or reload the page"
)


def call(name: str, payload_json: str) -> str:
    """Call one facade function with a JSON payload; always returns JSON, never raises."""
    try:
        function = FUNCTIONS.get(name)
        if function is None:
            raise InputError.one("function", f"'{name}' is not a csprcore.api function")
        try:
            payload = loads(payload_json) if payload_json else {}
        except JSONRefusedError as exc:
            raise InputError.one("payload", f"The payload {exc.reason}") from None
        if not isinstance(payload, dict):
            raise InputError.one("payload", "The payload must be a JSON object")
        result = function(payload)
        result.setdefault("ok", True)
        return dumps(result)
    except InputError as exc:
        return dumps({"ok": False, "errors": [e.as_dict() for e in exc.errors]})
    except Exception as exc:  # the page must always get an answer it can show
        problem = FieldError("", INTERNAL_ERROR)
        return dumps(
            {"ok": False, "errors": [problem.as_dict()], "internal": f"{type(exc).__name__}: {exc}"}
        )


#: What the browser must have loaded before a function can run, beyond the rules themselves:
#: "forms" (pydantic, for the form models) and "pdf" (fpdf2 and the fonts). A page loads the
#: groups it needs before it says "ready"; the others come later, when first needed.
NEEDS: dict[str, tuple[str, ...]] = {
    "form_check": ("forms",),
    "form_computed": ("forms",),
    "form_open": ("forms",),
    "form_export": ("forms", "pdf"),
    "rapid_review_add_returns": ("forms",),
    "form_start_from": ("forms",),
    "check_record": ("pdf",),
    "register_add_document": ("forms",),
    "register_export": ("pdf",),
    "register_report_export": ("pdf",),
    "action_plan_agency_update": ("forms",),
    "action_plan_add_updates": ("forms",),
}

#: Run in the browser once a group is loaded, so the first real call is as quick as the
#: rest: import the rules and read this year's bank holidays; build the form models; import
#: the PDF library.
_EMPTY_REGISTER = dumps({"register": {"form": "case-register", "schema_version": 1, "cases": []}})
WARMUPS: dict[str, str] = {
    "start": (
        "import csprcore.api as _api\n"
        "_api.call('deadlines', '{\"referral\": \"2026-12-18\"}')\n"
        "_api.call('check', '{}')\n"
        # The case register's reading, list and report, on an empty register (no one's data).
        f"_api.call('register_view', {_EMPTY_REGISTER!r})\n"
        f"_api.call('register_report', {_EMPTY_REGISTER!r})\n"
    ),
    "forms": (
        "import csprcore.api as _api\n"
        "import csprcore.forms.registry as _registry\n"
        "_registry.forms()\n"
        '_api.call(\'form_check\', \'{"form": "referral", "answers": {}}\')\n'
    ),
    # fpdf2 warns that Pillow is missing: the PDFs carry no images.
    "pdf": (
        "import warnings\n"
        "warnings.filterwarnings('ignore', message='Pillow could not be imported')\n"
        "import fpdf\n"
    ),
}
