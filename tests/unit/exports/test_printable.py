"""What the PDFs can show (``csprcore.exports.printable``) and the warning a form gives, naming
the field, before it makes a PDF that would print an answer as empty boxes.

The fonts are DejaVu Sans cut down by ``scripts/subset_fonts.py``; these tests fail when the
fonts, the table and the script's list of scripts disagree (run ``make fonts``).
"""

from __future__ import annotations

import base64
import copy
import io
import json
from pathlib import Path
from typing import Any

import pytest
from fontTools.ttLib import TTFont
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader
from scripts import subset_fonts

from csprcore import api
from csprcore.exports.printable import printable, unprintable
from csprcore.forms import engine
from csprcore.forms.rapid_review import RapidReview
from csprcore.forms.referral import Referral
from tests.unit.api.test_cli import cli as cli  # the fixture, re-exported for these tests

ROOT = Path(__file__).resolve().parents[3]
SHIPPED = ROOT / "src" / "csprcore" / "fonts"


def cmap(path: Path) -> set[int]:
    return set(TTFont(path).getBestCmap())


def test_the_table_is_what_the_shipped_fonts_have() -> None:
    both = set.intersection(*(cmap(SHIPPED / name) for name in subset_fonts.FONTS))
    table = ROOT / "src" / "csprcore" / "exports" / "printable_data.py"
    assert table.read_text(encoding="utf-8") == subset_fonts.render(both)


def test_the_shipped_fonts_keep_every_script_asked_for() -> None:
    for name in subset_fonts.FONTS:
        full, shipped = cmap(subset_fonts.SOURCE / name), cmap(SHIPPED / name)
        wanted = {c for lo, hi, _ in subset_fonts.KEEP for c in range(lo, hi + 1)} & full
        assert wanted == shipped, name


@pytest.mark.parametrize(
    "text",
    [
        "Zoë Nguyễn", "Łukasz Żółć", "Siobhán O’Neill", "Ілля Коваленко", "Γιώργος",
        "Արամ", "გიორგი", "Dafydd ap Gruffudd, Ŵyn", "Ɛfua Ɔkyere", "£12 • “quoted” — … ✓",
        "line one\nline two\ttab", "Zoe\u0308 (an e and a separate diaeresis)",
    ],
)  # fmt: skip
def test_what_the_pdf_shows(text: str) -> None:
    assert unprintable(text) == []


@pytest.mark.parametrize(
    ("text", "missing"),
    [
        ("张伟", ["张", "伟"]),
        ("محمد Ali", ["م", "ح", "د"]),
        ("שרה", ["ש", "ר", "ה"]),
        ("সুমন", ["স", "ু", "ম", "ন"]),
        ("Amy 😀😀", ["😀"]),
    ],
)
def test_what_it_cannot(text: str, missing: list[str]) -> None:
    assert unprintable(text) == missing


@given(st.text())
def test_unprintable_is_exactly_the_characters_not_printable(text: str) -> None:
    found = unprintable(text)
    assert len(found) == len(set(found))
    assert all(not printable(c) for c in found)


# --------------------------------------------------------------------------------------
# the warning
# --------------------------------------------------------------------------------------


@pytest.fixture
def referral() -> dict[str, Any]:
    doc = copy.deepcopy(Referral.example())
    doc["family"].append({"name": "张伟", "relationship": "Mother's partner"})
    return doc


def test_a_name_the_pdf_cannot_show_is_a_warning_naming_the_field(
    referral: dict[str, Any],
) -> None:
    answers = engine.document_to_answers(Referral, referral)
    result = json.loads(api.call("form_check", json.dumps({"form": "referral",
                                                            "answers": answers})))  # fmt: skip
    assert result["ok"], "a warning never stops the form"
    assert result["warnings"] == [
        {
            "field": "family.1.name",
            "message": "The PDF cannot show 张 伟 in \u2018Name\u2019 (person 2): its font has no "
            "letters for them. Add the words in Latin letters too, for example in brackets; "
            "the JSON file keeps what you typed",
            "href": "#family-1-name",
        }
    ]
    # The live call gives it too, as the user types.
    live = json.loads(api.call("form_computed", json.dumps({"form": "referral",
                                                             "answers": answers})))  # fmt: skip
    assert [w["field"] for w in live["warnings"]] == ["family.1.name"]


def test_the_pdf_is_still_made_and_the_json_keeps_the_name(referral: dict[str, Any]) -> None:
    result = api.form_export({"form": "referral", "format": "pdf", "document": referral})
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(
        base64.b64decode(result["base64"]))).pages)  # fmt: skip
    assert "Ілля Nguyễn" in text
    saved = api.form_export({"form": "referral", "format": "json", "document": referral})
    assert json.loads(saved["text"])["family"][1]["name"] == "张伟"


def test_many_characters_are_summed_up() -> None:
    doc = RapidReview.example()
    doc["actions"]["immediate_actions"] = "一二三四五六七八九十"
    (warning,) = engine.warning_list(RapidReview, doc)
    assert warning["field"] == "actions.immediate_actions"
    assert warning["message"].startswith(
        "The PDF cannot show 一 二 三 四 五 六 七 八 and others in \u2018"
    )


def test_choices_and_worked_out_fields_are_not_checked() -> None:
    assert engine.warning_list(Referral, Referral.example()) == []


def test_cli_validate_prints_the_warning(
    cli: Any, tmp_path: Path, referral: dict[str, Any]
) -> None:
    path = tmp_path / "referral.json"
    path.write_text(engine.write_json(referral), encoding="utf-8")
    code, out, _ = cli("referral", "validate", str(path))
    assert code == 0
    assert out.splitlines()[1].startswith("Warning: family.1.name: The PDF cannot show 张 伟")
