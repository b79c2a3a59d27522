"""The forms the site and the CLI know, by id, and the downloads each offers (its documents' formats
and the page's buttons); ``exports.forms`` makes them."""

from __future__ import annotations

from typing import Any

from ..errors import InputError
from ..exports.document import editable_format
from .base import FormBase


def forms() -> dict[str, type[FormBase]]:
    # Imported here so that importing the machinery does not import every model.
    from .action_plan import ActionPlan
    from .local_review import LocalReview
    from .rapid_review import RapidReview
    from .referral import Referral
    from .scoping import ScopingReturn

    return {f.form_id: f for f in (Referral, ScopingReturn, RapidReview, LocalReview, ActionPlan)}


def get_form(form_id: Any) -> type[FormBase]:
    known = forms()
    if form_id not in known:
        raise InputError.one(
            "form", f"'{form_id}' is not a form this site has; use one of: {', '.join(known)}"
        )
    return known[form_id]


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
