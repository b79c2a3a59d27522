"""The referral's questions about the case: the incident, the agencies involved, other
processes under way and why the case should be considered for a review."""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import Field

from ...rules.criteria import QUESTIONS_BY_KEY
from ..fields import OptDate, Part, Text
from ..meta import YES_NO_NOT_KNOWN, Meta, Section

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
