"""What every tool page shares: its root element, the rule core's status, its scripts, and
the site's settings; rendered at build time.

Everything here escapes what it writes; the page glue only fills in answers and results.
"""

from __future__ import annotations

import re
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


#: The form whose checks a form's page loads before "ready" (the core then asks its first
#: question of it, so that the page's first answer does not wait for its models to be built).
CORE_FORMS: dict[str, str] = {
    "referral-form": "referral",
    "scoping-return": "scoping-return",
    "rapid-review": "rapid-review",
    "local-review": "local-review",
    "action-plan": "action-plan",
}


def core_parts(tool: str) -> str:
    """What the tool asks of the core: the root's, and the worker's early start's, data."""
    start, later = CORE_GROUPS[tool]
    return (
        f'data-core-groups="{",".join(start)}" data-core-later="{",".join(later)}" '
        f'data-core-form="{CORE_FORMS.get(tool, "")}"'
    )


def tool_open(tool: str) -> str:
    return (
        f'<div class="csprcore-tool" id="csprcore-tool" data-tool="{escape(tool)}" '
        # The tool's script starts its component on this root (web/js/component.js).
        f'data-module="csprcore-{escape(tool)}" {core_parts(tool)} '
        f'data-core-state="loading">{core_status(tool)}'
    )


#: The tool a page holds, by its root as ``tool_open`` writes it.
_TOOL_ROOT = re.compile(r'<div class="csprcore-tool" id="csprcore-tool" data-tool="([a-z-]+)"')


def core_start(content: str, root: str) -> str:
    """For a page holding a tool: the script that starts the core's worker as the page's
    head is read (web/js/core-start.js), asking for what the tool's root asks for; else "".
    """
    found = _TOOL_ROOT.search(content)
    if found is None or found[1] not in CORE_GROUPS:
        return ""
    return f'<script src="{root}assets/csprcore/core-start.js" {core_parts(found[1])}></script>'


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
