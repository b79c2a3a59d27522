"""The Rapid Review record's sections, in page order (Appendix 1), and their options."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, ClassVar, Final

from pydantic import Field

from ...partnership.names import LEARNING_EVENT
from ...rules.citations import cited
from ...rules.criteria import NATIONAL_CIRCUMSTANCES
from ...rules.dates import long_date
from ...rules.regulations import (
    INSTITUTIONAL_SETTINGS,
    LOCAL_CRITERIA,
    LOCAL_REVIEW_CIRCUMSTANCES,
    LOCAL_REVIEW_CIRCUMSTANCES_SOURCE,
    NATIONAL_CRITERIA,
)
from ...rules.timescales import (
    AFTER_WORDS,
    NOTIFY_PANEL,
    PANEL_DECISION,
    RAPID_REVIEW_TO_PANEL,
    by_role,
    meeting_counted_from,
    meeting_window_words,
    role_words,
    working_days,
)
from ..correspondence import Correspondence
from ..fields import ChildAge, ChildInitials, OptDate, Part, Text
from ..meta import Meta, Section
from ..referral import GENDERS

_TO_PANEL: Final = by_role("sent_to_panel")
#: The partnership's own reading of its words for sending to the Panel, if it gives one.
TO_PANEL_NOTE: Final = _TO_PANEL.note if _TO_PANEL is not None else ""
#: At most this many returns in one go (the most agency rows a Rapid Review keeps).
MAX_RETURNS = 30

YES_NO_UNSURE = (("yes", "Yes"), ("no", "No"), ("unsure", "Not sure"))

#: The safeguarding partners' decision on a local review (section 4; regulation 11).
DECISIONS: tuple[tuple[str, str], ...] = (
    ("local_cspr", "Carry out a local child safeguarding practice review"),
    ("other_learning", f"Hold another learning review (a {LEARNING_EVENT})"),
    ("no_review", "No further review"),
)
#: Their view on a national review, which they share with the Panel beside the decision
#: (section 5); the Panel decides (section 6).
NATIONAL_VIEWS: tuple[tuple[str, str], ...] = (
    ("yes", "Yes: the case may raise issues which are complex or of national importance"),
    ("no", "No"),
    ("unsure", "Not sure: the partners ask for the Panel's view"),
)
#: Where the Panel's current asks of a Rapid Review were found: a partnership's summary of
#: the Panel's guidance for safeguarding partners (June 2025), not the guidance itself.
PANEL_ASKS_SOURCE: Final = (
    "https://www.safeguardingcambspeterborough.org.uk/children-board/serious-case-reviews"
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
    child_initials: ChildInitials = ""
    child_age: ChildAge = ""
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
    la_aware_date: Annotated[
        OptDate,
        Meta(
            "Date the local authority became aware of the incident",
            kind="date",
            not_future=True,
            hint=f"Section 3: the local authority notifies the Panel within "
            f"{working_days(NOTIFY_PANEL)} of becoming aware. Leave blank if it is not known.",
            error_name="the date the local authority became aware",
        ),
    ] = None
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
            hint=f"{cited('appendix-1', capital=True)}: {meeting_window_words()} after "
            f"{AFTER_WORDS[meeting_counted_from()]}.",
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
        Meta(
            "Window for the Rapid Review meeting",
            computed=True,
            hint=f"{role_words('meeting')} ({cited('appendix-1')}).",
        ),
    ] = ""
    send_to_panel_by: Annotated[
        OptDate,
        Meta(
            "Send the Rapid Review and the letter to the Panel by",
            kind="date",
            computed=True,
            hint=f"The partnership's timetable: {role_words('sent_to_panel')}. {TO_PANEL_NOTE}",
        ),
    ] = None
    national_deadline: Annotated[
        OptDate,
        Meta(
            "With the Panel by, at the latest (national guidance)",
            kind="date",
            computed=True,
            hint=f"{working_days(RAPID_REVIEW_TO_PANEL)} after the local authority notified "
            "the Panel (the Panel's guidance for safeguarding partners). Where the "
            "partnership's date is later, this one binds.",
        ),
    ] = None
    panel_decision_by: Annotated[
        OptDate,
        Meta(
            "Panel's decision expected by",
            kind="date",
            computed=True,
            hint=f"{working_days(PANEL_DECISION)} after the Panel receives the Rapid Review "
            f"({cited('section-6')}), "
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


def _criterion(key: str, question: str, name: str) -> Meta:
    """A criterion's question, with the regulation's own words (``rules.regulations``) as its
    hint: the one place the template quotes them."""
    quotes = [c for c in (LOCAL_CRITERIA.get(key), NATIONAL_CRITERIA.get(key)) if c]
    hint = " ".join(
        f"Regulation {c.ref}, for a {'local' if c.regulation == 11 else 'national'} review: "
        f"\u201c{c.words}\u201d." for c in quotes
    )  # fmt: skip
    return Meta(question, kind="radios", options=YES_NO_UNSURE, required=True, hint=hint,
                error_name=f"whether the case {name}")  # fmt: skip


def _rationale(label: str) -> Meta:
    return Meta(label, kind="textarea", max_length=3000)


class Criteria(Part):
    """The Child Safeguarding Practice Review and Relevant Agency (England) Regulations 2018:
    regulation 11 is what the safeguarding partners take into account for a local review,
    regulation 3 what the Panel considers for a national one. The procedure's section 6 lists
    regulation 3's criteria under the local partners' heading and leaves out 11 (c) and (d);
    the template asks what the regulations say, and the procedure page notes the slip.
    Working Together 2023 adds circumstances the partners should also have regard to for a
    local review (a single agency, no agency, more than one area, institutional settings):
    without them a case can look as if it fails regulation 11(c) when it need not."""

    section: ClassVar = Section(
        "The criteria for a review",
        "Regulation 11: the safeguarding partners must take into account whether the case "
        "meets the first four criteria for a local review, and (Working Together 2023) should "
        "also have regard to the circumstances for a local review below. Regulation 3: the "
        "Panel considers the criteria for a national review, and has regard to the "
        "circumstances for a national review (section 6).",
    )
    improvements: Annotated[
        Text,
        _criterion(
            "improvements",
            "Does the case highlight, or may it highlight, improvements needed to safeguard "
            "and promote the welfare of children, including improvements identified before?",
            "highlights improvements needed",
        ),
    ] = ""
    improvements_rationale: Annotated[Text, _rationale("Rationale on improvements needed")] = ""
    recurrent_themes: Annotated[
        Text,
        _criterion(
            "recurrent_themes",
            "Does the case highlight, or may it highlight, recurrent themes in safeguarding "
            "and promoting the welfare of children?",
            "highlights recurrent themes",
        ),
    ] = ""
    recurrent_themes_rationale: Annotated[Text, _rationale("Rationale on recurrent themes")] = ""
    working_together: Annotated[
        Text,
        _criterion(
            "working_together",
            "Does the case highlight, or may it highlight, concerns about how two or more "
            "organisations or agencies worked together?",
            "highlights concerns about agencies working together",
        ),
    ] = ""
    working_together_rationale: Annotated[
        Text, _rationale("Rationale on agencies working together")
    ] = ""
    panel_suggests_local: Annotated[
        Text,
        _criterion(
            "panel_suggests_local",
            "Has the Child Safeguarding Practice Review Panel considered the case and "
            "concluded that a local review may be more appropriate?",
            "is one the Panel concluded a local review may suit",
        ),
    ] = ""
    panel_suggests_local_rationale: Annotated[Text, _rationale("Rationale on the Panel's view")] = (
        ""
    )
    local_circumstances: Annotated[
        list[str],
        Meta(
            "Circumstances the safeguarding partners should also have regard to for a local review",
            kind="checkboxes",
            options=tuple(LOCAL_REVIEW_CIRCUMSTANCES.items()),
            hint=f"{LOCAL_REVIEW_CIRCUMSTANCES_SOURCE}. Select all that apply. Institutional "
            f"settings include {INSTITUTIONAL_SETTINGS}.",
        ),
    ] = Field(default_factory=list)
    local_circumstances_rationale: Annotated[
        Text, _rationale("How these circumstances apply to a local review")
    ] = ""
    legislation: Annotated[
        Text,
        _criterion(
            "legislation",
            "Does the case raise, or may it raise, issues requiring legislative change or "
            "changes to guidance?",
            "raises issues requiring legislative or guidance change",
        ),
    ] = ""
    legislation_rationale: Annotated[
        Text, _rationale("Rationale on legislative or guidance change")
    ] = ""
    national_circumstances: Annotated[
        list[str],
        Meta(
            "Circumstances the Panel has regard to for a national review",
            kind="checkboxes",
            options=tuple(NATIONAL_CIRCUMSTANCES.items()),
            hint="Section 6. Select all that apply. \u201cFill in from the referral\u201d "
            "selects those the criteria checker's answers (or the referral's) show.",
        ),
    ] = Field(default_factory=list)
    national_rationale: Annotated[Text, _rationale("How these circumstances apply")] = ""


class Analysis(Part):
    """What the Panel's current guidance asks a Rapid Review to add to the facts, as a
    partnership following it summarises it (``PANEL_ASKS_SOURCE``): optional, because the
    procedure does not ask it and the site has not read the Panel's own words."""

    section: ClassVar = Section(
        "Analysis",
        "The Panel's guidance for safeguarding partners (June 2025), as partnerships following "
        "it summarise it, asks the Rapid Review for an analysis of key practice episodes, and "
        "how racism and other inequalities may have influenced the child's and family's "
        "experience and the practice.",
    )
    key_practice_episodes: Annotated[
        Text,
        Meta(
            "Analysis of key practice episodes",
            kind="textarea",
            max_length=6000,
            hint="The moments in the agencies' involvement that mattered most, and what "
            "shaped the practice at each.",
        ),
    ] = ""
    inequalities: Annotated[
        Text,
        Meta(
            "How racism and other inequalities may have influenced the family's experience "
            "and the practice",
            kind="textarea",
            max_length=6000,
            hint="Including disability. Say what was considered, even where nothing was found.",
        ),
    ] = ""


class Decision(Part):
    section: ClassVar = Section(
        "The decision",
        "Section 5: the safeguarding partners share with the Panel both their decision "
        "about a local review and whether they think a national review may be appropriate. "
        "Section 4: decisions on reviews are made transparently and the rationale "
        "communicated appropriately, including to families.",
    )
    decision: Annotated[
        Text,
        Meta("The safeguarding partners' decision on a local review", kind="radios",
             options=DECISIONS, required=True,
             error_name="the safeguarding partners' decision on a local review"),
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
    national_review: Annotated[
        Text,
        Meta(
            "Do the safeguarding partners think a national review may be appropriate?",
            kind="radios",
            options=NATIONAL_VIEWS,
            required=True,
            hint=f"Section 5: whatever they decide locally, the partners tell the Panel "
            f"whether they think the case may raise issues which are complex or of national "
            f"importance such that a national review may be appropriate. The Panel decides "
            f"({cited('section-6')}).",
            error_name="whether the safeguarding partners think a national review may be "
            "appropriate",
        ),
    ] = ""
    national_review_rationale: Annotated[
        Text,
        Meta("Why, on a national review", kind="textarea", max_length=3000),
    ] = ""


#: What may go with the letter to the Panel besides the Rapid Review and the returns: listed
#: as enclosed only when the user says it is.
ENCLOSABLE: tuple[tuple[str, str], ...] = (
    ("referral", "The referral form"),
    ("notification", "The local authority's notification to the Panel"),
)


class PanelLetter(Correspondence):
    enclosed: Annotated[
        list[str],
        Meta(
            "Also enclosed with the letter to the Panel",
            kind="checkboxes",
            options=ENCLOSABLE,
            hint="The Rapid Review and the agencies' returns that have content are listed as "
            "enclosed already. Tick only what you send with them.",
        ),
    ] = Field(default_factory=list)


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
        "The safeguarding partners (Children Act 2004 s16E: the local authority, the "
        "integrated care board and the chief officer of police, or the people they delegate "
        "to, in Working Together 2023's words) agree the Rapid Review and the decision. The "
        "letter to the Panel is from them.",
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


def as_text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def date_words(value: Any) -> str:
    try:
        return long_date(date.fromisoformat(as_text(value)))
    except ValueError:
        return as_text(value)
