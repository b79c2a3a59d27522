"""The forms the site and the CLI know, by id, and the downloads each offers (its documents' formats
and the page's buttons); ``exports.forms`` makes them."""

from __future__ import annotations

from typing import Any, Final

from ..errors import InputError
from ..exports.document import editable_format
from .base import FormBase

#: The forms, by id, in the site's order.
FORM_IDS: Final = ("referral", "scoping-return", "rapid-review", "local-review", "action-plan")


def _model(form_id: str) -> type[FormBase]:
    # Each form's model is imported when it is first asked for, not with the others: a form's
    # page then loads its own checks only (building every form's models was half the time
    # the referral's page took to be ready after the rules).
    if form_id == "referral":
        from .referral import Referral

        return Referral
    if form_id == "scoping-return":
        from .scoping import ScopingReturn

        return ScopingReturn
    if form_id == "rapid-review":
        from .rapid_review import RapidReview

        return RapidReview
    if form_id == "local-review":
        from .local_review import LocalReview

        return LocalReview
    from .action_plan import ActionPlan

    return ActionPlan


def forms() -> dict[str, type[FormBase]]:
    return {form_id: _model(form_id) for form_id in FORM_IDS}


def get_form(form_id: Any) -> type[FormBase]:
    if not isinstance(form_id, str) or form_id not in FORM_IDS:
        raise InputError.one(
            "form", f"'{form_id}' is not a form this site has; use one of: {', '.join(FORM_IDS)}"
        )
    return _model(form_id)


def document_formats(form: type[FormBase]) -> list[str]:
    """Every document the form makes, each as a PDF and as its editable copy: ``pdf``,
    ``odt``, ``letter``, ``letter-odt``..."""
    made = ["pdf", *(f for f, _ in form.exports if f not in ("pdf", "json", *form.export_files))]
    return [name for f in made for name in (f, editable_format(f))]


def export_buttons(form: type[FormBase]) -> list[tuple[str, str]]:
    """The page's download buttons: each document's PDF with its editable copy beside it."""
    buttons = []
    for fmt, text in form.exports:
        buttons.append((fmt, text))
        if fmt not in ("json", *form.export_files):
            editable = text.replace("(PDF)", "(editable, ODT)")
            if editable == text:  # "Download PDF": the form itself
                editable = "Download an editable copy (ODT)"
            buttons.append((editable_format(fmt), editable))
    return buttons
