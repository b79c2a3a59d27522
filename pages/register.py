"""The case register's page (``tools/case-register/``), rendered at build time.

The case form's boxes come from the register's definitions in ``csprcore.rules.register``
(its events in order, the review kinds), the filters' options from its stages and statuses,
every fixed sentence from ``views.register_page.PAGE_TEXT``, the timeline's key from
``views.timeline``. The page glue (``case-register.js``) carries the register between the page
and the core and places the core's answers in the places made here; the few words it needs
come from the JSON block at the end, never from its own code.
"""

from __future__ import annotations

import json
from html import escape

from csprcore.forms.case_register.register_file import MAX_BYTES as REGISTER_MAX_BYTES
from csprcore.forms.engine import DRAFT_RETENTION_DAYS, MAX_FILE_BYTES
from csprcore.rules import register
from csprcore.views import register as register_view
from csprcore.views import register_page
from pages.components import button, choices, date_input, error_summary, text_input, timeline_legend

TEXT = register_page.PAGE_TEXT

#: From the tool page (``tools/case-register/``) to the site's root.
ROOT = "../../"


def _t(key: str, **values: str) -> str:
    return escape(TEXT[key].format(**values) if values else TEXT[key])


def _b(key: str, kind: str = "secondary", **extra: str) -> str:
    return button(TEXT[key], kind=kind, **extra)


def _file_input(name: str, label_key: str, hint_key: str) -> str:
    """A file picker whose file the page hands to the core, with its error and messages."""
    return (
        f'<div class="cs-form-group cs-file-fill" data-field="{name}">'
        f'<label class="cs-label" for="{name}">{_t(label_key)}</label>'
        f'<div class="cs-hint" id="{name}-hint">{_t(hint_key)}</div>'
        f'<p class="cs-error-message" id="{name}-error" data-error-for="{name}" hidden></p>'
        f'<input type="file" id="{name}" accept=".json,application/json" '
        f'aria-describedby="{name}-hint" data-max-bytes="{MAX_FILE_BYTES}" data-{name}>'
        f'<div class="cs-notice" data-{name}-message role="status" aria-live="polite"></div>'
        "</div>"
    )


def draft_panel() -> str:
    return (
        '<div class="cs-panel cs-draft" data-draft-notice>'
        f"<p><strong>{_t('draft_lead')}</strong> "
        f"{escape(TEXT['draft_body'].format(days=DRAFT_RETENTION_DAYS))}</p>"
        '<p class="cs-hint" data-draft-status aria-live="polite"></p>'
        '<div class="cs-panel cs-tab-notice" data-tab-notice hidden>'
        '<p role="status" data-tab-notice-text></p>'
        f"{_b('take_draft', **{'data-take-draft': ''})}</div>"
        f'<div class="cs-actions">{_b("delete_draft", **{"data-delete-draft": ""})}</div>'
        '<div class="cs-panel cs-delete-confirm" data-delete-confirm hidden>'
        f'<p tabindex="-1"><strong>{_t("delete_draft_confirm")}</strong></p>'
        '<div class="cs-actions">'
        f"{_b('delete_draft_yes', 'warning', **{'data-delete-yes': ''})}"
        f"{_b('cancel', **{'data-delete-cancel': ''})}"
        "</div></div></div>"
    )


def file_panel() -> str:
    """Open, start, save and save as a copy; the confirmations and the conflict notice."""
    return (
        '<section class="cs-register__file" aria-labelledby="register-file-title" '
        "data-file-panel>"
        f'<h2 id="register-file-title">{_t("file_heading")}</h2>'
        f'<p class="cs-hint">{_t("file_hint")}</p>'
        f'<p class="cs-register__file-status" data-file-status>{_t("file_none")}</p>'
        '<div class="cs-actions">'
        f"{_b('open_button', 'primary', **{'data-open': ''})}"
        f"{_b('new_button', **{'data-new': ''})}"
        f"{_b('save_button', **{'data-save': '', 'disabled': 'disabled'})}"
        f"{_b('save_copy_button', **{'data-save-copy': '', 'disabled': 'disabled'})}"
        "</div>"
        # Where the browser has no file picker API, "Open a register" uses this input.
        '<div class="cs-form-group" data-field="register-file">'
        f'<p class="cs-error-message" id="register-file-error" data-error-for="register-file" '
        "hidden></p>"
        f'<input type="file" id="register-file" accept=".json,application/json" hidden '
        f'aria-label="{_t("open_label")}" data-max-bytes="{REGISTER_MAX_BYTES}" '
        "data-register-input>"
        "</div>"
        '<div class="cs-form-group" data-field="sheet">'
        f'<label class="cs-label" for="register-sheet">{_t("sheet_label")}</label>'
        f'<div class="cs-hint" id="register-sheet-hint">{_t("sheet_hint")}</div>'
        '<p class="cs-error-message" id="sheet-error" data-error-for="sheet" hidden></p>'
        '<input type="file" id="register-sheet" accept=".csv,text/csv" '
        f'aria-describedby="register-sheet-hint" data-max-bytes="{REGISTER_MAX_BYTES}" '
        "data-sheet-input></div>"
        '<div class="cs-panel cs-register__sheet-map" data-sheet-map hidden role="region" '
        'aria-labelledby="sheet-map-title">'
        f'<h3 id="sheet-map-title" tabindex="-1">{_t("sheet_map_heading")}</h3>'
        "<p data-sheet-map-hint></p><div data-sheet-columns></div>"
        '<div class="cs-actions">'
        f"{_b('sheet_import', 'primary', **{'data-sheet-import': ''})}"
        f"{_b('cancel', **{'data-sheet-cancel': ''})}</div></div>"
        '<div class="cs-notice" data-file-message role="status" aria-live="polite"></div>'
        # "Start a new register" or "Open a register" over unsaved changes: the glue sets
        # the words for the one asked (new_confirm / open_confirm, or case_changes_new /
        # case_changes_open when a case's boxes are not saved).
        '<div class="cs-panel cs-delete-confirm" data-new-confirm hidden>'
        f'<p tabindex="-1"><strong data-confirm-text>{_t("new_confirm")}</strong></p>'
        '<div class="cs-actions">'
        f"{_b('new_yes', 'warning', **{'data-new-yes': '', 'data-confirm-yes': ''})}"
        f"{_b('cancel', **{'data-new-cancel': ''})}</div></div>"
        '<div class="cs-panel cs-delete-confirm" data-conflict hidden>'
        '<p tabindex="-1" data-conflict-text></p>'
        '<div class="cs-actions">'
        f"{_b('save_copy_button', 'primary', **{'data-conflict-copy': ''})}</div></div>"
        # A colleague saved since: what each changed is merged, and only a field both
        # changed differently is asked, one at a time (the core's register_merge).
        '<div class="cs-panel cs-merge" data-merge hidden role="region" '
        'aria-labelledby="merge-title">'
        f'<h3 id="merge-title" tabindex="-1">{_t("merge_heading")}</h3>'
        "<p data-merge-intro></p><p data-merge-question></p>"
        '<div class="cs-actions">'
        f"{_b('merge_ours', 'primary', **{'data-merge-take': 'ours'})}"
        f"{_b('merge_theirs', **{'data-merge-take': 'theirs'})}</div></div>"
        "</section>"
    )


def _select(name: str, label_key: str, options: list[tuple[str, str]]) -> str:
    items = "".join(
        f'<option value="{escape(value)}">{escape(label)}</option>' for value, label in options
    )
    return (
        f'<div class="cs-form-group cs-register__filter"><label class="cs-label" '
        f'for="{name}">{_t(label_key)}</label>'
        f'<select class="cs-select" id="{name}" data-{name}>'
        f'<option value="">{_t("filter_any")}</option>{items}</select></div>'
    )


def list_view() -> str:
    stages = list(register.STAGES.items())
    statuses = list(register_view.STATUS_FILTER.items())
    columns = "".join(
        f'<th scope="col">{_t(key)}</th>'
        for key in ("col_reference", "col_child", "col_stage", "col_next", "col_status")
    )
    text_filter = (
        '<div class="cs-form-group cs-register__filter"><label class="cs-label" '
        f'for="filter-text">{_t("filter_text")}</label>'
        '<input class="cs-input cs-input--short" id="filter-text" type="search" '
        'autocomplete="off" spellcheck="false" data-filter-text></div>'
    )
    return (
        '<section class="cs-register__list" data-list-view aria-labelledby="register-list-title">'
        f'<h2 id="register-list-title" tabindex="-1">{_t("list_heading")}</h2>'
        f"<p data-register-summary>{_t('no_register')}</p>"
        '<div class="cs-notice" data-list-message role="status" aria-live="polite"></div>'
        "<div data-register-body hidden>"
        f'<div class="cs-actions">{_b("add_case", "primary", **{"data-add-case": ""})}</div>'
        f"{_file_input('new-document-file', 'from_document_label', 'from_document_hint')}"
        '<div role="search" class="cs-register__filters" aria-labelledby="register-filters-title">'
        f'<h3 id="register-filters-title">{_t("filters_heading")}</h3>'
        '<div class="cs-register__filter-row">'
        f"{_select('filter-stage', 'filter_stage', stages)}"
        f"{_select('filter-status', 'filter_status', statuses)}"
        f"{text_filter}</div>"
        '<p class="cs-register__showing" role="status" aria-live="polite" data-showing></p>'
        "</div>"
        f"<p data-no-cases hidden>{_t('no_cases')}</p>"
        '<div class="cs-register__table-wrap">'
        '<table class="cs-register__table" data-cases>'
        f'<caption class="cs-visually-hidden">{_t("table_caption")}</caption>'
        f"<thead><tr>{columns}</tr></thead><tbody></tbody></table></div>"
        f"<h3>{_t('exports_heading')}</h3>"
        f'<p class="cs-hint" id="register-exports-hint">{_t("exports_hint")}</p>'
        '<div class="cs-actions">'
        + "".join(
            _b(f"export_{fmt}", **{"data-export": fmt})
            for fmt in ("ics", "csv", "pdf", "odt", "json")
        )
        + "</div>"
        '<div class="cs-notice" data-export-message role="status" aria-live="polite"></div>'
        "</div></section>"
    )


def case_form() -> str:
    kinds = [("", TEXT["review_kind_none"]), *register.REVIEW_KINDS.items()]
    dates = "".join(date_input(event.id, event.label) for event in register.REGISTER_EVENTS)
    return (
        '<form class="cs-form cs-register__case-form" novalidate data-case-form '
        'aria-labelledby="register-case-form-title">'
        f"{error_summary('case-error-summary')}"
        f'<h3 id="register-case-form-title">{_t("case_form_heading")}</h3>'
        + text_input("reference", TEXT["reference_label"], TEXT["reference_hint"],
                     width="medium", required=True)
        + text_input("child_initials", TEXT["initials_label"], TEXT["initials_hint"],
                     width="short", required=True)
        + text_input("child_age", TEXT["age_label"], TEXT["age_hint"], width="short")
        + choices("notification", TEXT["notification_legend"],
                  list(register.NOTIFICATIONS.items()))
        + choices("review_kind", TEXT["review_kind_legend"], kinds)
        + f'<fieldset class="cs-fieldset cs-register__dates"><legend '
        f'class="cs-fieldset__legend cs-fieldset__legend--section">{_t("dates_heading")}'
        f'</legend><p class="cs-hint">{_t("dates_hint")}</p>'
        f'<div class="cs-register__date-grid">{dates}</div></fieldset>'
        '<div class="cs-actions">'
        f'<button type="submit" class="md-button md-button--primary">{_t("save_case")}</button>'
        f"{_b('back', **{'data-back': ''})}"
        "</div>"
        '<div class="cs-notice" data-case-message role="status" aria-live="polite"></div>'
        "</form>"
    )  # fmt: skip


def _steps_table() -> str:
    columns = "".join(
        f'<th scope="col">{_t(key)}</th>'
        for key in ("col_number", "col_step", "col_date", "col_basis", "col_section", "col_state")
    )
    return (
        '<table class="cs-register__steps" data-steps>'
        f"<caption>{_t('steps_caption')}</caption>"
        f"<thead><tr>{columns}</tr></thead><tbody></tbody></table>"
    )


def case_view() -> str:
    return (
        '<section class="cs-register__case" data-case-view hidden '
        'aria-labelledby="register-case-title">'
        f'<div class="cs-actions">{_b("back", **{"data-back": ""})}</div>'
        f'<h2 id="register-case-title" tabindex="-1" data-case-title>{_t("new_case_heading")}</h2>'
        "<div data-case-details hidden>"
        f"<p><strong>{_t('stage_heading')}:</strong> <span data-case-stage></span></p>"
        '<div class="cs-register__warnings" data-case-warnings></div>'
        f"<h3>{_t('deadlines_heading')}</h3><ul data-case-deadlines></ul>"
        # Which dates would let further steps be worked out (the core's "unlock" list).
        f"<div data-case-waiting-block hidden><h3>{_t('waiting_heading')}</h3>"
        '<ul class="cs-register__waiting" data-case-waiting></ul></div>'
        f"{_file_input('document-file', 'document_label', 'document_hint')}"
        "</div>"
        f"{case_form()}"
        # Leaving a case with changes not saved (case_changes_back): asked first.
        '<div class="cs-panel cs-delete-confirm" data-back-confirm hidden>'
        f'<p tabindex="-1"><strong data-confirm-text>{_t("case_changes_back")}</strong></p>'
        '<div class="cs-actions">'
        f"{_b('case_back_yes', 'warning', **{'data-back-yes': '', 'data-confirm-yes': ''})}"
        f"{_b('cancel', **{'data-back-cancel': ''})}</div></div>"
        "<div data-case-more hidden>"
        '<div class="cs-timeline">'
        f'<h3 id="register-timeline-title">{_t("timeline_heading")}</h3>'
        f'<p class="cs-hint">{_t("timeline_hint")}</p>'
        '<div class="cs-timeline__layout">'
        '<figure class="cs-timeline__figure" data-timeline></figure>'
        f"{timeline_legend()}</div></div>"
        f"<h3>{_t('steps_heading')}</h3>{_steps_table()}"
        f"<div data-sources-block hidden><h3>{_t('sources_heading')}</h3><ul data-sources></ul>"
        "</div>"
        f'<div class="cs-actions">{_b("delete_case", "warning", **{"data-delete-case": ""})}'
        "</div>"
        '<div class="cs-panel cs-delete-confirm" data-delete-case-confirm hidden>'
        f'<p tabindex="-1"><strong>{_t("delete_case_confirm")}</strong></p>'
        '<div class="cs-actions">'
        f"{_b('delete_case_yes', 'warning', **{'data-delete-case-yes': ''})}"
        f"{_b('cancel', **{'data-delete-case-cancel': ''})}</div></div>"
        "</div></section>"
    )


def report() -> str:
    columns = "".join(
        f'<th scope="col">{_t(key)}</th>'
        for key in (
            "col_measure",
            "col_met",
            "col_missed",
            "col_unknown",
            "col_pending",
            "col_no_start",
        )
    )
    return (
        '<section class="cs-register__report" data-report-section '
        'aria-labelledby="register-report-title">'
        f'<h2 id="register-report-title">{_t("report_heading")}</h2>'
        f'<p class="cs-hint">{_t("report_hint")}</p>'
        '<form class="cs-form" novalidate data-report-form aria-labelledby="register-report-title">'
        f"{error_summary('report-error-summary')}"
        '<div class="cs-register__period">'
        f"{date_input('report-from', TEXT['report_from'])}"
        f"{date_input('report-to', TEXT['report_to'])}</div>"
        '<div class="cs-actions">'
        f'<button type="submit" class="md-button md-button--primary">{_t("report_button")}'
        "</button></div></form>"
        f'<p role="status" data-report-status>{_t("report_empty")}</p>'
        "<div data-report-body hidden>"
        f'<h3 data-report-period tabindex="-1">{_t("report_period")}</h3>'
        '<table class="cs-register__measures" data-measures>'
        f"<caption>{_t('report_caption')}</caption>"
        f"<thead><tr>{columns}</tr></thead><tbody></tbody></table>"
        f"<h3>{_t('chart_heading')}</h3>"
        '<figure class="cs-register__chart" data-chart></figure>'
        f"<h3>{_t('report_in_words')}</h3><ul data-report-lines></ul>"
        '<div class="cs-actions">'
        f"{_b('report_pdf', **{'data-report-export': 'pdf'})}"
        f"{_b('report_odt', **{'data-report-export': 'odt'})}"
        f"{_b('report_csv', **{'data-report-export': 'csv'})}</div>"
        '<div class="cs-notice" data-report-message role="status" aria-live="polite"></div>'
        "</div></section>"
    )


def glue_text() -> str:
    data = {key: TEXT[key] for key in register_page.GLUE_TEXT_KEYS}
    data["default_file_name"] = register_page.DEFAULT_FILE_NAME
    data["status_none"] = register_view.STATUS_FILTER["none"]
    # "</" cannot end the block early: JSON allows "<\/".
    payload = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    return f'<script type="application/json" data-register-text>{payload}</script>'


def body() -> str:
    return (
        f'<div class="cs-register" data-register data-draft-days="{DRAFT_RETENTION_DAYS}" '
        f'data-site-root="{ROOT}">'
        f"{draft_panel()}{file_panel()}{list_view()}{case_view()}{report()}{glue_text()}"
        "</div>"
    )
