"""What the criteria checker's page says: its fixed words and the answers as rows.

The rules (``rules.criteria``) decide; this module only words the page around them. The
build renders these words into the page, and the record of a check (``exports.check_record``)
reuses them, so the page and the PDF never say different things.
"""

from __future__ import annotations

from typing import Any, Final

from ..partnership.names import COUNCIL_START, LEARNING_EVENT
from ..rules.criteria import QUESTIONS, is_shown, parse_facts

#: Each conclusion in a few words, for the one-line summary a screen reader hears when the
#: result changes ("Serious child safeguarding case: yes. ...").
CONCLUSION_SHORT: Final[dict[str, str]] = {
    "serious_case": "Serious child safeguarding case",
    "la_must_notify_panel": f"{COUNCIL_START} must notify the Panel",
    "notify_ofsted_and_secretary_of_state": "Ofsted and the Secretary of State must be told",
    "rapid_review": "Rapid Review",
    "line_of_sight_learning": f"{LEARNING_EVENT} could fit",
}

#: The answers inside the summary sentence.
SUMMARY_WORDS: Final[dict[str, str]] = {
    "yes": "yes", "no": "no", "unsure": "not sure yet", "other_area": "another area's",
    "check": "check national guidance"}  # fmt: skip

#: Everything else the checker page says. The page glue only places these words.
PAGE_TEXT: Final[dict[str, str]] = {
    "questions_heading": "About the case",
    "questions_intro": (
        "Answer what you can. Choose \u201cNot sure\u201d when you do not know: the checker "
        "then says what is not yet clear and what to do. More questions appear when your "
        "answers make them matter."
    ),
    "cite_prefix": "Procedure:",
    "result_heading": "What your answers show",
    "result_empty": "Answer the questions and this panel will show, as you answer:",
    "result_empty_after": (
        "Next steps and their timescales follow, with links to the procedure sections behind "
        "each conclusion."
    ),
    "result_waiting": (
        "Your answers will be checked as soon as the rule core has started in your browser."
    ),
    "result_error": (
        "Your answers could not be checked because the rule core did not start. Your answers "
        "are kept: choose \u201cTry again\u201d above, or reload the page."
    ),
    "reasons_heading": "Why",
    "circumstances_none_not_serious": (
        "None: the Panel has regard to these circumstances for serious child safeguarding "
        "cases, and this case is not one."
    ),
    "next_steps_heading": "Next steps",
    "next_steps_none": (
        "The answers lead to no step in this procedure. If anything changes, check again; "
        "if in doubt, discuss the case with your agency's designated safeguarding lead."
    ),
    "milestone_link": "Work out the date in the deadline calculator",
    "disclaimer": (
        "The checker helps you think a case through; it does not make the decision. Discuss "
        "the case with your agency's designated safeguarding lead. Meeting the criteria does "
        "not mean a review must be carried out: the safeguarding partners decide."
    ),
    "disclaimer_cite": "section-4",
    "actions_heading": "What you can do next",
    "action_referral": "Start a referral with these answers",
    "action_record": "Download a record of this check",
    "action_record_odt": "Download it as an editable copy (ODT)",
    "action_print": "Print",
    "action_restart": "Start again",
    "record_preparing": "Preparing the record of this check\u2026",
    "record_ready": "The record of this check has been downloaded.",
    "record_failed": "The record could not be made. Your answers are kept: try again.",
    "restarted": "Answers cleared. Start again with the first question.",
    "print_answers_heading": "Your answers",
    "print_checked_at": "Checked on",
    "not_answered": "Not answered",
    "privacy": (
        "Your answers stay on this device. The checker asks for no names; a referral started "
        "from here carries your answers to the referral form in this browser only."
    ),
}


def answer_rows(raw_facts: Any) -> list[tuple[str, str]]:
    """Each question asked, with the answer given in the words of its options."""
    facts = parse_facts(raw_facts)
    rows = []
    for question in QUESTIONS:
        if not is_shown(question, facts):
            continue
        labels = {o.value: o.label for o in question.options}
        value = facts.get(question.key)
        if question.multiple:
            answer = "; ".join(labels[v] for v in value or []) or PAGE_TEXT["not_answered"]
        else:
            answer = labels[value] if value else PAGE_TEXT["not_answered"]
        rows.append((question.text, answer))
    return rows
