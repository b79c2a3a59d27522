"""One field's value as the page's inputs and the saved file hold it: text, a date's three
boxes, and whether the field is asked at all. Reading, checking, summing up and opening a file
all read values this way."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...rules.dates import ascii_digits
from ...rules.visibility import shown
from ..controls import clean_text
from ..meta import Meta
from ..spec import FieldSpec

DATE_PARTS = ("day", "month", "year")


def as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool | int | float):
        return str(value)
    return value if isinstance(value, str) else ""


def clean(value: Any, meta: Meta) -> str:
    """Typed text with its control characters made line breaks or spaces (``controls``)."""
    return clean_text(as_text(value), multiline=meta.kind == "textarea")


def date_boxes(value: Any) -> dict[str, str]:
    """The three boxes of a date as a document keeps it (``YYYY-MM-DD``, or the boxes as
    typed); each box's text as typed, with leading zeros dropped from a numeric day and
    month (the page shows "1", not "01")."""
    if isinstance(value, Mapping):
        boxes = {p: as_text(value.get(p)).strip() for p in DATE_PARTS}
    else:
        text = as_text(value)
        bits = text.split("-") if text else ["", "", ""]
        if len(bits) != 3:
            return {"day": "", "month": "", "year": text}
        year, month, day = bits
        boxes = {"day": day, "month": month, "year": year}
    for p in ("day", "month"):
        if ascii_digits(boxes[p]):
            boxes[p] = boxes[p].lstrip("0") or "0"
    return boxes


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def asked(spec: FieldSpec, row: Mapping[str, Any]) -> bool:
    """Whether a field is asked, by the one show-if rule (``visibility``); its condition
    names a sibling in the same section or row."""
    if spec.meta.show_if is None:
        return True
    other, values = spec.meta.show_if
    return shown({other: values}, row)
