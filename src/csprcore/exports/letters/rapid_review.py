"""The letter to the Panel and the outcome notice for the agencies (section 5, Appendix 1),
made from a checked Rapid Review record (``forms.rapid_review``), each written as a PDF or as
its editable copy."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from ...forms.meta import YES_NO_NOT_KNOWN
from ...forms.rapid_review.key_dates import key_dates
from ...forms.rapid_review.parts import ENCLOSABLE, PARTNERS, YES_NO_UNSURE, as_text, date_words
from ...forms.referral import OtherProcesses
from ...forms.spec import fields_of
from ...partnership import current
from ...partnership.names import AREA, LEARNING_EVENT
from ...rules.citations import cited
from ...rules.criteria import NATIONAL_CIRCUMSTANCES
from ...rules.dates import and_list
from ...rules.regulations import (
    CRITERIA_ORDER,
    LOCAL_REVIEW_CIRCUMSTANCES,
    PUBLICATION_SOURCE,
    WORKING_TOGETHER_2023,
    criterion_label,
)
from ...rules.timescales import PANEL_DECISION, working_days
from ..document import Letter
from . import PANEL, salutation, sender

# --------------------------------------------------------------------------------------
# the letter to the Panel and the outcome notice
# --------------------------------------------------------------------------------------

_LETTER_DECISION = {
    "local_cspr": "We have decided to carry out a local child safeguarding practice review.",
    "other_learning": "We have decided not to carry out a child safeguarding practice review. "
    "The case raises issues of importance to the local area, and we will hold an interagency "
    f"{LEARNING_EVENT}.",
    "no_review": "We have decided not to carry out a child safeguarding practice review or "
    "another learning review.",
}
#: The partners' view on a national review, which the letter gives beside the decision
#: (section 5).
_LETTER_NATIONAL = {
    "yes": "We think the case may raise issues which are complex or of national importance "
    "such that a national review may be appropriate, and we ask the Panel to consider it.",
    "no": "We do not think the case raises issues which are complex or of national "
    "importance such that a national review is needed.",
    "unsure": "We have not reached a view on whether the case raises issues which are "
    "complex or of national importance, and we ask for the Panel's view on a national review.",
}

_NOTICE_DECISION = {
    "local_cspr": "The safeguarding partners decided to carry out a local child safeguarding "
    "practice review.",
    "other_learning": "The safeguarding partners decided not to carry out a child safeguarding "
    f"practice review, and to hold an interagency {LEARNING_EVENT} instead.",
    "no_review": "The safeguarding partners decided that no further review will take place.",
}
_NOTICE_NATIONAL = {
    "yes": "They have asked the Child Safeguarding Practice Review Panel to consider a "
    "national review, as the case may raise issues which are complex or of national "
    "importance.",
    "no": "They do not think a national review is needed; the Panel decides.",
    "unsure": "They have asked the Child Safeguarding Practice Review Panel for its view on "
    "a national review.",
}

_NEXT_STEPS = {
    "local_cspr": (
        f"A local child safeguarding practice review will be carried out ({cited('section-10')}). "
        "Practitioners will be invited to contribute their perspectives without fear of being "
        "blamed for actions they took in good faith, and the family will be invited to "
        "contribute.",
        "The final report is published as soon as possible, and no later than six months "
        f"from the decision to initiate the review ({cited('section-11')}; "
        f"{PUBLICATION_SOURCE}).",
        "The Panel, Ofsted and the Department for Education are told of the review "
        f"({cited('section-5')}).",
    ),
    "other_learning": (
        f"An interagency {LEARNING_EVENT} will be held ({cited('section-7')}). The "
        "partnership will contact your agency to take part.",
    ),
    "no_review": (
        "No further review will take place. Share the learning identified with your staff "
        f"({cited('section-5')}).",
    ),
}


def _label(options: Sequence[tuple[str, str]], value: Any) -> str:
    return dict(options).get(as_text(value), as_text(value))


def _child(case: Mapping[str, Any]) -> str:
    return f"{as_text(case.get('child_initials'))}, aged {as_text(case.get('child_age'))}"


def _signatories(sign: Mapping[str, Any]) -> list[tuple[str, str, str]]:
    """The three partners' signatories for the letter's sign-off, with when each signed."""
    rows = []
    for key, _, phrase in PARTNERS:
        role = as_text(sign.get(f"{key}_role"))
        when = sign.get(f"{key}_date")
        if as_text(sign.get(f"{key}_name")):
            signed = f"Signed off on {date_words(when)}" if when else "Date not given"
            role = f"{role}. {signed}" if role else signed
        else:
            role = "Not yet signed off"
        rows.append((as_text(sign.get(f"{key}_name")), role, phrase))
    return rows


def _agencies(doc: Mapping[str, Any], *, with_content: bool = False) -> list[str]:
    """The agencies of the returns; ``with_content``: only those whose return says
    something (the ones the letter can say are enclosed)."""
    return [
        as_text(r.get("agency"))
        for r in doc.get("agency_returns") or []
        if as_text(r.get("agency"))
        and (not with_content or as_text(r.get("involvement")) or as_text(r.get("key_points")))
    ]


def _decision_text(decision: Mapping[str, Any]) -> str:
    """The local decision, then the partners' view on a national review (section 5: they
    share both with the Panel)."""
    text = _LETTER_DECISION.get(as_text(decision.get("decision")), "")
    if as_text(decision.get("decision")) == "local_cspr" and as_text(decision.get("reviewer")):
        text += f" We have commissioned {as_text(decision.get('reviewer'))} as the reviewer."
    national = _LETTER_NATIONAL.get(as_text(decision.get("national_review")), "")
    why = as_text(decision.get("national_review_rationale"))
    return " ".join(t for t in (text, national, why) if t)


def _chosen(options: Mapping[str, str], chosen: Any) -> str:
    """The options ticked, as a list, or "None identified."."""
    found = [options.get(c, c) for c in chosen or [] if isinstance(c, str)]
    return "\n".join(f"• {c}" for c in found) or "None identified."


def _analysis(doc: Mapping[str, Any]) -> list[str]:
    """The Panel's current asks (``parts.Analysis``), where the record answers them."""
    analysis = doc.get("analysis") or {}
    return [
        f"{label}: {as_text(analysis.get(key))}"
        for key, label in (
            ("key_practice_episodes", "Key practice episodes"),
            ("inequalities", "How racism and other inequalities may have influenced the "
             "family's experience and the practice"),
        )
        if as_text(analysis.get(key))
    ]  # fmt: skip


def panel_letter(doc: Mapping[str, Any], made_at: datetime) -> Letter:
    """The accompanying letter to the Child Safeguarding Practice Review Panel (Appendix 1;
    section 5: "send a copy to the Panel" and "share with the Panel their decision")."""
    case, decision = doc.get("case") or {}, doc.get("decision") or {}
    crit, sign = doc.get("criteria") or {}, doc.get("sign_off") or {}
    actions = doc.get("actions") or {}
    keys = key_dates(doc)
    notified = date_words(case.get("la_notification_date")) + (
        f", reference {as_text(case.get('la_notification_reference'))}"
        if as_text(case.get("la_notification_reference"))
        else ""
    )
    reference = as_text(case.get("referral_reference"))
    intro = (
        f"The {AREA} safeguarding partners held a Rapid Review meeting on "
        f"{date_words(case.get('meeting_date'))} about a child, {_child(case)}"
        + (f" (our reference {reference})" if reference else "")
        + f", whose case was referred to them on {date_words(case.get('referral_date'))}. "
        + (
            f"The local authority notified the Panel on {notified}. "
            if case.get("la_notification_date")
            else "The local authority did not notify the Panel. "
        )
        + f"We enclose the completed {current().documents['rapid_review']} and tell you our "
        "decision "
        f"({cited('section-5')} of our procedure)."
    )
    answers = []
    for key in CRITERIA_ORDER:
        why = as_text(crit.get(f"{key}_rationale"))
        answers.append(
            f"• {criterion_label(key)}: {_label(YES_NO_UNSURE, crit.get(key))}."
            + f" {why}" * bool(why)
        )
    local = _chosen(LOCAL_REVIEW_CIRCUMSTANCES, crit.get("local_circumstances"))
    if as_text(crit.get("local_circumstances_rationale")):
        local += f"\n{as_text(crit.get('local_circumstances_rationale'))}"
    circumstances = _chosen(NATIONAL_CIRCUMSTANCES, crit.get("national_circumstances"))
    if as_text(crit.get("national_rationale")):
        circumstances += f"\n{as_text(crit.get('national_rationale'))}"
    agencies = _agencies(doc, with_content=True)
    enclosed = [f"The completed {current().documents['rapid_review']}"]
    if agencies:
        enclosed.append(
            f"The agencies' returns ({current().documents['scoping_return']}, {len(agencies)}: "
            f"{and_list(agencies)})"
        )
    letter_part = doc.get("correspondence") or {}
    ticked = letter_part.get("enclosed") or []
    enclosed += [words for key, words in ENCLOSABLE if key in ticked]
    due = keys.get("key_dates.panel_decision_by")
    expected = (
        "The Panel has committed to respond with a decision on the majority of cases within "
        f"{working_days(PANEL_DECISION)} of receiving a rapid review ({cited('section-6')})"
        + (f": {due.text}." if due and due.value else ".")
    )
    paragraphs = [
        intro,
        f"{_decision_text(decision)} Our rationale: {as_text(decision.get('rationale'))}",
        *_analysis(doc),
        f"The criteria we considered (regulations 11 and 3; {cited('section-6')}):\n"
        + "\n".join(answers),
        f"The circumstances for a local review that apply ({WORKING_TOGETHER_2023}, "
        "chapter 5):\n" + local,
        "The circumstances the Panel has regard to that apply:\n" + circumstances,
        "Immediate action agreed: " + (as_text(actions.get("immediate_actions")) or "None."),
        f"Parallel processes ({cited('section-8')}): " + _processes_text(doc),
        expected,
    ]
    letter = Letter(
        sender=sender(letter_part),
        to=[PANEL],
        subject="Rapid Review: letter to the Child Safeguarding Practice Review Panel",
        salutation=salutation([PANEL]),
        paragraphs=paragraphs,
        signatories=_signatories(sign),
        enclosures=enclosed,
    )
    return letter


def _processes_text(doc: Mapping[str, Any]) -> str:

    section = doc.get("parallel_processes") or {}
    lines = []
    for f in fields_of(OtherProcesses):
        value = section.get(f.name)
        if f.meta.kind == "radios" and as_text(value):
            lines.append(f"{f.meta.label}: {_label(YES_NO_NOT_KNOWN, value)}")
    if as_text(section.get("details")):
        lines.append(as_text(section.get("details")))
    return "\n".join(lines) or "None given."


def _notice_decision(decision: Mapping[str, Any]) -> str:
    national = _NOTICE_NATIONAL.get(as_text(decision.get("national_review")), "")
    local = _NOTICE_DECISION.get(as_text(decision.get("decision")), "")
    return " ".join(t for t in (local, national, f"Why: {as_text(decision.get('rationale'))}") if t)


def agencies_notice(doc: Mapping[str, Any], made_at: datetime) -> Letter:
    """A short notice to the agencies of what was decided and what happens next (Appendix 1:
    "agencies told the outcome"; section 4: the rationale is communicated appropriately)."""
    case, decision = doc.get("case") or {}, doc.get("decision") or {}
    actions = doc.get("actions") or {}
    agencies = _agencies(doc)
    key = as_text(decision.get("decision"))
    steps = list(_NEXT_STEPS.get(key, ()))
    if key == "local_cspr" and as_text(decision.get("reviewer")):
        steps.insert(1, f"The reviewer is {as_text(decision.get('reviewer'))}.")
    steps.append(
        "The Rapid Review and this decision go to the Child Safeguarding Practice Review "
        f"Panel ({cited('appendix-1')}), which decides whether a national review is "
        f"appropriate and aims to respond within {working_days(PANEL_DECISION)} of receiving "
        f"it ({cited('section-6')}). The Panel may ask for more information: please respond "
        "promptly."
    )
    steps.append(
        "Keep supporting the staff affected by this case, in line with your organisation's "
        f"policies and procedures ({cited('section-5')})."
    )
    if as_text(actions.get("learning_to_share")):
        steps.append(f"Learning to share now: {as_text(actions.get('learning_to_share'))}")
    reference = as_text(case.get("referral_reference"))
    letter = Letter(
        sender=sender(doc.get("correspondence")),
        to=[
            f"The agencies that contributed to the Rapid Review: {and_list(agencies)}"
            if agencies
            else "The agencies that contributed to the Rapid Review"
        ],
        subject="Rapid Review outcome: notice to the agencies",
        salutation="Dear colleagues,",
        paragraphs=[
            f"The {AREA} safeguarding partners held a Rapid Review meeting on "
            f"{date_words(case.get('meeting_date'))} about a child, {_child(case)}"
            + (f" (our reference {reference})" if reference else "")
            + f", referred on {date_words(case.get('referral_date'))}. Thank you for your "
            "agency's part in it.",
            _notice_decision(decision),
            "Immediate action agreed: " + (as_text(actions.get("immediate_actions")) or "None."),
            "What happens next:\n" + "\n".join(f"• {s}" for s in steps),
            "This notice is OFFICIAL-SENSITIVE. Share it only with those in your agency who "
            "need to know, and only through secure email.",
        ],
        signatories=_signatories(doc.get("sign_off") or {}),
    )
    return letter
