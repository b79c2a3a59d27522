"""The site's security policy, defined once: the Content-Security-Policy of each page (its
``<meta>`` tag, written at build time) and the headers a server sends with every response.

Why headers as well as the tag: a ``<meta>`` policy does not reach a Web Worker loaded from
its own URL (the worker that holds every answer takes its policy from its own response), and
``frame-ancestors`` only works as a header. The development server (``assembly/serve.py``)
sends these headers; a host that cannot send headers still has the tag, and the worker
refuses requests to other origins itself (``web/js/worker.js``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: What every page and script may do: its own origin only, WebAssembly for Pyodide, never
#: 'unsafe-eval'. The page's own inline-script hashes are added to ``script-src``.
DIRECTIVES: tuple[tuple[str, str], ...] = (
    ("default-src", "'self'"),
    ("script-src", "'self' 'wasm-unsafe-eval'"),
    ("worker-src", "'self'"),
    ("style-src", "'self' 'unsafe-inline'"),
    ("img-src", "'self' data: blob:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)

#: Only a header can forbid framing (a page of another site cannot frame the referral form).
HEADER_ONLY: tuple[tuple[str, str], ...] = (("frame-ancestors", "'none'"),)

#: Sent with every response.
SECURITY_HEADERS: dict[str, str] = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    # Nothing here uses these; a wheel or a page script that tried would be refused.
    "Permissions-Policy": (
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), "
        "bluetooth=(), hid=(), midi=(), interest-cohort=(), browsing-topics=()"
    ),
}

_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def page_policy(script_hashes: Iterable[str]) -> str:
    """The policy of one page, as its ``<meta>`` tag carries it."""
    hashes = " ".join(sorted(set(script_hashes)))
    return "; ".join(
        f"{name} {value} {hashes}".rstrip() if name == "script-src" else f"{name} {value}"
        for name, value in DIRECTIVES
    )


def meta_policy(html: str) -> str | None:
    """The policy a page's ``<meta>`` tag carries, if it has one."""
    found = _META.search(html)
    return found.group(1) if found else None


def header_policy(base: str | None = None) -> str:
    """The Content-Security-Policy header: ``base`` (a page's own policy, with its hashes) or,
    for anything else (the worker's script above all), the base policy; with what only a
    header can say."""
    return "; ".join([base or page_policy(()), *(f"{n} {v}" for n, v in HEADER_ONLY)])


def response_headers(path: str, html: str | None = None) -> dict[str, str]:
    """Every header this project's policy asks of a server for ``path`` (a URL path);
    ``html`` is the body when the response is a page."""
    base = meta_policy(html) if html is not None else None
    headers = {"Content-Security-Policy": header_policy(base), **SECURITY_HEADERS}
    # The service worker and its precache manifest must never be served stale, or a new
    # deployment would go unnoticed; nor the pages, which name the files of a deployment.
    if path.endswith(("sw.js", ".webmanifest", ".html", "/")) or html is not None:
        headers["Cache-Control"] = "no-cache"
    return headers
