"""The deadline calculator's page, rendered at build time from ``csprcore.rules.deadlines``.

The date inputs come from the core's events (``EVENTS`` / ``EVENT_LABELS``), every fixed
sentence from ``views.deadlines.PAGE_TEXT``, the picture's key from ``views.timeline``. The
page glue (``deadline-calculator.js``) sends the boxes to the core as they are typed and fills in
the places made here with the core's JSON answer; the few words it needs come from the JSON
block at the end, never from its own code.
"""

from __future__ import annotations

import json
from html import escape

from csprcore.rules import timescales
from csprcore.views import deadlines as deadlines_view
from pages.components import button, date_input, error_summary, timeline_legend

#: From the tool page (``tools/deadline-calculator/``) to the site's root.
ROOT = "../../"

TEXT = deadlines_view.PAGE_TEXT

#: The words the page glue shows or copies; it has none of its own.
GLUE_TEXT_KEYS = (
    "results_loading",
    "results_empty",
    "results_invalid",
    "results_incomplete",
    "remove_closure",
    "reading",
    "warning",
)


def _t(key: str) -> str:
    return escape(TEXT[key])


def dates_form() -> str:
    events = "".join(
        date_input(event, timescales.EVENT_LABELS[event], required=True)
        for event in timescales.EVENTS
    )
    closure = date_input(
        deadlines_view.CLOSURE_FIELD,
        TEXT["closure_legend"],
        hint=TEXT["closure_hint"],
        required=True,
    )
    return (
        '<form class="cs-deadlines__form" id="deadline-form" novalidate '
        'aria-labelledby="deadline-dates-title" data-deadline-form>'
        f"{error_summary()}"
        f'<h2 id="deadline-dates-title">{_t("dates_heading")}</h2>'
        f'<p class="cs-deadlines__intro">{_t("intro")}</p>'
        f'<div class="cs-deadlines__events" data-events>{events}</div>'
        '<div class="cs-deadlines__closures" data-closures>'
        f'<h2 id="deadline-closures-title">{_t("closures_heading")}</h2>'
        f'<p class="cs-hint">{_t("closures_hint")}</p>'
        f'<div class="cs-deadlines__closure-add">{closure}'
        + button(TEXT["add_closure"], kind="secondary", **{"data-add-closure": ""})
        + "</div>"
        f'<h3 class="cs-deadlines__closure-title" id="deadline-closure-list-title" '
        f'tabindex="-1">{_t("closures_list")}</h3>'
        f'<p class="cs-hint" data-closures-none>{_t("closures_none")}</p>'
        '<ul class="cs-deadlines__closure-list" data-closure-list '
        'aria-labelledby="deadline-closure-list-title"></ul>'
        "</div>"
        '<div class="cs-actions">'
        f'<button type="submit" class="md-button md-button--primary">{_t("submit")}</button>'
        "</div></form>"
    )


def _table() -> str:
    columns = "".join(
        f'<th scope="col" class="cs-deadlines__col--{key[4:]}">{_t(key)}</th>'
        for key in ("col_number", "col_label", "col_date", "col_basis", "col_section", "col_status")
    )
    return (
        '<table class="cs-deadlines__table" data-milestones>'
        f'<caption class="cs-deadlines__caption">{_t("table_caption")}</caption>'
        f"<thead><tr>{columns}</tr></thead><tbody></tbody></table>"
    )


def results() -> str:
    return (
        '<section class="cs-deadlines__results" aria-labelledby="deadline-results-title" '
        f'data-results data-site-root="{ROOT}">'
        f'<h2 id="deadline-results-title" tabindex="-1">{_t("results_heading")}</h2>'
        '<p class="cs-deadlines__status" role="status" data-results-status>'
        f"{_t('results_loading')}</p>"
        # Outside the body: a warning can stand alone, when the only date given counts to a
        # step past the calendar's years and nothing else can be worked out.
        '<div class="cs-deadlines__warnings" data-warnings></div>'
        '<div class="cs-deadlines__body" data-results-body hidden>'
        '<div class="cs-actions" data-print="hide">'
        + button(
            TEXT["calendar_button"],
            **{"data-calendar": "", "aria-describedby": "deadline-calendar-hint"},
        )
        + button(TEXT["print_button"], kind="secondary", **{"data-print-button": ""})
        + "</div>"
        f'<p class="cs-hint" id="deadline-calendar-hint" data-print="hide">'
        f"{_t('calendar_hint')}</p>"
        f"{_table()}"
        '<div class="cs-deadlines__unlock" data-unlock-block hidden>'
        f"<h3>{_t('unlock_heading')}</h3><ul data-unlock></ul></div>"
        '<div class="cs-timeline">'
        f'<h3 id="deadline-timeline-title">{_t("timeline_heading")}</h3>'
        f'<p class="cs-hint">{_t("timeline_hint")}</p>'
        '<div class="cs-timeline__layout">'
        '<figure class="cs-timeline__figure" data-timeline></figure>'
        f"{timeline_legend()}</div></div>"
        f"<h3>{_t('bank_holidays_heading')}</h3>"
        '<ul class="cs-deadlines__holidays" data-bank-holidays></ul>'
        f"<p data-bank-holidays-none hidden>{_t('bank_holidays_none')}</p>"
        f"<h3>{_t('events_heading')}</h3>"
        '<ul class="cs-deadlines__events-used" data-events-used></ul>'
        "</div></section>"
    )


def glue_text() -> str:
    data = {key: TEXT[key] for key in GLUE_TEXT_KEYS}
    # "</" cannot end the block early: JSON allows "<\/".
    payload = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    return f'<script type="application/json" data-deadline-text>{payload}</script>'


def body() -> str:
    return f'<div class="cs-deadlines">{dates_form()}{results()}{glue_text()}</div>'
