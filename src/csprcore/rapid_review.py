"""The Rapid Review Template, the letter to the Panel and the outcome notice for the agencies.

Appendix 1: "between 7 and 13 working days of receiving the referral" the Rapid Review meeting
"reviews the facts about the case presented in the documentation; agrees any immediate
action; considers the case against the criteria for child safeguarding practice reviews;
decides whether a practice review or other learning review should take place; completes the
Rapid Review Template and agrees the recommendation". Section 5: "as soon as the rapid review
is complete, the safeguarding partners should send a copy to the Panel" with their decision.
The procedure names the template but does not list its fields: the fields are ours, from
common practice. The child is named by initials and age only.

The facts come from the agencies' Initial Scoping returns (``csprcore.scoping``):
``add_returns`` puts one row per agency into a Rapid Review, never overwriting what the
business unit has already written.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Annotated, Any, ClassVar, Literal

from pydantic import Field

from .calendar import DEFAULT_CALENDAR
from .citations import Cite
from .criteria import NATIONAL_CIRCUMSTANCES
from .dates import and_list, long_date, long_date_with_weekday
from .deadlines import APPENDIX_2_DAYS_READING, meeting_window_problem
from .errors import FieldError
from .forms import engine
from .forms.base import FormBase
from .forms.engine import document_date, fill_computed
from .forms.fields import OptDate, Part, Text
from .forms.meta import YES_NO_NOT_KNOWN, Computed, Meta, Repeat, Section
from .forms.spec import parts
from .referral import GENDERS, OtherProcesses
from .scoping import ScopingReturn, initials_problem

#: Appendix 1: the meeting is "between 7 and 13 working days of receiving the referral".
MEETING_EARLIEST, MEETING_LATEST = 7, 13
#: Appendix 1: the template and letter go to the Panel "within 2 days" of the meeting
#: (working days: see ``APPENDIX_2_DAYS_READING``).
TO_PANEL_WORKING_DAYS = 2
#: Section 6: the Panel aims to decide "within 15 working days of a rapid review being
#: received".
PANEL_DECISION_WORKING_DAYS = 15
#: At most this many returns in one go (the most agency rows a Rapid Review keeps).
MAX_RETURNS = 30

YES_NO_UNSURE = (("yes", "Yes"), ("no", "No"), ("unsure", "Not sure"))

DECISIONS: tuple[tuple[str, str], ...] = (
    ("local_cspr", "Carry out a local child safeguarding practice review"),
    ("refer_national", "Refer the case to the Panel as possibly needing a national review"),
    ("other_learning", "Hold another learning review (a Line of Sight Learning Event)"),
    ("no_review", "No further review"),
)


class CaseDetails(Part):
    section: ClassVar = Section(
        "The case",
        "To identify the case for the Panel without naming the child: initials and age only.",
    )
    referral_reference: Annotated[
        Text,
        Meta(
            "Referral reference",
            width="medium",
            hint="The partnership's reference: the agencies' returns carry it too.",
            max_length=60,
        ),
    ] = ""
    child_initials: Annotated[
        Text,
        Meta("Child's initials", required=True, width="short",
             hint="Initials only, for example Z N.", error_name="the child's initials",
             max_length=20),
    ] = ""  # fmt: skip
    child_age: Annotated[
        Text,
        Meta("Child's age", required=True, width="short",
             hint="In years, or in months for a baby: for example, 8 or 7 months.",
             error_name="the child's age", max_length=30),
    ] = ""  # fmt: skip
    gender: Annotated[
        Text,
        Meta("Child's gender", kind="radios", options=GENDERS, required=True,
             error_name="the child's gender"),
    ] = ""  # fmt: skip
    ethnicity: Annotated[Text, Meta("Child's ethnicity", width="medium", max_length=120)] = ""
    incident_date: Annotated[
        OptDate,
        Meta("Date of the incident", kind="date", required=True, not_future=True,
             error_name="the date of the incident"),
    ] = None  # fmt: skip
    referral_date: Annotated[
        OptDate,
        Meta("Date the referral was received", kind="date", required=True, not_future=True,
             error_name="the date the referral was received"),
    ] = None  # fmt: skip
    la_notification_date: Annotated[
        OptDate,
        Meta(
            "Date the local authority notified the Panel",
            kind="date",
            not_future=True,
            hint="Section 3. Leave blank if the local authority did not notify the Panel.",
            error_name="the date the local authority notified the Panel",
        ),
    ] = None
    la_notification_reference: Annotated[
        Text,
        Meta("Reference of the local authority's notification", width="medium",
             max_length=60),
    ] = ""  # fmt: skip
    meeting_date: Annotated[
        OptDate,
        Meta(
            "Date of the Rapid Review meeting",
            kind="date",
            required=True,
            hint="Appendix 1: between 7 and 13 working days after the referral.",
            error_name="the date of the Rapid Review meeting",
        ),
    ] = None


class KeyDates(Part):
    section: ClassVar = Section(
        "Key dates",
        "Worked out from the dates above in England and Wales working days, so everyone "
        "works to the same dates.",
    )
    meeting_window: Annotated[
        Text,
        Meta("Window for the Rapid Review meeting", computed=True,
             hint="7 to 13 working days after the referral (Appendix 1)."),
    ] = ""  # fmt: skip
    send_to_panel_by: Annotated[
        OptDate,
        Meta(
            "Send the Rapid Review and the letter to the Panel by",
            kind="date",
            computed=True,
            hint=f"2 working days after the meeting. {APPENDIX_2_DAYS_READING}",
        ),
    ] = None
    panel_decision_by: Annotated[
        OptDate,
        Meta(
            "Panel's decision expected by",
            kind="date",
            computed=True,
            hint="15 working days after the Panel receives the Rapid Review (section 6), "
            "counted from the date it was sent when you give it below.",
        ),
    ] = None


class AgencyReturn(Part):
    agency: Annotated[
        Text, Meta("Agency", required=True, error_name="the agency's name", max_length=120)
    ] = ""
    involvement: Annotated[
        Text,
        # Room for a return's period and nature of involvement, added from its file.
        Meta("Involvement with the child and family", kind="textarea", max_length=6000,
             hint="When, and what the agency's involvement was."),
    ] = ""  # fmt: skip
    key_points: Annotated[
        Text,
        # Room for the seven parts of a return that ``key_points_text`` brings together.
        Meta("Key points from the agency's return", kind="textarea", max_length=30000,
             hint="The facts, what went well, concerns, immediate action and learning."),
    ] = ""  # fmt: skip


class Actions(Part):
    section: ClassVar = Section(
        "Immediate action",
        "Section 5: the Rapid Review discusses whether any immediate action is needed to "
        "ensure children's safety, and shares any learning appropriately.",
    )
    immediate_actions: Annotated[
        Text,
        Meta(
            "Immediate actions agreed",
            kind="textarea",
            required=True,
            hint="Who will do what, by when. Write 'None needed' if there are none, and why.",
            error_name="the immediate actions agreed",
            max_length=5000,
        ),
    ] = ""
    learning_to_share: Annotated[
        Text, Meta("Learning to share now", kind="textarea", max_length=3000)
    ] = ""


def _criterion(label: str, name: str) -> Meta:
    return Meta(label, kind="radios", options=YES_NO_UNSURE, required=True,
                error_name=f"whether the case {name}")  # fmt: skip


def _rationale(label: str) -> Meta:
    return Meta(label, kind="textarea", max_length=3000)


class Criteria(Part):
    section: ClassVar = Section(
        "The criteria for a local review",
        "Section 6: the safeguarding partners must take into account whether the case meets "
        "these criteria, and the Panel has regard to the circumstances below.",
    )
    improvements: Annotated[
        Text,
        _criterion(
            "Does the case highlight, or may it highlight, improvements needed to safeguard "
            "and promote the welfare of children, including improvements identified before?",
            "highlights improvements needed",
        ),
    ] = ""
    improvements_rationale: Annotated[Text, _rationale("Rationale on improvements needed")] = ""
    legislation: Annotated[
        Text,
        _criterion(
            "Does the case raise, or may it raise, issues requiring legislative change or "
            "changes to guidance?",
            "raises issues requiring legislative or guidance change",
        ),
    ] = ""
    legislation_rationale: Annotated[
        Text, _rationale("Rationale on legislative or guidance change")
    ] = ""
    recurrent_themes: Annotated[
        Text,
        _criterion(
            "Does the case highlight, or may it highlight, recurrent themes in safeguarding "
            "and promoting the welfare of children?",
            "highlights recurrent themes",
        ),
    ] = ""
    recurrent_themes_rationale: Annotated[Text, _rationale("Rationale on recurrent themes")] = ""
    national_circumstances: Annotated[
        list[str],
        Meta(
            "Circumstances the Panel has regard to",
            kind="checkboxes",
            options=tuple(NATIONAL_CIRCUMSTANCES.items()),
            hint="Section 6. Select all that apply. \u201cFill in from the referral\u201d "
            "selects those the criteria checker's answers (or the referral's) show.",
        ),
    ] = Field(default_factory=list)
    national_rationale: Annotated[Text, _rationale("How these circumstances apply")] = ""


class Decision(Part):
    section: ClassVar = Section(
        "The decision",
        "Section 4: decisions on reviews are made transparently and the rationale "
        "communicated appropriately, including to families.",
    )
    decision: Annotated[
        Text,
        Meta("What the safeguarding partners decided", kind="radios", options=DECISIONS,
             required=True, error_name="what the safeguarding partners decided"),
    ] = ""  # fmt: skip
    rationale: Annotated[
        Text,
        Meta("Rationale for the decision", kind="textarea", required=True,
             error_name="the rationale for the decision", max_length=5000),
    ] = ""  # fmt: skip
    reviewer: Annotated[
        Text,
        Meta(
            "Reviewer commissioned",
            hint="Section 5: the Panel, Ofsted and the DfE are told the name of any reviewer "
            "commissioned. Leave blank if not yet commissioned.",
            show_if=("decision", ("local_cspr",)),
            max_length=200,
        ),
    ] = ""


class Attendee(Part):
    name: Annotated[
        Text, Meta("Name", required=True, error_name="the attendee's name", max_length=120)
    ] = ""
    role: Annotated[Text, Meta("Role", width="medium", max_length=120)] = ""
    agency: Annotated[Text, Meta("Agency", width="medium", max_length=120)] = ""


#: The three safeguarding partners: (field prefix, label, in a sentence).
PARTNERS: tuple[tuple[str, str, str], ...] = (
    ("la", "Local authority", "the local authority"),
    ("health", "Health", "health"),
    ("police", "Police", "the police"),
)
_PHRASE = {label: phrase for _, label, phrase in PARTNERS}


def _signer(partner: str) -> Meta:
    return Meta(f"{partner}: name of the person signing off", width="medium", max_length=120)


def _signer_role(partner: str) -> Meta:
    return Meta(f"{partner}: their role", width="medium", max_length=120)


def _signed(partner: str) -> Meta:
    return Meta(f"{partner}: date signed off", kind="date", not_future=True,
                error_name=f"the date signed off for {_PHRASE[partner]}")  # fmt: skip


class SignOff(Part):
    section: ClassVar = Section(
        "Sign-off by the safeguarding partners",
        "The three safeguarding partners (the local authority, health and the police) agree "
        "the Rapid Review and the decision. The letter to the Panel is from them.",
    )
    la_name: Annotated[Text, _signer("Local authority")] = ""
    la_role: Annotated[Text, _signer_role("Local authority")] = ""
    la_date: Annotated[OptDate, _signed("Local authority")] = None
    health_name: Annotated[Text, _signer("Health")] = ""
    health_role: Annotated[Text, _signer_role("Health")] = ""
    health_date: Annotated[OptDate, _signed("Health")] = None
    police_name: Annotated[Text, _signer("Police")] = ""
    police_role: Annotated[Text, _signer_role("Police")] = ""
    police_date: Annotated[OptDate, _signed("Police")] = None
    sent_to_panel: Annotated[
        OptDate,
        Meta(
            "Date the Rapid Review was sent to the Panel",
            kind="date",
            not_future=True,
            hint="Leave blank until it is sent.",
            error_name="the date the Rapid Review was sent to the Panel",
        ),
    ] = None


class RapidReview(FormBase):
    """The Rapid Review Template, completed at the Rapid Review meeting."""

    form_id: ClassVar[str] = "rapid-review"
    title: ClassVar[str] = "Rapid Review Template"
    schema_version_current: ClassVar[int] = 1
    noun: ClassVar[str] = "the Rapid Review"
    to_support_office: ClassVar[bool] = False
    after_export_lead: ClassVar[str] = (
        "Send the Rapid Review Template with the letter to the Child Safeguarding Practice "
        "Review Panel through secure email, and the outcome notice to the agencies"
    )
    after_export: ClassVar[tuple[tuple[str, Cite], ...]] = (
        (
            "The Rapid Review Template and the accompanying letter go to the Panel within 2 "
            "(working) days of the meeting; the agencies are told the outcome.",
            "appendix-1",
        ),
        (
            "The Panel aims to respond with its decision within 15 working days of receiving "
            "the Rapid Review.",
            "section-6",
        ),
        (
            "When a local review will be carried out, tell the Panel, Ofsted and the DfE, "
            "with the name of any reviewer commissioned.",
            "section-5",
        ),
        (
            "A local review's final report is published no later than six months from the "
            "decision to initiate it.",
            "section-11",
        ),
    )
    exports: ClassVar[tuple[tuple[str, str], ...]] = (
        ("pdf", "Download the Rapid Review (PDF)"),
        ("letter", "Download the letter to the Panel (PDF)"),
        ("notice", "Download the outcome notice for the agencies (PDF)"),
        ("json", "Download JSON"),
    )

    form: Literal["rapid-review"] = "rapid-review"
    schema_version: Literal[1] = 1
    case: CaseDetails = Field(default_factory=CaseDetails)
    key_dates: KeyDates = Field(default_factory=KeyDates)
    agency_returns: Annotated[
        list[AgencyReturn],
        Repeat(
            "The facts: agencies' returns",
            "agency",
            why="Appendix 1: the meeting reviews the facts presented in the agencies' Initial "
            "Scoping and Information Sharing returns. Add them from their saved files, or type "
            "them in.",
        ),
    ] = Field(default_factory=list)
    actions: Actions = Field(default_factory=Actions)
    criteria: Criteria = Field(default_factory=Criteria)
    decision: Decision = Field(default_factory=Decision)
    parallel_processes: OtherProcesses = Field(default_factory=OtherProcesses)
    attendees: Annotated[
        list[Attendee],
        Repeat("Attendees", "attendee", why="Who took part in the Rapid Review meeting."),
    ] = Field(default_factory=list)
    sign_off: SignOff = Field(default_factory=SignOff)

    # --- computed dates and warnings ---------------------------------------------------

    @classmethod
    def computed(cls, doc: Mapping[str, Any]) -> dict[str, Computed]:
        return {k: v for k, v in key_dates(doc).items() if v is not None}

    @classmethod
    def warnings(cls, doc: Mapping[str, Any]) -> list[FieldError]:
        found: list[FieldError] = []
        referral = document_date(doc, "case.referral_date")
        meeting = document_date(doc, "case.meeting_date")
        sent = document_date(doc, "sign_off.sent_to_panel")
        try:
            if referral and meeting and meeting >= referral:
                problem = meeting_window_problem(referral, meeting)
                if problem:
                    found.append(FieldError("case.meeting_date", problem))
            if meeting and sent and sent >= meeting:
                n = DEFAULT_CALENDAR.working_days_between(meeting, sent)
                if n > TO_PANEL_WORKING_DAYS:
                    found.append(
                        FieldError(
                            "sign_off.sent_to_panel",
                            f"The Rapid Review was sent to the Panel {n} working days after "
                            "the meeting; Appendix 1 sends it within 2 days",
                        )
                    )
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
        notes = [f"Sending to the Panel: {APPENDIX_2_DAYS_READING}"]
        notes += [f"{w.message}." for w in cls.warnings(doc)]
        return [
            {"name": "key_dates_notes", "title": "Notes on the key dates", "kind": "extra",
             "rows": [], "text": "\n".join(f"• {n}" for n in notes)}
        ]  # fmt: skip

    # --- exports ------------------------------------------------------------------------

    @classmethod
    def export(cls, fmt: str, doc: Mapping[str, Any], made_at: datetime) -> bytes:
        if fmt == "letter":
            return letter_pdf(doc, made_at)
        if fmt == "notice":
            return notice_pdf(doc, made_at)
        raise NotImplementedError(fmt)

    @classmethod
    def example(cls) -> dict[str, Any]:
        """A complete, valid Rapid Review with made-up people, for the CLI and the tests."""
        doc = {
            "form": "rapid-review",
            "schema_version": 1,
            "case": {
                "referral_reference": "NEL-2026-014",
                "child_initials": "Z N",
                "child_age": "8",
                "gender": "female",
                "ethnicity": "Mixed: White and Asian",
                "incident_date": "2026-10-10",
                "referral_date": "2026-10-14",
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
                    "agency": "Humberside Police",
                    "involvement": "Attended the home in October 2026.",
                    "key_points": "Investigation under way.",
                },
            ],
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
                "national_circumstances": ["in_care_or_child_protection_plan"],
                "national_rationale": "Z N was on a child protection plan.",
            },
            "decision": {
                "decision": "local_cspr",
                "rationale": "The case highlights improvements needed in how schools and "
                "social care share attendance concerns.",
                "reviewer": "Nguyễn Thị Ánh",
            },
            "parallel_processes": {
                "criminal_investigation": "yes",
                "coroner": "no",
                "domestic_homicide_review": "no",
                "mappa_review": "no",
                "safeguarding_adults_review": "no",
                "cdop": "no",
                "disciplinary": "not_known",
                "details": "Humberside Police investigation opened on 12 October.",
            },
            "attendees": [
                {"name": "Siobhán O'Neill", "role": "Chair", "agency": "Partnership"},
                {
                    "name": "Ілля Коваленко",
                    "role": "Detective Inspector",
                    "agency": "Humberside Police",
                },
            ],
            "sign_off": {
                "la_name": "Łukasz Żółć",
                "la_role": "Director of Children's Services",
                "la_date": "2026-10-28",
                "health_name": "Zoë Adams",
                "health_role": "Designated Nurse",
                "health_date": "2026-10-28",
                "police_name": "Ілля Коваленко",
                "police_role": "Detective Superintendent",
                "police_date": "2026-10-29",
                "sent_to_panel": "2026-10-30",
            },
        }
        model = cls.model_validate(fill_computed(cls, doc))
        return model.model_dump(mode="json")


# --------------------------------------------------------------------------------------
# key dates
# --------------------------------------------------------------------------------------


def key_dates(doc: Mapping[str, Any]) -> dict[str, Computed | None]:
    """The Rapid Review's key dates from a document that may be incomplete: the meeting
    window (Appendix 1), the date to send to the Panel (Appendix 1) and the date the Panel's
    decision is expected (section 6)."""
    referral = document_date(doc, "case.referral_date")
    meeting = document_date(doc, "case.meeting_date")
    sent = document_date(doc, "sign_off.sent_to_panel")
    out: dict[str, Computed | None] = {
        "key_dates.meeting_window": Computed(
            "", "Not worked out yet: enter the date the referral was received"
        ),
        "key_dates.send_to_panel_by": Computed(
            "", "Not worked out yet: enter the date of the Rapid Review meeting"
        ),
        "key_dates.panel_decision_by": Computed(
            "", "Not worked out yet: enter the date of the Rapid Review meeting"
        ),
    }
    cal = DEFAULT_CALENDAR
    try:
        if referral:
            earliest = cal.add_working_days(referral, MEETING_EARLIEST)
            latest = cal.add_working_days(referral, MEETING_LATEST)
            text = (
                f"{long_date_with_weekday(earliest)} to {long_date_with_weekday(latest)} (7 to "
                f"13 working days after the referral on {long_date(referral)})"
            )
            out["key_dates.meeting_window"] = Computed(text, text)
        send_by = None
        if meeting:
            send_by = cal.add_working_days(meeting, TO_PANEL_WORKING_DAYS)
            out["key_dates.send_to_panel_by"] = Computed(
                send_by.isoformat(),
                f"{long_date_with_weekday(send_by)} (2 working days after the meeting on "
                f"{long_date(meeting)})",
            )
        start = sent or send_by
        if start:
            decision = cal.add_working_days(start, PANEL_DECISION_WORKING_DAYS)
            basis = (
                f"sent to the Panel on {long_date(start)}"
                if sent
                else f"if it is sent on {long_date(start)}"
            )
            out["key_dates.panel_decision_by"] = Computed(
                decision.isoformat(),
                f"{long_date_with_weekday(decision)} (15 working days after the Rapid Review "
                f"is received: {basis})",
            )
    except ValueError:  # past the calendar's years: left as not worked out
        pass
    return out


# --------------------------------------------------------------------------------------
# adding the agencies' returns
# --------------------------------------------------------------------------------------


def agency_key(name: str) -> str:
    """An agency's name for matching: case, punctuation, "&" and spacing do not count
    ("Humberside  Police." is "humberside police")."""
    text = unicodedata.normalize("NFKC", name).casefold().replace("&", " and ")
    text = re.sub(r"[^\w\s]", " ", text)
    return " ".join(text.split())


def _letters(value: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKC", value).casefold() if c.isalnum())


def _s(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _date_words(value: Any) -> str:
    try:
        return long_date(date.fromisoformat(_s(value)))
    except ValueError:
        return _s(value)


def involvement_text(ret: Mapping[str, Any]) -> str:
    """The involvement column of an agency's row, from its return."""
    inv = ret.get("involvement") or {}
    lines = []
    if _s(inv.get("period")):
        lines.append(f"When: {_s(inv.get('period'))}")
    if _s(inv.get("nature")):
        lines.append(_s(inv.get("nature")))
    return "\n".join(lines)


def key_points_text(ret: Mapping[str, Any]) -> str:
    """The key points column of an agency's row, from its return: the analysis, the
    chronology and who wrote and signed it off."""
    analysis = ret.get("analysis") or {}
    other = ret.get("other") or {}
    lines = []
    for label, value in (
        ("Summary", analysis.get("summary")),
        ("What went well", analysis.get("went_well")),
        ("Concerns or areas for improvement", analysis.get("concerns")),
        ("Immediate action", analysis.get("immediate_action")),
        ("Learning identified", analysis.get("learning")),
        ("Support for staff", other.get("staff_welfare")),
        ("Other processes", other.get("other_processes")),
    ):
        if _s(value):
            lines.append(f"{label}: {_s(value)}")
    chronology = [r for r in ret.get("chronology") or [] if isinstance(r, Mapping)]
    if chronology:
        lines.append("Chronology:")
        for row in chronology:
            who = f" ({_s(row.get('who'))})" if _s(row.get("who")) else ""
            head = ", ".join(x for x in (_date_words(row.get("date")), _s(row.get("contact_type")))
                             if x)  # fmt: skip
            lines.append(f"• {head}{who}: {_s(row.get('what_happened'))}")
    agency = ret.get("agency") or {}
    by = ", ".join(x for x in (_s(agency.get("author_name")), _s(agency.get("author_role"))) if x)
    if by:
        signed = ""
        if _s(agency.get("dsl_name")):
            when = f" on {_date_words(agency.get('dsl_date'))}" if agency.get("dsl_date") else ""
            signed = f"; signed off by {_s(agency.get('dsl_name'))}{when}"
        contact = (
            f" ({_s(agency.get('author_contact'))})" if _s(agency.get("author_contact")) else ""
        )
        lines.append(f"From the return by {by}{contact}{signed}.")
    return "\n".join(lines)


#: Case details a return can fill in when the Rapid Review's are blank: (RR field, return
#: path, words for the message).
_CASE_FROM_RETURN = (
    ("referral_reference", ("case", "referral_reference"), "the referral reference"),
    ("child_initials", ("case", "child_initials"), "the child's initials"),
    ("child_age", ("case", "child_age"), "the child's age"),
    ("referral_date", ("case", "date_of_referral"), "the date the referral was received"),
)


@dataclass
class Added:
    """What adding returns did: each agency named once, in the order of the files."""

    document: dict[str, Any]
    added: list[str] = field(default_factory=list)
    filled: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    case_filled: list[str] = field(default_factory=list)
    refused: list[FieldError] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.added or self.filled or self.case_filled)

    def messages(self) -> list[str]:
        """What happened, in sentences for the page and the CLI."""
        out = []
        if self.added:
            n = len(self.added)
            out.append(f"Added {n} {'agency' if n == 1 else 'agencies'}: {and_list(self.added)}.")
        for name in self.filled:
            out.append(
                f"{name} was already listed: its empty boxes were filled in from its return, "
                "and what you had written was kept."
            )
        for name in self.unchanged:
            out.append(f"{name} was already listed: nothing was changed.")
        if self.case_filled:
            out.append(f"Filled in {and_list(self.case_filled)} from the returns.")
        out += [f"{e.message}." for e in self.refused]
        if self.refused and not self.changed:
            out.append("Nothing was added: your answers have not changed.")
        return out


def _max_agency_rows() -> int:
    (part,) = [p for p in parts(RapidReview) if p.name == "agency_returns"]
    assert part.repeat is not None
    return part.repeat.max_items


def add_returns(
    rr_doc: Mapping[str, Any], returns: Sequence[tuple[str, Mapping[str, Any]]]
) -> Added:
    """Put one row per agency into a Rapid Review document, from agencies' scoping returns
    (already read with ``engine.read_file``): ``returns`` is ``(file name, document)``.

    Each agency appears once (names are matched with ``agency_key``). A row already there
    keeps every box the user wrote in; only its empty boxes are filled. A return for another
    referral, or for a child with other initials, is refused, naming its file."""
    doc = {k: v for k, v in rr_doc.items()}
    case = dict(doc.get("case") or {})
    rows = [dict(r) for r in doc.get("agency_returns") or [] if isinstance(r, Mapping)]
    max_rows = _max_agency_rows()
    result = Added(document=doc)
    index = {agency_key(_s(r.get("agency"))): r for r in rows if _s(r.get("agency"))}
    seen: set[str] = set()
    for name, ret in returns[:MAX_RETURNS]:
        ret_case = ret.get("case") or {}
        agency = _s((ret.get("agency") or {}).get("agency"))
        if not agency:
            result.refused.append(
                FieldError("files", f"{name} does not name its agency: it was not added")
            )
            continue
        ours, theirs = _s(case.get("referral_reference")), _s(ret_case.get("referral_reference"))
        if ours and theirs and agency_key(ours) != agency_key(theirs):
            result.refused.append(
                FieldError(
                    "files",
                    f"{name} is a return for referral {theirs}, not {ours}: it was not added",
                )
            )
            continue
        ours, theirs = _s(case.get("child_initials")), _s(ret_case.get("child_initials"))
        if ours and theirs and _letters(ours) != _letters(theirs):
            result.refused.append(
                FieldError(
                    "files",
                    f"{name} is about a child with the initials {theirs}, not {ours}: it was "
                    "not added",
                )
            )
            continue
        if agency_key(agency) not in index and len(rows) >= max_rows:
            result.refused.append(
                FieldError(
                    "files",
                    f"{name} was not added: the Rapid Review already has {max_rows} "
                    "agencies, the most it takes",
                )
            )
            continue
        for rr_field, (part, key), words in _CASE_FROM_RETURN:
            value = _s((ret.get(part) or {}).get(key))
            if value and not _s(case.get(rr_field)):
                case[rr_field] = value
                result.case_filled.append(words)
        fresh = {
            "agency": agency,
            "involvement": involvement_text(ret),
            "key_points": key_points_text(ret),
        }
        key = agency_key(agency)
        row = index.get(key)
        if row is None:
            rows.append(fresh)
            index[key] = fresh
            result.added.append(agency)
            seen.add(key)
            continue
        changed = False
        for box in ("involvement", "key_points"):
            if not _s(row.get(box)) and fresh[box]:
                row[box] = fresh[box]
                changed = True
        shown = _s(row.get("agency"))
        if key in seen:
            continue  # named once: a second file for an agency just added says nothing new
        seen.add(key)
        (result.filled if changed else result.unchanged).append(shown)
    if len(returns) > MAX_RETURNS:
        result.refused.append(
            FieldError(
                "files", f"Add at most {MAX_RETURNS} returns at a time: the rest were not added"
            )
        )
    doc["case"] = case
    doc["agency_returns"] = rows
    result.document = fill_computed(RapidReview, doc)
    return result


def read_returns(
    files: Sequence[tuple[str, str | bytes]],
) -> tuple[list[tuple[str, dict[str, Any]]], list[FieldError]]:
    """Read scoping-return files, keeping those that are saved returns and a message, naming
    the file, for each that is not (broken, too big, of another kind or version)."""
    from .errors import InputError

    good: list[tuple[str, dict[str, Any]]] = []
    bad: list[FieldError] = []
    for name, content in files:
        try:
            good.append((name, engine.read_file(ScopingReturn, content, name)))
        except InputError as exc:
            bad.extend(FieldError("files", e.message) for e in exc.errors)
    return good, bad


# --------------------------------------------------------------------------------------
# the letter to the Panel and the outcome notice
# --------------------------------------------------------------------------------------

_LETTER_DECISION = {
    "local_cspr": "We have decided to carry out a local child safeguarding practice review.",
    "refer_national": "We think the case may raise issues which are complex or of national "
    "importance such that a national review may be appropriate, and we ask the Panel to "
    "consider it.",
    "other_learning": "We have decided not to carry out a child safeguarding practice review. "
    "The case raises issues of importance to the local area, and we will hold an interagency "
    "Line of Sight Learning Event.",
    "no_review": "We have decided not to carry out a child safeguarding practice review or "
    "another learning review.",
}

_NOTICE_DECISION = {
    "local_cspr": "The safeguarding partners decided to carry out a local child safeguarding "
    "practice review.",
    "refer_national": "The safeguarding partners decided to refer the case to the Child "
    "Safeguarding Practice Review Panel, as it may raise issues which are complex or of "
    "national importance such that a national review may be appropriate.",
    "other_learning": "The safeguarding partners decided not to carry out a child safeguarding "
    "practice review, and to hold an interagency Line of Sight Learning Event instead.",
    "no_review": "The safeguarding partners decided that no further review will take place.",
}

_NEXT_STEPS = {
    "local_cspr": (
        "A local child safeguarding practice review will be carried out (section 10). "
        "Practitioners will be invited to contribute their perspectives without fear of being "
        "blamed for actions they took in good faith, and the family will be invited to "
        "contribute.",
        "The final report is published as soon as possible, and no later than six months "
        "from the decision to initiate the review (section 11).",
        "The Panel, Ofsted and the Department for Education are told of the review (section 5).",
    ),
    "refer_national": (
        "The Panel decides whether a national review is appropriate, and aims to respond "
        "within 15 working days of receiving the Rapid Review (section 6). You will be told "
        "its decision.",
        "The Panel may ask for more information: please respond promptly.",
    ),
    "other_learning": (
        "An interagency Line of Sight Learning Event will be held (section 7). The "
        "partnership will contact your agency to take part.",
    ),
    "no_review": (
        "No further review will take place. Share the learning identified with your staff "
        "(section 5).",
    ),
}


def _label(options: Sequence[tuple[str, str]], value: Any) -> str:
    return dict(options).get(_s(value), _s(value))


def _child(case: Mapping[str, Any]) -> str:
    return f"{_s(case.get('child_initials'))}, aged {_s(case.get('child_age'))}"


def _signatures(sign: Mapping[str, Any]) -> list[tuple[str, str]]:
    rows = []
    for key, partner, _ in PARTNERS:
        name = _s(sign.get(f"{key}_name"))
        if not name:
            rows.append((partner, "Not yet signed off"))
            continue
        role = _s(sign.get(f"{key}_role"))
        when = sign.get(f"{key}_date")
        text = name + (f", {role}" if role else "")
        text += f". Signed off on {_date_words(when)}." if when else ". Date not given."
        rows.append((partner, text))
    return rows


def _agencies(doc: Mapping[str, Any]) -> list[str]:
    return [_s(r.get("agency")) for r in doc.get("agency_returns") or [] if _s(r.get("agency"))]


def _decision_text(decision: Mapping[str, Any]) -> str:
    text = _LETTER_DECISION.get(_s(decision.get("decision")), "")
    if _s(decision.get("decision")) == "local_cspr" and _s(decision.get("reviewer")):
        text += f" We have commissioned {_s(decision.get('reviewer'))} as the reviewer."
    return text


def letter_pdf(doc: Mapping[str, Any], made_at: datetime) -> bytes:
    """The accompanying letter to the Child Safeguarding Practice Review Panel (Appendix 1;
    section 5: "send a copy to the Panel" and "share with the Panel their decision")."""
    from .forms.pdf import Block, render

    case, decision = doc.get("case") or {}, doc.get("decision") or {}
    crit, sign = doc.get("criteria") or {}, doc.get("sign_off") or {}
    actions = doc.get("actions") or {}
    keys = key_dates(doc)
    notified = (
        f"{_date_words(case.get('la_notification_date'))}"
        + (f", reference {_s(case.get('la_notification_reference'))}"
           if _s(case.get("la_notification_reference")) else "")
        if case.get("la_notification_date")
        else "The local authority did not notify the Panel"
    )  # fmt: skip
    details = [
        ("To", "The Child Safeguarding Practice Review Panel"),
        ("From", "The North East Lincolnshire safeguarding partners: the local authority, "
                 "health and the police"),
        ("Date", long_date(made_at.date())),
        ("Child", _child(case)),
        ("Referral reference", _s(case.get("referral_reference")) or "Not given"),
        ("Local authority notification", notified),
        ("Referral received", _date_words(case.get("referral_date"))),
        ("Rapid Review meeting", _date_words(case.get("meeting_date"))),
    ]  # fmt: skip
    intro = (
        f"The safeguarding partners held a Rapid Review meeting on "
        f"{_date_words(case.get('meeting_date'))} about a child, {_child(case)}, whose case was "
        f"referred to them on {_date_words(case.get('referral_date'))}. We enclose the "
        "completed Rapid Review Template and tell you our decision (section 5 of our "
        "procedure)."
    )
    answers = []
    for key, label in (
        ("improvements", "Improvements needed"),
        ("legislation", "Legislative or guidance change"),
        ("recurrent_themes", "Recurrent themes"),
    ):
        why = _s(crit.get(f"{key}_rationale"))
        answers.append(
            (label, f"{_label(YES_NO_UNSURE, crit.get(key))}." + (f" {why}" * bool(why)))
        )
    found = [NATIONAL_CIRCUMSTANCES.get(c, c) for c in crit.get("national_circumstances") or []]
    circumstances = "\n".join(f"• {c}" for c in found) or "None identified."
    if _s(crit.get("national_rationale")):
        circumstances += f"\n{_s(crit.get('national_rationale'))}"
    agencies = _agencies(doc)
    enclosed = ["The completed Rapid Review Template"]
    if agencies:
        enclosed.append(
            f"The agencies' Initial Scoping and Information Sharing returns ({len(agencies)}: "
            f"{and_list(agencies)})"
        )
    enclosed.append("The referral form")
    if case.get("la_notification_date"):
        enclosed.append("The local authority's notification to the Panel")
    due = keys.get("key_dates.panel_decision_by")
    expected = (
        "The Panel has committed to respond with a decision on the majority of cases within "
        "15 working days of receiving a rapid review (section 6)"
        + (f": {due.text}." if due and due.value else ".")
    )
    blocks = [
        Block("The case", details),
        Block("The Rapid Review", text=intro),
        Block(
            "Our decision",
            text=f"{_decision_text(decision)}\n\nRationale: {_s(decision.get('rationale'))}",
        ),
        Block("The criteria we considered (section 6)", answers),
        Block("Circumstances the Panel has regard to", text=circumstances),
        Block("Immediate action agreed", text=_s(actions.get("immediate_actions"))),
        Block("Parallel processes (section 8)", text=_processes_text(doc)),
        Block("Enclosed", text="\n".join(f"• {e}" for e in enclosed)),
        Block("What we expect next", text=expected),
        Block("Signed on behalf of the safeguarding partners", _signatures(sign)),
    ]  # fmt: skip
    return render(
        "Rapid Review: letter to the Child Safeguarding Practice Review Panel",
        blocks,
        made_at,
        f"From the North East Lincolnshire safeguarding partners. Made on "
        f"{made_at.strftime('%d/%m/%Y at %H:%M')}.",
    )


def _processes_text(doc: Mapping[str, Any]) -> str:
    from .forms.spec import parts

    section = doc.get("parallel_processes") or {}
    (part,) = [p for p in parts(RapidReview) if p.name == "parallel_processes"]
    lines = []
    for f in part.fields:
        value = section.get(f.name)
        if f.meta.kind == "radios" and _s(value):
            lines.append(f"{f.meta.label}: {_label(YES_NO_NOT_KNOWN, value)}")
    if _s(section.get("details")):
        lines.append(_s(section.get("details")))
    return "\n".join(lines) or "None given."


def notice_pdf(doc: Mapping[str, Any], made_at: datetime) -> bytes:
    """A short notice to the agencies of what was decided and what happens next (Appendix 1:
    "agencies told the outcome"; section 4: the rationale is communicated appropriately)."""
    from .forms.pdf import Block, render

    case, decision = doc.get("case") or {}, doc.get("decision") or {}
    actions = doc.get("actions") or {}
    agencies = _agencies(doc)
    key = _s(decision.get("decision"))
    steps = list(_NEXT_STEPS.get(key, ()))
    if key == "local_cspr" and _s(decision.get("reviewer")):
        steps.insert(1, f"The reviewer is {_s(decision.get('reviewer'))}.")
    if key != "refer_national":
        steps.append(
            "The Rapid Review and this decision go to the Child Safeguarding Practice Review "
            "Panel (Appendix 1), which may decide on a national review (section 6)."
        )
    steps.append(
        "Keep supporting the staff affected by this case, in line with your organisation's "
        "policies and procedures (section 5)."
    )
    if _s(actions.get("learning_to_share")):
        steps.append(f"Learning to share now: {_s(actions.get('learning_to_share'))}")
    blocks = [
        Block(
            "The case",
            [
                ("Child", _child(case)),
                ("Referral reference", _s(case.get("referral_reference")) or "Not given"),
                ("Referral received", _date_words(case.get("referral_date"))),
                ("Rapid Review meeting", _date_words(case.get("meeting_date"))),
            ],
        ),
        Block(
            "To",
            text=(
                f"The agencies that contributed to the Rapid Review: {and_list(agencies)}."
                if agencies
                else "The agencies that contributed to the Rapid Review."
            ),
        ),
        Block(
            "What was decided",
            text=f"{_NOTICE_DECISION.get(key, '')}\n\nWhy: {_s(decision.get('rationale'))}",
        ),
        Block("Immediate action agreed", text=_s(actions.get("immediate_actions"))),
        Block("What happens next", text="\n".join(f"• {s}" for s in steps)),
        Block(
            "Keep this notice secure",
            text="This notice is OFFICIAL-SENSITIVE. Share it only with those in your agency "
            "who need to know, and only through secure email.",
        ),
    ]
    return render(
        "Rapid Review outcome: notice to the agencies",
        blocks,
        made_at,
        f"From the North East Lincolnshire safeguarding partners. Made on "
        f"{made_at.strftime('%d/%m/%Y at %H:%M')}.",
    )
