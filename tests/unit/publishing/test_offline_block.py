"""The "Use the tools offline" block (``pages/offline.py``): on every home page once, in the
place a partnership's page gives it or at its end, with a word for every state the service
worker reports (``web/js/sw-runtime.js``)."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

from pages import hooks, offline

ROOT = Path(__file__).resolve().parents[3]


def page(home: bool) -> SimpleNamespace:
    return SimpleNamespace(file=SimpleNamespace(src_uri="index.md"), url="", is_homepage=home)


def test_a_home_page_has_the_block_once_where_it_asks_or_at_its_end() -> None:
    placed = hooks.on_page_content(
        "<p>A</p><!-- csprcore:offline --><p>B</p>", page(True), {}, None
    )
    assert placed.count("data-offline ") == 1
    assert placed.index("data-offline") < placed.index("<p>B</p>")
    appended = hooks.on_page_content("<p>A</p>", page(True), {}, None)
    assert appended.count("data-offline ") == 1 and appended.startswith("<p>A</p>")
    assert "data-offline" not in hooks.on_page_content("<p>A</p>", page(False), {}, None)


def test_the_block_waits_for_the_script_and_stays_out_of_search() -> None:
    html = offline.block()
    assert re.search(r"<section [^>]*\bhidden\b", html)
    assert "data-search-exclude" in html
    assert 'role="status"' in html and "Make the tools available offline" in html


def test_every_state_the_service_worker_reports_has_words() -> None:
    worker = (ROOT / "web" / "js" / "sw-runtime.js").read_text(encoding="utf-8")
    reported = {
        word
        for said in re.findall(r"state: ([^,]+)", worker)
        for word in re.findall(r'"(\w+)"', said)
    }
    assert reported == {"working", "done", "failed", "partial", "none", "unavailable"}
    for state in reported:
        assert f'data-text-{state}="' in offline.block(), state
