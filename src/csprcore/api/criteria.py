"""The criteria checker's calls: its questions, an assessment, and a record of one."""

from __future__ import annotations

from typing import Any

from ..exports import check_record as record
from ..rules import criteria
from ._payload import Payload, _document_file, _kind


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
