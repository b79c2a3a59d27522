"""The local review's key dates on the record, from the core's rules (``rules.local_review``):
each with its date, how it was counted, and whether it is done, due or overdue today."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from ...errors import InputError
from ...rules.dates import long_date_with_weekday
from ...rules.local_review import NEEDS_PUBLICATION, KeyDate, key_dates
from ...views.deadlines import key_date_basis
from ..engine import document_date
from ..meta import Computed

STATUS_WORDS = {"done": "Done", "due": "Due", "overdue": "Overdue"}


def done_events(doc: Mapping[str, Any]) -> dict[str, date]:
    """The steps the record shows done: the report published, the copies sent."""
    found = {
        "published": document_date(doc, "publication.published_on"),
        "sent_to_panel": document_date(doc, "publication.sent_to_panel"),
        "sent_to_ofsted": document_date(doc, "publication.sent_to_ofsted"),
    }
    return {k: v for k, v in found.items() if v is not None}


def record_dates(doc: Mapping[str, Any], today: date | None = None) -> dict[str, KeyDate] | None:
    """The key dates of a record that may be incomplete; None without a decision date. A
    planned publication date on or before the decision is left out (the checks say so)."""
    decision = document_date(doc, "case.decision_date")
    if decision is None:
        return None
    publication = document_date(doc, "publication.planned_date")
    today = today or date.today()
    try:
        return key_dates(decision, publication, done=done_events(doc), today=today)
    except InputError:
        return key_dates(decision, None, done=done_events(doc), today=today)


def computed(doc: Mapping[str, Any], today: date | None = None) -> dict[str, Computed]:
    dates = record_dates(doc, today)
    out: dict[str, Computed] = {}
    for key in ("final_report_due", "send_to_panel_by", "send_to_ofsted_by", "available_until"):
        path = f"key_dates.{key}"
        item = dates.get(key) if dates else None
        if item is None or item.due is None:
            needs = (
                "the planned publication date"
                if dates and key in NEEDS_PUBLICATION
                else "the date of the decision to initiate the local review"
            )
            out[path] = Computed("", f"Not worked out yet: enter {needs}")
            continue
        status = STATUS_WORDS[item.status] if item.status else ""
        words = key_date_basis(item)
        out[path] = Computed(
            item.due.isoformat(),
            f"{long_date_with_weekday(item.due)}: {status}. {words[:1].upper()}{words[1:]}.",
        )
    return out
