"""The answers as a reader sees them: "Check your answers" on the page and the PDF, by
section, each answer in words (a date written out, an option's label) with its "Change"
link."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from ...rules.dates import long_date
from ..base import FormBase
from ..controls import show_controls
from ..meta import Meta
from ..spec import error_href, parts
from .computed import NOT_COMPUTED, computed_fields
from .values import as_text, asked, cap, clean, date_boxes


def display_value(meta: Meta, value: Any) -> str:
    if value in (None, "", []):
        return ""
    if meta.kind == "date":
        if isinstance(value, Mapping):
            return " ".join(b for b in date_boxes(value).values() if b)
        try:
            return long_date(date.fromisoformat(as_text(value)))
        except ValueError:
            return as_text(value)
    labels = dict(meta.options)
    if meta.kind == "checkboxes" and isinstance(value, list):
        return ", ".join(labels.get(str(v), str(v)) for v in value)
    if meta.kind in ("radios", "select"):
        return labels.get(as_text(value), as_text(value))
    return show_controls(clean(value, meta))


def summary(form: type[FormBase], doc: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Every answer, by section, with the field it came from (for "Change" links). A computed
    field shows the core's sentence for it and has no "Change" link."""
    computed = form.computed(doc) if computed_fields(form) else {}
    out = []
    for part in parts(form):
        data = doc.get(part.name)
        groups: list[tuple[str, Mapping[str, Any], str]] = []
        if part.kind == "section":
            groups.append(("", data if isinstance(data, Mapping) else {}, part.name))
        else:
            assert part.repeat is not None
            rows = data if isinstance(data, list) else []
            for i, row in enumerate(rows):
                groups.append((f"{cap(part.repeat.item)} {i + 1}", row, f"{part.name}.{i}"))
        rows_out = []
        for heading, row, prefix in groups:
            for f in part.fields:
                if not asked(f, row):
                    continue
                path = f"{prefix}.{f.name}"
                if f.meta.computed:
                    found = computed.get(path)
                    rows_out.append(
                        {"group": heading, "field": path, "label": f.meta.label,
                         "value": found.text if found else NOT_COMPUTED, "href": ""}
                    )  # fmt: skip
                    continue
                rows_out.append(
                    {
                        "group": heading,
                        "field": path,
                        "label": f.meta.label,
                        "value": display_value(f.meta, row.get(f.name)),
                        "href": error_href(path, f.meta),
                    }
                )
        out.append({"name": part.name, "title": part.title, "kind": part.kind, "rows": rows_out})
    return out
