"""The fields the core works out from the rest (``Meta(computed=True)``, a due date): never
typed, never trusted from a saved file, worked out afresh wherever they are shown."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from ...rules.calendar import MAX_YEAR, MIN_YEAR
from ..base import FormBase
from ..spec import FieldSpec, parts
from .values import as_text

#: What a computed field shows until the answers it needs are given.
NOT_COMPUTED = "Not worked out yet"


def computed_fields(form: type[FormBase]) -> list[tuple[str, FieldSpec]]:
    """The fields the core works out (``Meta(computed=True)``), by path, in form order."""
    return [
        (f"{part.name}.{f.name}", f)
        for part in parts(form)
        if part.kind == "section"
        for f in part.fields
        if f.meta.computed
    ]


def fill_computed(form: type[FormBase], doc: Mapping[str, Any]) -> dict[str, Any]:
    """The document with every computed field worked out afresh from the rest (a value in a
    saved file is never trusted; a field that cannot be worked out yet is blank)."""
    out = dict(doc)
    fields = computed_fields(form)
    if not fields:
        return out
    values = form.computed(doc)
    for path, _ in fields:
        part, name = path.split(".", 1)
        section = out.get(part)
        section = dict(section) if isinstance(section, Mapping) else {}
        found = values.get(path)
        section[name] = found.value if found else ""
        out[part] = section
    return out


def computed_view(form: type[FormBase], doc: Mapping[str, Any]) -> list[dict[str, str]]:
    """What the page shows in each computed field: ``{"field", "value", "text"}``."""
    values = form.computed(doc)
    out = []
    for path, _ in computed_fields(form):
        found = values.get(path)
        out.append(
            {
                "field": path,
                "value": found.value if found else "",
                "text": found.text if found else NOT_COMPUTED,
            }
        )
    return out


def document_date(doc: Mapping[str, Any], path: str) -> date | None:
    """A real date at ``part.field`` of a document that may be partly typed, when it is one
    the working-day calendar can count from; None otherwise (for computed fields)."""
    part, name = path.split(".", 1)
    section = doc.get(part)
    value = section.get(name) if isinstance(section, Mapping) else None
    if isinstance(value, date):
        parsed = value
    else:
        try:
            parsed = date.fromisoformat(as_text(value))
        except ValueError:
            return None
    return parsed if MIN_YEAR <= parsed.year <= MAX_YEAR else None
