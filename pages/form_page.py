"""Form pages rendered from a form model: the referral and Appendix 1's templates (the
agencies' scoping return and the Rapid Review).

Each part of the model becomes a section with its heading and "why we ask"; each field
becomes the GOV.UK pattern for its kind; a repeatable part becomes rows with a ``<template>``
for new ones. Names are the model's field paths, so the core's answers, errors and "Change"
links all line up with the page.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from html import escape

from csprcore.forms.base import FormBase
from csprcore.forms.engine import (
    DRAFT_RETENTION_DAYS,
    MAX_FILE_BYTES,
    NOT_COMPUTED,
    renamed_answers,
)
from csprcore.forms.meta import Meta
from csprcore.forms.names import PAGE_TEXT as NAMES_TEXT
from csprcore.forms.registry import export_buttons
from csprcore.forms.spec import PartSpec, parts
from csprcore.rules.citations import cite_path, short_title
from pages import components as c
from pages import tool

ROW = "__i__"  # the index placeholder in a repeat's template


def computed(path: str, meta: Meta) -> str:
    """A field the core works out (a due date): shown, never typed; the page glue fills in
    the core's sentence for it as the answers change."""
    fid = c.field_id(path)
    hint = f'<div class="cs-hint" id="{fid}-hint">{escape(meta.hint)}</div>' if meta.hint else ""
    return (
        f'<div class="cs-form-group cs-computed" data-field="{fid}">'
        f'<p class="cs-label" id="{fid}-label">{escape(meta.label)}</p>{hint}'
        f'<p class="cs-computed__value" id="{fid}" data-computed-for="{escape(path)}">'
        f"{escape(NOT_COMPUTED)}</p></div>"
    )


def _a(noun: str) -> str:
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


def field(path: str, meta: Meta, show_if_prefix: str) -> str:
    if meta.computed:
        return computed(path, meta)
    show_if = {meta.show_if[0]: meta.show_if[1]} if meta.show_if else None
    # show-if names a sibling field: the section (or row) path is its prefix.
    common = {"show_if": show_if, "show_if_prefix": show_if_prefix if show_if else "",
              "required": meta.required}  # fmt: skip
    if meta.kind == "date":
        html = c.date_input(path, meta.label, meta.hint, **common)
    elif meta.kind in ("radios", "checkboxes"):
        html = c.choices(path, meta.label, meta.options, meta.hint,
                         multiple=meta.kind == "checkboxes", **common)  # fmt: skip
    elif meta.kind == "textarea":
        html = c.textarea(path, meta.label, meta.hint, meta.limit, **common)
    else:
        html = c.text_input(path, meta.label, meta.hint, meta.kind, meta.width,
                            meta.autocomplete, **common)  # fmt: skip
    return html


def section(part: PartSpec, number: int, extra: str = "") -> str:
    """A part of the form; ``extra`` is HTML placed after its "why we ask" (a tool of its
    own, such as the Rapid Review's "Add agency returns")."""
    heading = f'<h2 id="{part.name}-heading">{number}. {escape(part.title)}</h2>'
    why = (
        f'<p class="cs-why"><strong>Why we ask:</strong> {escape(part.why)}</p>' if part.why else ""
    )
    if part.kind == "section":
        fields = "".join(
            field(f"{part.name}.{f.name}", f.meta, f"{part.name}.") for f in part.fields
        )
        return (
            f'<section class="cs-part" data-part="{part.name}">{heading}{why}{extra}{fields}'
            "</section>"
        )
    assert part.repeat is not None
    item = part.repeat.item
    row = "".join(
        field(f"{part.name}.{ROW}.{f.name}", f.meta, f"{part.name}.{ROW}.") for f in part.fields
    )
    template = (
        f'<template data-row-template="{part.name}">'
        f'<fieldset class="cs-row" data-row="{part.name}">'
        f'<legend class="cs-fieldset__legend cs-fieldset__legend--section">'
        f"{escape(item.capitalize())} <span data-row-number></span></legend>{row}"
        f"{c.button(f'Remove {item}', kind='secondary', **{'data-remove-row': ''})}"
        "</fieldset></template>"
    )
    return (
        f'<section class="cs-part" data-part="{part.name}" data-repeat="{part.name}" '
        f'data-max-items="{part.repeat.max_items}">{heading}{why}'
        f"{extra}"
        f'<p class="cs-hint" data-rows-empty="{part.name}">No {escape(item)} added yet.</p>'
        f'<div data-rows="{part.name}"></div>{template}'
        f"{c.button(f'Add {_a(item)}', kind='secondary', **{'data-add-row': part.name})}"
        f'<p class="cs-hint" data-rows-full="{part.name}" hidden>This part takes at most '
        f"{part.repeat.max_items} entries.</p>"
        "</section>"
    )


def form_body(form: type[FormBase], page: str, extras: Mapping[str, str] | None = None) -> str:
    """The whole form tool: drafts notice, file actions, the form, check answers, export.
    ``extras`` maps a part's name to HTML placed at the top of that part."""
    support = tool.site_extra("support_office_email", "")
    extras = extras or {}
    sections = "".join(section(p, i + 1, extras.get(p.name, "")) for i, p in enumerate(parts(form)))
    exports = "".join(
        c.button(text, kind="primary" if i == 0 else "secondary", **{"data-export": fmt})
        for i, (fmt, text) in enumerate(export_buttons(form))
    )
    # Letters carry the date the user gives them (default: today), PDF and editable copy.
    letter_date = (
        c.date_input(
            "letter_date",
            "Date on the letters",
            hint="The date the letters and notices carry. Leave it blank for today's date.",
        )
        if form.letters
        else ""
    )
    lead = escape(form.after_export_lead) + (
        f' (<a href="mailto:{escape(support)}">{escape(support)}</a>)'
        if support and form.to_support_office
        else ""
    )
    draft_notice = (
        '<div class="cs-panel cs-draft" data-draft-notice>'
        "<p><strong>Your answers are saved as a draft in this browser only.</strong> "
        "Nothing is sent anywhere. Anyone who uses this browser on this device could see "
        f"the draft, so delete it when you have finished. Drafts are removed automatically "
        f"after {DRAFT_RETENTION_DAYS} days.</p>"
        '<p class="cs-hint" data-draft-status aria-live="polite"></p>'
        # Shown when another tab of this form keeps the draft (web/js/drafts.js).
        '<div class="cs-panel cs-tab-notice" data-tab-notice hidden>'
        '<p role="status" data-tab-notice-text></p>'
        f"{c.button('Keep the draft from this tab', kind='secondary', **{'data-take-draft': ''})}"
        "</div>"
        '<div class="cs-actions">'
        f"{c.button('Delete this draft', kind='secondary', **{'data-delete-draft': ''})}"
        f"{c.button('Save as file', kind='secondary', **{'data-save-file': ''})}"
        "</div>"
        # GOV.UK: a destructive action is confirmed, saying it cannot be undone.
        '<div class="cs-panel cs-delete-confirm" data-delete-confirm hidden>'
        '<p tabindex="-1"><strong>Are you sure you want to delete this draft?</strong> '
        "Every answer in the form is cleared and the draft is removed from this browser. "
        "This cannot be undone: save the form as a file first if you may need it.</p>"
        '<div class="cs-actions">'
        f"{c.button('Yes, delete the draft', kind='warning', **{'data-delete-yes': ''})}"
        f"{c.button('Cancel', kind='secondary', **{'data-delete-cancel': ''})}"
        "</div></div>"
        '<div class="cs-form-group cs-open-file"><label class="cs-label" for="open-file">'
        "Open a saved file</label>"
        '<div class="cs-hint" id="open-file-hint">A JSON file saved from this form. It replaces '
        "the answers in the form; a file that cannot be used changes nothing.</div>"
        '<input type="file" id="open-file" accept=".json,application/json" '
        f'aria-describedby="open-file-hint" data-open-file data-max-bytes="{MAX_FILE_BYTES}">'
        "</div>"
        '<div class="cs-notice" data-file-message role="status" aria-live="polite"></div>'
        "</div>"
    )
    # When the criteria checker hands its answers over and a draft is already open, the user
    # chooses: a new referral, or the same child's draft (web/js/form-page.js).
    handoff_choice = (
        '<div class="cs-panel cs-handoff-choice" data-handoff-choice hidden role="region" '
        'aria-labelledby="handoff-title">'
        '<h2 id="handoff-title" tabindex="-1">A referral draft is already open</h2>'
        "<p>This form holds a draft restored from this browser. Start a new referral with the "
        "criteria checker's answers, or add them to this draft if it is about the same child. "
        "A new referral deletes the draft: save it as a file first if you may need it.</p>"
        '<div class="cs-actions">'
        f"{c.button('Start a new referral', **{'data-handoff-new': ''})}"
        f"{c.button('Add them to this draft', kind='secondary', **{'data-handoff-add': ''})}"
        "</div></div>"
        if "checker" in form.model_fields
        else ""
    )
    # Fields that are not parts and have no panel of their own (the referral's name marks):
    # kept in hidden inputs, so a draft and a file carry them like any answer.
    hidden = "".join(
        f'<input type="hidden" name="{escape(name)}" value="">'
        for name in form.model_fields
        if name not in {p.name for p in parts(form)} | {"form", "schema_version", "checker"}
    )
    names_warning = (
        '<div class="cs-panel cs-names-warning" data-names-warning hidden tabindex="-1" '
        'role="region" aria-labelledby="names-warning-title">'
        f'<h3 id="names-warning-title">{escape(NAMES_TEXT["heading"])}</h3>'
        f"<p>{escape(NAMES_TEXT['lead'])}</p><ul data-names-list></ul>"
        f'<p class="cs-hint">{escape(NAMES_TEXT["anyway_hint"])}</p>'
        f"{c.button(NAMES_TEXT['anyway'], kind='warning', **{'data-names-anyway': ''})}"
        "</div>"
        if "name_marks" in form.model_fields
        else ""
    )
    checker = (
        '<div class="cs-panel" data-checker-outcome hidden>'
        "<h2>Criteria checker outcome</h2>"
        "<p data-checker-text></p>"
        '<input type="hidden" name="checker" value=""></div>'
        if "checker" in form.model_fields
        else ""
    )
    check_view = (
        '<div class="cs-check" data-check-view hidden tabindex="-1" role="region" '
        'aria-labelledby="check-heading">'
        f'<h2 id="check-heading">Check your answers before you download {escape(form.noun)}</h2>'
        '<div class="cs-panel cs-form-warnings" data-check-warnings hidden>'
        "<h3>Points to note</h3><ul></ul></div>"
        "<div data-summary></div>"
        f"{letter_date}"
        f'<div class="cs-actions">{exports}'
        f'{c.button("Print", kind="secondary", **{"data-print-button": ""})}'
        f'{c.button("Back to the form", kind="secondary", **{"data-back-to-form": ""})}'
        "</div>"
        '<div class="cs-notice" data-export-message role="status" aria-live="polite"></div>'
        f"{names_warning}"
        '<div class="cs-panel" data-next-steps hidden><h2>What to do next</h2>'
        f"<p>{lead}. Then:</p><ul>"
        + "".join(
            f'<li>{escape(text)} (<a href="../../{cite_path(cite)}">{short_title(cite)}</a>)</li>'
            for text, cite in form.after_export
        )
        + '</ul><p><a href="../deadline-calculator/">Work out these dates with the deadline '
        "calculator</a>.</p></div></div>"
    )  # fmt: skip
    form_view = (
        f'<form class="cs-form" data-form="{escape(form.form_id)}" novalidate '
        f'data-draft-days="{DRAFT_RETENTION_DAYS}" data-page="{escape(page)}" '
        # A draft saved before a field was renamed keeps its answers (engine.renamed_answers).
        f'data-renamed="{escape(json.dumps(renamed_answers(form)))}">'
        f"{c.error_summary()}{checker}{hidden}{sections}"
        '<div class="cs-actions">'
        f"{c.button('Check your answers', **{'data-check': ''})}"
        "</div></form>"
    )
    return draft_notice + handoff_choice + form_view + check_view


def body() -> str:
    from csprcore.forms.referral import Referral

    return form_body(Referral, "referral-form")


def _file_picker(
    name: str,
    label: str,
    hint: str,
    *,
    multiple: bool = False,
    accept: str = ".json,application/json",
) -> str:
    """A file input whose files the page hands to the core (``web/js/file-fill.js``), with
    a polite status box for what the core did with them."""
    return (
        f'<div class="cs-form-group cs-file-fill" data-field="{name}">'
        f'<label class="cs-label" for="{name}">{escape(label)}</label>'
        f'<div class="cs-hint" id="{name}-hint">{hint}</div>'
        f'<input type="file" id="{name}"{" multiple" if multiple else ""} '
        f'accept="{accept}" aria-describedby="{name}-hint" data-{name} '
        f'data-max-bytes="{MAX_FILE_BYTES}">'
        f'<div class="cs-notice" data-{name}-message role="status" aria-live="polite"></div>'
        "</div>"
    )


def _from_referral(fills: str) -> str:
    return _file_picker(
        "from-referral",
        "Fill in from the referral",
        "The referral as a JSON file saved from the "
        f'<a href="../referral-form/">referral form</a>. It fills in {fills}, in empty boxes '
        "only: what you have written is kept. Names are not copied: the child's initials and "
        "age are worked out from them. Nothing leaves this device.",
    )


def scoping_body() -> str:
    from csprcore.forms.scoping import ScopingReturn

    fills = "the child's initials and age and the date of the referral"
    return form_body(ScopingReturn, "scoping-return", {"case": _from_referral(fills)})


def rapid_review_body() -> str:
    """The Rapid Review record, with "Fill in from the referral" at the top of the case and
    "Add agency returns" at the top of the agencies' part: they read saved files and put what
    they hold into the form."""
    from csprcore.forms.rapid_review import MAX_RETURNS, RapidReview

    fills = (
        "the case details, the agencies it names, the other processes, and the circumstances "
        "for a national review (section 6) from the criteria checker's answers when the "
        "referral has them, or from the referral's own answers"
    )
    add_returns = _file_picker(
        "add-returns",
        "Add agency returns",
        "Choose the agencies' returns, saved as JSON files from the "
        '<a href="../scoping-return/">agency scoping return</a> page (up to '
        f"{MAX_RETURNS} at a time). Each agency gets one row below. Boxes you have already "
        "written in are kept; a file that cannot be used is refused and changes nothing.",
        multiple=True,
    )
    return form_body(
        RapidReview,
        "rapid-review",
        {"case": _from_referral(fills), "agency_returns": add_returns},
    )


def local_review_body() -> str:
    """The local review record, with "Start from the Rapid Review" at the top of the case:
    it reads the Rapid Review's saved file and fills the record's empty boxes."""
    from csprcore.forms.local_review import LocalReview

    start = _file_picker(
        "from-rapid-review",
        "Start from the Rapid Review",
        "The Rapid Review saved as a JSON file from the "
        '<a href="../rapid-review/">Rapid Review template</a>, when it decided to carry out a '
        "local review. It fills in the case details (initials and age only), the decision and "
        "its date, the criteria considered, the reviewer and the partners' signatories, in "
        "empty boxes only: what you have written is kept. Nothing leaves this device.",
    )
    return form_body(LocalReview, "local-review", {"case": start})


def action_plan_body() -> str:
    """The action plan, with "Start from the local review" at the top of its source."""
    from csprcore.forms.action_plan import ActionPlan

    start = _file_picker(
        "from-local-review",
        "Start from the local review",
        "The local review record saved as a JSON file from the "
        '<a href="../local-review/">local review record</a>. It fills in the source review, '
        "the referral reference, the child's initials and the date the review was completed, "
        "in empty boxes only. Or start blank, after a local learning review. Nothing leaves "
        "this device.",
    )
    # Section 12: agencies report their progress; each gets a sheet of its own actions, and
    # the sheets they return are merged in (``forms.action_plan.updates``).
    sheet = (
        '<div class="cs-form-group cs-agency-sheet" data-field="agency-sheet">'
        '<label class="cs-label" for="agency-sheet">An agency\'s update sheet</label>'
        '<div class="cs-hint" id="agency-sheet-hint">The agency\'s name as the actions give it. '
        "The sheet (CSV, for Excel) lists that agency's actions only: it fills in their "
        "status and evidence, and sends it back by secure email.</div>"
        '<input class="cs-input cs-input--medium" type="text" id="agency-sheet" '
        'aria-describedby="agency-sheet-hint" autocomplete="off" data-agency-name>'
        + c.button(
            "Download the agency's sheet (CSV)", kind="secondary", **{"data-agency-sheet": ""}
        )
        + '<div class="cs-notice" data-agency-sheet-message role="status" aria-live="polite">'
        "</div></div>"
    )
    updates = _file_picker(
        "add-updates",
        "Add agencies' updates",
        "The sheets agencies returned (CSV). Their status and evidence fill the actions' "
        "empty boxes; a status moves on, never back; what you have written is kept and "
        "named. A sheet for another case is refused and changes nothing.",
        multiple=True,
        accept=".csv,text/csv",
    )
    return form_body(ActionPlan, "action-plan", {"source": start, "actions": sheet + updates})
