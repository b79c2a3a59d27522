"""An agency's scoping return (the partnership names it: ``documents.scoping_return``).

Appendix 1 of the procedure: the partnership sends the template to all relevant agencies (its
step with the role ``scoping_sent``); the completed template is "returned by agencies and
then shared with those attending the Rapid Review meeting along with the Referral Form and
any LA notification" (``scoping_returned``). The procedure names the template but does not
list its fields: the fields are ours, from common practice. It carries the child's initials
and age, never a full name: the return travels between agencies, and the Rapid Review needs
no more.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Annotated, Any, ClassVar, Final, Literal

from pydantic import Field

from ..errors import FieldError, InputError
from ..partnership import current
from ..rules.calendar import DEFAULT_CALENDAR
from ..rules.citations import Cite, cited
from ..rules.dates import long_date_with_weekday
from ..rules.deadlines import Milestone, calculate, check_events
from ..rules.timescales import (
    AFTER_WORDS,
    by_role,
    meeting_counted_from,
    meeting_window_words,
    step_words,
    within_words,
    working_days,
)
from ..views.deadlines import in_words
from .base import FormBase
from .controls import initials_problem
from .engine import document_date, fill_computed
from .fields import ChildAge, OptDate, Part, Text
from .meta import Computed, Meta, Repeat, Section
from .names import NameMarks

#: The partnership's steps for sending the template and returning it (each may be absent).
_RETURNED: Final = by_role("scoping_returned")
_SENT: Final = by_role("scoping_sent")
#: How the return's date is counted, in words ("N working days after the referral").
RETURN_WORDS: Final = within_words(_RETURNED) if _RETURNED else "by the date the partnership gives"


#: The return's dates as "enter ..." names them.
_ENTER: Final = {
    "referral": "the date of the referral",
    "notified": "the date the local authority notified the Panel",
}


def _events(doc: Mapping[str, Any]) -> dict[str, date]:
    found = {
        "referral": document_date(doc, "case.referral_date"),
        "notified": document_date(doc, "case.notification_date"),
    }
    return {k: v for k, v in found.items() if v is not None}


def _milestones(doc: Mapping[str, Any]) -> dict[str, Milestone]:
    """The partnership's steps the return's dates let us count, by id."""
    try:
        result = calculate(check_events(_events(doc)))
    except (InputError, ValueError):
        return {}
    return {m.id: m for m in result.milestones if m.latest is None}


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


class ScopingCase(Part):
    section: ClassVar = Section(
        "The referral and the child",
        "To match your return to the right referral. Give the child's initials and age only: "
        "the Rapid Review needs no more, and this return is shared between agencies.",
    )
    referral_reference: Annotated[
        Text,
        Meta(
            "Referral reference",
            required=True,
            width="medium",
            hint="The reference on the template the partnership sent you.",
            error_name="the referral reference",
            max_length=60,
        ),
    ] = ""
    child_initials: Annotated[
        Text,
        Meta(
            "Child's initials",
            required=True,
            width="short",
            hint="Initials only, for example Z N. Do not give the child's name.",
            error_name="the child's initials",
            max_length=20,
        ),
    ] = ""
    child_age: ChildAge = ""
    referral_date: Annotated[
        OptDate,
        Meta(
            "Date of the referral",
            kind="date",
            required=True,
            not_future=True,
            hint="As given on the template. For example, 14 10 2026",
            error_name="the date of the referral",
        ),
    ] = None
    notification_date: Annotated[
        OptDate,
        Meta(
            "Date the local authority notified the Panel",
            kind="date",
            not_future=True,
            hint="As given on the template, if it gives it.",
            error_name="the date the local authority notified the Panel",
        ),
    ] = None
    date_sent: Annotated[
        OptDate,
        Meta(
            "Date the template was sent to your agency",
            kind="date",
            not_future=True,
            error_name="the date the template was sent",
        ),
    ] = None
    return_by: Annotated[
        OptDate,
        Meta(
            "Return this template by",
            kind="date",
            computed=True,
            hint=f"{RETURN_WORDS[:1].upper()}{RETURN_WORDS[1:]} ({cited('appendix-1')}), "
            "counting England and Wales working days.",
        ),
    ] = None


class ScopingAgency(Part):
    section: ClassVar = Section(
        "Your agency and who completed this return",
        "So the Rapid Review knows whose information this is and whom to ask. Your agency's "
        "designated safeguarding lead signs the return off before it is sent.",
    )
    agency: Annotated[
        Text,
        Meta(
            "Agency or organisation",
            required=True,
            autocomplete="organization",
            hint="For example, the police force or the child's school.",
            error_name="your agency or organisation",
            max_length=120,
        ),
    ] = ""
    author_name: Annotated[
        Text,
        Meta("Your name", required=True, autocomplete="name", width="medium",
             error_name="your name", max_length=120),
    ] = ""  # fmt: skip
    author_role: Annotated[
        Text,
        Meta("Your role", required=True, width="medium", error_name="your role",
             max_length=120),
    ] = ""  # fmt: skip
    author_contact: Annotated[
        Text,
        Meta(
            "How to contact you",
            required=True,
            hint="A secure email address or a telephone number.",
            error_name="how to contact you",
            max_length=200,
        ),
    ] = ""
    dsl_name: Annotated[
        Text,
        Meta(
            "Designated safeguarding lead who signed off this return",
            required=True,
            width="medium",
            error_name="the name of the designated safeguarding lead who signed it off",
            max_length=120,
        ),
    ] = ""
    dsl_date: Annotated[
        OptDate,
        Meta(
            "Date they signed it off",
            kind="date",
            not_future=True,
            error_name="the date the designated safeguarding lead signed it off",
        ),
    ] = None


class ScopingInvolvement(Part):
    section: ClassVar = Section(
        "Your agency's involvement",
        f"{cited('appendix-1', capital=True)}: the Rapid Review meeting reviews the facts about "
        "the case presented in "
        "the agencies' returns.",
    )
    period: Annotated[
        Text,
        Meta(
            "When your agency was involved",
            width="medium",
            hint="For example, March 2024 to the present.",
            max_length=200,
        ),
    ] = ""
    nature: Annotated[
        Text,
        Meta(
            "What your agency's involvement was",
            kind="textarea",
            required=True,
            hint="With the child and with the family: the services you gave and why.",
            error_name="what your agency's involvement was",
            max_length=3000,
        ),
    ] = ""


class ChronologyEntry(Part):
    date: Annotated[
        OptDate,
        Meta("Date", kind="date", required=True, not_future=True,
             error_name="the date of the contact"),
    ] = None  # fmt: skip
    contact_type: Annotated[
        Text,
        Meta(
            "Type of contact",
            required=True,
            width="medium",
            hint="For example, home visit, GP appointment or telephone call.",
            error_name="the type of contact",
            max_length=120,
        ),
    ] = ""
    what_happened: Annotated[
        Text,
        Meta("What happened", kind="textarea", required=True,
             error_name="what happened at the contact", max_length=2000),
    ] = ""  # fmt: skip
    who: Annotated[
        Text,
        Meta(
            "Who was involved",
            hint="Roles rather than names where you can: for example, health visitor, mother.",
            max_length=300,
        ),
    ] = ""


class ScopingAnalysis(Part):
    section: ClassVar = Section(
        "What your agency has learned so far",
        "Section 5: the Rapid Review gathers the facts, considers immediate action to keep "
        "children safe and the potential for identifying improvements.",
    )
    summary: Annotated[
        Text,
        Meta(
            "Summary",
            kind="textarea",
            required=True,
            hint="The key points of your agency's involvement, for those at the meeting.",
            error_name="a summary",
            max_length=5000,
        ),
    ] = ""
    went_well: Annotated[Text, Meta("What went well", kind="textarea", max_length=3000)] = ""
    concerns: Annotated[
        Text,
        Meta("Concerns or areas for improvement already seen", kind="textarea",
             max_length=3000),
    ] = ""  # fmt: skip
    immediate_action: Annotated[
        Text,
        Meta(
            "Immediate action taken or needed to keep children safe",
            kind="textarea",
            required=True,
            hint="Write 'None needed' if there is none, and why.",
            error_name="the immediate action taken or needed",
            max_length=3000,
        ),
    ] = ""
    learning: Annotated[
        Text, Meta("Learning already identified", kind="textarea", max_length=3000)
    ] = ""


class ScopingOther(Part):
    section: ClassVar = Section(
        "Staff welfare and other processes",
        "Section 5: agencies consider the impact of the case on their staff. Section 8: "
        "reviews run alongside other investigations, which should not be duplicated.",
    )
    staff_welfare: Annotated[
        Text,
        Meta(
            "Support for staff affected",
            kind="textarea",
            hint="The support considered or offered, in line with your agency's policies.",
            max_length=2000,
        ),
    ] = ""
    other_processes: Annotated[
        Text,
        Meta(
            "Other processes your agency knows of",
            kind="textarea",
            hint="For example, a criminal investigation, a coroner's inquest, a Domestic "
            "Homicide Review or disciplinary procedures.",
            max_length=2000,
        ),
    ] = ""


class ScopingReturn(FormBase):
    """One agency's scoping return."""

    form_id: ClassVar[str] = "scoping-return"
    title: ClassVar[str] = current().documents["scoping_return"]
    schema_version_current: ClassVar[int] = 2
    #: Version 2 names the referral date as every other document does (issue 14).
    renamed: ClassVar = {1: {"case.date_of_referral": "case.referral_date"}}
    noun: ClassVar[str] = "your return"
    after_export_lead: ClassVar[str] = (
        "Send the completed return (the PDF, and the JSON file if the partnership asks for "
        f"it) to the {current().business_unit} through secure email"
    )
    after_export: ClassVar[tuple[tuple[str, Cite], ...]] = (
        (
            f"Return it {RETURN_WORDS}: the date is shown in your answers.",
            "appendix-1",
        ),
        (
            "It is shared with those attending the Rapid Review meeting, with the referral "
            "form and any local authority notification.",
            "appendix-1",
        ),
        (
            f"The Rapid Review meeting is held {meeting_window_words()} after "
            f"{AFTER_WORDS[meeting_counted_from()]}; the agencies are told its outcome.",
            "appendix-1",
        ),
    )

    form: Literal["scoping-return"] = "scoping-return"
    schema_version: Literal[2] = 2
    #: The referral's name words, hashed (``forms.names``): never the names themselves.
    name_marks: NameMarks | None = Field(default=None, exclude_if=lambda v: v is None)
    case: ScopingCase = Field(default_factory=ScopingCase)
    agency: ScopingAgency = Field(default_factory=ScopingAgency)
    involvement: ScopingInvolvement = Field(default_factory=ScopingInvolvement)
    chronology: Annotated[
        list[ChronologyEntry],
        Repeat(
            "Chronology of key contacts",
            "contact",
            why="The key contacts your agency had with the child and family, oldest first.",
        ),
    ] = Field(default_factory=list)
    analysis: ScopingAnalysis = Field(default_factory=ScopingAnalysis)
    other: ScopingOther = Field(default_factory=ScopingOther)

    @classmethod
    def computed(cls, doc: Mapping[str, Any]) -> dict[str, Computed]:
        if _RETURNED is None:
            return {"case.return_by": Computed("", "The partnership gives the date to return it")}
        found = _milestones(doc)
        m = found.get(_RETURNED.id)
        if m is None:
            start = _RETURNED.counts[0].event
            return {"case.return_by": Computed(
                "", f"Not worked out yet: enter {_ENTER[start]}")}  # fmt: skip
        words = in_words(m)
        return {"case.return_by": Computed(
            m.due.isoformat(), f"{long_date_with_weekday(m.due)} ({words})")}  # fmt: skip

    @classmethod
    def warnings(cls, doc: Mapping[str, Any]) -> list[FieldError]:
        sent = document_date(doc, "case.date_sent")
        m = _milestones(doc).get(_SENT.id) if _SENT is not None else None
        if sent is None or m is None:
            return []
        due = m.due
        start = _events(doc).get(m.counted_from)
        if sent <= due or start is None or _SENT is None:
            return []
        n = DEFAULT_CALENDAR.working_days_between(start, sent)
        return [
            FieldError(
                "case.date_sent",
                f"The template was sent {working_days(n)} after "
                f"{AFTER_WORDS[m.counted_from]}; {cited('appendix-1')} sends it "
                f"{step_words(_SENT)}. Return it as soon as you can",
            )
        ]

    @classmethod
    def cross_checks(cls, doc: Any, today: date) -> list[FieldError]:
        errors: list[FieldError] = []
        case = doc.case
        problem = initials_problem(case.child_initials)
        if problem:
            errors.append(FieldError("case.child_initials", problem))
        if case.date_sent and case.referral_date and case.date_sent < case.referral_date:
            errors.append(
                FieldError(
                    "case.date_sent",
                    "The date the template was sent must be the same as or after the date "
                    "of the referral",
                )
            )
        return errors

    @classmethod
    def example(cls) -> dict[str, Any]:
        """A complete, valid return with made-up people, for the CLI and the tests."""
        return example_return()


def example_return(
    agency: str = "Grimsby Primary School",
    author: str = "Siobhán O'Neill",
    role: str = "Designated safeguarding lead",
    summary: str = "Z N's attendance fell this term and she came to school with bruises "
    "twice; both were referred to Children's Social Care.",
) -> dict[str, Any]:
    """An example return; other agencies' returns are variants of it."""
    doc = {
        "form": "scoping-return",
        "schema_version": 2,
        "case": {
            "referral_reference": f"{current().reference_prefix}-2026-014",
            "child_initials": "Z N",
            "child_age": "8",
            "referral_date": "2026-10-14",
            "notification_date": "2026-10-14",
            "date_sent": "2026-10-15",
        },
        "agency": {
            "agency": agency,
            "author_name": author,
            "author_role": role,
            "author_contact": "safeguarding@agency.example",
            "dsl_name": "Łukasz Żółć",
            "dsl_date": "2026-10-20",
        },
        "involvement": {
            "period": "September 2022 to the present",
            "nature": f"{agency} has worked with Z N and her family since September 2022.",
        },
        "chronology": [
            {
                "date": "2026-09-21",
                "contact_type": "Concern logged",
                "what_happened": "Bruising seen on Z N's arm; referred the same day.",
                "who": "Class teacher, designated safeguarding lead",
            },
            {
                "date": "2026-10-05",
                "contact_type": "Telephone call",
                "what_happened": "Mother said Z N was unwell; no sighting for a week.",
                "who": "Attendance officer, mother",
            },
        ],
        "analysis": {
            "summary": summary,
            "went_well": "Concerns were referred on the day they were seen.",
            "concerns": "Absence was not followed up with a home visit.",
            "immediate_action": "Z N's sibling is seen daily by a named member of staff.",
            "learning": "Share attendance concerns with the allocated social worker.",
        },
        "other": {
            "staff_welfare": "The class teacher has been offered counselling.",
            "other_processes": "A police investigation is under way.",
        },
    }
    model = ScopingReturn.model_validate(fill_computed(ScopingReturn, doc))
    return model.model_dump(mode="json")
