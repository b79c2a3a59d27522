"""A partnership's profile and pages as an attacker might write them: text that would be
markup in a page, a link to a file of the build machine, a script, a broken or huge file,
a mail address that would copy a referral to someone else. Each is escaped where it is put,
or refused naming the file and the key; none is a traceback."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import markdown
import pytest
import yaml
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from csprcore import partnership
from csprcore.partnership import MAX_PROFILE_BYTES, PartnershipError, from_data, load
from pages import hooks, partnership_site

ROOT = Path(__file__).resolve().parents[3]
NEL = ROOT / "partnerships" / "north-east-lincolnshire"


def raw() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((NEL / "partnership.yml").read_text("utf-8"))
    return data


@pytest.fixture
def profile(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Use a changed copy of the profile for one test: ``profile(**changes)``."""

    def use(**changes: Any) -> partnership.Partnership:
        chosen = from_data({**raw(), **changes}, "p.yml", NEL)
        monkeypatch.setattr(partnership, "_current", chosen)
        return chosen

    return use


def copy_of_nel(tmp_path: Path) -> Path:
    folder = tmp_path / "p"
    shutil.copytree(NEL, folder)
    return folder


# --- text in every context it reaches ---------------------------------------------------


def test_a_quote_in_the_description_stays_inside_its_attribute(profile: Any) -> None:
    profile(site_description='Procedures" http-equiv="refresh" content="0;url=//evil')
    config: dict[str, Any] = {"extra": {}, "nav": [{"Procedure": []}]}
    partnership_site.configure(config)
    tag = f'<meta name="description" content="{config["site_description"]}">'
    # The theme writes the value as it is: the tag must still have one attribute of content.
    assert re.findall(r'(\w[\w-]*)="', tag) == ["name", "content"]
    assert html.unescape(config["site_description"]).startswith('Procedures" http-equiv')


def test_a_markdown_link_in_the_name_is_shown_as_text(profile: Any) -> None:
    profile(name="Evil [click me](https://evil.example/) *Partnership* `code` {: #x}")
    page = partnership_site.fill_tokens("Published by {{ partnership.name }}.", "index.md")
    rendered = markdown.markdown(page, extensions=["abbr", "attr_list", "tables"])
    assert "<a" not in rendered and "<em>" not in rendered and "<code>" not in rendered
    text = html.unescape(re.sub(r"<[^>]+>", "", rendered)).strip()
    assert text == (
        "Published by Evil [click me](https://evil.example/) *Partnership* `code` {: #x}."
    )


def test_a_bar_in_a_token_stays_in_its_table_cell(profile: Any) -> None:
    profile(short_name="A | B")
    page = partnership_site.fill_tokens(
        "| Key | Value |\n| --- | --- |\n| name | {{ partnership.short_name }} |\n", "x.md"
    )
    rendered = markdown.markdown(page, extensions=["tables"])
    assert rendered.count("<td>") == 2
    assert "A &#124; B" in rendered or "A | B" in html.unescape(rendered)


@pytest.mark.parametrize("text", ["A\u202eB", "A\x85B", "<b>", "A\x7fB"])
def test_markup_and_controls_in_profile_text_are_refused(text: str) -> None:
    with pytest.raises(PartnershipError, match="area: must be plain text"):
        from_data({**raw(), "area": text}, "p.yml")


def test_an_abbreviation_named_with_a_bracket_is_refused() -> None:
    with pytest.raises(PartnershipError, match=r"abbreviations\.A\]B: must be named"):
        from_data({**raw(), "abbreviations": {"A]B": "x"}}, "p.yml")


# --- scripts: only the theme's run -------------------------------------------------------


@pytest.mark.parametrize("script", ["<script>alert(1)</script>", "<SCRIPT src=x.js></SCRIPT>",
                                    "<script>alert(1)"])  # fmt: skip
def test_a_script_in_a_page_stops_the_build_naming_the_page(script: str) -> None:
    page = SimpleNamespace(file=SimpleNamespace(src_uri="about/glossary.md"), url="x/")
    with pytest.raises(PluginError, match=r"about/glossary\.md: a page must not contain"):
        hooks.on_page_content(f"<p>Hello</p>{script}", page, {}, None)


def test_the_policy_hashes_the_themes_scripts_and_not_the_pages() -> None:
    content = "<article><script>alert('in the content')</script></article>"
    output = f"<html><head><script>var theme = 1</script></head><body>{content}</body></html>"
    page = SimpleNamespace(url="a/", content=content)
    built = hooks.on_post_page(output, page, {})
    policy = re.search(r'Content-Security-Policy" content="([^"]+)"', built)
    assert policy is not None
    assert policy.group(1).count("'sha256-") == 1
    assert hooks.csp("<script>var theme = 1</script>") in built


# --- files: links, size, broken YAML -------------------------------------------------------


def test_a_procedure_page_that_is_a_link_is_refused(tmp_path: Path) -> None:
    folder = copy_of_nel(tmp_path)
    secret = tmp_path / "secret.txt"
    secret.write_text("a file of the build machine", encoding="utf-8")
    page = folder / "procedure" / "section-4.md"
    page.unlink()
    page.symlink_to(secret)
    with pytest.raises(PartnershipError, match=r"procedure\[3\]\.file: .*is a link"):
        load(folder)


def test_a_procedure_folder_that_is_a_link_is_refused(tmp_path: Path) -> None:
    folder = copy_of_nel(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    shutil.move(folder / "procedure", elsewhere)
    (folder / "procedure").symlink_to(elsewhere)
    with pytest.raises(PartnershipError, match=r"is a link"):
        load(folder)


def test_a_local_page_that_is_a_link_stops_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = copy_of_nel(tmp_path)
    monkeypatch.setattr(partnership, "_current", load(folder))
    glossary = folder / "pages" / "about" / "glossary.md"
    glossary.unlink()
    glossary.symlink_to("/etc/hostname")
    with pytest.raises(PluginError, match=r"pages/about/glossary\.md, which is a link"):
        partnership_site.add_files(Files([]), {})


def test_a_profile_that_is_a_link_is_refused(tmp_path: Path) -> None:
    folder = copy_of_nel(tmp_path)
    real = tmp_path / "real.yml"
    shutil.move(folder / "partnership.yml", real)
    (folder / "partnership.yml").symlink_to(real)
    with pytest.raises(PartnershipError, match=r"partnership\.yml: is a link"):
        load(folder)


def test_a_huge_profile_is_refused_before_it_is_read(tmp_path: Path) -> None:
    folder = copy_of_nel(tmp_path)
    with (folder / "partnership.yml").open("a", encoding="utf-8") as f:
        f.write("#" * MAX_PROFILE_BYTES)
    with pytest.raises(PartnershipError, match=r"partnership\.yml: is too big"):
        load(folder)


@pytest.mark.parametrize(
    ("written", "replaced", "message"),
    [
        ("last_reviewed: .*", "last_reviewed: 2026-02-30",
         "last_reviewed: must be a date like 2026-11-26"),
        ("area: .*", "area: 2026-02-30", None),  # text that looks like a date is text
        ("short_name: .*", "short_name: " + "9" * 5000, "short_name: is too long"),
        ("    working_days: 2", "    working_days: " + "9" * 5000,
         "rapid_review_steps[0].working_days: is '999"),
        ("area: .*", "area: " + "[" * 5000 + "]" * 5000, "is nested too deeply"),
        ("area: .*", "area: [unclosed", "line "),
    ],
)  # fmt: skip
def test_a_broken_value_is_named_by_its_key_never_a_traceback(
    tmp_path: Path, written: str, replaced: str, message: str | None
) -> None:
    folder = copy_of_nel(tmp_path)
    path = folder / "partnership.yml"
    text, n = re.subn(f"^{written}$", replaced, path.read_text("utf-8"), count=1, flags=re.M)
    assert n == 1
    path.write_text(text, encoding="utf-8")
    try:
        load(folder)
    except PartnershipError as exc:
        assert str(exc).startswith(f"{path}: ")
        assert message is not None and message in str(exc)
    else:
        assert message is None


@pytest.mark.parametrize(
    "address",
    ["office@example.org?bcc=someone@evil.example", "office@example.org&cc=x@evil.example",
     "office@example.org#x", "a,b@example.org", "office%40evil@example.org",
     "office@example", "office@@example.org"],
)  # fmt: skip
def test_an_address_a_mail_link_would_read_as_more_is_refused(address: str) -> None:
    with pytest.raises(PartnershipError, match="support_office_email: must be an email"):
        from_data({**raw(), "support_office_email": address}, "p.yml")


@pytest.mark.parametrize("address", ["nelscp@nelincs.gcsx.gov.uk", "case-reviews@example.org",
                                     "first.last+cspr@council.gov.uk"])  # fmt: skip
def test_real_addresses_are_accepted(address: str) -> None:
    assert from_data({**raw(), "support_office_email": address}, "p.yml").support_office_email
