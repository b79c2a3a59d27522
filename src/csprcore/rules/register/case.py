"""A case on the register: the events it records (each citing the section that names it), who
notified the Panel, which review followed, the order its dates must keep, and where it has
got to."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Final, Literal

from ..citations import Cite
from ..timescales import EVENT_NAMES, TIMESCALES, TIMESCALES_BY_ID, Order


@dataclass(frozen=True)
class RegisterEvent:
    id: str
    label: str
    #: The event's date in a sentence: "Enter {name}".
    name: str
    cite: Cite


#: The events a case records, in the order they happen. The ids are the register file's
#: ``dates`` keys (a contract: independent checks read them). The calculator's events keep
#: the calculator's names (``timescales.EVENT_NAMES``).
REGISTER_EVENTS: tuple[RegisterEvent, ...] = (
    RegisterEvent("aware", "Local authority became aware of the incident",
                  EVENT_NAMES["aware"], "section-3"),
    RegisterEvent("notified", "Local authority notified the Panel",
                  EVENT_NAMES["notified"], "section-3"),
    RegisterEvent("referral", "Referral received", EVENT_NAMES["referral"], "section-3"),
    RegisterEvent("scoping-sent", "Scoping templates sent to agencies",
                  "the date the scoping templates were sent", "appendix-1"),
    RegisterEvent("scoping-returned", "Scoping templates returned",
                  "the date the scoping templates were returned", "appendix-1"),
    RegisterEvent("meeting", "Rapid Review meeting held", EVENT_NAMES["meeting"], "appendix-1"),
    RegisterEvent("sent-to-panel", "Rapid Review sent to the Panel",
                  EVENT_NAMES["sent-to-panel"], "appendix-1"),
    RegisterEvent("panel-response", "Panel's response received",
                  "the date of the Panel's response", "section-6"),
    RegisterEvent("decision", "Decision on a local review",
                  "the date of the decision on a local review", "section-4"),
    RegisterEvent("reviewer-commissioned", "Reviewer commissioned",
                  "the date the reviewer was commissioned", "section-9"),
    RegisterEvent("final-report", "Final report completed",
                  "the date the final report was completed", "section-11"),
    RegisterEvent("copies-sent", "Copies sent to the Panel and the Secretary of State",
                  "the date the copies were sent to the Panel and the Secretary of State",
                  "section-11"),
    RegisterEvent("ofsted-sent", "Copy sent to Ofsted",
                  "the date the copy was sent to Ofsted", "section-11"),
    RegisterEvent("planned-publication", "Planned publication date",
                  "the planned publication date", "section-11"),
    RegisterEvent("publication", "Report published",
                  "the date the report was published", "section-11"),
    RegisterEvent("action-plan-signed-off", "Action plan signed off",
                  "the date the action plan was signed off", "section-12"),
    RegisterEvent("closed", "Case closed", "the date the case was closed", "section-12"),
)  # fmt: skip
#: The register event that records a step of each role done; a step of any other role (the
#: partners' sign-off) or of none is recorded under its own id.
ROLE_DONE_BY: Final[dict[str, str]] = {
    "scoping_sent": "scoping-sent",
    "scoping_returned": "scoping-returned",
    "meeting": "meeting",
    "sent_to_panel": "sent-to-panel",
}


def _with_steps(events: tuple[RegisterEvent, ...]) -> tuple[RegisterEvent, ...]:
    """The register's events with the partnership's own steps that no event records (its
    sign-off, a step that sets the meeting's date), before the Rapid Review is sent."""
    own = tuple(
        RegisterEvent(t.id, t.label, f"the date of {t.name}", t.cite)
        for t in TIMESCALES
        if t.step is not None and t.role not in ROLE_DONE_BY
    )
    at = next(i for i, e in enumerate(events) if e.id == "sent-to-panel")
    return (*events[:at], *own, *events[at:])


REGISTER_EVENTS = _with_steps(REGISTER_EVENTS)
REGISTER_EVENTS_BY_ID: Final = {e.id: e for e in REGISTER_EVENTS}
EVENT_IDS: Final = tuple(e.id for e in REGISTER_EVENTS)

Notification = Literal["this_authority", "another_authority", "not_notifiable"]
#: Who notified the Panel of the case (section 3, s16C): this partnership's local authority
#: (the default: it notifies incidents in its area); another authority (an incident in its
#: area, with this partnership contributing); or nobody, the case not being notifiable (a
#: local learning review).
NOTIFICATIONS: Final[dict[str, str]] = {
    "this_authority": "Our local authority notified the Panel",
    "another_authority": "Another local authority notified the Panel",
    "not_notifiable": "Not notifiable to the Panel",
}
#: The steps that are the Panel's (its notification, the Rapid Review to it, its decision):
#: none of them is a step for a case that was not notifiable.
_PANEL_STEPS: Final = ("notify_panel", "rapid_review_national", "panel_decision")

ReviewKind = Literal["local", "national", "learning", "none"]
#: Section 4: what the safeguarding partners (and the Panel) decided after the Rapid Review.
REVIEW_KINDS: Final[dict[str, str]] = {
    "local": "A local child safeguarding practice review",
    "national": "A national review by the Panel",
    "learning": "Another learning review",
    "none": "No further review",
}


#: Dates that cannot come before another: the calculator's own (``timescales.ORDER``), and
#: the register's further events, each after the step it follows. A date in the wrong order
#: is a mistyped date, and deadlines counted from it would be wrong.
ORDER: Final[tuple[Order, ...]] = (
    Order("notified", "aware"),
    Order("referral", "aware"),
    Order("scoping-sent", "referral"),
    Order("scoping-returned", "scoping-sent"),
    Order("meeting", "referral"),
    Order("sent-to-panel", "meeting"),
    Order("sent-to-panel", "referral"),
    Order("panel-response", "sent-to-panel"),
    Order("decision", "meeting"),
    Order("reviewer-commissioned", "decision"),
    Order("final-report", "decision"),
    Order("copies-sent", "final-report"),
    Order("ofsted-sent", "final-report"),
    Order("planned-publication", "decision", strict=True),
    Order("publication", "decision", strict=True),
    Order("publication", "final-report"),
    *(Order(e.id, "aware") for e in REGISTER_EVENTS if e.id in TIMESCALES_BY_ID),
    *(Order("closed", e.id) for e in REGISTER_EVENTS if e.id != "closed"),
)


@dataclass(frozen=True)
class OpenAction:
    """An action of the case's action plan that is not complete (section 12)."""

    due: date
    agency: str


@dataclass(frozen=True)
class Case:
    reference: str
    child_initials: str
    child_age: str = ""
    review_kind: ReviewKind | None = None
    dates: Mapping[str, date] = field(default_factory=dict)
    open_actions: tuple[OpenAction, ...] = ()
    notification: Notification = "this_authority"

    def has_step(self, timescale: str) -> bool:
        """Whether the step is this case's to take: our local authority notifies only what
        it notified; a case nobody notified has none of the Panel's steps."""
        if self.notification != "this_authority" and timescale == "notify_panel":
            return False
        if self.notification == "not_notifiable":
            t = TIMESCALES_BY_ID.get(timescale)
            return timescale not in _PANEL_STEPS and not (t and t.role == "sent_to_panel")
        return True

    @property
    def local_review(self) -> bool:
        """A local review was decided: the kind says so, or a decision is dated with no kind
        (the register's ``decision`` is the decision to hold a local review)."""
        if self.review_kind is not None:
            return self.review_kind == "local"
        return "decision" in self.dates


# --- stage ------------------------------------------------------------------------------

Stage = Literal[
    "notification", "scoping", "rapid_review", "panel", "local_review", "other_review",
    "action_plan", "closed",
]  # fmt: skip
STAGES: Final[dict[str, str]] = {
    "notification": "Notification",
    "scoping": "Scoping and Rapid Review meeting",
    "rapid_review": "Rapid Review to the Panel",
    "panel": "Awaiting the decision on a review",
    "local_review": "Local review",
    "other_review": "No local review",
    "action_plan": "Action plan",
    "closed": "Closed",
}


def stage(case: Case) -> Stage:
    """Where the case has got to: the furthest step its dates (and decision) show."""
    d = case.dates
    if "closed" in d:
        return "closed"
    if case.local_review:
        return "action_plan" if "publication" in d else "local_review"
    if case.review_kind is not None:
        if "action-plan-signed-off" in d or case.open_actions:
            return "action_plan"
        return "other_review"
    # Section 12: an action plan (added before the decision was recorded) is the furthest
    # step the case shows.
    if "action-plan-signed-off" in d or case.open_actions:
        return "action_plan"
    if "sent-to-panel" in d:
        return "panel"
    if "meeting" in d:
        return "rapid_review"
    if "referral" in d:
        return "scoping"
    return "notification"
