"""The Rapid Review record as one form: its sections, warnings, checks and the downloads it
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
from ...rules.dates import long_date
from ...rules.regulations import PUBLICATION_SOURCE
from ...rules.timescales import (
    PANEL_DECISION,
    RAPID_REVIEW_TO_PANEL,
    meeting_counted_from,
    role_words,
    working_days,
)
from ...views.deadlines import meeting_window_problem
from ..base import FormBase
from ..controls import initials_problem
from ..engine import document_date, fill_computed
from ..meta import Computed, Repeat
from ..names import NameMarks
from ..referral import OtherProcesses
from .key_dates import EVENTS_FROM, key_dates
from .key_dates import due_dates as _due_dates
from .parts import (
    PARTNERS,
    TO_PANEL_NOTE,
    Actions,
    AgencyReturn,
    Analysis,
    Attendee,
    CaseDetails,
    Criteria,
    Decision,
    KeyDates,
    PanelLetter,
    SignOff,
)


class RapidReview(FormBase):
    """The Rapid Review record, completed at the Rapid Review meeting."""

    form_id: ClassVar[str] = "rapid-review"
    title: ClassVar[str] = current().documents["rapid_review"]
    schema_version_current: ClassVar[int] = 2
    #: Version 1 made "refer for a national review" one of the local decisions; since
    #: version 2 the partners' view on a national review is asked beside the local decision
    #: (section 5), and an old "refer" is kept as that view.
    renamed: ClassVar = {1: {"decision.decision=refer_national": "decision.national_review=yes"}}
    noun: ClassVar[str] = "the Rapid Review"
    to_support_office: ClassVar[bool] = False
    after_export_lead: ClassVar[str] = (
        f"Send the {current().documents['rapid_review']} with the letter to the Child "
        "Safeguarding Practice "
        "Review Panel through secure email, and the outcome notice to the agencies"
    )
    after_export: ClassVar[tuple[tuple[str, Cite], ...]] = (
        (
            "The Rapid Review and the accompanying letter go to the Panel "
            f"{role_words('sent_to_panel')} in the partnership's timetable, and never later "
            f"than {working_days(RAPID_REVIEW_TO_PANEL)} after the notification to the Panel "
            "(the Panel's guidance); the agencies are told the outcome.",
            "appendix-1",
        ),
        (
            "The Panel aims to respond with its decision within "
            f"{working_days(PANEL_DECISION)} of receiving the Rapid Review.",
            "section-6",
        ),
        (
            "When a local review will be carried out, tell the Panel, Ofsted and the DfE, "
            "with the name of any reviewer commissioned.",
            "section-5",
        ),
        (
            "A local review's final report is published no later than six months from the "
            f"decision to initiate it ({PUBLICATION_SOURCE}).",
            "section-11",
        ),
    )
    letters: ClassVar[tuple[str, ...]] = ("letter", "notice")
    exports: ClassVar[tuple[tuple[str, str], ...]] = (
        ("pdf", "Download the Rapid Review (PDF)"),
        ("letter", "Download the letter to the Panel (PDF)"),
        ("notice", "Download the outcome notice for the agencies (PDF)"),
        ("json", "Download JSON"),
    )

    form: Literal["rapid-review"] = "rapid-review"
    schema_version: Literal[2] = 2
    #: The referral's name words, hashed (``forms.names``): never the names themselves.
    name_marks: NameMarks | None = Field(default=None, exclude_if=lambda v: v is None)
    case: CaseDetails = Field(default_factory=CaseDetails)
    key_dates: KeyDates = Field(default_factory=KeyDates)
    agency_returns: Annotated[
        list[AgencyReturn],
        Repeat(
            "The facts: agencies' returns",
            "agency",
            why=f"{cited('appendix-1', capital=True)}: the meeting reviews the facts presented in "
            f"the agencies' returns ({current().documents['scoping_return']}). Add them from their "
            "saved files, or type them in.",
        ),
    ] = Field(default_factory=list)
    analysis: Analysis = Field(default_factory=Analysis)
    actions: Actions = Field(default_factory=Actions)
    criteria: Criteria = Field(default_factory=Criteria)
    decision: Decision = Field(default_factory=Decision)
    parallel_processes: OtherProcesses = Field(default_factory=OtherProcesses)
    attendees: Annotated[
        list[Attendee],
        Repeat("Attendees", "attendee", why="Who took part in the Rapid Review meeting."),
    ] = Field(default_factory=list)
    sign_off: SignOff = Field(default_factory=SignOff)
    correspondence: PanelLetter = Field(default_factory=PanelLetter)

    # --- computed dates and warnings ---------------------------------------------------

    @classmethod
    def computed(cls, doc: Mapping[str, Any]) -> dict[str, Computed]:
        return {k: v for k, v in key_dates(doc).items() if v is not None}

    @classmethod
    def warnings(cls, doc: Mapping[str, Any]) -> list[FieldError]:
        """The meeting outside its window; the Rapid Review sent after the partnership's
        date for it, or after the national deadline."""
        found: list[FieldError] = []
        events = {e: d for e, path in EVENTS_FROM.items() if (d := document_date(doc, path))}
        start, meeting = events.get(meeting_counted_from()), events.get("meeting")
        try:
            if start and meeting and meeting >= start:
                problem = meeting_window_problem(start, meeting)
                if problem:
                    found.append(FieldError("case.meeting_date", problem))
            sent = events.get("sent-to-panel")
            if sent is not None:
                due = {m.key: m for m in _due_dates(events)}
                for key, words in (("local", f"{cited('appendix-1')} sends it by"),
                                   ("national", "the Panel's guidance has it by")):  # fmt: skip
                    if key in due and sent > due[key].day:
                        late = DEFAULT_CALENDAR.working_days_between(due[key].day, sent)
                        found.append(FieldError(
                            "sign_off.sent_to_panel",
                            f"The Rapid Review was sent to the Panel {working_days(late)} late: "
                            f"{words} {long_date(due[key].day)} ({due[key].basis})",
                        ))  # fmt: skip
        except ValueError:  # a date the calendar cannot count from: nothing to say
            pass
        return found

    @classmethod
    def cross_checks(cls, doc: Any, today: date) -> list[FieldError]:
        errors: list[FieldError] = []
        case, sign = doc.case, doc.sign_off
        problem = initials_problem(case.child_initials)
        if problem:
            errors.append(FieldError("case.child_initials", problem))

        def after(later: date | None, earlier: date | None, path: str, message: str) -> None:
            if later and earlier and later < earlier:
                errors.append(FieldError(path, message))

        after(case.referral_date, case.incident_date, "case.referral_date",
              "The date the referral was received must be the same as or after the date of "
              "the incident")  # fmt: skip
        after(case.la_notification_date, case.la_aware_date, "case.la_notification_date",
              "The date the local authority notified the Panel must be the same as or after "
              "the date it became aware")  # fmt: skip
        after(case.la_notification_date, case.incident_date, "case.la_notification_date",
              "The date the local authority notified the Panel must be the same as or after "
              "the date of the incident")  # fmt: skip
        after(case.meeting_date, case.referral_date, "case.meeting_date",
              "The date of the Rapid Review meeting must be the same as or after the date "
              "the referral was received")  # fmt: skip
        for key, _, phrase in PARTNERS:
            signed = getattr(sign, f"{key}_date")
            if signed and not getattr(sign, f"{key}_name").strip():
                errors.append(
                    FieldError(
                        f"sign_off.{key}_name",
                        f"Enter the name of the person who signed off for {phrase}",
                    )
                )
            after(signed, case.meeting_date, f"sign_off.{key}_date",
                  f"The date signed off for {phrase} must be the same as or after the date "
                  "of the Rapid Review meeting")  # fmt: skip
        after(sign.sent_to_panel, case.meeting_date, "sign_off.sent_to_panel",
              "The date the Rapid Review was sent to the Panel must be the same as or after "
              "the date of the Rapid Review meeting")  # fmt: skip
        return errors

    @classmethod
    def summary_extra(cls, doc: Mapping[str, Any]) -> list[dict[str, Any]]:
        notes = [f"Sending to the Panel: {TO_PANEL_NOTE}"] if TO_PANEL_NOTE else []
        notes += [f"{w.message}." for w in cls.warnings(doc)]
        return [
            {"name": "key_dates_notes", "title": "Notes on the key dates", "kind": "extra",
             "rows": [], "text": "\n".join(f"• {n}" for n in notes)}
        ]  # fmt: skip

    @classmethod
    def example(cls) -> dict[str, Any]:
        """A complete, valid Rapid Review with made-up people, for the CLI and the tests."""
        doc = {
            "form": "rapid-review",
            "schema_version": 2,
            "case": {
                "referral_reference": f"{current().reference_prefix}-2026-014",
                "child_initials": "Z N",
                "child_age": "8",
                "gender": "female",
                "ethnicity": "Mixed: White and Asian",
                "incident_date": "2026-10-10",
                "referral_date": "2026-10-14",
                "la_aware_date": "2026-10-13",
                "la_notification_date": "2026-10-16",
                "la_notification_reference": "CSPRP-2026-0456",
                "meeting_date": "2026-10-28",
            },
            "agency_returns": [
                {
                    "agency": "Grimsby Primary School",
                    "involvement": "September 2022 to the present; universal education.",
                    "key_points": "Bruising seen twice and referred; absence not followed up.",
                },
                {
                    "agency": "Police Service",
                    "involvement": "Attended the home in October 2026.",
                    "key_points": "Investigation under way.",
                },
            ],
            "analysis": {
                "key_practice_episodes": "September 2026: the school saw bruising and "
                "referred; the absence that followed was not linked to it.",
                "inequalities": "The family's first language is not English; no interpreter "
                "was used at the home visit.",
            },
            "actions": {
                "immediate_actions": "Z N and her brother stay with their grandmother; "
                "Children's Social Care reviews the plan weekly.",
                "learning_to_share": "Follow up unexplained absence with a home visit.",
            },
            "criteria": {
                "improvements": "yes",
                "improvements_rationale": "Absence and bruising were not seen together.",
                "legislation": "no",
                "legislation_rationale": "",
                "recurrent_themes": "unsure",
                "recurrent_themes_rationale": "Two local reviews raised similar themes.",
                "working_together": "yes",
                "working_together_rationale": "The school and social care did not share "
                "what each had seen.",
                "panel_suggests_local": "no",
                "panel_suggests_local_rationale": "",
                "local_circumstances": ["more_than_one_area"],
                "local_circumstances_rationale": "The family moved here from another area in 2025.",
                "national_circumstances": ["in_care_or_child_protection_plan"],
                "national_rationale": "Z N was on a child protection plan.",
            },
            "decision": {
                "decision": "local_cspr",
                "rationale": "The case highlights improvements needed in how schools and "
                "social care share attendance concerns.",
                "reviewer": "Nguyễn Thị Ánh",
                "national_review": "no",
                "national_review_rationale": "The learning is local: how two local agencies "
                "share what they see.",
            },
            "parallel_processes": {
                "criminal_investigation": "yes",
                "coroner": "no",
                "domestic_homicide_review": "no",
                "mappa_review": "no",
                "safeguarding_adults_review": "no",
                "cdop": "no",
                "disciplinary": "not_known",
                "details": "Police Service investigation opened on 12 October.",
            },
            "attendees": [
                {"name": "Siobhán O'Neill", "role": "Chair", "agency": "Partnership"},
                {
                    "name": "Ілля Коваленко",
                    "role": "Detective Inspector",
                    "agency": "Police Service",
                },
            ],
            "sign_off": {
                "la_name": "Łukasz Żółć",
                "la_role": "Director of Children's Services",
                "la_date": "2026-10-28",
                "health_name": "Zoë Adams",
                "health_role": "Chief Nursing Officer, integrated care board (delegated partner)",
                "health_date": "2026-10-28",
                "police_name": "Ілля Коваленко",
                "police_role": "Detective Superintendent",
                "police_date": "2026-10-29",
                "sent_to_panel": "2026-10-30",
            },
            "correspondence": {
                "contact_name": "Amara Okafor",
                "contact_role": "Business manager",
                "contact_email": "amara.okafor@partnership.example",
                "contact_phone": "01472 000000",
                "enclosed": ["notification"],
            },
        }
        model = cls.model_validate(fill_computed(cls, doc))
        return model.model_dump(mode="json")
