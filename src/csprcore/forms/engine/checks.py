"""Checking a document: each asked field on its own, with GOV.UK-style messages, then the
form's rules across fields (``FormBase.cross_checks``); the model is made only when all pass.
Warnings never stop an export. Errors and warnings come back in form order, each with the
link its summary entry needs."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any, TypeVar

from pydantic import ValidationError

from ...errors import FieldError
from ...exports.printable import unprintable
from ...rules.dates import ascii_digits
from ..base import FormBase
from ..controls import bidi_controls, describe, show_controls, visible
from ..meta import Meta
from ..spec import PartSpec, error_href, parts
from .computed import fill_computed
from .files import MAX_FILE_BYTES, too_big_to_save, too_many, write_json
from .values import DATE_PARTS, asked, cap, clean, date_boxes

_EMAIL = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")

M = TypeVar("M", bound=FormBase)


def _check_date(value: Any, path: str, meta: Meta, today: date) -> tuple[str | None, str | None]:
    """(error message, ISO date) for a date field (``YYYY-MM-DD`` or the boxes as typed)."""
    name = meta.name_in_error
    if isinstance(value, str) and value and value.count("-") != 2:
        return f"{cap(name)} must be a real date", None
    boxes = date_boxes(value)
    day, month, year = (boxes[p] for p in DATE_PARTS)
    if not (day or month or year):
        return (f"Enter {name}" if meta.required else None), None
    missing = [p for p in DATE_PARTS if not boxes[p]]
    if missing:
        return f"{cap(name)} must include a {' and a '.join(missing)}", None
    if not all(ascii_digits(b) for b in (day, month, year)) or len(year) != 4:
        return f"{cap(name)} must be a real date", None
    try:
        parsed = date(int(year), int(month), int(day))
    except (ValueError, OverflowError):
        return f"{cap(name)} must be a real date", None
    if parsed.year < 1900:
        return f"{cap(name)} must be a real date", None
    if meta.not_future and parsed > today:
        return f"{cap(name)} must be today or in the past", None
    return None, parsed.isoformat()


def _check_field(value: Any, path: str, meta: Meta, today: date) -> tuple[str | None, Any]:
    """(error message or None, the clean value)."""
    name = meta.name_in_error
    if meta.kind == "date":
        return _check_date(value, path, meta, today)
    if meta.kind == "checkboxes":
        values = value if isinstance(value, list) else []
        allowed = [o for o, _ in meta.options]
        if meta.required and not values:
            return f"Select {name}", values
        if any(v not in allowed for v in values):
            return f"Select {name} from the list", values
        return None, [v for v in allowed if v in values]
    text = clean(value, meta).strip()
    if not text:
        if not meta.required:
            return None, ""
        return (f"Select {name}" if meta.kind in ("radios", "select") else f"Enter {name}"), ""
    if meta.kind in ("radios", "select") and text not in [o for o, _ in meta.options]:
        return f"Select {name}", ""
    if meta.kind == "email" and not _EMAIL.match(text):
        return "Enter an email address in the correct format, like name@example.com", text
    if meta.kind == "tel" and not re.fullmatch(r"[0-9+()\- ]{6,25}", text):
        return "Enter a telephone number, like 01472 123456 or +44 1472 123456", text
    if meta.limit and len(text) > meta.limit:
        return f"{cap(name)} must be {meta.limit:,} characters or less", text
    return None, text


def _check_row(
    part: PartSpec, row: Mapping[str, Any], prefix: str, today: date, errors: list[FieldError]
) -> dict[str, Any]:
    clean_row: dict[str, Any] = {}
    for f in part.fields:
        if not asked(f, row):
            continue  # an answer to a question not asked is not kept
        if f.meta.computed:
            if row.get(f.name):  # worked out by the core (``fill_computed``), not typed
                clean_row[f.name] = row[f.name]
            continue
        message, value = _check_field(row.get(f.name), f"{prefix}.{f.name}", f.meta, today)
        if message:
            errors.append(FieldError(f"{prefix}.{f.name}", message))
        elif value not in (None, ""):
            clean_row[f.name] = value
    return clean_row


def check_document(
    form: type[M], doc: Mapping[str, Any], today: date | None = None
) -> tuple[M | None, list[FieldError]]:
    """Check every field, then the rules across fields. Returns the model when all pass."""
    today = today or date.today()
    doc = fill_computed(form, doc)
    errors: list[FieldError] = []
    clean_doc: dict[str, Any] = {}
    for part in parts(form):
        data = doc.get(part.name)
        if part.kind == "section":
            clean_doc[part.name] = _check_row(
                part, data if isinstance(data, Mapping) else {}, part.name, today, errors
            )
        else:
            rows = [r for r in (data if isinstance(data, list) else []) if isinstance(r, Mapping)]
            assert part.repeat is not None
            if len(rows) > part.repeat.max_items:
                errors.append(
                    FieldError(
                        f"{part.name}.{part.repeat.max_items}.{part.fields[0].name}",
                        too_many(part, len(rows)),
                    )
                )
            if len(rows) < part.repeat.min_items:
                errors.append(
                    FieldError(
                        f"{part.name}.0.{part.fields[0].name}",
                        f"Add at least one {part.repeat.item}",
                    )
                )
            clean_doc[part.name] = [
                _check_row(part, row, f"{part.name}.{i}", today, errors)
                for i, row in enumerate(rows)
            ]
    for name in form.model_fields:
        if name not in clean_doc and name not in ("form", "schema_version") and doc.get(name):
            clean_doc[name] = doc[name]
    size = len(write_json(doc).encode("utf-8"))
    if size > MAX_FILE_BYTES:
        errors.append(FieldError("", too_big_to_save(size)))
    if errors:
        return None, errors
    try:
        model = form.model_validate(clean_doc)
    except ValidationError as exc:
        return None, [
            FieldError(".".join(str(p) for p in e["loc"]) or "file", e["msg"]) for e in exc.errors()
        ]
    errors.extend(form.cross_checks(model, today))
    return (None, errors) if errors else (model, [])


def error_list(form: type[FormBase], errors: list[FieldError]) -> list[dict[str, str]]:
    """Errors in the order of the form, each with the link its summary entry needs."""
    order = {p: i for i, p in enumerate(_all_paths(form))}

    def key(e: FieldError) -> tuple[int, str]:
        generic = re.sub(r"\.\d+\.", ".#.", e.field)
        return order.get(generic, len(order)), e.field

    out = []
    for e in sorted(errors, key=key):
        meta = _meta_for(form, e.field)
        href = error_href(e.field, meta) if meta else "#" + e.field.replace(".", "-")
        out.append({"field": e.field, "message": e.message, "href": href})
    return out


def _all_paths(form: type[FormBase]) -> list[str]:
    paths: list[str] = []
    for part in parts(form):
        sep = ".#." if part.kind == "repeat" else "."
        paths.extend(f"{part.name}{sep}{f.name}" for f in part.fields)
    return paths


def _meta_for(form: type[FormBase], path: str) -> Meta | None:
    bits = path.split(".")
    for part in parts(form):
        if bits[0] != part.name:
            continue
        try:
            return part.field(bits[-1]).meta
        except KeyError:
            return None
    return None


def warning_list(form: type[FormBase], doc: Mapping[str, Any]) -> list[dict[str, str]]:
    """The form's warnings (they never stop an export), in form order, with links: its own,
    and every typed answer the screen and the PDF would not show alike."""
    return error_list(form, [*form.warnings(doc), *text_warnings(form, doc)])


def text_warnings(form: type[FormBase], doc: Mapping[str, Any]) -> list[FieldError]:
    """A warning for each typed answer with bidirectional controls (the screen reorders the
    text, the PDF does not: ``controls``) or with characters the PDF's font does not have
    (``printable``), naming the field and the characters."""
    out: list[FieldError] = []
    for part in parts(form):
        data = doc.get(part.name)
        if part.kind == "section":
            rows = [(part.name, "", data)]
        else:
            assert part.repeat is not None
            item = part.repeat.item
            listed = data if isinstance(data, list) else []
            rows = [(f"{part.name}.{i}", f" ({item} {i + 1})", r) for i, r in enumerate(listed)]
        for prefix, which, row in rows:
            if not isinstance(row, Mapping):
                continue
            for f in part.fields:
                value = row.get(f.name)
                if f.meta.options or f.meta.computed or not isinstance(value, str):
                    continue
                bidi = bidi_controls(value)
                if bidi:
                    out.append(
                        FieldError(
                            f"{prefix}.{f.name}",
                            f"\u2018{f.meta.label}\u2019{which} has characters that change "
                            f"the direction of text ({describe(bidi)}), so the screen can show "
                            "it in a different order from what was typed. Check it and delete "
                            "them if they were pasted by mistake; the summary and the PDF "
                            "show where they are",
                        )
                    )
                chars = unprintable(show_controls(value))
                if chars:
                    shown = " ".join(visible(c) for c in chars[:8]) + (
                        " and others" if len(chars) > 8 else ""
                    )
                    out.append(
                        FieldError(
                            f"{prefix}.{f.name}",
                            f"The PDF cannot show {shown} in \u2018{f.meta.label}\u2019{which}: "
                            "its font has no letters for them. Add the words in Latin letters "
                            "too, for example in brackets; the JSON file keeps what you typed",
                        )
                    )
    return out
