"""What the pages show about the core itself: its version, the citations and timescales."""

from __future__ import annotations

from typing import Any

from .. import __version__
from ..rules import deadlines
from ..rules.citations import SECTION_TITLES, cite_path
from ._payload import Payload


def info(payload: Payload) -> dict[str, Any]:
    return {
        "version": __version__,
        "citations": {c: {"title": t, "path": cite_path(c)} for c, t in SECTION_TITLES.items()},
        "timescales": deadlines.timescales_table(),
    }
