"""The base every form model extends: its identity, its example and its cross-field rules."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict

from ..citations import Cite
from ..errors import FieldError


class FormBase(BaseModel):
    model_config = ConfigDict(extra="forbid")

    #: The ``form`` value in its JSON file, and its id on the site.
    form_id: ClassVar[str]
    title: ClassVar[str]
    schema_version_current: ClassVar[int] = 1
    #: What happens once the document is sent: (sentence, citation), shown after export.
    after_export: ClassVar[tuple[tuple[str, Cite], ...]] = ()

    @classmethod
    def example(cls) -> dict[str, Any]:
        """A complete, valid document with made-up people."""
        raise NotImplementedError

    @classmethod
    def cross_checks(cls, doc: Any, today: date) -> list[FieldError]:
        """Rules across fields, run once every field on its own is valid."""
        return []

    @classmethod
    def summary_extra(cls, doc: Mapping[str, Any]) -> list[dict[str, Any]]:
        """Sections shown (and printed) after the form's own: attachments such as the criteria
        checker's outcome. Same shape as ``engine.summary``'s, plus ``text``."""
        return []
