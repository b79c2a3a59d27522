"""File names that say which case a document is about: ``<reference>-<document>-<date>``."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from datetime import date
from typing import Any

from ..exports.document import split_format
from .base import FormBase
from .carry import identity


def _cleaned(text: str) -> str:
    """Letters, digits and hyphens only, for a file name every system keeps as it is."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-")


def file_stem(form: type[FormBase], doc: Mapping[str, Any], fmt: str, day: date) -> str:
    """``<reference>-<document>-<date>``: the case's reference (the child's initials where
    there is none yet), so two cases' files made on one day never share a name."""
    who = identity(form.form_id, doc)
    case = _cleaned(who.reference) or _cleaned(who.initials.replace(" ", ""))
    base, _ = split_format(fmt)
    document = form.form_id if base in ("pdf", "json") else f"{form.form_id}-{base}"
    return "-".join(x for x in (case, document, day.isoformat()) if x)
