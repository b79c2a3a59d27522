"""MkDocs hooks: the tool pages' forms rendered from the core, and what every page needs.

* ``<!-- csprcore:NAME -->`` markers in a page are replaced by HTML that ``block``
  makes from the core's own definitions (questions, fields, events), so the pages and the
  core cannot drift apart;
* every page gets the web app manifest, the site script (service worker, update prompt) and
  a Content-Security-Policy whose hashes cover exactly the inline scripts on that page.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Callable
from typing import Any

from mkdocs.exceptions import PluginError

from assembly import policy
from csprcore.forms.engine import DRAFT_RETENTION_DAYS
from csprcore.views import rapid_review_timeline
from csprcore.views.page_words import PAGE_WORDS
from pages import checker, deadlines, form_page, offline, partnership_site, register, tool

MARKER = re.compile(r"<!--\s*csprcore:([a-z0-9-]+)\s*-->")
SCRIPT_TAG = re.compile(r"<script\b", re.I)
INLINE_SCRIPT = re.compile(
    r"<script(?P<attrs>(?:(?!\bsrc=)[^>])*)>(?P<body>.*?)</script\s*>", re.S | re.I
)


#: Each tool's form, rendered from the core (one module per kind of tool).
TOOL_BODIES: dict[str, Callable[[], str]] = {
    "criteria-checker": checker.body,
    "deadline-calculator": deadlines.body,
    "referral-form": form_page.body,
    "scoping-return": form_page.scoping_body,
    "rapid-review": form_page.rapid_review_body,
    "local-review": form_page.local_review_body,
    "action-plan": form_page.action_plan_body,
    "case-register": register.body,
}


#: Blocks a procedure page may place: pictures drawn from the core's timescale table.
PAGE_BLOCKS: dict[str, Callable[[], str]] = {
    "rapid-review-timeline": rapid_review_timeline.figure,
}


def block(name: str, page_url: str = "") -> str:
    """The HTML for a ``<!-- csprcore:NAME -->`` marker."""
    if name == "offline":
        return offline.block()
    if name in PAGE_BLOCKS:
        return PAGE_BLOCKS[name]()
    for name_of_tool in tool.TOOLS:
        if name == f"{name_of_tool}-open":
            return tool.tool_open(name_of_tool) + TOOL_BODIES[name_of_tool]()
        if name == f"{name_of_tool}-close":
            return tool.tool_close(name_of_tool)
    raise ValueError(f"unknown csprcore block '{name}' on {page_url or 'a page'}")


def on_config(config: Any) -> Any:
    partnership_site.configure(config)
    tool.SITE_EXTRA.clear()
    tool.SITE_EXTRA.update(config.get("extra") or {})
    return config


def on_files(files: Any, config: Any) -> Any:
    return partnership_site.add_files(files, config)


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    server.watch(str(partnership_site.folder()))
    return server


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    return partnership_site.fill_tokens(markdown, page.file.src_uri)


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    def replace(match: re.Match[str]) -> str:
        return block(match.group(1), page_url=page.url)

    partnership_site.check_anchors(html, page.file.src_uri)
    if SCRIPT_TAG.search(html):
        # A page's own words never run: a script in a partnership's page would otherwise be
        # published under the site's name (its policy allows only the theme's and ours).
        raise PluginError(f"{page.file.src_uri}: a page must not contain a <script>")
    html = MARKER.sub(replace, html)
    if getattr(page, "is_homepage", False) and "data-offline" not in html:
        html += offline.block()
    return html


def _runs(match: re.Match[str]) -> bool:
    return "application/json" not in match.group("attrs")


def csp(html: str) -> str:
    """The policy for one page: our scripts from this origin, WebAssembly for Pyodide, and
    the hashes of the theme's inline scripts (never 'unsafe-eval' or 'unsafe-inline')."""
    hashes = []
    for match in INLINE_SCRIPT.finditer(html):
        if not _runs(match):
            continue  # data, not run
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode()}'")
    return policy.page_policy(hashes)


def on_post_page(output: str, page: Any, config: Any) -> str:
    depth = page.url.count("/")
    root = "../" * depth if depth else "./"
    head = (
        f'<link rel="manifest" href="{root}manifest.webmanifest">'
        '<meta name="theme-color" content="#1d3b8b">'
        # site.js removes every form's drafts older than this, on every page.
        f'<meta name="csprcore-draft-days" content="{DRAFT_RETENTION_DAYS}">'
        f'<link rel="apple-touch-icon" href="{root}assets/icons/icon-192.png">'
        f'<link rel="stylesheet" href="{root}assets/csprcore/csprcore.css">'
    )
    # The words the pages' scripts say themselves (web/js/words.js): data, never run.
    words = json.dumps(PAGE_WORDS, ensure_ascii=False).replace("<", "\\u003c")
    body = (
        f'<script type="application/json" id="csprcore-words">{words}</script>'
        f'<script type="module" src="{root}assets/csprcore/site.js"></script>'
    )
    output = output.replace("</head>", head + "</head>", 1)
    output = output.replace("</body>", body + "</body>", 1)
    # Only the theme's inline scripts are hashed: the page's content (its Markdown and the
    # tools' blocks) is left out, so nothing written in a page can ever be allowed to run.
    theme = output.replace(page.content, "", 1) if page.content else output
    policy = f'<meta http-equiv="Content-Security-Policy" content="{csp(theme)}">'
    # Before the theme's scripts, which read localStorage (see storage-guard.js); then, on a
    # tool's page, the core's worker starts before the theme's styles and scripts load.
    guard = f'<script src="{root}assets/csprcore/storage-guard.js"></script>'
    start = tool.core_start(page.content or "", root)
    return output.replace("<head>", "<head>" + policy + guard + start, 1)


def on_post_template(output: str, template_name: str, config: Any) -> str:
    """The not-found page is a template, not a page: it gets the same policy tag."""
    if template_name != "404.html":
        return output
    policy_tag = f'<meta http-equiv="Content-Security-Policy" content="{csp(output)}">'
    return output.replace("<head>", "<head>" + policy_tag, 1)
