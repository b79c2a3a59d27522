"""Answers to document and back: the page's inputs, flat and kept exactly as typed, made into
the form's file, and a file put back into the inputs. Nothing here judges an answer
(``checks`` does); a row of a repeatable part left wholly blank is dropped."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from pydantic import TypeAdapter, ValidationError

from ...jsontext import JSONRefusedError, dumps, loads
from ...rules.dates import ascii_digits
from ..base import FormBase
from ..meta import Meta
from ..spec import FieldSpec, parts
from .computed import fill_computed
from .values import DATE_PARTS, as_text, clean, date_boxes

#: Drafts kept in a browser are deleted after this many days without a change.
DRAFT_RETENTION_DAYS = 30


def _date_from_answers(answers: Mapping[str, Any], path: str) -> str | dict[str, str]:
    """A date from day/month/year inputs, keeping what was typed: ``YYYY-MM-DD`` when each
    box holds digits 0-9, and otherwise the three boxes as typed (``{"day", "month",
    "year"}``), so a draft never loses them and a "-" or a letter never moves into another
    box when the file reopens. The check step says the date must be real.
    """
    if any(f"{path}-{p}" in answers for p in DATE_PARTS):
        day, month, year = (as_text(answers.get(f"{path}-{p}")).strip() for p in DATE_PARTS)
        if not (day or month or year):
            return ""
        if ascii_digits(day) and ascii_digits(month) and ascii_digits(year):
            # The year is kept as typed ("26" reopens as "26"); a real date has 4 digits.
            return f"{year}-{month.zfill(2)}-{day.zfill(2)}"
        return {"day": day, "month": month, "year": year}
    value = answers.get(path)
    if isinstance(value, Mapping):
        return date_boxes(value)
    return as_text(value).strip()


def _field_from_answers(answers: Mapping[str, Any], path: str, meta: Meta) -> Any:
    if meta.kind == "date":
        return _date_from_answers(answers, path)
    if meta.kind == "checkboxes":
        value = answers.get(path, [])
        if isinstance(value, str):
            value = [value] if value else []
        return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []
    return clean(answers.get(path), meta)


def _row_indices(answers: Mapping[str, Any], name: str) -> list[int]:
    pattern = re.compile(rf"^{re.escape(name)}\.(\d+)\.")
    found = {int(m.group(1)) for key in answers if (m := pattern.match(key))}
    return sorted(found)


def _is_blank(value: Any) -> bool:
    return value in ("", None, [])


def answers_to_document(form: type[FormBase], answers: Mapping[str, Any]) -> dict[str, Any]:
    """The document for a set of answers (rows left wholly blank are dropped)."""
    doc: dict[str, Any] = {"form": form.form_id, "schema_version": form.schema_version_current}
    for part in parts(form):
        if part.kind == "section":
            doc[part.name] = {
                f.name: _field_from_answers(answers, f"{part.name}.{f.name}", f.meta)
                for f in part.fields
            }
        else:
            rows = []
            for i in _row_indices(answers, part.name):
                row = {
                    f.name: _field_from_answers(answers, f"{part.name}.{i}.{f.name}", f.meta)
                    for f in part.fields
                }
                if not all(_is_blank(v) for v in row.values()):
                    rows.append(row)
            doc[part.name] = rows
    for name, value in _attachments(form, answers).items():
        doc[name] = value
    return fill_computed(form, doc)


def _attachments(form: type[FormBase], answers: Mapping[str, Any]) -> dict[str, Any]:
    """Fields that are not parts (the criteria checker's record): carried as JSON in a hidden
    input, and kept only in their model's shape (what the model leaves out of a file, such as
    a stored checker outcome, is dropped); a value that is not of that shape is dropped."""
    part_names = {p.name for p in parts(form)} | {"form", "schema_version"}
    out: dict[str, Any] = {}
    for name, info in form.model_fields.items():
        if name in part_names or name not in answers:
            continue
        value = answers[name]
        if isinstance(value, str):
            try:
                value = loads(value) if value else None
            except JSONRefusedError:
                value = None
        out[name] = _attachment(info.annotation, value)
    return out


def _attachment(annotation: Any, value: Any) -> Any:
    if value is None:
        return None
    adapter: TypeAdapter[Any] = TypeAdapter(annotation)
    try:
        return adapter.dump_python(adapter.validate_python(value), mode="json")
    except ValidationError:
        return None


def document_to_answers(form: type[FormBase], doc: Mapping[str, Any]) -> dict[str, Any]:
    """The flat answers that put a document back into the page's inputs."""
    answers: dict[str, Any] = {}

    def put(path: str, spec: FieldSpec, value: Any) -> None:
        if spec.meta.computed:
            return  # shown, never typed: the page has no input for it
        if spec.meta.kind == "date":
            for part_name, bit in date_boxes(value).items():
                answers[f"{path}-{part_name}"] = bit
        elif spec.meta.kind == "checkboxes":
            answers[path] = list(value) if isinstance(value, list) else []
        else:
            answers[path] = as_text(value)

    for part in parts(form):
        data = doc.get(part.name)
        if part.kind == "section":
            data = data if isinstance(data, Mapping) else {}
            for f in part.fields:
                put(f"{part.name}.{f.name}", f, data.get(f.name))
        else:
            for i, row in enumerate(data if isinstance(data, list) else []):
                for f in part.fields:
                    put(f"{part.name}.{i}.{f.name}", f, row.get(f.name))
    for name, value in doc.items():
        if (
            name in form.model_fields
            and name not in answers
            and not any(p.name == name for p in parts(form))
            and name not in ("form", "schema_version")
            and value is not None
        ):
            answers[name] = dumps(value)
    return answers
