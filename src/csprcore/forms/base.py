"""The base every form model extends: its identity, its example and its cross-field rules."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict

from ..errors import FieldError
from ..partnership import current
from ..rules.citations import Cite
from .meta import Computed


class FormBase(BaseModel):
    model_config = ConfigDict(extra="forbid")

    #: The ``form`` value in its JSON file, and its id on the site.
    form_id: ClassVar[str]
    title: ClassVar[str]
    schema_version_current: ClassVar[int] = 1
    #: Fields renamed since earlier versions: ``{older version: {old path: new path}}``. A
    #: file or a draft of an older version is read with its answers under their new names,
    #: so nothing typed is lost when a name changes. An answer that moved to another field
    #: is ``{"part.field=old answer": "part.field=new answer"}``: the old field is emptied.
    renamed: ClassVar[Mapping[int, Mapping[str, str]]] = {}
    #: What happens once the document is sent: (sentence, citation), shown after export.
    after_export: ClassVar[tuple[tuple[str, Cite], ...]] = ()
    #: The first sentence of "What to do next" after an export; the partnership support
    #: office's secure email address follows it when ``to_support_office``.
    after_export_lead: ClassVar[str] = (
        f"Send the PDF to the {current().business_unit} through secure email"
    )
    to_support_office: ClassVar[bool] = True
    #: The document in a sentence: "Check your answers before you download the referral".
    noun: ClassVar[str] = "the form"
    #: The downloads offered once the answers are checked: (format, button text). ``pdf``
    #: and ``json`` are the machinery's own; ``exports.forms`` makes every other format.
    exports: ClassVar[tuple[tuple[str, str], ...]] = (
        ("pdf", "Download PDF"),
        ("json", "Download JSON"),
    )
    #: An export that is not a document (the action plan's CSV): its format's (MIME type,
    #: file extension). Every other format of ``exports`` is a document, offered as a PDF
    #: and as an editable copy (``<format>-odt``).
    export_files: ClassVar[dict[str, tuple[str, str]]] = {}
    #: The formats of ``exports`` that are letters or notices: they carry the date the user
    #: gives them (``--date``; the page's "Date on the letters").
    letters: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def example(cls) -> dict[str, Any]:
        """A complete, valid document with made-up people."""
        raise NotImplementedError

    @classmethod
    def upgrade_step(cls, version: int, doc: dict[str, Any]) -> dict[str, Any]:
        """``doc``, saved by ``version``, as the next version holds it, after ``renamed``'s
        moves: for a change of shape no rename can say (a list split into two). Only called
        for the versions ``renamed`` lists, so a form with a step gives ``{version: {}}``."""
        return doc

    @classmethod
    def cross_checks(cls, doc: Any, today: date) -> list[FieldError]:
        """Rules across fields, run once every field on its own is valid."""
        return []

    @classmethod
    def computed(cls, doc: Mapping[str, Any]) -> dict[str, Computed]:
        """The values of the fields marked ``Meta(computed=True)``, by path
        (``case.return_by``), worked out from the rest of a document that may be incomplete
        or partly typed. A field left out is shown as not worked out yet."""
        return {}

    @classmethod
    def warnings(cls, doc: Mapping[str, Any]) -> list[FieldError]:
        """Problems worth saying that do not stop the form being completed (a meeting held
        outside its window still happened). Works on a document that may be incomplete."""
        return []

    @classmethod
    def summary_extra(cls, doc: Mapping[str, Any]) -> list[dict[str, Any]]:
        """Sections shown (and printed) after the form's own: attachments such as the criteria
        checker's outcome. Same shape as ``engine.summary``'s, plus ``text``."""
        return []
