"""The criteria checker page as the build renders it, and the record of a check.

The page is rendered from ``csprcore.rules.criteria`` (``pages/checker.py``); its glue reads
every word from the page's data block. The record is a PDF made by the core
(``csprcore.api.check_record``).
"""

from __future__ import annotations

import base64
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from csprcore import api
from csprcore.exports import check_record
from csprcore.rules import criteria
from csprcore.rules.citations import SECTION_TITLES
from csprcore.views import checker as checker_view
from pages import checker as render_checker

ROOT = Path(__file__).resolve().parents[3]


class Collect(HTMLParser):
    """Start tags with their attributes, and the page's data block."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.data_block = ""
        self._in_data = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        self._in_data = tag == "script" and attributes.get("id") == "criteria-checker-data"

    def handle_endtag(self, tag: str) -> None:
        self._in_data = False

    def handle_data(self, data: str) -> None:
        if self._in_data:
            self.data_block += data


@pytest.fixture(scope="module")
def page() -> Collect:
    parser = Collect()
    parser.feed(render_checker.body())
    return parser


def test_one_fieldset_per_question_with_the_cores_names_and_values(page: Collect) -> None:
    fieldsets = [t for t, _ in page.tags if t == "fieldset"]
    assert len(fieldsets) == len(criteria.QUESTIONS)
    inputs = [a for t, a in page.tags if t == "input"]
    expected = [
        (q.key, o.value, "checkbox" if q.multiple else "radio")
        for q in criteria.QUESTIONS
        for o in q.options
    ]
    assert [(a["name"], a["value"], a["type"]) for a in inputs] == expected


def test_follow_ups_carry_their_show_if(page: Collect) -> None:
    groups = {a["data-field"]: a for t, a in page.tags if t == "div" and a.get("data-field")}
    for q in criteria.QUESTIONS:
        rule = groups[q.key].get("data-show-if")
        if q.show_if:
            assert rule is not None
            assert json.loads(rule) == {k: list(v) for k, v in q.show_if.items()}
        else:
            assert rule is None


@pytest.mark.nel
def test_each_question_links_to_its_section(page: Collect) -> None:
    hrefs = [a.get("href") for t, a in page.tags if t == "a"]
    for q in criteria.QUESTIONS:
        assert f"../../procedure/{q.cite}/#{q.cite}" in hrefs


def test_a_place_for_every_conclusion(page: Collect) -> None:
    places = [a["data-conclusion"] for _, a in page.tags if a.get("data-conclusion")]
    assert places == [*criteria.CONCLUSIONS, "national_review_circumstances"]
    live = [a for _, a in page.tags if a.get("aria-live")]
    assert len(live) == 1
    assert live[0]["aria-live"] == "polite"
    assert "data-result-summary" in live[0]


def test_the_data_block_carries_the_cores_words(page: Collect) -> None:
    assert "<" not in page.data_block
    data = json.loads(page.data_block)
    assert data["answer_words"] == criteria.ANSWER_WORDS
    assert data["short"] == checker_view.CONCLUSION_SHORT
    assert data["circumstances"] == criteria.NATIONAL_CIRCUMSTANCES
    assert data["text"] == checker_view.PAGE_TEXT
    assert set(data["cites"]) == set(SECTION_TITLES)
    assert data["handoff_key"] == "csprcore-handoff-referral"
    assert data["referral_href"] == "../referral-form/?from=checker"


def test_the_glue_uses_only_words_the_core_defines() -> None:
    glue = (ROOT / "web" / "js" / "criteria-checker.js").read_text(encoding="utf-8")
    used = set(re.findall(r"\bT\.(\w+)", glue))
    assert used
    assert used <= set(checker_view.PAGE_TEXT)


def test_conclusion_wording_covers_every_conclusion() -> None:
    assert set(checker_view.CONCLUSION_SHORT) == set(criteria.CONCLUSIONS)
    assert set(checker_view.SUMMARY_WORDS) == set(criteria.ANSWER_WORDS)


# --------------------------------------------------------------------------------------
# Answers as words, for the record
# --------------------------------------------------------------------------------------


def test_answer_rows_give_the_options_words_and_skip_questions_not_asked() -> None:
    rows = dict(
        checker_view.answer_rows(
            {
                "abuse_or_neglect": "suspected",
                "harm": "died",
                "incident_location": "in_area",
                "abuse_types": ["neglect", "physical"],
            }
        )
    )
    by_key = criteria.QUESTIONS_BY_KEY
    assert rows[by_key["abuse_or_neglect"].text] == "Yes, it is suspected"
    assert rows[by_key["abuse_types"].text] == "Physical abuse; Neglect"
    assert rows[by_key["looked_after"].text] == "Not answered"
    # Asked only when the incident happened outside England (or that is not known).
    assert by_key["normally_resident_in_area"].text not in rows
    # Asked only when the case may not be a serious one.
    assert by_key["local_learning"].text not in rows


@pytest.mark.parametrize(
    ("facts", "shown"),
    [
        ({}, False),
        ({"incident_location": "in_area"}, False),
        ({"incident_location": "outside_england"}, True),
        ({"incident_location": "unsure"}, True),
    ],
)
def test_is_shown(facts: dict[str, Any], shown: bool) -> None:
    question = criteria.QUESTIONS_BY_KEY["normally_resident_in_area"]
    assert criteria.is_shown(question, facts) is shown


# --------------------------------------------------------------------------------------
# The record of a check (a PDF the core makes)
# --------------------------------------------------------------------------------------


def call(name: str, payload: Any) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(api.call(name, json.dumps(payload)))
    return result


def pdf_text(result: dict[str, Any]) -> str:
    reader = PdfReader(io.BytesIO(base64.b64decode(result["base64"])))
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages))


def test_check_record_holds_the_answers_conclusions_and_reasons() -> None:
    facts = {
        "abuse_or_neglect": "known",
        "harm": "seriously_harmed",
        "incident_location": "elsewhere_in_england",
        "looked_after": "no",
        "educated_otherwise_than_at_school": "yes",
    }
    result = call("check_record", {"facts": facts, "checked_at": "27/11/2026 14:05"})
    assert result["ok"] is True
    assert result["filename"] == "criteria-check-2026-11-27-1405.pdf"
    assert result["mime"] == "application/pdf"
    text = pdf_text(result)
    assert check_record.RECORD_TITLE in text
    assert "OFFICIAL-SENSITIVE" in text
    assert "Checked on 27/11/2026 at 14:05" in text
    assert "Yes, it is known" in text
    assert "Elsewhere in England" in text
    outcome = criteria.assess(facts)
    for key in criteria.CONCLUSIONS:
        assert criteria.CONCLUSION_QUESTIONS[key] in text
    assert outcome["la_must_notify_panel"] == "no"
    assert "local authority for the area where it happened" in text
    assert criteria.NATIONAL_CIRCUMSTANCES["educated_otherwise_than_at_school"] in text
    assert "no names" in text


def test_check_record_of_no_answers() -> None:
    result = call("check_record", {"facts": {}})
    assert result["ok"] is True
    assert "Not answered" in pdf_text(result)


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"facts": {"harm": "dead"}}, "harm"),
        ({"facts": [], "checked_at": "27/11/2026 14:05"}, "facts"),
        ({"facts": {}, "checked_at": "2026-11-27T14:05"}, "checked_at"),
        ({"facts": {}, "checked_at": 3}, "checked_at"),
    ],
)
def test_check_record_refuses_bad_input_naming_the_field(
    payload: dict[str, Any], field: str
) -> None:
    result = call("check_record", payload)
    assert result["ok"] is False
    assert result["errors"][0]["field"] == field


def test_check_record_needs_the_pdf_packages() -> None:
    assert "pdf" in api.NEEDS["check_record"]
