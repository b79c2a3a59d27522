"""The action plan as one form: its sections, what the core works out, checks and exports."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Annotated, Any, ClassVar, Literal

from pydantic import Field

from ...errors import FieldError
from ...exports.document import Document
from ...partnership import current
from ...rules.citations import Cite
from ...rules.dates import long_date_with_weekday
from ..base import FormBase
from ..controls import initials_problem
from ..engine import fill_computed
from ..meta import Computed, Repeat
from ..names import NameMarks
from .exports import csv_bytes, progress_report
from .parts import ASSURANCE_GROUP, BOARD, REVIEW_GROUP, Action, Monitoring, Progress, SignOff
from .parts import Source as SourcePart
from .progress import agency_lines, next_monitoring, overdue_lines, summary


class ActionPlan(FormBase):
    """The action plan after a local review or a local learning review (section 12)."""

    form_id: ClassVar[str] = "action-plan"
    title: ClassVar[str] = "Action plan"
    schema_version_current: ClassVar[int] = 1
    noun: ClassVar[str] = "the action plan"
    to_support_office: ClassVar[bool] = False
    after_export_lead: ClassVar[str] = (
        f"Share the plan and the progress report with the {REVIEW_GROUP} through secure email"
    )
    after_export: ClassVar[tuple[tuple[str, Cite], ...]] = (
        (
            f"The {REVIEW_GROUP} monitors and follows up the actions until the plan is "
            f"complete, and reports to the safeguarding partners and the {BOARD}.",
            "section-12",
        ),
        (f"The {BOARD} finally signs the plan off.", "section-12"),
        (f"The {ASSURANCE_GROUP} oversees the plan's impact.", "section-12"),
    )
    exports: ClassVar[tuple[tuple[str, str], ...]] = (
        ("pdf", "Download the plan (PDF)"),
        ("progress", "Download the progress report for the board (PDF)"),
        ("csv", "Download the actions for Excel (CSV)"),
        ("json", "Download JSON"),
    )
    export_files: ClassVar[dict[str, tuple[str, str]]] = {"csv": ("text/csv", "csv")}

    form: Literal["action-plan"] = "action-plan"
    schema_version: Literal[1] = 1
    #: The referral's name words, hashed (``forms.names``): never the names themselves.
    name_marks: NameMarks | None = Field(default=None, exclude_if=lambda v: v is None)
    source: SourcePart = Field(default_factory=SourcePart)
    progress: Progress = Field(default_factory=Progress)
    actions: Annotated[
        list[Action],
        Repeat(
            "Recommendations and actions",
            "action",
            why="Each recommendation's actions: what, who, by when, and the evidence that it "
            "was done and made a difference.",
            max_items=100,
        ),
    ] = Field(default_factory=list)
    monitoring: Annotated[
        list[Monitoring],
        Repeat(
            f"Monitoring by the {REVIEW_GROUP}",
            "monitoring meeting",
            why=f"The {REVIEW_GROUP} regularly monitors and follows up the actions.",
            max_items=60,
        ),
    ] = Field(default_factory=list)
    sign_off: SignOff = Field(default_factory=SignOff)

    @classmethod
    def computed(cls, doc: Mapping[str, Any]) -> dict[str, Computed]:
        return progress_view(doc, date.today())

    @classmethod
    def cross_checks(cls, doc: Any, today: date) -> list[FieldError]:
        problem = initials_problem(doc.source.child_initials) if doc.source.child_initials else None
        return [FieldError("source.child_initials", problem)] if problem else []

    @classmethod
    def document(cls, fmt: str, doc: Mapping[str, Any], made_at: datetime) -> Document:
        if fmt == "progress":
            return progress_report(doc, made_at)
        raise NotImplementedError(fmt)

    @classmethod
    def export(cls, fmt: str, doc: Mapping[str, Any], made_at: datetime) -> bytes:
        if fmt == "csv":
            return csv_bytes(doc, made_at.date())
        raise NotImplementedError(fmt)

    @classmethod
    def example(cls) -> dict[str, Any]:
        """A valid plan with made-up people: four actions on two recommendations."""
        first = "Schools and children's social care share attendance concerns the same day."
        second = "Health visitors see every child on a plan at home."
        doc = {
            "form": "action-plan",
            "schema_version": 1,
            "source": {
                "kind": "local_review",
                "review": "Local child safeguarding practice review: Z N, aged 8",
                "referral_reference": f"{current().reference_prefix}-2026-014",
                "child_initials": "Z N",
                "review_completed": "2026-11-20",
            },
            "actions": [
                {"recommendation": first, "action": "Write the attendance protocol, with a "
                 "\u201csame day\u201d rule.", "agency": "Children's Social Care",
                 "lead": "Łukasz Żółć", "due": "2026-10-30", "status": "complete",
                 "evidence_of_completion": "Protocol agreed, 2 October."},
                {"recommendation": first,
                 "action": "Train designated leads, in two sessions:\nabsence, then bruising.",
                 "agency": "Education", "lead": "Siobhán O'Neill", "due": "2026-11-13",
                 "status": "in_progress"},
                {"recommendation": second, "action": "Audit home visits, quarterly.",
                 "agency": "Health", "lead": "Zoë Adams", "due": "2027-03-31",
                 "status": "not_started"},
                {"recommendation": second, "action": "Replace the old visit form.",
                 "agency": "Health", "lead": "Zoë Adams", "due": "2026-12-31",
                 "status": "no_longer_needed",
                 "why_not_needed": "The new record system replaced it."},
            ],
            "monitoring": [
                {"held_on": "2026-11-25", "notes": "Training delayed by the inspection."},
                {"held_on": "2027-01-27", "notes": ""},
            ],
        }  # fmt: skip
        model = cls.model_validate(fill_computed(cls, doc))
        return model.model_dump(mode="json")


def progress_view(doc: Mapping[str, Any], today: date) -> dict[str, Computed]:
    """The progress section's fields, against ``today``."""
    text = summary(doc, today)
    overdue = overdue_lines(doc, today)
    agencies = agency_lines(doc, today)
    upcoming = next_monitoring(doc, today)
    return {
        "progress.summary": Computed(text, text),
        "progress.overdue": Computed("\n".join(overdue), "\n".join(overdue) or "None"),
        "progress.by_agency": Computed(
            "\n".join(agencies), "\n".join(agencies) or "No actions yet"
        ),
        "progress.next_monitoring": Computed(
            upcoming.isoformat() if upcoming else "",
            long_date_with_weekday(upcoming) if upcoming else "None set: add a monitoring date",
        ),
    }
