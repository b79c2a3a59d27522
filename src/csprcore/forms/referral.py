"""The referral form (the partnership names it in its profile: ``documents.referral``).

Section 3 of the procedure: any organisation with statutory or official duties in relation to
children informs the safeguarding partners of an incident they think should be considered for
a child safeguarding practice review, with this form, "following discussion with the designated
lead within the organisation and agreement by the service manager". The fields are ours: the
procedure names the form but does not list them.

Longer than most modules because it is a declarative form: most of its lines are field
definitions, one per question in page order, which read best in one place.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..errors import FieldError, InputError
from ..exports.document import Document
from ..partnership import current
from ..rules.citations import SECTION_TITLES, Cite, cited, short_title
from ..rules.criteria import (
    ANSWER_WORDS,
    CONCLUSION_QUESTIONS,
    CONCLUSIONS,
    NATIONAL_CIRCUMSTANCES,
    QUESTIONS_BY_KEY,
    assess,
    parse_facts,
)
from ..rules.timescales import (
    NOTIFY_PANEL,
    RAPID_REVIEW_TO_PANEL,
    by_role,
    role_words,
    within_words,
    working_days,
)
from .base import FormBase
from .controls import clean_text
from .fields import OptDate, Part, Text
from .meta import YES_NO_NOT_KNOWN, Meta, Repeat, Section


class Referrer(Part):
    section: ClassVar = Section(
        "About you, the referrer",
        "The safeguarding partners need to know who made the referral and how to reach you.",
    )
    name: Annotated[
        Text, Meta("Full name", required=True, autocomplete="name", error_name="your full name")
    ] = ""
    role: Annotated[Text, Meta("Role or job title", required=True, error_name="your role")] = ""
    agency: Annotated[
        Text,
        Meta(
            "Agency or organisation",
            required=True,
            autocomplete="organization",
            error_name="your agency or organisation",
        ),
    ] = ""
    email: Annotated[
        Text,
        Meta(
            "Email address",
            kind="email",
            required=True,
            autocomplete="email",
            error_name="your email address",
            width="medium",
            hint="Use a secure email address; the partnership replies to it.",
        ),
    ] = ""
    phone: Annotated[
        Text, Meta("Telephone number", kind="tel", autocomplete="tel", width="medium")
    ] = ""
    referral_date: Annotated[
        OptDate,
        Meta(
            "Date of referral",
            kind="date",
            required=True,
            error_name="the date of referral",
            not_future=True,
            hint="For example, 18 12 2026",
        ),
    ] = None


class Consulted(Part):
    section: ClassVar = Section(
        "Designated safeguarding lead consulted",
        "Section 3: a referral follows discussion with your agency's designated safeguarding lead.",
    )
    name: Annotated[
        Text,
        Meta(
            "Name of the designated safeguarding lead",
            required=True,
            error_name="the designated safeguarding lead's name",
        ),
    ] = ""
    role: Annotated[
        Text,
        Meta("Their role", required=True, error_name="the designated safeguarding lead's role"),
    ] = ""
    date: Annotated[
        OptDate,
        Meta(
            "Date you discussed the case",
            kind="date",
            required=True,
            not_future=True,
            error_name="the date you discussed the case",
        ),
    ] = None


class Agreed(Part):
    section: ClassVar = Section(
        "Service manager who agreed the referral",
        "Section 3: a referral is made with the agreement of the service manager.",
    )
    name: Annotated[
        Text,
        Meta("Name of the service manager", required=True, error_name="the service manager's name"),
    ] = ""
    role: Annotated[
        Text, Meta("Their role", required=True, error_name="the service manager's role")
    ] = ""
    date: Annotated[
        OptDate,
        Meta(
            "Date they agreed the referral",
            kind="date",
            required=True,
            not_future=True,
            error_name="the date the service manager agreed",
        ),
    ] = None


GENDERS = (
    ("female", "Female"),
    ("male", "Male"),
    ("other", "Another gender"),
    ("not_known", "Not known"),
)
LEGAL_STATUS = (
    ("child_in_need", "Child in need"),
    ("cpp_current", "On a child protection plan"),
    ("cpp_recently_removed", "Recently removed from a child protection plan"),
    ("looked_after", "Looked after (in care)"),
    ("care_leaver", "A care leaver (has left care)"),
    ("none", "None of these"),
    ("not_known", "Not known"),
)


class Child(Part):
    section: ClassVar = Section(
        "The child",
        "To identify the child and see which local authority and services are involved.",
    )
    first_names: Annotated[
        Text,
        Meta("First names", required=True, width="medium", error_name="the child's first names"),
    ] = ""
    last_name: Annotated[
        Text, Meta("Last name", required=True, width="medium", error_name="the child's last name")
    ] = ""
    also_known_as: Annotated[
        Text, Meta("Also known as", hint="Any other names the child uses or has used.")
    ] = ""
    date_of_birth: Annotated[
        OptDate,
        Meta(
            "Date of birth",
            kind="date",
            required=True,
            not_future=True,
            error_name="the child's date of birth",
        ),
    ] = None
    gender: Annotated[
        Text,
        Meta(
            "Gender", kind="radios", options=GENDERS, required=True, error_name="the child's gender"
        ),
    ] = ""
    ethnicity: Annotated[Text, Meta("Ethnicity", width="medium")] = ""
    address: Annotated[
        Text,
        Meta("Address", kind="textarea", max_length=500, hint="Where the child normally lives."),
    ] = ""
    postcode: Annotated[Text, Meta("Postcode", width="short", autocomplete="postal-code")] = ""
    resident_local_authority: Annotated[
        Text,
        Meta(
            "Local authority where the child is normally resident",
            width="medium",
            hint=f"For example, {current().area}.",
        ),
    ] = ""
    legal_status: Annotated[
        Text,
        Meta(
            "Legal status at the time of the incident",
            kind="radios",
            options=LEGAL_STATUS,
            required=True,
            error_name="the child's legal status",
        ),
    ] = ""
    plan_removed_date: Annotated[
        OptDate,
        Meta(
            "Date the child protection plan ended",
            kind="date",
            required=True,
            not_future=True,
            show_if=("legal_status", ("cpp_recently_removed",)),
            error_name="the date the child protection plan ended",
        ),
    ] = None
    school: Annotated[Text, Meta("School or education setting", width="medium")] = ""
    educated_otherwise_than_at_school: Annotated[
        Text,
        Meta(
            "Is the child educated otherwise than at school?",
            kind="radios",
            options=YES_NO_NOT_KNOWN,
            hint="For example, educated at home.",
        ),
    ] = ""
    date_of_death: Annotated[
        OptDate,
        Meta(
            "Date of death",
            kind="date",
            not_future=True,
            hint="Leave blank if the child has not died.",
            error_name="the date of death",
        ),
    ] = None


class OtherChild(Part):
    name: Annotated[Text, Meta("Name", required=True, error_name="the other child's name")] = ""
    date_of_birth: Annotated[
        OptDate,
        Meta(
            "Date of birth",
            kind="date",
            not_future=True,
            error_name="the other child's date of birth",
        ),
    ] = None
    relationship: Annotated[Text, Meta("Relationship to the child", width="medium")] = ""
    how_affected: Annotated[
        Text, Meta("How they are affected", kind="textarea", max_length=1000)
    ] = ""


class FamilyMember(Part):
    name: Annotated[Text, Meta("Name", required=True, error_name="the family member's name")] = ""
    relationship: Annotated[
        Text,
        Meta(
            "Relationship to the child",
            required=True,
            width="medium",
            error_name="the family member's relationship",
        ),
    ] = ""
    date_of_birth: Annotated[
        OptDate,
        Meta(
            "Date of birth",
            kind="date",
            not_future=True,
            error_name="the family member's date of birth",
        ),
    ] = None
    address: Annotated[Text, Meta("Address", kind="textarea", max_length=500)] = ""


#: The incident's questions that the criteria checker asks too offer the checker's options,
#: so that an answer means the same on both (``checker_facts`` carries it across).
LOCATIONS = QUESTIONS_BY_KEY["incident_location"].choices
HARM = QUESTIONS_BY_KEY["harm"].choices
ABUSE = QUESTIONS_BY_KEY["abuse_or_neglect"].choices
ABUSE_TYPES = QUESTIONS_BY_KEY["abuse_types"].choices


class Incident(Part):
    section: ClassVar = Section(
        "The incident",
        "The safeguarding partners decide on a Rapid Review from what happened, where and when.",
    )
    date: Annotated[
        OptDate,
        Meta(
            "Date of the incident",
            kind="date",
            required=True,
            not_future=True,
            error_name="the date of the incident",
        ),
    ] = None
    date_aware: Annotated[
        OptDate,
        Meta(
            "Date you became aware of it",
            kind="date",
            required=True,
            not_future=True,
            error_name="the date you became aware",
        ),
    ] = None
    location: Annotated[
        Text,
        Meta(
            QUESTIONS_BY_KEY["incident_location"].text,
            kind="radios",
            options=LOCATIONS,
            required=True,
            hint=QUESTIONS_BY_KEY["incident_location"].hint,
            error_name="where the incident happened",
        ),
    ] = ""
    place: Annotated[
        Text,
        Meta(
            "Place",
            hint="The town or area, and the country if outside England.",
            # Required when shown: a hidden field is neither asked nor checked.
            required=True,
            show_if=("location", ("elsewhere_in_england", "outside_england")),
            error_name="the place where it happened",
        ),
    ] = ""
    what_happened: Annotated[
        Text,
        Meta(
            "What happened",
            kind="textarea",
            required=True,
            max_length=5000,
            error_name="what happened",
        ),
    ] = ""
    harm: Annotated[
        Text,
        Meta(
            "Has the child died or been seriously harmed?",
            kind="radios",
            options=HARM,
            required=True,
            error_name="whether the child has died or been seriously harmed",
        ),
    ] = ""
    abuse_or_neglect: Annotated[
        Text,
        Meta(
            "Is abuse or neglect known or suspected?",
            kind="radios",
            options=ABUSE,
            required=True,
            error_name="whether abuse or neglect is known or suspected",
        ),
    ] = ""
    abuse_types: Annotated[
        list[str],
        Meta(
            "Types of abuse or neglect",
            kind="checkboxes",
            options=ABUSE_TYPES,
            hint="Select all that apply.",
        ),
    ] = Field(default_factory=list)
    whereabouts: Annotated[
        Text,
        Meta(
            "Where was the child at the time, and who was caring for them?",
            kind="textarea",
            max_length=2000,
        ),
    ] = ""


class AgencyInvolved(Part):
    agency: Annotated[Text, Meta("Agency", required=True, error_name="the agency's name")] = ""
    contact_name: Annotated[Text, Meta("Contact name", width="medium")] = ""
    role: Annotated[
        Text,
        Meta(
            "Role in the child's life",
            width="medium",
            hint="For example, health visitor or allocated social worker.",
        ),
    ] = ""
    contact_details: Annotated[Text, Meta("Contact details", hint="Secure email or telephone.")] = (
        ""
    )
    still_involved: Annotated[
        Text, Meta("Still involved?", kind="radios", options=YES_NO_NOT_KNOWN)
    ] = ""


def _process(label: str) -> Meta:
    return Meta(label, kind="radios", options=YES_NO_NOT_KNOWN)


class OtherProcesses(Part):
    section: ClassVar = Section(
        "Other processes",
        "Section 8: reviews run alongside other investigations; knowing of them early avoids "
        "duplication and eases the burden on the family.",
    )
    criminal_investigation: Annotated[Text, _process("Criminal investigation")] = ""
    coroner: Annotated[Text, _process("Coroner's investigation or inquest")] = ""
    domestic_homicide_review: Annotated[Text, _process("Domestic Homicide Review")] = ""
    mappa_review: Annotated[
        Text, _process("Multi Agency Public Protection Arrangements review")
    ] = ""
    safeguarding_adults_review: Annotated[Text, _process("Safeguarding Adults Review")] = ""
    cdop: Annotated[Text, _process("Child Death Overview Panel process")] = ""
    disciplinary: Annotated[Text, _process("Disciplinary or professional body procedures")] = ""
    details: Annotated[
        Text, Meta("Details of these processes", kind="textarea", max_length=3000)
    ] = ""


class Rationale(Part):
    section: ClassVar = Section(
        "Why this case should be considered",
        "Section 3: discuss the case with your designated safeguarding lead to help formulate "
        "the rationale.",
    )
    why_criteria: Annotated[
        Text,
        Meta(
            "Why the case may meet the criteria for a review",
            kind="textarea",
            required=True,
            max_length=5000,
            error_name="why the case may meet the criteria",
        ),
    ] = ""
    learning: Annotated[
        Text, Meta("The learning the case may hold", kind="textarea", max_length=5000)
    ] = ""
    immediate_action: Annotated[
        Text,
        Meta(
            "Immediate action taken to keep children safe",
            kind="textarea",
            required=True,
            max_length=5000,
            error_name="the immediate action taken",
        ),
    ] = ""
    staff_welfare: Annotated[
        Text,
        Meta(
            "Support for staff affected",
            kind="textarea",
            max_length=2000,
            hint="Section 5: agencies consider the impact of the "
            "case on the welfare of their staff.",
        ),
    ] = ""


#: Shown instead of the checker's outcome when the current rules cannot read its answers.
UNREADABLE_CHECKER = (
    "The criteria checker's answers in this referral could not be read by the current rules, "
    "so no outcome is shown. Use the criteria checker again if it is needed."
)


class CheckerRecord(BaseModel):
    """The criteria checker's answers and the time of the check, when the referrer used it.

    The outcome is never kept: the core works it out again from the answers wherever it is
    shown or printed, so an outcome edited by hand can never reach a PDF. ``outcome`` is
    read from files saved before this rule (and by anyone who edits one) and never written.
    """

    model_config = ConfigDict(extra="forbid")
    facts: dict[str, Any] = Field(default_factory=dict)
    outcome: dict[str, Any] | None = Field(default=None, exclude=True)
    #: The page's local time of the check, dd/mm/yyyy hh:mm: nothing else can reach a heading.
    checked_at: str = Field(default="", pattern=r"^(\d{2}/\d{2}/\d{4} \d{2}:\d{2})?$")


def _scoping_sent_step() -> tuple[tuple[str, Cite], ...]:
    """What happens next about the scoping templates, if the partnership has that step."""
    step = by_role("scoping_sent")
    if step is None:
        return ()
    words = within_words(step)
    return ((f"The {current().documents['scoping_return']} goes to all relevant agencies "
             f"{words}.", "appendix-1"),)  # fmt: skip


class Referral(FormBase):
    """The whole form, in order. The JSON file is this model with ``form`` and
    ``schema_version``; a file of another kind or version is refused."""

    form_id: ClassVar[str] = "referral"
    #: The partnership names its own referral form (``referral_form_title``).
    title: ClassVar[str] = current().referral_form_title
    schema_version_current: ClassVar[int] = 2
    #: Version 2 names the referral date as every other document does (issue 14).
    renamed: ClassVar = {1: {"referrer.date_of_referral": "referrer.referral_date"}}
    noun: ClassVar[str] = "the referral"
    after_export_lead: ClassVar[str] = (
        "Send the PDF, with the JSON file (the business unit starts the Rapid Review from it), "
        f"to the {current().business_unit} through secure email"
    )
    after_export: ClassVar[tuple[tuple[str, Cite], ...]] = (
        ("Send the referral as soon as possible after the serious incident.", "section-3"),
        (
            "The local authority notifies the Child Safeguarding Practice Review Panel within "
            f"{working_days(NOTIFY_PANEL)} of becoming aware of the incident.",
            "section-3",
        ),
        *_scoping_sent_step(),
        (
            f"The Rapid Review meeting is held {role_words('meeting')}; it reaches the Panel "
            f"{role_words('sent_to_panel')}, and within {working_days(RAPID_REVIEW_TO_PANEL)} "
            "of the notification to the Panel at the latest.",
            "appendix-1",
        ),
    )

    #: The business unit sends agencies the request for their scoping returns, made from the
    #: referral: the one document after it that names the child (``forms.scoping_request``).
    exports: ClassVar[tuple[tuple[str, str], ...]] = (
        ("pdf", "Download PDF"),
        ("scoping-request", "Download the request to agencies (PDF)"),
        ("json", "Download JSON"),
    )
    letters: ClassVar[tuple[str, ...]] = ("scoping-request",)

    @classmethod
    def document(cls, fmt: str, doc: Mapping[str, Any], made_at: datetime) -> Document:
        if fmt == "scoping-request":
            from .scoping_request import scoping_request

            return scoping_request(doc, made_at)
        raise NotImplementedError(fmt)

    form: Literal["referral"] = "referral"
    schema_version: Literal[2] = 2
    referrer: Referrer = Field(default_factory=Referrer)
    designated_lead: Consulted = Field(default_factory=Consulted)
    service_manager: Agreed = Field(default_factory=Agreed)
    child: Child = Field(default_factory=Child)
    other_children: Annotated[
        list[OtherChild],
        Repeat(
            "Other children affected",
            "child",
            why="Other children in the household or affected may need support or safeguarding.",
        ),
    ] = Field(default_factory=list)
    family: Annotated[
        list[FamilyMember],
        Repeat(
            "Family members and significant others",
            "person",
            why=f"The review considers the family context ({cited('section-10')}).",
        ),
    ] = Field(default_factory=list)
    incident: Incident = Field(default_factory=Incident)
    agencies: Annotated[
        list[AgencyInvolved],
        Repeat(
            "Agencies involved",
            "agency",
            why="The agencies that will be asked for an initial scoping return "
            f"({cited('appendix-1')}).",
        ),
    ] = Field(default_factory=list)
    other_processes: OtherProcesses = Field(default_factory=OtherProcesses)
    rationale: Rationale = Field(default_factory=Rationale)
    checker: CheckerRecord | None = None

    @classmethod
    def example(cls) -> dict[str, Any]:
        """A complete, valid referral with made-up people, for trying the CLI and the tests."""
        doc = cls.model_validate(
            {
                "referrer": {
                    "name": "Siobhán O'Neill",
                    "role": "Designated safeguarding lead",
                    "agency": "Grimsby Primary School",
                    "email": "s.oneill@school.example",
                    "phone": "01472 000000",
                    "referral_date": "2026-11-18",
                },
                "designated_lead": {
                    "name": "Siobhán O'Neill",
                    "role": "Designated safeguarding lead",
                    "date": "2026-11-17",
                },
                "service_manager": {
                    "name": "Łukasz Żółć",
                    "role": "Head teacher",
                    "date": "2026-11-18",
                },
                "child": {
                    "first_names": "Zoë",
                    "last_name": "Nguyễn",
                    "also_known_as": "Zo",
                    "date_of_birth": "2018-03-09",
                    "gender": "female",
                    "ethnicity": "Mixed: White and Asian",
                    "address": "1 Example Street, Grimsby",
                    "postcode": "DN31 1AA",
                    "resident_local_authority": current().area,
                    "legal_status": "cpp_current",
                    "school": "Grimsby Primary School",
                    "educated_otherwise_than_at_school": "no",
                },
                "other_children": [
                    {
                        "name": "Ілля Nguyễn",
                        "date_of_birth": "2021-06-01",
                        "relationship": "Brother",
                        "how_affected": "Lives in the same household.",
                    }
                ],
                "family": [
                    {
                        "name": "Nguyễn Thị Ánh",
                        "relationship": "Mother",
                        "date_of_birth": "1990-01-15",
                        "address": "1 Example Street, Grimsby",
                    }
                ],
                "incident": {
                    "date": "2026-11-14",
                    "date_aware": "2026-11-16",
                    "location": "in_area",
                    "what_happened": "Zoë was admitted to hospital "
                    "with injuries that staff believe are non-accidental.",
                    "harm": "seriously_harmed",
                    "abuse_or_neglect": "suspected",
                    "abuse_types": ["physical", "neglect"],
                    "whereabouts": "At home, in the care of her mother's partner.",
                },
                "agencies": [
                    {
                        "agency": "Children's Social Care",
                        "contact_name": "Alex Smith",
                        "role": "Allocated social worker",
                        "contact_details": "alex.smith@council.example",
                        "still_involved": "yes",
                    },
                    {"agency": "Police Service", "still_involved": "yes"},
                ],
                "other_processes": {
                    "criminal_investigation": "yes",
                    "coroner": "no",
                    "domestic_homicide_review": "no",
                    "mappa_review": "no",
                    "safeguarding_adults_review": "no",
                    "cdop": "no",
                    "disciplinary": "not_known",
                    "details": "Police investigation opened on 16 November.",
                },
                "rationale": {
                    "why_criteria": "Abuse is suspected and Zoë has been seriously harmed.",
                    "learning": "How concerns about home were shared.",
                    "immediate_action": "A strategy meeting was held; the children "
                    "are staying with their grandmother.",
                    "staff_welfare": "Staff offered support through occupational health.",
                },
            }
        )
        return doc.model_dump(mode="json")

    @classmethod
    def summary_extra(cls, doc: Mapping[str, Any]) -> list[dict[str, Any]]:
        """The criteria checker's outcome, worked out afresh from its answers by the current
        rules, when the referrer used it (a stored outcome is never shown)."""
        checker = doc.get("checker")
        if not isinstance(checker, Mapping):
            return []
        checked_at = clean_text(str(checker.get("checked_at") or ""), multiline=False)
        try:
            outcome = assess(parse_facts(checker.get("facts", {})))
        except InputError:
            when = f" (checked {checked_at})" if checked_at else ""
            return [
                {"name": "checker", "title": f"Criteria checker outcome{when}", "kind": "extra",
                 "rows": [], "text": UNREADABLE_CHECKER}
            ]  # fmt: skip
        return outcome_sections(outcome, checked_at)

    @classmethod
    def cross_checks(cls, doc: Any, today: date) -> list[FieldError]:
        """Checks across fields, after each field on its own is valid."""
        errors: list[FieldError] = []
        child, incident, referrer = doc.child, doc.incident, doc.referrer
        if (
            child.date_of_death
            and child.date_of_birth
            and child.date_of_death < child.date_of_birth
        ):
            errors.append(
                FieldError(
                    "child.date_of_death",
                    "The date of death must be the same as or after the date of birth",
                )
            )
        if incident.date and child.date_of_birth and incident.date < child.date_of_birth:
            errors.append(
                FieldError(
                    "incident.date",
                    "The date of the incident must be the same "
                    "as or after the child's date of birth",
                )
            )
        if incident.date and incident.date_aware and incident.date_aware < incident.date:
            errors.append(
                FieldError(
                    "incident.date_aware",
                    "The date you became aware must be "
                    "the same as or after the date of the incident",
                )
            )
        if (
            incident.date_aware
            and referrer.referral_date
            and referrer.referral_date < incident.date_aware
        ):
            errors.append(
                FieldError(
                    "referrer.referral_date",
                    "The date of referral must be the same as or after the date you became aware",
                )
            )
        if child.date_of_death and incident.harm and incident.harm != "died":
            errors.append(
                FieldError(
                    "incident.harm",
                    "The child has a date of death: select "
                    "'The child has died', or remove the date of death",
                )
            )
        if incident.harm == "died" and child.date_of_death is None:
            errors.append(
                FieldError(
                    "child.date_of_death",
                    "Enter the date of death, as the incident says the child has died",
                )
            )
        return errors


def outcome_sections(outcome: Mapping[str, Any], checked_at: str = "") -> list[dict[str, Any]]:
    """The criteria checker's conclusions and reasons, as summary sections (page and PDF)."""
    circumstances = [
        NATIONAL_CIRCUMSTANCES.get(c, c) for c in outcome.get("national_review_circumstances", [])
    ]
    answers = [
        (CONCLUSION_QUESTIONS[key], ANSWER_WORDS.get(str(outcome.get(key)), "Not answered"))
        for key in CONCLUSIONS
    ]
    answers.append(
        (CONCLUSION_QUESTIONS["national_review_circumstances"], "; ".join(circumstances) or "None")
    )
    reasons = "\n".join(
        f"• {r.get('text', '')} ({short_title(str(r.get('cite', '')))})"
        for r in outcome.get("reasons", [])
        if isinstance(r, Mapping) and str(r.get("cite", "")) in SECTION_TITLES
    )
    when = f" (checked {checked_at})" if checked_at else ""
    rows = [{"group": "", "field": "", "label": q, "value": a, "href": ""} for q, a in answers]
    sections: list[dict[str, Any]] = [
        {"name": "checker", "title": f"Criteria checker outcome{when}", "kind": "extra",
         "rows": rows, "text": ""},
    ]  # fmt: skip
    if reasons:
        sections.append(
            {"name": "checker_reasons", "title": "Criteria checker reasons", "kind": "extra",
             "rows": [], "text": reasons}
        )  # fmt: skip
    return sections
