"""The action plan as one form: its sections, what the core works out, checks and the downloads
it offers (made by ``exports.forms``)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Annotated, Any, ClassVar, Literal

from pydantic import Field

from ...errors import FieldError
from ...partnership import current
from ...rules.citations import Cite
from ...rules.dates import long_date_with_weekday
from ..base import FormBase
from ..controls import initials_problem
from ..engine import fill_computed
from ..meta import Computed, Repeat
from ..names import NameMarks
from .parts import (
    ASSURANCE_GROUP,
    BOARD,
    REVIEW_GROUP,
    Action,
    Monitoring,
    Progress,
    Recommendation,
    SignOff,
)
from .parts import Source as SourcePart
from .progress import (
    agency_lines,
    next_monitoring,
    overdue_lines,
    recommendation_lines,
    recommendation_number,
    summary,
)


class ActionPlan(FormBase):
    """The action plan after a local review or a local learning review (section 12)."""

    form_id: ClassVar[str] = "action-plan"
    title: ClassVar[str] = "Action plan"
    #: Version 2: recommendations written once, each action naming the one it answers;
    #: version 1 repeated the recommendation's words on each action (``upgrade_step``).
    schema_version_current: ClassVar[int] = 2
    renamed: ClassVar[Mapping[int, Mapping[str, str]]] = {1: {}}
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
    schema_version: Literal[2] = 2
    #: The referral's name words, hashed (``forms.names``): never the names themselves.
    name_marks: NameMarks | None = Field(default=None, exclude_if=lambda v: v is None)
    source: SourcePart = Field(default_factory=SourcePart)
    progress: Progress = Field(default_factory=Progress)
    recommendations: Annotated[
        list[Recommendation],
        Repeat(
            "Recommendations",
            "recommendation",
            why="The review's recommendations, each once, numbered as the plan lists them.",
            max_items=50,
        ),
    ] = Field(default_factory=list)
    actions: Annotated[
        list[Action],
        Repeat(
            "Actions",
            "action",
            why="What will be done for each recommendation, who does it, by when, and the "
            "evidence that it was done and made a difference.",
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
    def upgrade_step(cls, version: int, doc: dict[str, Any]) -> dict[str, Any]:
        """Version 1 to 2: each different recommendation (by its words, ignoring case and
        spacing) becomes one of the plan's recommendations, in the order the actions first
        give it, and each action names its number."""
        if version != 1 or not isinstance(doc.get("actions"), list):
            return doc
        numbers: dict[str, int] = {}
        texts: list[str] = []
        rows = []
        for row in doc["actions"]:
            if not isinstance(row, Mapping):
                rows.append(row)  # refused, naming the row, by the shape check that follows
                continue
            said = row.get("recommendation")
            words = said.strip() if isinstance(said, str) else ""
            number = ""
            if words:
                key = " ".join(words.casefold().split())
                if key not in numbers:
                    texts.append(words)
                    numbers[key] = len(texts)
                number = str(numbers[key])
            rows.append({**row, "recommendation": number})
        return {**doc, "recommendations": [{"text": t} for t in texts], "actions": rows}

    @classmethod
    def cross_checks(cls, doc: Any, today: date) -> list[FieldError]:
        errors = []
        problem = initials_problem(doc.source.child_initials) if doc.source.child_initials else None
        if problem:
            errors.append(FieldError("source.child_initials", problem))
        known = len(doc.recommendations)
        answered = set()
        for i, action in enumerate(doc.actions):
            number = recommendation_number(action.recommendation, known)
            answered.add(number)
            if number is None:
                which = (
                    f"a number from 1 to {known}" if known > 1
                    else "the plan has one recommendation, number 1" if known
                    else "add the recommendation under Recommendations first"
                )  # fmt: skip
                errors.append(FieldError(
                    f"actions.{i}.recommendation",
                    f"Enter the number of the recommendation action {i + 1} answers: {which}",
                ))  # fmt: skip
        errors += [
            FieldError(
                f"recommendations.{n - 1}.text",
                f"Recommendation {n} has no action: add an action that answers it, "
                "or remove the recommendation",
            )
            for n in range(1, known + 1)
            if n not in answered
        ]
        return errors

    @classmethod
    def example(cls) -> dict[str, Any]:
        """A valid plan with made-up people: four actions on two recommendations."""
        doc = {
            "form": "action-plan",
            "schema_version": 2,
            "source": {
                "kind": "local_review",
                "review": "Local child safeguarding practice review: Z N, aged 8",
                "referral_reference": f"{current().reference_prefix}-2026-014",
                "child_initials": "Z N",
                "review_completed": "2026-11-20",
            },
            "recommendations": [
                {"text": "Schools and children's social care share attendance concerns the "
                 "same day."},
                {"text": "Health visitors see every child on a plan at home."},
            ],
            "actions": [
                {"recommendation": "1", "action": "Write the attendance protocol, with a "
                 "\u201csame day\u201d rule.", "agency": "Children's Social Care",
                 "lead": "Łukasz Żółć", "due": "2026-10-30", "status": "complete",
                 "evidence_of_completion": "Protocol agreed, 2 October."},
                {"recommendation": "1",
                 "action": "Train designated leads, in two sessions:\nabsence, then bruising.",
                 "agency": "Education", "lead": "Siobhán O'Neill", "due": "2026-11-13",
                 "status": "in_progress"},
                {"recommendation": "2", "action": "Audit home visits, quarterly.",
                 "agency": "Health", "lead": "Zoë Adams", "due": "2027-03-31",
                 "status": "not_started"},
                {"recommendation": "2", "action": "Replace the old visit form.",
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
    by_recommendation = recommendation_lines(doc, today)
    upcoming = next_monitoring(doc, today)
    return {
        "progress.summary": Computed(text, text),
        "progress.overdue": Computed("\n".join(overdue), "\n".join(overdue) or "None"),
        "progress.by_recommendation": Computed(
            "\n".join(by_recommendation), "\n".join(by_recommendation) or "No recommendations yet"
        ),
        "progress.by_agency": Computed(
            "\n".join(agencies), "\n".join(agencies) or "No actions yet"
        ),
        "progress.next_monitoring": Computed(
            upcoming.isoformat() if upcoming else "",
            long_date_with_weekday(upcoming) if upcoming else "None set: add a monitoring date",
        ),
    }
