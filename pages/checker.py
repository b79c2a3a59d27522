"""The criteria checker's page, rendered at build time from ``csprcore.rules.criteria``.

The questions (text, hint, options, citation, show-if) and every word the page says come
from the core; this module only lays them out. The page glue (``criteria-checker.js``)
gathers the answers, asks the core to ``check`` them and places the result in the panel
built here, reading its words from the JSON block at the end (never from its own code).
"""

from __future__ import annotations

import json
from html import escape

from csprcore.rules import criteria
from csprcore.rules.citations import SECTION_TITLES, cite_path, short_title
from csprcore.views import checker as checker_view
from pages.components import button, choices

#: From the tool page (``tools/criteria-checker/``) to the site's root.
ROOT = "../../"
#: Where "Start a referral with these answers" goes; the referral page reads the handoff.
REFERRAL_HREF = "../referral-form/?from=checker"
HANDOFF_KEY = "csprcore-handoff-referral"
DEADLINES_HREF = "../deadline-calculator/"

TEXT = checker_view.PAGE_TEXT


def cite_href(cite: str) -> str:
    return ROOT + cite_path(cite)


def cite_link(cite: str) -> str:
    """A link to a procedure section, named by its number and title."""
    return f'<a href="{escape(cite_href(cite))}">{escape(SECTION_TITLES[cite])}</a>'


def question(q: criteria.Question) -> str:
    """One question: a fieldset of radios (checkboxes for several answers), its hint, the
    procedure section it comes from, and its show-if condition."""
    cite = (
        f'<p class="cs-checker__cite" data-cite="{escape(q.cite)}">'
        f"{escape(TEXT['cite_prefix'])} {cite_link(q.cite)}</p>"
    )
    # Inside the question's group, so it is shown and hidden with the question.
    return choices(
        q.key,
        q.text,
        [(o.value, o.label, o.hint) for o in q.options],
        hint=q.hint,
        multiple=q.multiple,
        show_if=q.show_if,
        required=True,  # nothing is required, but "(optional)" on every question is noise
        after=cite,
    )


def questions() -> str:
    return (
        '<form class="cs-checker__form" id="criteria-form" novalidate '
        'aria-labelledby="criteria-questions-title" data-print="hide">'
        f'<h2 id="criteria-questions-title">{escape(TEXT["questions_heading"])}</h2>'
        f'<p class="cs-checker__intro">{escape(TEXT["questions_intro"])}</p>'
        + "".join(question(q) for q in criteria.QUESTIONS)
        + "</form>"
    )


def conclusion(key: str) -> str:
    """A conclusion's place in the panel; the glue fills in its answer and reasons."""
    heading_id = f"conclusion-{key.replace('_', '-')}"
    answer = (
        ""
        if key == "national_review_circumstances"
        else '<p class="cs-conclusion__answer"><strong class="cs-tag" data-answer></strong></p>'
    )
    circumstances = (
        '<ul class="cs-conclusion__circumstances" data-circumstances></ul>'
        if key == "national_review_circumstances"
        else ""
    )
    return (
        f'<div class="cs-conclusion" data-conclusion="{escape(key)}" '
        f'aria-labelledby="{heading_id}" role="group">'
        f'<h3 class="cs-conclusion__question" id="{heading_id}">'
        f"{escape(criteria.CONCLUSION_QUESTIONS[key])}</h3>"
        f"{answer}{circumstances}"
        f'<p class="cs-conclusion__why">{escape(TEXT["reasons_heading"])}</p>'
        '<ul class="cs-conclusion__reasons" data-reasons></ul>'
        "</div>"
    )


def result_panel() -> str:
    will_show = "".join(
        f"<li>{escape(text)}</li>" for text in criteria.CONCLUSION_QUESTIONS.values()
    )
    keys = (*criteria.CONCLUSIONS, "national_review_circumstances")
    return (
        '<section class="cs-checker__result" id="criteria-result" '
        'aria-labelledby="criteria-result-title">'
        f'<h2 id="criteria-result-title">{escape(TEXT["result_heading"])}</h2>'
        # The one line a screen reader hears when the result changes (not the whole panel).
        '<p class="cs-checker__summary" id="criteria-summary" role="status" '
        'aria-live="polite" aria-atomic="true" data-result-summary></p>'
        '<div class="cs-checker__empty" data-result-empty>'
        f"<p>{escape(TEXT['result_empty'])}</p><ul>{will_show}</ul>"
        f"<p>{escape(TEXT['result_empty_after'])}</p></div>"
        f'<p class="cs-checker__waiting" data-result-waiting hidden>'
        f"{escape(TEXT['result_waiting'])}</p>"
        '<div class="cs-checker__error" data-result-error hidden>'
        f"<p data-result-error-text>{escape(TEXT['result_error'])}</p></div>"
        '<div class="cs-checker__body" data-result-body hidden>'
        + "".join(conclusion(k) for k in keys)
        + '<div class="cs-checker__steps">'
        f'<h3 id="criteria-next-steps">{escape(TEXT["next_steps_heading"])}</h3>'
        '<ol class="cs-checker__step-list" data-next-steps></ol>'
        f"<p data-next-steps-none hidden>{escape(TEXT['next_steps_none'])}</p></div>"
        f'<p class="cs-checker__disclaimer">{escape(TEXT["disclaimer"])} '
        f"({cite_link(TEXT['disclaimer_cite'])})</p>"
        "</div></section>"
    )


def actions() -> str:
    return (
        '<section class="cs-checker__actions" aria-labelledby="criteria-actions-title" '
        'data-print="hide">'
        f'<h2 id="criteria-actions-title">{escape(TEXT["actions_heading"])}</h2>'
        '<div class="cs-actions">'
        + button(TEXT["action_referral"], "primary", **{"data-action": "referral"})
        + button(TEXT["action_record"], "secondary", **{"data-action": "record"})
        + button(
            TEXT["action_record_odt"],
            "secondary",
            **{"data-action": "record", "data-format": "odt"},
        )
        + button(TEXT["action_print"], "secondary", **{"data-action": "print"})
        + button(TEXT["action_restart"], "secondary", **{"data-action": "restart"})
        + "</div>"
        '<p class="cs-checker__action-status" role="status" data-action-status></p>'
        f'<p class="cs-hint">{escape(TEXT["privacy"])}</p>'
        "</section>"
    )


def print_answers() -> str:
    """Shown only on paper: the answers as question and answer, filled in by the glue."""
    return (
        '<section class="cs-checker__print-answers" aria-hidden="true" data-print-answers>'
        f"<h2>{escape(TEXT['print_answers_heading'])}</h2>"
        "<p data-print-checked-at></p><dl data-print-list></dl></section>"
    )


def page_data() -> str:
    """The core's words for the page glue, as data (a JSON block, not a script)."""
    data = {
        "answer_words": criteria.ANSWER_WORDS,
        "summary_words": checker_view.SUMMARY_WORDS,
        "short": checker_view.CONCLUSION_SHORT,
        "conclusions": list(criteria.CONCLUSIONS),
        "circumstances": criteria.NATIONAL_CIRCUMSTANCES,
        "cites": {
            c: {"href": cite_href(c), "label": short_title(c), "title": t}
            for c, t in SECTION_TITLES.items()
        },
        "text": TEXT,
        "deadlines_href": DEADLINES_HREF,
        "referral_href": REFERRAL_HREF,
        "handoff_key": HANDOFF_KEY,
    }
    text = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
    return f'<script type="application/json" id="criteria-checker-data">{text}</script>'


def body() -> str:
    return (
        print_answers()
        + '<div class="cs-checker">'
        + questions()
        + result_panel()
        + "</div>"
        + actions()
        + page_data()
    )
