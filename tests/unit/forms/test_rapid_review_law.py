"""The Rapid Review as the law and national guidance stand (``rules.regulations``).

- Section 5: the partners "share with the Panel their decision about whether a local child
  safeguarding practice review is appropriate or whether they think the case may raise
  issues which are complex or of national importance such that a national review may be
  appropriate": the record asks both, and the letter says both.
- Working Together 2023, chapter 5: for a local review the partners "should also have regard
  to" a single agency's actions, no agency involvement, more than one area, and institutional
  settings.
- Regulation 11(c) is quoted in one place, exactly as made.
- The Panel's current asks (key practice episodes; racism and other inequalities), as a
  partnership following its guidance summarises them.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from csprcore.exports.letters.rapid_review import agencies_notice, panel_letter
from csprcore.exports.render import write
from csprcore.forms import engine
from csprcore.forms.rapid_review import RapidReview
from csprcore.forms.spec import parts
from csprcore.rules.regulations import (
    LOCAL_CRITERIA,
    LOCAL_REVIEW_CIRCUMSTANCES,
    criterion_label,
    quoted,
)

SRC = Path(__file__).resolve().parents[3] / "src" / "csprcore"
#: Regulation 11(c), as made (legislation.gov.uk/uksi/2018/789/regulation/11/made).
REG_11_C = (
    "highlights or may highlight concerns regarding two or more organisations or agencies "
    "working together effectively to safeguard and promote the welfare of children"
)


def texts(doc: dict[str, Any]) -> tuple[str, str]:
    model, errors = engine.check_document(RapidReview, doc)
    assert errors == [], errors
    assert model is not None
    clean = model.model_dump(mode="json")
    from datetime import datetime

    made = datetime(2026, 10, 30, 10, 0)

    def flat(data: bytes) -> str:
        pages = PdfReader(io.BytesIO(data)).pages
        return " ".join(" ".join(p.extract_text() for p in pages).split())

    return (
        flat(write(panel_letter(clean, made), made, "pdf")),
        flat(write(agencies_notice(clean, made), made, "pdf")),
    )


@pytest.fixture
def rr() -> dict[str, Any]:
    return RapidReview.example()


# --- the local decision and the view on a national review --------------------------------


@pytest.mark.parametrize(
    ("decision", "view", "letter_words", "notice_words"),
    [
        ("local_cspr", "yes",
         ("We have decided to carry out a local child safeguarding practice review.",
          "a national review may be appropriate, and we ask the Panel to consider it"),
         ("decided to carry out a local child safeguarding practice review",
          "asked the Child Safeguarding Practice Review Panel to consider a national review")),
        ("no_review", "yes",
         ("We have decided not to carry out a child safeguarding practice review",
          "we ask the Panel to consider it"),
         ("no further review will take place", "to consider a national review")),
        ("local_cspr", "no",
         ("We have decided to carry out a local child safeguarding practice review.",
          "We do not think the case raises issues which are complex or of national importance"),
         ("decided to carry out", "They do not think a national review is needed")),
        ("other_learning", "unsure",
         ("we will hold an interagency", "we ask for the Panel's view on a national review"),
         ("hold an interagency", "asked the Child Safeguarding Practice Review Panel for its "
          "view")),
    ],
)  # fmt: skip
def test_the_letter_and_notice_say_both_the_decision_and_the_national_view(
    rr: dict[str, Any],
    decision: str,
    view: str,
    letter_words: tuple[str, str],
    notice_words: tuple[str, str],
) -> None:
    """Section 5: both go to the Panel, whatever the local decision."""
    rr["decision"].update(decision=decision, national_review=view)
    if decision != "local_cspr":
        rr["decision"]["reviewer"] = ""
    letter, notice = texts(rr)
    for words in letter_words:
        assert words in letter, words
    for words in notice_words:
        assert words in notice, words
    assert "The Panel decides" in notice or "which decides whether a national review" in notice


def test_the_national_view_is_required(rr: dict[str, Any]) -> None:
    rr["decision"]["national_review"] = ""
    _, errors = engine.check_document(RapidReview, rr)
    assert [(e.field, e.message) for e in errors] == [
        ("decision.national_review", "Select whether the safeguarding partners think a "
         "national review may be appropriate"),
    ]  # fmt: skip


def test_a_version_1_file_that_referred_to_the_panel_keeps_its_answer(rr: dict[str, Any]) -> None:
    """Version 1 made "refer for a national review" a local decision: the file opens with
    that answer kept as the partners' view on a national review, and the local decision is
    asked (it was never recorded)."""
    old = json.loads(json.dumps(rr))
    old["schema_version"] = 1
    for key in ("national_review", "national_review_rationale", "reviewer"):
        old["decision"].pop(key)
    old["decision"]["decision"] = "refer_national"
    old.pop("analysis")
    for key in ("local_circumstances", "local_circumstances_rationale"):
        old["criteria"].pop(key)
    doc = engine.read_file(RapidReview, json.dumps(old), "old.json")
    assert doc["schema_version"] == 2
    assert doc["decision"]["national_review"] == "yes"
    assert doc["decision"]["decision"] == ""
    assert doc["decision"]["rationale"] == rr["decision"]["rationale"]
    _, errors = engine.check_document(RapidReview, doc)
    assert [e.field for e in errors] == ["decision.decision"]


@pytest.mark.parametrize("decision", ["local_cspr", "other_learning", "no_review"])
def test_a_version_1_file_with_a_local_decision_keeps_it(rr: dict[str, Any], decision: str) -> None:
    old = json.loads(json.dumps(rr))
    old["schema_version"] = 1
    old["decision"] = {"decision": decision, "rationale": "Why."}
    doc = engine.read_file(RapidReview, json.dumps(old), "old.json")
    assert doc["decision"] == {"decision": decision, "rationale": "Why."}


def test_a_draft_saved_before_keeps_its_answer() -> None:
    """A draft on the page (answers by field name) moves the same way: the page reads
    ``renamed_answers``."""
    renamed = engine.renamed_answers(RapidReview)
    assert renamed["decision.decision=refer_national"] == "decision.national_review=yes"


# --- the circumstances for a local review --------------------------------------------------


def test_the_template_asks_working_together_2023s_circumstances_for_a_local_review() -> None:
    (part,) = [p for p in parts(RapidReview) if p.name == "criteria"]
    field = next(f for f in part.fields if f.name == "local_circumstances")
    assert field.meta.kind == "checkboxes"
    labels = [label for _, label in field.meta.options]
    assert labels == [
        "Where the safeguarding partners have cause for concern about the actions of a single "
        "agency",
        "Where there has been no agency involvement and this gives the safeguarding partners "
        "cause for concern",
        "Where more than one local authority, police area or integrated care board is "
        "involved, including in cases where families have moved around",
        "Where the case may raise issues relating to safeguarding or promoting the welfare of "
        "children in institutional settings",
    ]
    assert "Working Together to Safeguard Children 2023, chapter 5" in field.meta.hint


def test_a_single_agency_case_is_recorded_and_the_letter_says_so(rr: dict[str, Any]) -> None:
    """A case whose concern is one agency does not meet regulation 11(c); the record says
    which circumstance makes a local review appropriate all the same."""
    rr["criteria"].update(
        working_together="no",
        local_circumstances=["single_agency"],
        local_circumstances_rationale="Only the hospital was involved.",
    )
    letter, _ = texts(rr)
    assert (
        "The circumstances for a local review that apply (Working Together to Safeguard "
        "Children 2023, chapter 5): • Where the safeguarding partners have cause for concern "
        "about the actions of a single agency Only the hospital was involved." in letter
    )
    assert "Agencies working together (regulation 11(c)): No." in letter


def test_no_circumstance_ticked_says_none(rr: dict[str, Any]) -> None:
    rr["criteria"]["local_circumstances"] = []
    rr["criteria"]["local_circumstances_rationale"] = ""
    letter, _ = texts(rr)
    assert "chapter 5): None identified." in letter


def test_an_unknown_circumstance_is_refused(rr: dict[str, Any]) -> None:
    rr["criteria"]["local_circumstances"] = ["not_one"]
    _, errors = engine.check_document(RapidReview, rr)
    assert [e.field for e in errors] == ["criteria.local_circumstances"]


# --- regulation 11(c), quoted once -------------------------------------------------------------


def test_regulation_11_c_is_quoted_exactly() -> None:
    assert LOCAL_CRITERIA["working_together"].words == REG_11_C
    assert f"(c) {REG_11_C}; (d) is one which" in quoted(11)


def test_regulation_11_c_is_written_in_one_place_in_the_core() -> None:
    """Every question, letter and page that quotes it reads ``rules.regulations``."""
    tail = "working together effectively to safeguard and promote the welfare"
    holders = [
        str(p.relative_to(SRC))
        for p in SRC.rglob("*.py")
        if tail in " ".join(p.read_text(encoding="utf-8").replace('"', "").split())
    ]
    assert holders == ["rules/regulations.py"]


def test_the_template_quotes_the_regulation_in_its_hint() -> None:
    (part,) = [p for p in parts(RapidReview) if p.name == "criteria"]
    field = next(f for f in part.fields if f.name == "working_together")
    assert field.meta.hint == f"Regulation 11(c), for a local review: \u201c{REG_11_C}\u201d."


def test_labels_name_their_regulations() -> None:
    assert criterion_label("improvements") == "Improvements needed (regulations 11(a) and 3(a))"
    assert criterion_label("legislation") == "Legislative or guidance change (regulation 3(b))"


def test_every_circumstance_has_words() -> None:
    assert all(v.startswith("Where ") for v in LOCAL_REVIEW_CIRCUMSTANCES.values())


# --- the Panel's current asks -----------------------------------------------------------------


def test_the_analysis_goes_into_the_letter_when_given(rr: dict[str, Any]) -> None:
    letter, _ = texts(rr)
    assert "Key practice episodes: September 2026: the school saw bruising" in letter
    assert (
        "How racism and other inequalities may have influenced the family's experience and "
        "the practice: The family's first language is not English" in letter
    )
    rr["analysis"] = {"key_practice_episodes": "", "inequalities": ""}
    letter, _ = texts(rr)
    assert "Key practice episodes" not in letter


def test_the_analysis_says_where_its_asks_come_from() -> None:
    (part,) = [p for p in parts(RapidReview) if p.name == "analysis"]
    assert "The Panel's guidance for safeguarding partners (June 2025)" in part.why
    assert "as partnerships following it summarise it" in part.why
