"""The "Use the tools offline" block, on the home page and on every tool page.

The first visit keeps only the site's shell for offline reading; the tools' Python runtime
(about 20 MB) is kept when a tool page first runs, or at once with this block's button
(web/js/sw-runtime.js, web/js/site.js). Its words are here, in ``data-text-*`` attributes, so
that the page script only fills in the numbers. Hidden until the script finds that this
browser can keep files for offline use.
"""

from __future__ import annotations

from html import escape
from typing import Final

#: What the block says in each state; ``{done}``, ``{total}``, ``{mb}`` and ``{total_mb}``
#: are filled in by site.js.
TEXTS: Final = {
    "none": "The tools need about {total_mb} MB more to work offline on this device.",
    "partial": "Part of the tools is kept on this device ({mb} of {total_mb} MB).",
    "working": "Making the tools available offline: about {total_mb} MB. You can go on "
    "using the site meanwhile.",
    "done": "The tools are available offline on this device.",
    "failed": "Some of the tools' files could not be fetched ({done} of {total}). Check "
    "your connection and try again.",
    "unavailable": "This browser cannot keep the tools for offline use (its storage is "
    "blocked or full). The tools still work while you are online.",
    "save_data": "Your browser asks to save data, so the tools are not kept for offline use "
    "unless you choose to.",
}


def block() -> str:
    """The block: a heading, what offline use costs, the button, its progress and status.
    Left out of the site's search: its words are about this device, not the procedure."""
    texts = " ".join(
        f'data-text-{key.replace("_", "-")}="{escape(value)}"' for key, value in TEXTS.items()
    )
    return (
        f'<section class="csprcore-offline" data-offline hidden data-search-exclude '
        'aria-labelledby="offline-tools" '
        f"{texts}>"
        '<h2 id="offline-tools">Use the tools offline</h2>'
        "<p>Once you have visited this site, its pages work offline on this device. The tools "
        "also need the rules' Python runtime, which your browser keeps when you first use a "
        "tool here, or now if you choose.</p>"
        '<button type="button" class="md-button" data-offline-button>'
        "Make the tools available offline</button>"
        '<progress max="100" value="0" hidden data-offline-progress '
        'aria-label="Fetching the tools for offline use"></progress>'
        '<p role="status" aria-live="polite" data-offline-status></p>'
        "</section>"
    )
