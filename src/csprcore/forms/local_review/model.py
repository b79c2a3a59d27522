"""The local review record as one form: its sections, warnings, checks and the downloads it
offers (made by ``exports.forms``)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Annotated, Any, ClassVar, Literal

from pydantic import Field

from ...errors import FieldError
from ...partnership import current
from ...rules.calendar import DEFAULT_CALENDAR
from ...rules.citations import Cite, cited
from ...rules.local_review import publication_after_deadline
from ...rules.timescales import COPIES_BEFORE_PUBLICATION, working_days
from ..base import FormBase
from ..controls import initials_problem
from ..correspondence import Correspondence
from ..engine import document_date, fill_computed
from ..meta import Computed, Repeat
from ..names import NameMarks
from . import key_dates
from .parts import (
    CaseDetails,
    FinalReport,
    KeyDates,
    Method,
    Notification,
    Progress,
    Publication,
    Reviewer,
    Signatories,
    SupervisionRequest,
)


def _rows(doc: Mapping[str, Any], name: str) -> list[Mapping[str, Any]]:
    rows = doc.get(name)
    return [r for r in (rows if isinstance(rows, list) else []) if isinstance(r, Mapping)]


class LocalReview(FormBase):
    """The record the partnership's business unit keeps of a local child safeguarding
    practice review, from the decision to publication."""

    form_id: ClassVar[str] = "local-review"
    title: ClassVar[str] = "Local child safeguarding practice review record"
    schema_version_current: ClassVar[int] = 1
    noun: ClassVar[str] = "the record"
    to_support_office: ClassVar[bool] = False
    after_export_lead: ClassVar[str] = (
        "Keep the record with the review's papers, and send each letter through secure email"
    )
    after_export: ClassVar[tuple[tuple[str, Cite], ...]] = (
        (
            "Tell the Panel, Ofsted and the DfE that a local review will be carried out, with "
            "the reviewer's name.",
            "section-5",
        ),
        (
            "Make every request for information to the reviewer in writing, and log it.",
            "section-10",
        ),
        (
            "Send the report, or the information about improvements, to the Panel, the "
            f"Secretary of State and Ofsted at least {working_days(COPIES_BEFORE_PUBLICATION)} "
            "before publication; tell them the reasons for any delay.",
            "section-11",
        ),
        (
            f"The {current().group('review').name} devises the action plan with the reviewer "
            "and monitors it until it is signed off.",
            "section-12",
        ),
    )
    letters: ClassVar[tuple[str, ...]] = ("letter", "letter-before-publication", "letter-delay")
    exports: ClassVar[tuple[tuple[str, str], ...]] = (
        ("pdf", "Download the record (PDF)"),
        ("letter", "Download the letter telling the Panel, Ofsted and the DfE (PDF)"),
        ("letter-before-publication", "Download the letter before publication (PDF)"),
        ("letter-delay", "Download the letter explaining a delay or not publishing (PDF)"),
        ("json", "Download JSON"),
    )

    form: Literal["local-review"] = "local-review"
    schema_version: Literal[1] = 1
    #: The referral's name words, hashed (``forms.names``): never the names themselves.
    name_marks: NameMarks | None = Field(default=None, exclude_if=lambda v: v is None)
    case: CaseDetails = Field(default_factory=CaseDetails)
    key_dates: KeyDates = Field(default_factory=KeyDates)
    reviewers: Annotated[
        list[Reviewer],
        Repeat(
            "Commissioning the reviewer",
            "reviewer",
            why=f"{cited('section-9', capital=True)}: the safeguarding partners commission "
            "the reviewer or reviewers, may appoint from the Panel's pool, and consider "
            "six points for each.",
            max_items=5,
        ),
    ] = Field(default_factory=list)
    notification: Notification = Field(default_factory=Notification)
    method: Method = Field(default_factory=Method)
    progress: Progress = Field(default_factory=Progress)
    supervision: Annotated[
        list[SupervisionRequest],
        Repeat(
            "Requests to the reviewer",
            "request",
            why="Regulation 14: a request for information or a draft report must be made in "
            "writing.",
        ),
    ] = Field(default_factory=list)
    final_report: FinalReport = Field(default_factory=FinalReport)
    publication: Publication = Field(default_factory=Publication)
    signatories: Signatories = Field(default_factory=Signatories)
    correspondence: Correspondence = Field(default_factory=Correspondence)

    # --- computed dates and warnings ---------------------------------------------------

    @classmethod
    def computed(cls, doc: Mapping[str, Any]) -> dict[str, Computed]:
        return key_dates.computed(doc)

    @classmethod
    def warnings(cls, doc: Mapping[str, Any]) -> list[FieldError]:
        found: list[FieldError] = []
        for i, row in enumerate(_rows(doc, "reviewers")):
            answer = row.get("conflict_free")
            if answer in ("no", "unsure"):
                who = str(row.get("name") or "").strip() or f"reviewer {i + 1}"
                doubt = "are not sure that" if answer == "unsure" else "do not consider that"
                found.append(FieldError(
                    f"reviewers.{i}.conflict_free",
                    f"The partners {doubt} {who} is free of any real or perceived conflict of "
                    f"interest ({cited('section-9')}): record how it is managed",
                ))  # fmt: skip
        for i, row in enumerate(_rows(doc, "supervision")):
            if row.get("in_writing") == "no":
                found.append(FieldError(
                    f"supervision.{i}.in_writing",
                    f"Request {i + 1} was not made in writing: regulation 14 asks that any "
                    "request to the reviewer is made in writing. Confirm it in writing",
                ))  # fmt: skip
        found += cls._publication_warnings(doc)
        return found

    @classmethod
    def _publication_warnings(cls, doc: Mapping[str, Any]) -> list[FieldError]:
        found: list[FieldError] = []
        decision = document_date(doc, "case.decision_date")
        planned = document_date(doc, "publication.planned_date")
        if not (decision and planned and planned > decision):
            return found
        late = publication_after_deadline(decision, planned)
        pub = doc.get("publication") if isinstance(doc.get("publication"), Mapping) else {}
        assert isinstance(pub, Mapping)
        if late and not pub.get("delay_reasons") and not str(pub.get("delay_details") or ""):
            found.append(FieldError("publication.planned_date", late))
        for path, who in (("publication.sent_to_panel", "the Panel and the Secretary of State"),
                          ("publication.sent_to_ofsted", "Ofsted")):  # fmt: skip
            sent = document_date(doc, path)
            if sent is None or sent >= planned:
                continue
            try:
                n = DEFAULT_CALENDAR.working_days_between(sent, planned)
            except ValueError:
                continue
            if n < COPIES_BEFORE_PUBLICATION:
                found.append(FieldError(
                    path,
                    f"The copy to {who} was sent {working_days(n)} before the planned "
                    f"publication date; {cited('section-11')} asks for at least "
                    f"{working_days(COPIES_BEFORE_PUBLICATION)}",
                ))  # fmt: skip
        return found

    @classmethod
    def cross_checks(cls, doc: Any, today: date) -> list[FieldError]:
        errors: list[FieldError] = []
        case, pub = doc.case, doc.publication
        problem = initials_problem(case.child_initials)
        if problem:
            errors.append(FieldError("case.child_initials", problem))
        decided = case.decision_date

        def after(later: date | None, path: str, message: str, *, strict: bool = False) -> None:
            if later and decided and (later <= decided if strict else later < decided):
                errors.append(FieldError(path, message))

        if case.meeting_date and decided and decided < case.meeting_date:
            errors.append(FieldError(
                "case.decision_date",
                "The date of the decision must be the same as or after the Rapid Review meeting",
            ))  # fmt: skip
        after(
            pub.planned_date,
            "publication.planned_date",
            "The planned publication date must be after the decision",
            strict=True,
        )
        after(
            pub.published_on,
            "publication.published_on",
            "The date published must be after the decision",
            strict=True,
        )
        after(
            doc.notification.told_on,
            "notification.told_on",
            "The date they were told must be the same as or after the decision",
        )
        for i, row in enumerate(doc.supervision):
            after(
                row.requested_on,
                f"supervision.{i}.requested_on",
                "The date of the request must be the same as or after the decision",
            )
        return errors  # fmt: skip

    @classmethod
    def summary_extra(cls, doc: Mapping[str, Any]) -> list[dict[str, Any]]:
        notes = [f"{w.message}." for w in cls.warnings(doc)]
        if not notes:
            return []
        return [
            {"name": "record_notes", "title": "Points to note", "kind": "extra",
             "rows": [], "text": "\n".join(f"• {n}" for n in notes)}
        ]  # fmt: skip

    @classmethod
    def example(cls) -> dict[str, Any]:
        """A complete, valid record with made-up people, for the CLI and the tests: the
        its report sent to the Panel, the Secretary of State and Ofsted before publication."""
        good = {k: "yes" for k in ("knowledge", "research", "complexity", "hindsight",
                                   "communication", "conflict_free")}  # fmt: skip
        doc = {
            "form": "local-review",
            "schema_version": 1,
            "case": {
                "referral_reference": f"{current().reference_prefix}-2026-014",
                "child_initials": "Z N",
                "child_age": "8",
                "meeting_date": "2026-06-02",
                "decision_date": "2026-06-03",
                "criteria_considered": "Improvements needed (regulation 11(a)): Yes. Absence "
                "and bruising were not seen together.",
            },
            "reviewers": [
                {
                    "name": "Nguyễn Thị Ánh",
                    "from_panel_pool": "yes",
                    "commissioned_on": "2026-06-10",
                    **good,
                    "knowledge_evidence": "Led four local reviews since 2022.",
                    "conflict_free_evidence": "Has never worked in the area.",
                }
            ],
            "notification": {"told_on": "2026-06-12", "how": "Secure email"},
            "method": {
                "methodology": "systems",
                "practitioners": "A practitioner learning event in July.",
                "family": "The reviewer meets Z N's grandmother and her brother.",
                "child_perspective": "From Z N's school work and what she told her teacher.",
            },
            "progress": {"progress_checks": "Monthly: on time, good quality."},
            "supervision": [
                {
                    "requested_on": "2026-07-10",
                    "asked": "A timeline of the school's contacts.",
                    "in_writing": "yes",
                    "answered": "yes",
                }
            ],
            "final_report": {
                "completed_on": "2026-11-20",
                "summary_of_improvements": "yes",
                "systemic_analysis": "yes",
                "recommendations_clear": "yes",
                "reviewer_named": "yes",
                "impact_considered": "yes",
            },
            "publication": {
                "decision": "full",
                "planned_date": "2026-12-03",
                "sent_to_panel": "2026-11-23",
                "sent_to_ofsted": "2026-11-23",
            },
            "signatories": {
                "la_name": "Łukasz Żółć",
                "la_role": "Director of Children's Services",
                "health_name": "Zoë Adams",
                "health_role": "Chief Nursing Officer, integrated care board (delegated partner)",
                "police_name": "Ілля Коваленко",
                "police_role": "Detective Superintendent",
            },
        }
        model = cls.model_validate(fill_computed(cls, doc))
        return model.model_dump(mode="json")
