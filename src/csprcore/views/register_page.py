"""The case register's page (``tools/case-register/``): every fixed sentence it shows.

The page is rendered at build time (``pages/register.py``) from these words and from the
register's definitions in ``rules.register`` (its events, review kinds, stages and statuses);
the page glue (``case-register.js`` and its ``register-*.js`` parts) shows the words listed
in ``GLUE_TEXT_KEYS`` and the core's answers, and has none of its own. ``{name}`` in a
sentence is the register file's name, ``{shown}`` and ``{total}`` the cases shown and
counted, ``{reference}`` a case's reference, ``{days}`` the days a draft is kept
(``forms.engine.DRAFT_RETENTION_DAYS``).
"""

from __future__ import annotations

from typing import Final

#: The name of a register saved for the first time.
DEFAULT_FILE_NAME: Final = "case-register.json"

#: Every fixed sentence of the page.
PAGE_TEXT: Final[dict[str, str]] = {
    # --- the draft on this device ------------------------------------------------------
    "draft_lead": "The register is kept as a draft in this browser only.",
    "draft_body": (
        "Nothing is sent anywhere. The register itself is the file you open and save on your "
        "unit's own drive; the draft only keeps your work between visits on this device. "
        "Anyone who uses this browser on this device could see the draft, so delete it when "
        "you have finished. Drafts are removed automatically after {days} days."
    ),
    "take_draft": "Keep the draft from this tab",
    "delete_draft": "Delete this draft",
    "delete_draft_confirm": (
        "Are you sure you want to delete this draft? The register is cleared from this page "
        "and the draft is removed from this browser. The register file on your drive is not "
        "changed. This cannot be undone: save the register first if you have unsaved changes."
    ),
    "delete_draft_yes": "Yes, delete the draft",
    "cancel": "Cancel",
    # --- the register file ----------------------------------------------------------------
    "file_heading": "The register file",
    "file_hint": (
        "The register is one file your unit keeps on its own secure drive, as a spreadsheet "
        "is. Open it here, work, then save it. Where your browser allows it (Chrome and Edge), "
        "Save writes back to the same file; elsewhere it downloads the new version."
    ),
    "open_button": "Open a register",
    "new_button": "Start a new register",
    "save_button": "Save",
    "save_copy_button": "Save as a copy",
    "open_label": "Open a register file",
    "file_none": "No register is open. Open your unit's register file, or start a new one.",
    "file_new": "A new register, not yet saved as a file.",
    "file_open": "Register: {name}.",
    "file_open_in_place": "Register: {name}. Save writes back to this file.",
    "file_unsaved": "There are changes not yet saved to the file.",
    "file_saved": "Saved to {name}.",
    "file_downloaded": (
        "Downloaded {name}. Keep it on your unit's drive in place of the old file, and open "
        "it from there next time."
    ),
    "file_downloaded_new": (
        "Downloaded {name}. Keep it on your unit's secure drive, and open it from there next time."
    ),
    "file_restored_in_place": (
        "The register was restored from the draft in this browser. Save writes back to {name}."
    ),
    "file_restored": (
        "The register was restored from the draft in this browser. To save it back to the "
        "file in place, save it as a copy over the file or open the file again."
    ),
    "file_opened": "Opened {name}.",
    "file_reading": "Reading the file…",
    "file_unreadable": "{name} could not be read. Nothing on this page has changed.",
    "file_cancelled": "No file was chosen. Nothing has changed.",
    "new_confirm": (
        "The register on this page has changes that are not saved to a file. Start a new "
        "register anyway? Those changes will be lost unless you save them first."
    ),
    "new_yes": "Yes, start a new register",
    "open_confirm": (
        "The register on this page has changes that are not saved to a file. Open another "
        "register anyway? Those changes will be lost unless you save them first."
    ),
    "open_yes": "Yes, open another register",
    "new_done": "A new, empty register has been started. Nothing else on the page is kept.",
    "conflict": (
        "Someone else has saved changes to {name} since you opened it, and the file cannot "
        "be read now, so your changes could not be merged with theirs: nothing in the file "
        "was overwritten. Save your register as a copy."
    ),
    "conflict_gone": (
        "{name} could not be found where it was opened: it may have been moved, renamed or "
        "deleted. Nothing was saved. Save your register as a copy."
    ),
    "sheet_label": "Start from a spreadsheet (CSV)",
    "sheet_hint": (
        "Your unit's spreadsheet of cases, saved as \u201cCSV UTF-8\u201d, or this page's own "
        "CSV download. You choose which column holds what; dates may be 2026-11-30 or "
        "30/11/2026. It starts a new register: nothing is changed until you import it."
    ),
    "sheet_map_heading": "Which column holds what",
    "sheet_map_hint": (
        "Choose what each column of {name} holds. Columns left as \u201cNot used\u201d are "
        "ignored. One column must hold the case reference."
    ),
    "sheet_unused": "Not used",
    "sheet_column": "Column {number}",
    "sheet_import": "Import the sheet",
    "sheet_confirm": (
        "The register on this page has changes that are not saved to a file. Start a new "
        "register from the sheet anyway? Those changes will be lost unless you save them first."
    ),
    "sheet_yes": "Yes, start from the sheet",
    "merge_heading": "Someone else saved the register too",
    "merge_intro": (
        "{name} was saved by someone else since you opened it. Their changes and yours have "
        "been put together; {count} of them changed the same thing differently. Choose which "
        "to keep. Nothing is saved until every one is settled."
    ),
    "merge_ours": "Keep mine",
    "merge_theirs": "Keep theirs",
    "merged_saved": (
        "{name} was saved by someone else since you opened it. Their changes and yours have "
        "been merged and saved to {name}."
    ),
    "save_denied": (
        "This browser was not allowed to write to {name}, so nothing was saved. Save your "
        "register as a copy instead. Everything is still on this page."
    ),
    "save_failed": (
        "{name} could not be saved ({problem}). Nothing on this page has been lost: try again, "
        "or save the register as a copy."
    ),
    "save_copy_failed": (
        "The copy could not be saved ({problem}). Nothing on this page has been lost."
    ),
    "core_failed": "The rule core could not do this. Nothing on this page has changed.",
    "file_filter": "A register file (JSON)",
    # --- the list -----------------------------------------------------------------------
    "list_heading": "Cases",
    "add_case": "Add a case",
    "from_document_label": "Start a case from a document",
    "from_document_hint": (
        "A Rapid Review, local review record or action plan saved as a JSON file from this "
        "site. A new case is started with its reference, the child's initials and its dates. "
        "A referral has no case reference yet: add the case first, then add the referral to it."
    ),
    "filters_heading": "Filter the cases",
    "filter_stage": "Stage",
    "filter_status": "Status",
    "filter_text": "Reference or initials",
    "filter_any": "All",
    "showing": "Showing {shown} of {total} cases",
    "table_caption": "Cases, the next deadline first",
    "col_reference": "Reference",
    "col_child": "Child",
    "col_stage": "Stage",
    "col_next": "Next deadline",
    "col_status": "Status",
    "no_deadline": "None open",
    "no_cases": (
        "There are no cases in this register yet. Add a case, or start one from a document."
    ),
    "no_register": "Open a register or start a new one to see its cases.",
    "open_case": "Open case {reference}",
    "child": "{initials}, aged {age}",
    # --- exports ------------------------------------------------------------------------
    "exports_heading": "Download",
    "export_ics": "Calendar of open deadlines (.ics)",
    "export_csv": "Register for Excel (CSV)",
    "export_pdf": "One-page summary for the review group (PDF)",
    "export_odt": "The same summary, editable (ODT)",
    "export_json": "Register file (JSON)",
    "exports_hint": (
        "The calendar has every open deadline of every case, for Outlook, Google Calendar or "
        "Apple Calendar. The files are made on this device; nothing is uploaded."
    ),
    # --- the case -----------------------------------------------------------------------
    "back": "Back to the cases",
    "new_case_heading": "Add a case",
    "case_heading": "Case {reference}",
    "case_form_heading": "The case's details and dates",
    "reference_label": "The partnership's reference",
    "reference_hint": "As your unit writes it, for example CSPR-2026-04",
    "initials_label": "The child's initials",
    "initials_hint": "Initials only, never the name, for example ZN",
    "age_label": "The child's age",
    "age_hint": "For example, 8, or 4 months",
    "notification_legend": "Who notified the Panel",
    "review_kind_legend": "What was decided after the Rapid Review",
    "review_kind_none": "Not decided yet",
    "dates_heading": "Dates",
    "dates_hint": "Enter the dates you know; leave the rest blank.",
    "save_case": "Save the case",
    "case_saved": (
        "The case has been saved to the register. Save the register to keep it in the file."
    ),
    "document_label": "Add a document to this case",
    "document_hint": (
        "A referral, Rapid Review, local review record or action plan for this child, saved as "
        "a JSON file from this site. It fills in the dates this case does not have yet; a date "
        "you typed is never changed."
    ),
    "document_reading": "Reading the document…",
    "delete_case": "Delete this case",
    "delete_case_confirm": (
        "Are you sure you want to delete this case from the register? Its dates are removed. "
        "This cannot be undone once the register is saved."
    ),
    "delete_case_yes": "Yes, delete the case",
    "case_deleted": "Case {reference} was deleted from the register.",
    "stage_heading": "Stage",
    "deadlines_heading": "Open deadlines",
    "deadlines_none": "This case has no open deadline.",
    "waiting_heading": "Dates that would work out more steps",
    "case_changes_back": (
        "This case has changes that are not saved. Go back to the cases anyway? What you "
        "typed in the case will be lost unless you save the case first."
    ),
    "case_back_yes": "Yes, go back to the cases",
    "case_changes_new": (
        "The case on this page has changes that are not saved. Start a new register anyway? "
        "What you typed in the case will be lost unless you save the case and "
        "then the register first."
    ),
    "case_changes_open": (
        "The case on this page has changes that are not saved. Open another register anyway? "
        "What you typed in the case will be lost unless you save the case and "
        "then the register first."
    ),
    "changed_meanwhile": (
        "The register changed while this was being done (another change was saved first), "
        "so it was not done: check the case, then do it again. Nothing you typed has been "
        "changed."
    ),
    "document_not_added": (
        "The document was not added, because the case's details could not be saved: correct "
        "the problems listed, then add the document again. Nothing you typed has been changed."
    ),
    "timeline_heading": "Timeline",
    "timeline_hint": "The weeks that have a date in them, as a calendar. Numbers match the table.",
    "steps_heading": "Every step",
    "steps_caption": "Each step of the case, with how its date was counted",
    "col_number": "No.",
    "col_step": "Step",
    "col_date": "Date",
    "col_basis": "How it was counted",
    "col_section": "Section",
    "col_state": "State",
    "sources_heading": "Where the dates came from",
    "warning": "Warning",
    # --- the timeliness report -------------------------------------------------------------
    "report_heading": "Timeliness report",
    "report_hint": (
        "How many cases met each timescale in a period, for the partnership's annual report. "
        "A case counts in the period when the event its measure counts from falls in it. "
        "Leave the dates blank for the last financial year (1 April to 31 March)."
    ),
    "report_from": "From",
    "report_to": "To",
    "report_button": "Show the report",
    "report_period": "The period",
    "report_caption": "Timescales met in the period",
    "col_measure": "Measure",
    "col_met": "Met",
    "col_missed": "Missed (working days late)",
    "col_unknown": "Past the last day, no date recorded",
    "col_pending": "Not yet due",
    "col_no_start": "No date to count from",
    "missed_none": "None",
    "report_in_words": "The same figures in words",
    "report_pdf": "Download the report (PDF)",
    "report_odt": "Download the report (editable, ODT)",
    "report_csv": "Download the report (CSV)",
    "report_empty": "Open a register or start a new one to see the report.",
    "chart_heading": "Chart",
}

#: The words the page glue shows; it has none of its own.
GLUE_TEXT_KEYS: Final = (
    "file_none", "file_new", "file_open", "file_open_in_place", "file_unsaved", "file_saved",
    "file_downloaded", "file_downloaded_new", "file_restored", "file_restored_in_place",
    "file_opened", "file_reading",
    "file_unreadable",
    "file_cancelled", "new_done", "new_confirm", "new_yes", "open_confirm", "open_yes",
    "conflict", "conflict_gone", "save_denied", "save_failed", "save_copy_failed",
    "merge_intro", "merged_saved", "sheet_map_hint", "sheet_unused", "sheet_column",
    "sheet_confirm", "sheet_yes",
    "core_failed", "file_filter", "showing", "no_deadline",
    "no_register", "open_case", "child", "new_case_heading", "case_heading", "case_saved",
    "document_reading", "case_deleted", "deadlines_none", "missed_none",
    "report_empty", "report_period", "warning", "case_changes_back",
    "case_back_yes", "case_changes_new", "case_changes_open", "document_not_added",
    "changed_meanwhile",
)  # fmt: skip
