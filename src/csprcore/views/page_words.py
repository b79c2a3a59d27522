"""What the pages' scripts say themselves: the rule core's status, drafts, files, updates.

Each page carries these in one JSON block (``pages/hooks.py``); the scripts look a sentence
up by its key (``web/js/words.js``) and fill in its ``{placeholders}``, so that no sentence a
user reads is written in JavaScript. A unit test checks that every key a script asks for is
here and every sentence here is asked for. The tools' own sentences live with each tool
(``views.register_page``, ``views.checker``...), and the core's answers carry their words.
"""

from __future__ import annotations

from typing import Final

#: Where a sentence says that nothing typed is lost.
_KEPT: Final = "Your answers are kept."
_UNCHANGED: Final = "Your answers have not changed."
_OTHER_TAB: Final = "save it as a file, or keep the draft from this tab instead."
_FILLED_IN: Final = (
    "are filled in below, and go with the referral; its summary and PDF show the checker's "
    "outcome, worked out again from them. Check them and complete the rest of the form."
)

PAGE_WORDS: Final[dict[str, str]] = {
    # The rule core's status (web/js/core.js, web/js/worker.js).
    "core_starting": "Starting the rule core in your browser. You can start answering now.",
    "core_ready": "The rule core is ready. Everything stays on this device.",
    "core_not_started": f"The rule core could not start: {{problem}}. {_KEPT}",
    "core_stopped_because": (
        f"The rule core stopped working: {{problem}}. Choose Try again to restart it. {_KEPT}"
    ),
    "core_not_downloaded": (
        "The rule core could not be downloaded. Check that this device is online, then choose "
        f"Try again. {_KEPT}"
    ),
    "core_stopped": f"The rule core stopped working. {_KEPT}",
    "core_not_running": (
        f"The rule core is not running: choose Try again at the top of the tool. {_KEPT}"
    ),
    "core_stopped_retry": (
        f"The rule core stopped working: choose Try again at the top of the tool. {_KEPT}"
    ),
    "core_not_passed": f"The answers could not be passed to the rule core. {_KEPT}",
    "core_call_failed": f"{{problem}}. {_KEPT}",
    "progress_download": "Downloading the Python runtime and the rules",
    "progress_rules": "Preparing the rules",
    "progress_forms": "The rules are ready. Loading the form's checks",
    "progress_ready": "Ready",
    "worker_file_missing": (
        "a file it needs could not be downloaded. Check that this device is online, then "
        "choose Try again"
    ),
    "worker_broken": "it met a problem it cannot recover from",
    "worker_not_running": "The rule core is not running: choose Try again",
    "worker_part_missing": (
        "A part of the rule core this needs could not be downloaded. Check that this device "
        "is online, then try again"
    ),
    # Drafts kept on this device (web/js/drafts.js).
    "draft_storage_full": (
        "This browser's storage is full, so your answers are not kept as a draft. Save them "
        "as a file before you close this page."
    ),
    "draft_storage_blocked": (
        "This browser does not let this site keep drafts, so your answers are not kept when "
        "you close this page. Save them as a file before you leave."
    ),
    "draft_also_open": (
        "This form is also open in another tab. This tab keeps the draft; the other tab does "
        "not save one, so neither overwrites the other."
    ),
    "draft_already_open": (
        "This form is already open in another tab, which keeps the draft. What you type here "
        f"is not saved as a draft, so that neither tab overwrites the other: {_OTHER_TAB}"
    ),
    "draft_taken": (
        "Another tab of this form now keeps the draft. What you type here is no longer saved "
        f"as a draft: {_OTHER_TAB}"
    ),
    "draft_deleted_elsewhere": (
        "The draft was deleted in another tab. What is in this tab is not saved as a draft "
        "unless you choose to keep it."
    ),
    "draft_deleted_elsewhere_status": "The draft was deleted in another tab.",
    "draft_saved_elsewhere": (
        "This form is open in another tab, which has just saved the draft. This tab has "
        "stopped saving it, so that neither overwrites the other: save what is here as a "
        "file, or keep the draft from this tab instead."
    ),
    "draft_kept_here": "This tab now keeps the draft (saved at {time}).",
    "draft_expired": "A draft older than {days} days, or one that could not be read, was deleted.",
    "draft_restored": "Your draft from {time} has been restored.",
    "draft_not_kept_here": "Not saved as a draft: another tab keeps this form's draft.",
    "draft_saved": "Draft saved at {time}.",
    "draft_deleted": "The draft has been deleted from this browser, and the form has been cleared.",
    "form_cleared": "The form has been cleared.",
    # A form's files, answers and exports (web/js/form-page.js, form-ui.js, file-fill.js).
    "checker_answers": f"Your answers from the criteria checker {_FILLED_IN}",
    "checker_answers_on": f"Your answers from the criteria checker on {{date}} {_FILLED_IN}",
    "file_saved": "Saved as {name} in your downloads.",
    "file_unreadable": f"{{name}} could not be read. {_UNCHANGED}",
    "file_refused": f"{{problem}} {_UNCHANGED}",
    "file_opened": "Opened {name}.",
    "none_given": "None given.",
    "change_answer": "Change",
    "not_given": "Not given",
    "back_to_check": "Save and return to check your answers",
    "making_file": "Making the file…",
    "making_document": "Making the document…",
    "file_downloaded": (
        "Downloaded {name}. It is marked OFFICIAL-SENSITIVE: keep it secure and send it only "
        "by secure email."
    ),
    "not_made": "The file could not be made: {problem}",
    "sheet_downloaded": (
        "Downloaded {name}. It is marked OFFICIAL-SENSITIVE: send it only by secure email."
    ),
    "characters_left": "You have {count} characters remaining",
    "character_left": "You have {count} character remaining",
    "characters_over": "You have {count} characters too many",
    "character_over": "You have {count} character too many",
    "files_reading": "Reading the files…",
    "files_unreadable": f"A file could not be read. {_UNCHANGED}",
    # Before an error message, for screen readers (GOV.UK's error message).
    "error_prefix": "Error:",
    # Every page (web/js/site.js).
    "update_available": "A new version is available.",
    "update_reload": "Reload to update",
}
