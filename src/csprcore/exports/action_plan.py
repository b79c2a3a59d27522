"""What the action plan makes: the CSV that opens in Excel (one row per action), the one-page
progress report for the board, and the sheet each agency fills in with its progress
(``update_sheet``; ``forms.action_plan.updates`` reads the returned sheets into the plan)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, Final

from ..errors import InputError
from ..forms.action_plan.parts import ASSURANCE_GROUP, BOARD, REVIEW_GROUP, SOURCES, STATUSES
from ..forms.action_plan.progress import (
    actions,
    agency_lines,
    next_monitoring,
    overdue_lines,
    plan_lines,
    recommendation_number,
    recommendations,
    summary,
)
from ..forms.action_plan.updates import UPDATE_COLUMNS
from ..forms.controls import match_key
from ..rules.dates import long_date
from .document import Block, Report
from .spreadsheet import csv_bytes as write_csv

COLUMNS: Final = (
    "Source review",
    "Case reference",
    "Recommendation number",
    "Action number",
    "Recommendation",
    "Action",
    "Agency responsible",
    "Named lead",
    "Due date",
    "Status",
    "Overdue",
    "Why no longer needed",
    "Evidence of completion",
    "Evidence of impact",
)


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _part(doc: Mapping[str, Any], name: str) -> Mapping[str, Any]:
    value = doc.get(name)
    return value if isinstance(value, Mapping) else {}


def csv_bytes(doc: Mapping[str, Any], today: Any) -> bytes:
    """One row per action, its recommendation's number and words on each, ISO dates; UTF-8
    with a byte-order mark, CRLF line ends and every field quoted where it holds a comma, a
    quote or a line break (RFC 4180, as Excel writes it)."""
    source = _text(_part(doc, "source").get("review"))
    reference = _text(_part(doc, "source").get("referral_reference"))
    texts = recommendations(doc)
    lines = []
    for a in actions(doc, today):
        row = doc["actions"][a.number - 1]
        lines.append([
            source,
            reference,
            a.recommendation or "",
            a.number,
            texts[a.recommendation - 1] if a.recommendation else "",
            a.action,
            a.agency,
            _text(row.get("lead")),
            _text(row.get("due")),
            dict(STATUSES).get(a.status, ""),
            "Yes" if a.overdue else "No",
            _text(row.get("why_not_needed")),
            _text(row.get("evidence_of_completion")),
            _text(row.get("evidence_of_impact")),
        ])  # fmt: skip
    return write_csv(COLUMNS, lines)


def progress_report(doc: Mapping[str, Any], made_at: datetime) -> Report:
    """A progress report for the board: the summary, each recommendation with each of its
    actions on its own line, by agency, what is overdue, the next monitoring date and
    whether the plan is signed off."""
    today = made_at.date()
    source = _part(doc, "source")
    sign = _part(doc, "sign_off")
    kind = dict(SOURCES).get(_text(source.get("kind")), "")
    upcoming = next_monitoring(doc, today)
    signed = _text(sign.get("signed_off"))
    blocks = [
        Block(
            "The plan",
            [
                ("Source review", _text(source.get("review"))),
                ("What it follows", kind),
                ("Progress on " + long_date(today), summary(doc, today)),
                (
                    f"Next monitoring by the {REVIEW_GROUP}",
                    long_date(upcoming) if upcoming else "None set",
                ),
                (
                    f"Signed off by the {BOARD}",
                    long_date(datetime.fromisoformat(signed).date()) if signed else "Not yet",
                ),
            ],
        ),
        Block(
            "By recommendation",
            text="\n".join(plan_lines(doc, today)) or "No recommendations yet.",
        ),
        Block("By agency", text="\n".join(agency_lines(doc, today)) or "No actions yet."),
        Block(
            "Overdue actions",
            text="\n".join(f"• {line}" for line in overdue_lines(doc, today)) or "None.",
        ),
    ]
    view = _text(sign.get("assurance_view"))
    if view:
        blocks.append(Block(f"The {ASSURANCE_GROUP}'s view of impact", text=view))
    return Report(
        "Action plan: progress report",
        blocks,
        f"For the {BOARD}. Made on {made_at.strftime('%d/%m/%Y at %H:%M')}.",
    )


def _actions(doc: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    rows = doc.get("actions")
    return [r for r in rows if isinstance(r, Mapping)] if isinstance(rows, list) else []


def agencies(doc: Mapping[str, Any]) -> list[str]:
    """The agencies the plan gives actions to, as first written."""
    seen: dict[str, str] = {}
    for row in _actions(doc):
        name = _text(row.get("agency"))
        if name:
            seen.setdefault(match_key(name), name)
    return list(seen.values())


def update_sheet(doc: Mapping[str, Any], agency: str) -> bytes:
    """The sheet ``agency`` fills in: its actions, with what the plan says of each so far."""
    wanted = match_key(agency)
    source = _part(doc, "source")
    statuses = dict(STATUSES)
    texts = recommendations(doc)

    def answered(row: Mapping[str, Any]) -> tuple[int | str, str]:
        n = recommendation_number(row.get("recommendation"), len(texts))
        return (n, texts[n - 1]) if n else ("", "")

    rows = [
        [
            _text(source.get("referral_reference")), _text(source.get("review")),
            _text(row.get("agency")), number, *answered(row), _text(row.get("action")),
            _text(row.get("due")),
            statuses.get(_text(row.get("status")), ""), _text(row.get("why_not_needed")),
            _text(row.get("evidence_of_completion")), _text(row.get("evidence_of_impact")),
        ]
        for number, row in enumerate(_actions(doc), start=1)
        if match_key(_text(row.get("agency"))) == wanted
    ]  # fmt: skip
    if not rows:
        known = ", ".join(agencies(doc)) or "none"
        raise InputError.one(
            "agency", f"The plan gives no action to {agency}; its agencies: {known}"
        )
    return write_csv(UPDATE_COLUMNS, rows)
