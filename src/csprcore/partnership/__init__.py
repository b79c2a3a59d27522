"""The partnership's local facts: names, groups, Appendix 1's timescales, its procedure's pages.

England has about 131 safeguarding children partnerships, each with its own version of this
procedure over the same national law. Everything that differs between them lives in one file,
``partnerships/<slug>/partnership.yml``; the national law (the criteria, the national
timescales, working days) stays in the rules. ``SCHEMA`` documents every key (``schema``);
``load`` reads a profile (``loading``) and checks it against the schema (``checks``), naming
the file and the key of any mistake; ``profile`` is what a checked profile holds.

Which profile is in use is settled once per process, before the rules are imported (their
wording and timescale table are built from it): ``use(directory)`` (the CLI's
``--partnership``), else the ``CSPR_PARTNERSHIP`` environment variable, else the profile the
build packed into the wheel (the browser), else North East Lincolnshire's in this repository.
"""

from __future__ import annotations

import json
import os
from importlib import resources
from pathlib import Path
from typing import Final

from .checks import PartnershipError, from_data, page_file_problem
from .loading import FILENAME, MAX_PROFILE_BYTES, load
from .profile import (
    Group,
    Letterhead,
    NationalGuidance,
    Page,
    Partnership,
    RapidReviewStep,
    SafeguardingPartner,
)
from .schema import (
    CITES,
    DOCUMENTS,
    GUIDANCE_UPDATES,
    OLD_KEYS,
    SCHEMA,
    STEP_FROM,
    STEP_ROLES,
    WORKING_TOGETHER,
)

__all__ = [
    "CITES",
    "DEFAULT_DIR",
    "DOCUMENTS",
    "ENV",
    "FILENAME",
    "GUIDANCE_UPDATES",
    "MAX_PROFILE_BYTES",
    "OLD_KEYS",
    "PACKED",
    "REPO_ROOT",
    "SCHEMA",
    "STEP_FROM",
    "STEP_ROLES",
    "WORKING_TOGETHER",
    "Group",
    "Letterhead",
    "NationalGuidance",
    "Page",
    "Partnership",
    "PartnershipError",
    "RapidReviewStep",
    "SafeguardingPartner",
    "current",
    "from_data",
    "load",
    "page_file_problem",
    "use",
]

ENV: Final = "CSPR_PARTNERSHIP"
#: The profile the build packs into the browser's wheel, as JSON (no YAML parser there).
PACKED: Final = "partnership.json"
REPO_ROOT: Final = Path(__file__).resolve().parents[3]
DEFAULT_DIR: Final = REPO_ROOT / "partnerships" / "north-east-lincolnshire"


# --- the profile in use ------------------------------------------------------------------

_current: Partnership | None = None


def use(directory: Path | str) -> Partnership:
    """Use this profile for the rest of the process (before the rules are imported)."""
    global _current
    _current = load(directory)
    return _current


def current() -> Partnership:
    global _current
    if _current is None:
        chosen = os.environ.get(ENV, "").strip()
        if chosen:
            _current = load(chosen)
        else:
            packed = resources.files("csprcore") / PACKED
            if packed.is_file():
                _current = from_data(json.loads(packed.read_text(encoding="utf-8")), PACKED)
            else:
                _current = load(DEFAULT_DIR)
    return _current
