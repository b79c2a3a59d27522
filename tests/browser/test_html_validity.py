"""Every built page through the Nu HTML Checker (npm ``vnu-jar``, on the machine's Java).

The project's own markup must have no errors. The errors that come from Material for MkDocs
itself are listed below, each with why it is there; anything else fails.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

#: Errors that Material for MkDocs 9.x writes into every page, not this project's markup.
THEME_ERRORS = {
    # The theme's drawer and search toggles: <label tabindex=""> (an empty tabindex).
    "Bad value \u201c\u201d for attribute \u201ctabindex\u201d on element \u201clabel\u201d",
    # The theme's toggles: <input type="checkbox" autocomplete="off">, set so that a browser
    # does not restore a drawer open on going back.
    "Attribute \u201cautocomplete\u201d is only allowed when the input type is",
}
#: Warnings we accept, with why.
ACCEPTED_WARNINGS = {
    # GOV.UK's date input: role="group" on the fieldset is kept on purpose, for VoiceOver.
    "The \u201cgroup\u201d role is unnecessary for element \u201cfieldset\u201d",
    # The checker reads files from disk, where 'self' matches nothing: the policy is checked
    # in the browser tests instead, against a served site.
    "violates Content Security Policy (meta tag)",
}


@pytest.fixture(scope="module")
def messages(site_dir: Path) -> list[dict[str, Any]]:
    java = shutil.which("java")
    if not java:
        pytest.fail("The Nu HTML Checker needs Java")
    if not VNU.exists():
        pytest.fail("No vnu.jar: run `make node` (npm ci)")
    done = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", "--skip-non-html", "--exit-zero-always",
         str(site_dir)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    found: list[dict[str, Any]] = json.loads(done.stderr)["messages"]
    return found


def where(message: dict[str, Any]) -> str:
    url = str(message.get("url", "")).split("/site/", 1)[-1]
    return f"{url}: {message['message']} [{message.get('extract', '')[:80]!r}]"


def test_the_checker_read_every_page(messages: list[dict[str, Any]], site_dir: Path) -> None:
    pages = {str(m.get("url", "")) for m in messages}
    # Each page has at least the theme's errors, so each was read.
    assert len(pages) >= len(list(site_dir.rglob("*.html"))) - 1


def test_no_html_errors_in_our_own_markup(messages: list[dict[str, Any]]) -> None:
    ours = [
        where(m) for m in messages
        if m["type"] == "error" and not any(t in m["message"] for t in THEME_ERRORS)
    ]  # fmt: skip
    assert ours == []


def test_no_warnings_but_the_accepted_ones(messages: list[dict[str, Any]]) -> None:
    warnings = [
        m for m in messages
        if m["type"] == "info" and m.get("subType") == "warning"
        and not any(w in m["message"] for w in ACCEPTED_WARNINGS)
    ]  # fmt: skip
    assert [where(m) for m in warnings] == []


def test_the_theme_errors_are_only_the_listed_ones(messages: list[dict[str, Any]]) -> None:
    """If the theme fixes one, the allow-list shrinks with it."""
    seen = Counter(t for m in messages for t in THEME_ERRORS if t in m["message"])
    assert set(seen) == THEME_ERRORS
