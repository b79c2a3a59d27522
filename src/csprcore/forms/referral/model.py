"""The referral form as a whole: its parts in page order, its file's versions, what happens
after it is sent, and the downloads it offers (made by ``exports.forms``)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Annotated, Any, ClassVar, Literal

from pydantic import Field

from ...errors import FieldError
from ...partnership import current
from ...rules.citations import Cite, cited
from ...rules.timescales import (
    NOTIFY_PANEL,
    RAPID_REVIEW_TO_PANEL,
    by_role,
    role_words,
    within_words,
    working_days,
)
from ..base import FormBase
from ..meta import Repeat
from .case import AgencyInvolved, Incident, OtherProcesses, Rationale
from .checker import CheckerRecord, checker_sections
from .checks import check_across
from .people import Agreed, Child, Consulted, FamilyMember, OtherChild, Referrer


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
    #: referral: the one document after it that names the child
    #: (``exports.letters.scoping_request``).
    exports: ClassVar[tuple[tuple[str, str], ...]] = (
        ("pdf", "Download PDF"),
        ("scoping-request", "Download the request to agencies (PDF)"),
        ("json", "Download JSON"),
    )
    letters: ClassVar[tuple[str, ...]] = ("scoping-request",)

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
        return checker_sections(doc)

    @classmethod
    def cross_checks(cls, doc: Any, today: date) -> list[FieldError]:
        """Checks across fields, after each field on its own is valid."""
        return check_across(doc.referrer, doc.child, doc.incident)
