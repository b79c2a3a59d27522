"""The forms' calls: checking, opening and exporting a form, starting one document from
another, and the agencies' returns and updates merged in.

The forms machinery (pydantic's models) is imported inside each function: importing
``csprcore.api`` must not load it, so that the checker and the calculator start without it
(``NEEDS`` says which calls wait for it).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..exports.document import Letter, split_format
from ..exports.spreadsheet import CSV_MIME
from ..jsontext import dumps
from ..rules import criteria
from ..rules.dates import parse_iso_date, parse_local_datetime
from ._payload import Payload, _answers, _document_file, _file, _file_content, _today

if TYPE_CHECKING:
    from ..forms.base import FormBase


def _document(form: type[FormBase], payload: Payload) -> dict[str, Any]:
    """The form as a document: ``{"document"}`` (a saved file's, checked like one) or the
    page's ``{"answers"}``."""
    from ..forms import engine

    if "document" in payload:
        return dict(engine.read_file(form, json.dumps(payload["document"]), "The form"))
    return engine.answers_to_document(form, _answers(payload))


def form_check(payload: Payload) -> dict[str, Any]:
    """Check a form's answers: the errors in form order, the document and its summary."""
    from ..forms import engine
    from ..forms.registry import get_form

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
    from ..forms import engine
    from ..forms.registry import get_form

    form = get_form(payload.get("form"))
    doc = engine.answers_to_document(form, _answers(payload))
    return {
        "computed": engine.computed_view(form, doc),
        "warnings": engine.warning_list(form, doc),
    }


def form_open(payload: Payload) -> dict[str, Any]:
    """Read a saved file's text; refuse it, changing nothing, when it is not a saved form."""
    from ..forms import engine
    from ..forms.registry import get_form

    form = get_form(payload.get("form"))
    content = _file_content(payload, "file", "Choose a saved form file")
    doc = engine.read_file(form, content, str(payload.get("name") or "The file"))
    return {"ok": True, "document": doc, "answers": engine.document_to_answers(form, doc)}


def form_export(payload: Payload) -> dict[str, Any]:
    """Export as ``json`` (any state: it reopens exactly), or as a document or file (checked
    forms only). A document whose free text holds a name the referral gave for the child or
    their family is refused with ``names: true``, each box named, unless ``allow_names``."""
    from ..exports import forms as made
    from ..forms import engine
    from ..forms.names import found_names
    from ..forms.naming import file_stem
    from ..forms.registry import document_formats, get_form

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
            data = made.file(form, str(fmt), clean, made_at)
            return {"ok": True, **_file(f"{stem}.{extension}", mime, data)}
        base, kind = split_format(str(fmt))
        document = made.document(form, base, clean, made_at)
        day = made_at.date()
        if isinstance(document, Letter):
            # A letter carries the date the user gives it (default: the day it is made).
            if payload.get("date"):
                document.dated = parse_iso_date(payload["date"], "date", "the date of the letter")
            day = document.dated or day
        stem = file_stem(form, clean, str(fmt), day)
        return {"ok": True, **_document_file(document, made_at, kind, stem)}
    names = [*dict.fromkeys(["json", *documents, *files])]
    raise InputError.one("format", f"Choose a format: {', '.join(names[:-1])} or {names[-1]}")


def form_start_from(payload: Payload) -> dict[str, Any]:
    """Start a document from the saved one it follows, or fill the empty boxes of one:
    ``{"form", "answers" | "document", "file": {"name", "content" | "base64"}}``. The
    scoping return and the Rapid Review start from a referral, the local review record from
    a Rapid Review that decided on one, the action plan from a local review record
    (``forms.carry.CARRIES``). A file that is not that document, or is about another child
    or another case, is refused, naming it, and nothing changes."""
    from ..forms import engine
    from ..forms.carry import carry_for, start_from
    from ..forms.registry import get_form

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
    from ..forms import engine
    from ..forms.rapid_review import RapidReview, add_returns, read_returns

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


def action_plan_agency_update(payload: Payload) -> dict[str, Any]:
    """The sheet one agency fills in: ``{"document" | "answers", "agency"}``; its actions
    only, as CSV."""
    from ..exports.action_plan import update_sheet
    from ..forms.action_plan import ActionPlan
    from ..forms.naming import file_stem

    doc = _document(ActionPlan, payload)
    agency = str(payload.get("agency") or "").strip()
    data = update_sheet(doc, agency)
    stem = file_stem(ActionPlan, doc, "update", date.today())
    agency_part = "".join(c if c.isalnum() else "-" for c in agency).strip("-")[:40]
    return {"ok": True, **_file(f"{stem}-{agency_part}.csv", CSV_MIME, data)}


def action_plan_add_updates(payload: Payload) -> dict[str, Any]:
    """Agencies' returned sheets merged into the plan: ``{"document" | "answers", "files":
    [{"name", "base64" | "content"}]}``. What the unit wrote is kept and named."""
    from ..forms import engine
    from ..forms.action_plan import ActionPlan
    from ..forms.action_plan.updates import UPDATE_FIELD, add_updates

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


def referral_from_check(payload: Payload) -> dict[str, Any]:
    """Answers for the referral form from the criteria checker's facts; the record keeps the
    facts and the time of the check, never the outcome (worked out again where shown)."""
    from ..forms.checker_facts import answers_from_facts

    facts = criteria.parse_facts(payload.get("facts", {}))
    answers = answers_from_facts(facts)
    checked_at = criteria.parse_checked_at(payload.get("checked_at")).strftime("%d/%m/%Y %H:%M")
    answers["checker"] = dumps({"facts": facts, "checked_at": checked_at})
    return {"answers": answers}
