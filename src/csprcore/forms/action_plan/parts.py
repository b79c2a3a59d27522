"""The action plan's sections, in page order (section 12), and their options. Group names
come from the partnership's profile."""

from __future__ import annotations

from typing import Annotated, ClassVar, Final

from ...partnership import current
from ...partnership.names import LEARNING_EVENT
from ...rules.citations import cited
from ..fields import OptDate, Part, Text
from ..meta import Meta, Section

REVIEW_GROUP: Final = current().group("review").name
#: Section 12: the group that oversees the plan's impact; without an assurance group (it is
#: optional in the profile), the board that signs the plan off.
ASSURANCE_GROUP: Final = (current().groups.get("assurance") or current().group("board")).name
BOARD: Final = current().group("board").name

SOURCES: Final = (
    ("local_review", "A local child safeguarding practice review"),
    ("learning_event", f"A {LEARNING_EVENT}"),
    ("other", "Another review, or none"),
)

#: An action's status, in the order a summary counts them.
STATUSES: Final = (
    ("not_started", "Not started"),
    ("in_progress", "In progress"),
    ("complete", "Complete"),
    ("no_longer_needed", "No longer needed"),
)
#: The statuses an action can be overdue in: not yet done, and still needed.
OPEN: Final = frozenset({"not_started", "in_progress"})


class Source(Part):
    section: ClassVar = Section(
        "The review this plan follows",
        f"{cited('section-12', capital=True)}: the {REVIEW_GROUP} devises an action plan, "
        "with the reviewer, after a local child safeguarding practice review or a "
        "multi-agency local learning review. The child is named by initials and age only.",
    )
    kind: Annotated[
        Text,
        Meta("What the plan follows", kind="radios", options=SOURCES, required=True,
             error_name="what the plan follows"),
    ] = ""  # fmt: skip
    review: Annotated[
        Text,
        Meta("The source review", required=True, max_length=300,
             hint="Its name or reference, as the board knows it.",
             error_name="the source review"),
    ] = ""  # fmt: skip
    referral_reference: Annotated[
        Text, Meta("Referral reference", width="medium", max_length=60)
    ] = ""
    child_initials: Annotated[
        Text, Meta("Child's initials", width="short", hint="Initials only, for example Z N.",
                   max_length=20)
    ] = ""  # fmt: skip
    review_completed: Annotated[
        OptDate,
        Meta("Date the review was completed", kind="date", not_future=True,
             error_name="the date the review was completed"),
    ] = None  # fmt: skip


class Progress(Part):
    section: ClassVar = Section(
        "Progress",
        "Worked out as you type, against today: how many actions are complete, in progress "
        "and overdue, by status, by recommendation and by agency, and the next monitoring "
        "date.",
    )
    summary: Annotated[Text, Meta("Summary", computed=True)] = ""
    overdue: Annotated[Text, Meta("Overdue actions", computed=True)] = ""
    by_recommendation: Annotated[Text, Meta("By recommendation", computed=True)] = ""
    by_agency: Annotated[Text, Meta("By agency", computed=True)] = ""
    next_monitoring: Annotated[
        OptDate,
        Meta(f"Next monitoring by the {REVIEW_GROUP}", kind="date", computed=True),
    ] = None


class Recommendation(Part):
    text: Annotated[
        Text,
        Meta("Recommendation", kind="textarea", required=True, max_length=2000,
             hint="As the review's report words it.", error_name="the recommendation"),
    ] = ""  # fmt: skip


class Action(Part):
    #: The number of the recommendation (1 for the first) the action answers: a reference
    #: into the plan's recommendations, so a recommendation is written once however many
    #: actions answer it. Text, as typed, so that a number the plan does not have is shown
    #: back and named rather than lost (``model.ActionPlan.cross_checks``).
    recommendation: Annotated[
        Text,
        Meta("Recommendation number", required=True, width="short", max_length=3,
             hint="The number of the recommendation above that this action answers.",
             error_name="the recommendation number"),
    ] = ""  # fmt: skip
    action: Annotated[
        Text,
        Meta("What will be done", kind="textarea", required=True, max_length=2000,
             error_name="what will be done"),
    ] = ""  # fmt: skip
    agency: Annotated[
        Text, Meta("Agency responsible", required=True, width="medium", max_length=120,
                   error_name="the agency responsible")
    ] = ""  # fmt: skip
    lead: Annotated[
        Text, Meta("Named lead", required=True, width="medium", max_length=120,
                   error_name="the named lead")
    ] = ""  # fmt: skip
    due: Annotated[
        OptDate, Meta("Due date", kind="date", required=True, error_name="the due date")
    ] = None
    status: Annotated[
        Text,
        Meta("Status", kind="radios", options=STATUSES, required=True,
             error_name="the action's status"),
    ] = ""  # fmt: skip
    why_not_needed: Annotated[
        Text,
        Meta("Why it is no longer needed", kind="textarea", required=True, max_length=2000,
             show_if=("status", ("no_longer_needed",)),
             error_name="why the action is no longer needed"),
    ] = ""  # fmt: skip
    evidence_of_completion: Annotated[
        Text, Meta("Evidence of completion", kind="textarea", max_length=3000)
    ] = ""
    evidence_of_impact: Annotated[
        Text, Meta("Evidence of impact", kind="textarea", max_length=3000)
    ] = ""


class Monitoring(Part):
    held_on: Annotated[
        OptDate,
        Meta("Date of the meeting", kind="date", required=True,
             error_name="the date of the monitoring meeting"),
    ] = None  # fmt: skip
    notes: Annotated[Text, Meta("Notes", kind="textarea", max_length=3000)] = ""


class SignOff(Part):
    section: ClassVar = Section(
        "Sign-off and assurance",
        f"{cited('section-12', capital=True)}: the {BOARD} finally signs the action plan "
        f"off; the {ASSURANCE_GROUP} oversees its impact.",
    )
    signed_off: Annotated[
        OptDate,
        Meta(f"Date the {BOARD} signed the plan off", kind="date", not_future=True,
             hint="Leave blank until it is signed off.",
             error_name="the date the plan was signed off"),
    ] = None  # fmt: skip
    assurance_view: Annotated[
        Text,
        Meta(f"The {ASSURANCE_GROUP}'s view of the plan's impact", kind="textarea",
             max_length=5000),
    ] = ""  # fmt: skip
