"""What every tool page shares: its root element, the rule core's status, its scripts, and
the site's settings; rendered at build time.

Everything here escapes what it writes; the page glue only fills in answers and results.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from csprcore.views.page_words import PAGE_WORDS
from pages import offline

WEB_CSS = Path(__file__).resolve().parent.parent / "web" / "css"

#: Each tool's root element carries ``data-core-state``; the page glue updates it.
TOOLS = {
    "criteria-checker": "Criteria checker",
    "deadline-calculator": "Deadline calculator",
    "referral-form": "Referral form",
    "scoping-return": "Agency scoping return",
    "rapid-review": "Rapid Review template",
    "local-review": "Local review record",
    "action-plan": "Action plan",
    "case-register": "Case register",
}


def core_status(tool: str) -> str:
    """The visible status of the rule core: progress while loading, a retry on error."""
    return (
        '<div class="csprcore-status" data-core-status>'
        '<p class="csprcore-status__text" role="status" aria-live="polite">'
        f"{escape(PAGE_WORDS['core_starting'])}</p>"
        '<progress class="csprcore-status__bar" max="100" value="5" '
        f'aria-label="Loading the {escape(TOOLS[tool].lower())}"></progress>'
        '<button type="button" class="md-button csprcore-status__retry" data-core-retry hidden>'
        "Try again</button>"
        "</div>"
    )


#: What each tool needs of the core beyond the rules (groups of ``csprcore.api.NEEDS``):
#: loaded before "ready", and fetched in the background after it. Anything else a call needs
#: is loaded when that call is made.
CORE_GROUPS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "criteria-checker": ((), ("pdf",)),
    "deadline-calculator": ((), ()),
    "referral-form": (("forms",), ("pdf",)),
    "scoping-return": (("forms",), ("pdf",)),
    "rapid-review": (("forms",), ("pdf",)),
    "local-review": (("forms",), ("pdf",)),
    "action-plan": (("forms",), ("pdf",)),
    # The register reads and words its cases with the rules alone; adding a document and the
    # PDF exports load the rest.
    "case-register": ((), ("forms", "pdf")),
}


def tool_open(tool: str) -> str:
    start, later = CORE_GROUPS[tool]
    return (
        f'<div class="csprcore-tool" id="csprcore-tool" data-tool="{escape(tool)}" '
        # The tool's script starts its component on this root (web/js/component.js).
        f'data-module="csprcore-{escape(tool)}" '
        f'data-core-groups="{",".join(start)}" data-core-later="{",".join(later)}" '
        f'data-core-state="loading">{core_status(tool)}'
    )


def tool_close(tool: str) -> str:
    # A tool's own stylesheet, when it has one (web/css/<tool>.css).
    has_css = (WEB_CSS / f"{tool}.css").exists()
    link = f'<link rel="stylesheet" href="../../assets/csprcore/{tool}.css">' if has_css else ""
    # After the tool, outside its root: keeping the tools offline is not part of a case.
    script = f'<script type="module" src="../../assets/csprcore/{tool}.js"></script>'
    return f"</div>{offline.block()}{link}{script}"


#: The ``extra`` settings of mkdocs.yml (site configuration such as the support office's
#: secure email address), set by ``pages/hooks.py``.
SITE_EXTRA: dict[str, Any] = {}


def site_extra(key: str, default: str = "") -> str:
    return str(SITE_EXTRA.get(key, default))
