"""No family name where only initials belong (``forms.names``).

A child's or a sibling's first name typed into the Rapid Review's free text must not reach the
letter to the Panel when the Rapid Review was filled in from the referral that holds the
names. A document filled in from a referral keeps a salted hash of each name word; before a
document is made, every free-text box is checked for them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from csprcore import api
from csprcore.forms.from_referral import fill_from_referral
from csprcore.forms.local_review.from_rapid_review import start_from_rapid_review
from csprcore.forms.names import found_names, marks_from_referral, words
from csprcore.forms.rapid_review import RapidReview
from csprcore.forms.referral import Referral

NOW = "30/11/2026 10:00"


@pytest.fixture
def referral() -> dict[str, Any]:
    return Referral.example()


def filled_rapid_review(referral: dict[str, Any]) -> dict[str, Any]:
    return fill_from_referral(RapidReview, RapidReview.example(), referral).document


def call(name: str, payload: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(api.call(name, json.dumps(payload)))
    return result


def test_the_marks_never_hold_the_names(referral: dict[str, Any]) -> None:
    marks = marks_from_referral(referral)
    assert marks is not None
    text = json.dumps(marks).casefold()
    child = referral["child"]
    for name in (child["first_names"], child["last_name"], referral["family"][0]["name"]):
        for word in name.split():
            assert word.casefold() not in text
    # The same referral gives the same marks: the browser and the CLI agree.
    assert marks_from_referral(referral) == marks


def test_a_name_in_the_letter_is_refused_naming_the_box_and_the_word(
    referral: dict[str, Any],
) -> None:
    rr = filled_rapid_review(referral)
    first = referral["child"]["first_names"].split()[0]
    rr["actions"]["immediate_actions"] = f"Keep {first.upper()} with the grandmother."
    result = call("form_export", {"form": "rapid-review", "format": "letter", "document": rr,
                                  "now": NOW})  # fmt: skip
    assert result["ok"] is False and result["names"] is True
    assert result["errors"] == [{
        "field": "actions.immediate_actions",
        "message": "\u2018Immediate actions agreed\u2019 holds a name the referral gives for the "
        "child or their family (word 2): use initials instead",
        "href": "#actions-immediate_actions",
    }]  # fmt: skip
    for fmt in ("pdf", "odt", "notice", "notice-odt"):
        assert call("form_export", {"form": "rapid-review", "format": fmt, "document": rr,
                                    "now": NOW})["names"] is True  # fmt: skip
    made = call("form_export", {"form": "rapid-review", "format": "letter", "document": rr,
                                "now": NOW, "allow_names": True})  # fmt: skip
    assert made["ok"] is True
    # JSON is the user's own copy: always saved.
    assert "text" in call("form_export", {"form": "rapid-review", "format": "json",
                                          "document": rr})  # fmt: skip


def test_accents_and_case_do_not_hide_a_name() -> None:
    ref = {"child": {"first_names": "Zoë Anne-Marie", "last_name": "O'Brien"}}
    rr = fill_from_referral(RapidReview, RapidReview.example(), ref).document
    rr["actions"]["learning_to_share"] = "zoe, ANNE and o\u2019brien were seen; Marie too."
    (error,) = found_names(RapidReview, rr)
    assert error.field == "actions.learning_to_share"
    assert "(word 1, 2, 4, 7)" in error.message


def test_initials_and_ordinary_words_pass(referral: dict[str, Any]) -> None:
    rr = filled_rapid_review(referral)
    assert found_names(RapidReview, rr) == []
    rr["actions"]["immediate_actions"] = "Z N stays with her grandmother."
    assert found_names(RapidReview, rr) == []


def test_a_document_not_filled_from_a_referral_is_not_checked() -> None:
    assert "name_marks" not in RapidReview.example()
    assert found_names(RapidReview, RapidReview.example()) == []


def test_the_marks_follow_the_case_to_the_local_review(referral: dict[str, Any]) -> None:
    rr = filled_rapid_review(referral)
    lr = start_from_rapid_review({}, rr, "rr.json").document
    assert lr["name_marks"] == rr["name_marks"]


def test_words_keep_hyphenated_names_whole_and_in_parts() -> None:
    assert list(words("Smith-Jones met O'Neill.")) == [
        (1, "Smith-Jones"), (1, "Smith"), (1, "Jones"), (2, "met"),
        (3, "O'Neill"), (3, "O"), (3, "Neill"),
    ]  # fmt: skip


def test_the_cli_refuses_and_allows(referral: dict[str, Any], tmp_path: Path, capsys: Any) -> None:
    from csprcore.cli import main

    rr = filled_rapid_review(referral)
    rr["actions"]["learning_to_share"] = f"Talk to {referral['family'][0]['name']}."
    source = tmp_path / "rr.json"
    source.write_text(json.dumps(rr), encoding="utf-8")
    out = tmp_path / "letter.pdf"
    assert main(["rapid-review", "export", str(source), "--format", "letter", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "actions.learning_to_share: \u2018Learning to share now\u2019 holds a name" in err
    assert "--allow-names" in err and not out.exists()
    assert main(["rapid-review", "export", str(source), "--format", "letter", "--allow-names",
                 "-o", str(out)]) == 0  # fmt: skip
    assert out.exists()


def test_the_request_to_agencies_names_the_child_so_they_can_find_them(
    referral: dict[str, Any],
) -> None:
    """Appendix 1: the scoping template goes to the agencies, who search their records: the
    request made from the referral names the child (name, date of birth, address), is marked
    OFFICIAL-SENSITIVE, and asks for a return by initials and age only, by its date."""
    import base64
    import io

    from pypdf import PdfReader

    payload = {"form": "referral", "format": "scoping-request", "document": referral}
    result = call("form_export", {**payload, "now": NOW, "date": "2026-11-19"})
    assert result["ok"] is True
    assert result["filename"].endswith("-referral-scoping-request-2026-11-19.pdf")
    pages = PdfReader(io.BytesIO(base64.b64decode(result["base64"]))).pages
    text = " ".join(" ".join(p.extract_text() for p in pages).split())
    child = referral["child"]
    for expected in (
        f"Name: {child['first_names']} {child['last_name']}",
        "Date of birth: 9 March 2018",
        "Address: 1 Example Street, Grimsby",
        "Please return the Initial Scoping and Information Sharing Template by Wednesday 25 "
        "November 2026, by secure email. Name the child in it by initials and age only.",
        "This request is OFFICIAL-SENSITIVE",
        "Dear colleagues,",
    ):
        assert expected in text, expected
