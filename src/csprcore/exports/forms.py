"""What a checked form makes besides its JSON file: the form itself as a document (``pdf``,
its sections as "Check your answers" shows them), the letters, notices and reports made from
it (``exports.letters``, ``exports.action_plan``), each written as a PDF or as its editable
copy, and the files that are not documents (the action plan's CSV).

A form says what it offers in ``exports``, ``export_files`` and ``letters`` (``forms.base``);
this module makes each of them, by form and format. It sits above the forms: what it makes is
made from a checked form's model, with the form's own fields and words, and the forms never
import it. Each form's letters are imported only when one of them is asked for.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

from .document import Block, Document, Report

if TYPE_CHECKING:
    from ..forms.base import FormBase

#: Makes one document from a checked form's document, at the time it is made.
Maker = Callable[[Mapping[str, Any], datetime], Document]


def report(form: type[FormBase], doc: Mapping[str, Any], made_at: datetime) -> Report:
    """The form itself as a document: its sections as blocks of rows, as "Check your
    answers" shows them."""
    from ..forms import engine

    title = form.title
    blocks = []
    for section in [*engine.summary(form, doc), *form.summary_extra(doc)]:
        rows = [(r["label"], r["value"]) for r in section["rows"]]
        subheadings: dict[int, str] = {}
        last = ""
        for i, r in enumerate(section["rows"]):
            if r["group"] and r["group"] != last:
                subheadings[i] = r["group"]
                last = r["group"]
        if section.get("text"):
            blocks.append(Block(section["title"], rows, text=section["text"]))
        elif section["kind"] == "repeat" and not rows:
            blocks.append(Block(section["title"], text="None given."))
        else:
            blocks.append(Block(section["title"], rows, subheadings=subheadings))
    subtitle = f"Made on {made_at.strftime('%d/%m/%Y at %H:%M')}."
    return Report(title, blocks, subtitle)


def _makers(form_id: str) -> dict[str, Maker]:
    """The documents other than itself that the form ``form_id`` makes, by format."""
    if form_id == "referral":
        from .letters.scoping_request import scoping_request

        return {"scoping-request": scoping_request}
    if form_id == "rapid-review":
        from .letters.rapid_review import agencies_notice, panel_letter

        return {"letter": panel_letter, "notice": agencies_notice}
    if form_id == "local-review":
        from .letters.local_review import (
            before_publication_letter,
            delay_letter,
            notification_letter,
        )

        return {
            "letter": notification_letter,
            "letter-before-publication": before_publication_letter,
            "letter-delay": delay_letter,
        }
    if form_id == "action-plan":
        from .action_plan import progress_report

        return {"progress": progress_report}
    return {}


def document(form: type[FormBase], fmt: str, doc: Mapping[str, Any], made_at: datetime) -> Document:
    """The document ``fmt`` made from the checked ``doc``: the form itself (``pdf``) or one
    for each other format of the form's ``exports`` that is not ``json`` or one of its
    ``export_files``. It is written as a PDF or as its editable copy."""
    if fmt == "pdf":
        return report(form, doc, made_at)
    make = _makers(form.form_id).get(fmt)
    if make is None:
        raise NotImplementedError(fmt)
    return make(doc, made_at)


def file(form: type[FormBase], fmt: str, doc: Mapping[str, Any], made_at: datetime) -> bytes:
    """A file that is not a document, made from the checked ``doc``: one for each format of
    the form's ``export_files`` (the action plan's CSV)."""
    if form.form_id == "action-plan" and fmt == "csv":
        from .action_plan import csv_bytes

        return csv_bytes(doc, made_at.date())
    raise NotImplementedError(fmt)
