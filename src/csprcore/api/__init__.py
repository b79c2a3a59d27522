"""The facade: JSON-in, JSON-out functions that the CLI and the browser worker call.

Each function takes a dict (the parsed JSON payload) and returns a dict that ``json.dumps``
can write. ``call(name, payload_json)`` is what the worker uses: it never raises, and turns
bad input into ``{"ok": false, "errors": [{"field", "message"}]}``.

The functions live with the part of the procedure they serve (``dates``, ``criteria``,
``forms``, ``register``, ``meta``); ``FUNCTIONS`` lists every one the page and the CLI may
call, and ``NEEDS`` the wheel groups each needs in the browser. Importing this package must
stay as light as the checker's and the calculator's start: the forms machinery, pydantic
and fpdf2 are imported only inside the functions that use them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ..errors import InputError
from ..jsontext import JSONRefusedError, dumps, loads
from ._payload import Payload
from .criteria import check, check_record, criteria_questions
from .dates import (
    bank_holidays,
    deadline_milestones,
    deadlines_ics,
    local_review_dates,
    workdays_add,
    workdays_between,
)
from .forms import (
    action_plan_add_updates,
    action_plan_agency_update,
    form_check,
    form_computed,
    form_export,
    form_open,
    form_start_from,
    rapid_review_add_returns,
    referral_from_check,
)
from .messages import FieldMessage, refusal
from .meta import info
from .register import (
    register_add_document,
    register_case,
    register_delete_case,
    register_example,
    register_export,
    register_import,
    register_merge,
    register_new,
    register_open,
    register_report,
    register_report_export,
    register_save_case,
    register_sheet_columns,
    register_view,
)

__all__ = [
    "FUNCTIONS",
    "INTERNAL_ERROR",
    "NEEDS",
    "WARMUPS",
    "Payload",
    "action_plan_add_updates",
    "action_plan_agency_update",
    "bank_holidays",
    "call",
    "check",
    "check_record",
    "criteria_questions",
    "deadline_milestones",
    "deadlines_ics",
    "form_check",
    "form_computed",
    "form_export",
    "form_open",
    "form_start_from",
    "info",
    "local_review_dates",
    "rapid_review_add_returns",
    "referral_from_check",
    "register_add_document",
    "register_case",
    "register_delete_case",
    "register_example",
    "register_export",
    "register_import",
    "register_merge",
    "register_new",
    "register_open",
    "register_report",
    "register_report_export",
    "register_save_case",
    "register_sheet_columns",
    "register_view",
    "workdays_add",
    "workdays_between",
]


FUNCTIONS: dict[str, Callable[[Payload], Mapping[str, Any]]] = {
    "workdays_add": workdays_add,
    "workdays_between": workdays_between,
    "bank_holidays": bank_holidays,
    "criteria_questions": criteria_questions,
    "check": check,
    "check_record": check_record,
    "deadlines": deadline_milestones,
    "deadlines_ics": deadlines_ics,
    "local_review_dates": local_review_dates,
    "form_check": form_check,
    "form_open": form_open,
    "form_export": form_export,
    "form_computed": form_computed,
    "rapid_review_add_returns": rapid_review_add_returns,
    "form_start_from": form_start_from,
    "referral_from_check": referral_from_check,
    "register_new": register_new,
    "register_example": register_example,
    "register_open": register_open,
    "register_view": register_view,
    "register_case": register_case,
    "register_save_case": register_save_case,
    "register_delete_case": register_delete_case,
    "register_add_document": register_add_document,
    "register_import": register_import,
    "action_plan_agency_update": action_plan_agency_update,
    "action_plan_add_updates": action_plan_add_updates,
    "register_sheet_columns": register_sheet_columns,
    "register_merge": register_merge,
    "register_export": register_export,
    "register_report": register_report,
    "register_report_export": register_report_export,
    "info": info,
}


#: What a page shows when the core fails in a way no input explains (a bug). Like every
#: message, it has no final full stop: the page ends the sentence.
INTERNAL_ERROR = (
    "Something went wrong in the rule core. Your answers are kept: try again, or reload the page"
)


def call(name: str, payload_json: str) -> str:
    """Call one facade function with a JSON payload; always returns JSON, never raises."""
    try:
        function = FUNCTIONS.get(name)
        if function is None:
            raise InputError.one("function", f"'{name}' is not a csprcore.api function")
        try:
            payload = loads(payload_json) if payload_json else {}
        except JSONRefusedError as exc:
            raise InputError.one("payload", f"The payload {exc.reason}") from None
        if not isinstance(payload, dict):
            raise InputError.one("payload", "The payload must be a JSON object")
        result = function(payload)
        # "ok" last, unless the function gave it (as a refusal it makes itself does).
        return dumps({**result, "ok": result.get("ok", True)})
    except InputError as exc:
        return dumps(refusal([{"field": e.field, "message": e.message} for e in exc.errors]))
    except Exception as exc:  # the page must always get an answer it can show
        problem: FieldMessage = {"field": "", "message": INTERNAL_ERROR}
        return dumps(refusal([problem], internal=f"{type(exc).__name__}: {exc}"))


#: What the browser must have loaded before a function can run, beyond the rules themselves:
#: "forms" (pydantic, for the form models) and "pdf" (fpdf2 and the fonts). A page loads the
#: groups it needs before it says "ready"; the others come later, when first needed.
NEEDS: dict[str, tuple[str, ...]] = {
    "form_check": ("forms",),
    "form_computed": ("forms",),
    "form_open": ("forms",),
    "form_export": ("forms", "pdf"),
    "rapid_review_add_returns": ("forms",),
    "form_start_from": ("forms",),
    "check_record": ("pdf",),
    "register_add_document": ("forms",),
    "register_export": ("pdf",),
    "register_report_export": ("pdf",),
    "action_plan_agency_update": ("forms",),
    "action_plan_add_updates": ("forms",),
}


#: Run in the browser once a group is loaded, so the first real call is as quick as the
#: rest: import the rules and read this year's bank holidays; build the form models; import
#: the PDF library.
_EMPTY_REGISTER = dumps({"register": {"form": "case-register", "schema_version": 1, "cases": []}})


WARMUPS: dict[str, str] = {
    "start": (
        "import csprcore.api as _api\n"
        "_api.call('deadlines', '{\"referral\": \"2026-12-18\"}')\n"
        "_api.call('check', '{}')\n"
        # The case register's reading, list and report, on an empty register (no one's data).
        f"_api.call('register_view', {_EMPTY_REGISTER!r})\n"
        f"_api.call('register_report', {_EMPTY_REGISTER!r})\n"
    ),
    # The forms' machinery; each form's own models are built when it is first asked for
    # (a form's page asks for its form before "ready": web/js/worker.js).
    "forms": (
        "import csprcore.api as _api\nimport csprcore.forms.engine\nimport csprcore.forms.base\n"
    ),
    # fpdf2 warns that Pillow is missing: the PDFs carry no images.
    "pdf": (
        "import warnings\n"
        "warnings.filterwarnings('ignore', message='Pillow could not be imported')\n"
        "import fpdf\n"
    ),
}
