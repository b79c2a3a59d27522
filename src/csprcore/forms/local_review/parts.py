"""The local review record's sections, in page order (sections 5 and 9 to 11), and their
options. The child is named by initials and age only."""

from __future__ import annotations

from typing import Annotated, ClassVar, Final

from pydantic import Field

from ...rules.citations import cited
from ...rules.timescales import AVAILABLE_FOR_MONTHS, COPIES_BEFORE_PUBLICATION, working_days
from ..fields import ChildAge, ChildInitials, OptDate, Part, Text
from ..meta import Meta, Section
from ..rapid_review.parts import YES_NO_UNSURE

YES_NO: Final = (("yes", "Yes"), ("no", "No"))

#: Section 9: what the safeguarding partners consider for each reviewer: (field, the point as
#: a question, its name in a sentence). The last is asked the other way round ("free of"), so
#: that "yes" is the answer wanted for every point.
REVIEWER_POINTS: Final[tuple[tuple[str, str, str], ...]] = (
    ("knowledge", "Professional knowledge, understanding and practice relevant to local child "
     "safeguarding practice reviews, including the ability to engage both with practitioners "
     "and children and families?", "professional knowledge"),
    ("research", "Knowledge and understanding of research relevant to children's safeguarding "
     "issues?", "knowledge of research"),
    ("complexity", "The ability to recognise the complex circumstances in which practitioners "
     "work together to safeguard children?", "recognising complex circumstances"),
    ("hindsight", "The ability to understand practice from the viewpoint of the individuals, "
     "organisations or agencies involved at the time rather than using hindsight?",
     "seeing practice without hindsight"),
    ("communication", "The ability to communicate findings effectively?",
     "communicating findings"),
    ("conflict_free", "Is the reviewer free of any real or perceived conflict of interest?",
     "freedom from conflicts of interest"),
)  # fmt: skip

METHODS: Final = (
    ("systems", "A systems methodology"),
    ("other", "Another methodology"),
)

PUBLICATION_DECISIONS: Final = (
    ("full", "Publish the full report"),
    ("improvements_only", "Publish information about the improvements to be made only"),
    ("not_published", "Publish neither the report nor the information about improvements"),
)

DELAY_REASONS: Final = (
    ("criminal_investigation", "An ongoing criminal investigation"),
    ("inquest", "An inquest"),
    ("prosecution", "A future prosecution"),
    ("other", "Other proceedings"),
)


class CaseDetails(Part):
    section: ClassVar = Section(
        "The case and the decision",
        "To identify the case without naming the child: initials and age only. Start from the "
        "Rapid Review's saved file to fill these in.",
    )
    referral_reference: Annotated[
        Text, Meta("Referral reference", width="medium", max_length=60)
    ] = ""
    child_initials: ChildInitials = ""
    child_age: ChildAge = ""
    meeting_date: Annotated[
        OptDate,
        Meta("Date of the Rapid Review meeting", kind="date", not_future=True,
             error_name="the date of the Rapid Review meeting"),
    ] = None  # fmt: skip
    decision_date: Annotated[
        OptDate,
        Meta(
            "Date of the decision to initiate the local review",
            kind="date",
            required=True,
            not_future=True,
            hint=f"The final report's deadline counts from it ({cited('section-11')}).",
            error_name="the date of the decision to initiate the local review",
        ),
    ] = None
    criteria_considered: Annotated[
        Text,
        Meta(
            "The criteria considered",
            kind="textarea",
            hint="Regulation 11: what the safeguarding partners took into account in deciding "
            "on a local review.",
            max_length=10000,
        ),
    ] = ""


class KeyDates(Part):
    section: ClassVar = Section(
        "Key dates",
        f"{cited('section-11', capital=True)}, from the decision and the planned publication "
        "date below, in England and Wales working days and calendar months; each with whether "
        "it is done, due or overdue today.",
    )
    final_report_due: Annotated[
        OptDate,
        Meta("Final report completed and published by", kind="date", computed=True,
             hint="No later than six months from the decision to initiate the review."),
    ] = None  # fmt: skip
    send_to_panel_by: Annotated[
        OptDate,
        Meta("Copy to the Panel and the Secretary of State by", kind="date", computed=True,
             hint=f"At least {working_days(COPIES_BEFORE_PUBLICATION)} before the planned "
             "publication date."),
    ] = None  # fmt: skip
    send_to_ofsted_by: Annotated[
        OptDate,
        Meta("Copy to Ofsted by", kind="date", computed=True,
             hint="Within the same timescale."),
    ] = None  # fmt: skip
    available_until: Annotated[
        OptDate,
        Meta("Published report kept available until at least", kind="date", computed=True,
             hint=f"{AVAILABLE_FOR_MONTHS} calendar months after publication."),
    ] = None  # fmt: skip


def _point(question: str, name: str) -> Meta:
    return Meta(question, kind="radios", options=YES_NO_UNSURE, required=True,
                error_name=f"an answer on {name}")  # fmt: skip


def _evidence(name: str) -> Meta:
    return Meta(f"Evidence on {name}", kind="textarea", max_length=2000)


class Reviewer(Part):
    name: Annotated[
        Text, Meta("Reviewer's name", required=True, error_name="the reviewer's name",
                   max_length=120)
    ] = ""  # fmt: skip
    from_panel_pool: Annotated[
        Text,
        Meta("Is the reviewer from the Panel's pool of reviewers?", kind="radios",
             options=YES_NO, error_name="whether the reviewer is from the Panel's pool"),
    ] = ""  # fmt: skip
    commissioned_on: Annotated[
        OptDate,
        Meta("Date commissioned", kind="date", not_future=True,
             error_name="the date the reviewer was commissioned"),
    ] = None  # fmt: skip
    knowledge: Annotated[Text, _point(*REVIEWER_POINTS[0][1:])] = ""
    knowledge_evidence: Annotated[Text, _evidence(REVIEWER_POINTS[0][2])] = ""
    research: Annotated[Text, _point(*REVIEWER_POINTS[1][1:])] = ""
    research_evidence: Annotated[Text, _evidence(REVIEWER_POINTS[1][2])] = ""
    complexity: Annotated[Text, _point(*REVIEWER_POINTS[2][1:])] = ""
    complexity_evidence: Annotated[Text, _evidence(REVIEWER_POINTS[2][2])] = ""
    hindsight: Annotated[Text, _point(*REVIEWER_POINTS[3][1:])] = ""
    hindsight_evidence: Annotated[Text, _evidence(REVIEWER_POINTS[3][2])] = ""
    communication: Annotated[Text, _point(*REVIEWER_POINTS[4][1:])] = ""
    communication_evidence: Annotated[Text, _evidence(REVIEWER_POINTS[4][2])] = ""
    conflict_free: Annotated[
        Text,
        Meta(REVIEWER_POINTS[5][1], kind="radios", options=YES_NO_UNSURE, required=True,
             hint="A \u201cno\u201d or \u201cnot sure\u201d is noted as a warning: record how "
             "the conflict is managed.",
             error_name="an answer on conflicts of interest"),
    ] = ""  # fmt: skip
    conflict_free_evidence: Annotated[Text, _evidence("conflicts of interest")] = ""


class Notification(Part):
    section: ClassVar = Section(
        "Telling the Panel, Ofsted and the DfE",
        f"{cited('section-5', capital=True)}: the safeguarding partners tell the Panel, Ofsted "
        "and the Department for Education that a local review will be carried out, with the "
        "name of any reviewer commissioned.",
    )
    told_on: Annotated[
        OptDate,
        Meta("Date they were told", kind="date", not_future=True,
             hint="Leave blank until the letter is sent.",
             error_name="the date the Panel, Ofsted and the DfE were told"),
    ] = None  # fmt: skip
    how: Annotated[
        Text, Meta("How they were told", width="medium", hint="For example, secure email.",
                   max_length=200)
    ] = ""  # fmt: skip


class Method(Part):
    section: ClassVar = Section(
        "Method and involvement",
        f"{cited('section-10', capital=True)}: the partners agree the method with the "
        "reviewer, taking into account the systems methodology; practitioners and families, "
        "surviving children included, are invited to contribute; every review reflects the "
        "child's perspective and the family context.",
    )
    methodology: Annotated[
        Text,
        Meta("The methodology", kind="radios", options=METHODS,
             error_name="the methodology"),
    ] = ""  # fmt: skip
    other_why: Annotated[
        Text,
        Meta("Which methodology, and why", kind="textarea", required=True,
             show_if=("methodology", ("other",)), max_length=3000,
             error_name="which methodology and why"),
    ] = ""  # fmt: skip
    practitioners: Annotated[
        Text, Meta("How practitioners are involved", kind="textarea", max_length=3000)
    ] = ""
    family: Annotated[
        Text,
        Meta("How the family, surviving children included, are involved", kind="textarea",
             hint="How they will be involved, and how their expectations are managed.",
             max_length=3000),
    ] = ""  # fmt: skip
    child_perspective: Annotated[
        Text, Meta("How the review reflects the child's perspective", kind="textarea",
                   max_length=3000)
    ] = ""  # fmt: skip


class Progress(Part):
    section: ClassVar = Section(
        "Supervising the review",
        "Regulation 14: the safeguarding partners monitor the time the review is taking and "
        "its quality at regular intervals. Any request to the reviewer for information must "
        "be made in writing: log each one below.",
    )
    progress_checks: Annotated[
        Text,
        Meta("Progress and quality checks", kind="textarea",
             hint="When progress and quality were checked, and what was found.",
             max_length=5000),
    ] = ""  # fmt: skip


class SupervisionRequest(Part):
    requested_on: Annotated[
        OptDate,
        Meta("Date of the request", kind="date", required=True, not_future=True,
             error_name="the date of the request"),
    ] = None  # fmt: skip
    asked: Annotated[
        Text,
        Meta("What was asked", kind="textarea", required=True, max_length=2000,
             error_name="what was asked"),
    ] = ""  # fmt: skip
    in_writing: Annotated[
        Text,
        Meta("Was the request made in writing?", kind="radios", options=YES_NO, required=True,
             error_name="whether the request was made in writing"),
    ] = ""  # fmt: skip
    answered: Annotated[
        Text,
        Meta("Answer received?", kind="radios", options=YES_NO,
             error_name="whether an answer was received"),
    ] = ""  # fmt: skip


def _includes(label: str) -> Meta:
    return Meta(label, kind="radios", options=YES_NO)


class FinalReport(Part):
    section: ClassVar = Section(
        "The final report",
        f"{cited('section-11', capital=True)}: what the final report must include.",
    )
    completed_on: Annotated[
        OptDate,
        Meta("Date the final report was completed", kind="date", not_future=True,
             error_name="the date the final report was completed"),
    ] = None  # fmt: skip
    summary_of_improvements: Annotated[
        Text, _includes("Does it include a summary of any recommended improvements?")
    ] = ""
    systemic_analysis: Annotated[
        Text,
        _includes("Does it include an analysis of any systemic or underlying reasons why "
                  "actions were taken or not?"),
    ] = ""  # fmt: skip
    recommendations_clear: Annotated[
        Text,
        _includes("Are its recommendations clear on what is required of whom, and by when?"),
    ] = ""
    reviewer_named: Annotated[Text, _includes("Does it name the reviewer or reviewers?")] = ""
    impact_considered: Annotated[
        Text,
        _includes("Has the impact of publication on the children, the family, practitioners "
                  "and others closely affected been considered?"),
    ] = ""  # fmt: skip


class Publication(Part):
    section: ClassVar = Section(
        "Publication",
        f"{cited('section-11', capital=True)}: the partners publish the report unless they "
        "consider it inappropriate, and then publish any information about improvements that "
        "they consider appropriate; copies go to the Panel, the Secretary of State and Ofsted "
        f"at least {working_days(COPIES_BEFORE_PUBLICATION)} before publication. The Panel "
        "and the Secretary of State are told the reasons for any delay, and the justification "
        "for any decision not to publish.",
    )
    decision: Annotated[
        Text,
        Meta("What will be published", kind="radios", options=PUBLICATION_DECISIONS,
             error_name="what will be published"),
    ] = ""  # fmt: skip
    justification: Annotated[
        Text,
        Meta("The justification for not publishing", kind="textarea", required=True,
             show_if=("decision", ("not_published",)), max_length=5000,
             hint="The Panel and the Secretary of State are given it.",
             error_name="the justification for not publishing"),
    ] = ""  # fmt: skip
    planned_date: Annotated[
        OptDate,
        Meta("Planned publication date", kind="date",
             error_name="the planned publication date"),
    ] = None  # fmt: skip
    sent_to_panel: Annotated[
        OptDate,
        Meta("Date the copy was sent to the Panel and the Secretary of State", kind="date",
             not_future=True,
             error_name="the date the copy was sent to the Panel and the Secretary of State"),
    ] = None  # fmt: skip
    sent_to_ofsted: Annotated[
        OptDate,
        Meta("Date the copy was sent to Ofsted", kind="date", not_future=True,
             error_name="the date the copy was sent to Ofsted"),
    ] = None  # fmt: skip
    published_on: Annotated[
        OptDate,
        Meta("Date published", kind="date", not_future=True,
             error_name="the date published"),
    ] = None  # fmt: skip
    delay_reasons: Annotated[
        list[str],
        Meta("Reasons for any delay", kind="checkboxes", options=DELAY_REASONS,
             hint="Proceedings that may delay publication. Select all that apply."),
    ] = Field(default_factory=list)  # fmt: skip
    delay_details: Annotated[Text, Meta("About the delay", kind="textarea", max_length=3000)] = ""


def _signer(partner: str) -> Meta:
    return Meta(f"{partner}: name of the signatory", width="medium", max_length=120)


def _signer_role(partner: str) -> Meta:
    return Meta(f"{partner}: their role", width="medium", max_length=120)


class Signatories(Part):
    section: ClassVar = Section(
        "The safeguarding partners' signatories",
        "The letters are signed on behalf of the safeguarding partners (Children Act 2004 "
        "s16E): the local authority, the integrated care board and the chief officer of "
        "police, or the people they delegate to.",
    )
    la_name: Annotated[Text, _signer("Local authority")] = ""
    la_role: Annotated[Text, _signer_role("Local authority")] = ""
    health_name: Annotated[Text, _signer("Health")] = ""
    health_role: Annotated[Text, _signer_role("Health")] = ""
    police_name: Annotated[Text, _signer("Police")] = ""
    police_role: Annotated[Text, _signer_role("Police")] = ""
