"""The site's sources (``mkdocs.yml``, ``docs/``, ``overrides/``), checked without building.

The built site is checked in ``tests/browser/test_site_*.py``.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from csprcore.partnership import current
from pages.partnership_site import LOCAL_PAGES

ROOT = Path(__file__).resolve().parents[3]
DOCS = ROOT / "docs"
PROFILE = current()
PARTNERSHIP = Path(PROFILE.directory)
OUR_PAGES = [
    *LOCAL_PAGES,
    *(f"procedure/{page.file}" for page in PROFILE.procedure),
    "about/accessibility.md",
    "about/privacy.md",
]


def source(page: str) -> Path:
    """Where a page of the built site comes from: the partnership's folder or docs/."""
    if page.startswith("procedure/"):
        return PARTNERSHIP / page
    if page in LOCAL_PAGES:
        return PARTNERSHIP / "pages" / page
    return DOCS / page


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml, leaving out ``!!python/...`` values that only MkDocs can build."""


_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda *_: None)
_Loader.add_multi_constructor("!", lambda *_: None)


def mkdocs_config() -> dict[str, Any]:
    config: dict[str, Any] = yaml.load(
        (ROOT / "mkdocs.yml").read_text(encoding="utf-8"),
        Loader=_Loader,  # a SafeLoader subclass
    )
    return config


def front_matter(path: Path) -> tuple[dict[str, Any], str]:
    text = path.read_text(encoding="utf-8")
    match = re.match(r"^---\n(.*?)\n---\n(.*)$", text, flags=re.S)
    assert match, f"{path}: no front matter"
    return yaml.safe_load(match.group(1)), match.group(2)


def test_site_config_keeps_the_site_self_contained() -> None:
    config = mkdocs_config()
    assert config["strict"] is True
    assert config["theme"]["name"] == "material"
    assert config["theme"]["font"] is False
    assert (ROOT / config["theme"]["custom_dir"] / "main.html").exists()
    assert "assets/stylesheets/site.css" in config["extra_css"]
    assert isinstance(config["extra"]["last_reviewed"], dt.date)


def test_site_nav_follows_the_document() -> None:
    nav = mkdocs_config()["nav"]
    sections = {next(iter(item)): item[next(iter(item))] for item in nav if isinstance(item, dict)}
    # Filled in from the partnership's profile by the build (pages/partnership_site.py).
    assert sections["Procedure"] == []
    assert sections["Tools"] == [
        "tools/criteria-checker.md",
        "tools/deadline-calculator.md",
        "tools/referral-form.md",
        "tools/scoping-return.md",
        "tools/rapid-review.md",
        "tools/local-review.md",
        "tools/action-plan.md",
        "tools/case-register.md",
    ]
    assert sections["About"] == [
        "about/glossary.md",
        "about/amendments.md",
        "about/accessibility.md",
        "about/privacy.md",
        "about/performance.md",
        "about/publishing.md",
        "about/set-up.md",
        "about/national-guidance.md",
    ]


@pytest.mark.parametrize("page", PROFILE.procedure, ids=lambda p: p.file)
def test_site_procedure_page_heading_is_its_title_with_its_first_anchor(page: Any) -> None:
    _, body = front_matter(PARTNERSHIP / "procedure" / page.file)
    first = next(line for line in body.splitlines() if line.strip())
    assert first == f"# {page.title} {{ #{page.cites[0]} }}"
    for cite in page.cites[1:]:
        assert f"{{ #{cite} }}" in body


@pytest.mark.parametrize("page", OUR_PAGES)
def test_site_page_has_a_review_date(page: str) -> None:
    meta, _ = front_matter(source(page))
    assert isinstance(meta.get("last_reviewed"), dt.date), f"{page}: no last_reviewed date"


def test_site_abbreviations_snippet_format() -> None:
    lines = (DOCS / "includes" / "abbreviations.md").read_text(encoding="utf-8").splitlines()
    abbrs = []
    for line in lines:
        match = re.fullmatch(r"\*\[([A-Za-z]+)\]: (\S.*)", line)
        assert match, f"not an abbreviation line: {line!r}"
        abbrs.append(match.group(1))
    assert len(abbrs) == len(set(abbrs)), "an abbreviation is defined twice"
    assert abbrs == sorted(abbrs, key=str.casefold)


def test_site_stylesheet_prints_cleanly_and_loads_nothing_else() -> None:
    css = (DOCS / "assets" / "stylesheets" / "site.css").read_text(encoding="utf-8")
    assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", css)
    print_css = css[css.index("@media print") :]
    for selector in (".md-header", ".md-sidebar", ".md-footer", ".md-search"):
        assert selector in print_css
    assert 'content: " (" attr(href) ")"' in print_css


def test_site_pages_load_nothing_from_elsewhere() -> None:
    for path in sorted(DOCS.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        loads = re.findall(
            r"<(?:img|script|iframe|link|source)\b[^>]*(?:src|href)=\"(?:https?:)?//", text
        )
        assert not loads, f"{path}: {loads}"
        assert not re.search(r"!\[[^\]]*\]\((?:https?:)?//", text), f"{path}: remote image"


def test_the_set_up_page_lists_every_profile_key_as_the_core_describes_it() -> None:
    """``partnership.SCHEMA`` is what the build checks; the set-up page's table says the same."""
    from csprcore.partnership import SCHEMA

    text = (ROOT / "docs" / "about" / "set-up.md").read_text(encoding="utf-8")
    for key, (required, what) in SCHEMA.items():
        assert f"| `{key}` | {'yes' if required else 'no'} | {what} |" in text, key
