"""What the facade functions share: reading a payload's common fields, and handing a made
file back in the JSON shape the page downloads."""

from __future__ import annotations

import base64
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any, cast

from ..errors import InputError
from ..exports.document import KINDS, Document, Kind
from ..exports.render import write
from ..rules.dates import parse_iso_date, parse_local_datetime

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


def _kind(fmt: Any, choose: str) -> Kind:
    if fmt not in KINDS:
        raise InputError.one("format", choose)
    return cast(Kind, fmt)


def _document_file(model: Document, made_at: datetime, kind: Kind, stem: str) -> dict[str, Any]:
    """A document as a downloadable file: its PDF or its editable copy (``exports.odt``)."""
    mime, extension = KINDS[kind]
    return _file(f"{stem}.{extension}", mime, write(model, made_at, kind))


def _file(filename: str, mime: str, data: bytes) -> dict[str, Any]:
    return {"filename": filename, "mime": mime, "base64": base64.b64encode(data).decode("ascii")}


def _made_at(payload: Payload) -> datetime:
    """The page's local time (``made_at``: "dd/mm/yyyy hh:mm"); now when absent."""
    value = payload.get("made_at")
    return parse_local_datetime(value, "made_at") if value else datetime.now()
