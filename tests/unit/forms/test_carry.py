"""Starting or filling one document from another (``csprcore.forms.carry``): every path
(referral to scoping return and Rapid Review, Rapid Review to local review, local review to
action plan, any document into the register) refuses a file about another child or another
case, naming both, and changes nothing."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from csprcore import api
from csprcore.errors import InputError
from csprcore.forms import engine
from csprcore.forms.carry import CARRIES, Identity, identity, same_case, start_from
from csprcore.forms.registry import get_form
from tests.unit.api.test_cli import assert_one_line_error
from tests.unit.api.test_cli import cli as cli  # the fixture, re-exported for these tests

#: The examples are all about one child: Z N, aged 8, the partnership's case 2026-014.
TARGETS = sorted(CARRIES)


def example(form_id: str) -> dict[str, Any]:
    return get_form(form_id).example()


def another_child(form_id: str) -> dict[str, Any]:
    """The example document of ``form_id``, about a child with the initials A B."""
    doc = copy.deepcopy(example(form_id))
    if form_id == "referral":
        doc["child"]["first_names"], doc["child"]["last_name"] = "Amir", "Begum"
        return doc
    doc["source" if form_id == "action-plan" else "case"]["child_initials"] = "A B"
    return doc


def another_case(form_id: str) -> dict[str, Any]:
    """The example ``form_id`` document, same initials, another case reference."""
    doc = copy.deepcopy(example(form_id))
    part = "source" if form_id == "action-plan" else "case"
    doc[part]["referral_reference"] = "XY-2025-001"
    return doc


@pytest.mark.parametrize("target", TARGETS)
def test_a_file_about_another_child_fills_nothing_and_names_both(target: str) -> None:
    carry = CARRIES[target]
    mine = example(target)
    kept = copy.deepcopy(mine)
    content = json.dumps(another_child(carry.source))
    with pytest.raises(InputError) as caught:
        start_from(get_form(target), mine, content, "other.json")
    (error,) = caught.value.errors
    assert error.field == carry.box
    assert error.message.startswith("other.json is ")
    assert "the initials A B, not Z N: nothing was filled in" in error.message
    assert mine == kept


@pytest.mark.parametrize("target", [t for t in TARGETS if CARRIES[t].source != "referral"])
def test_a_file_for_another_case_fills_nothing_and_names_both(target: str) -> None:
    carry = CARRIES[target]
    mine = example(target)
    reference = identity(target, mine).reference
    assert reference
    with pytest.raises(InputError) as caught:
        start_from(get_form(target), mine, json.dumps(another_case(carry.source)), "x.json")
    assert caught.value.errors[0].message == (
        f"x.json is for the case XY-2025-001, not {reference}: nothing was filled in"
    )


@pytest.mark.parametrize("target", TARGETS)
def test_the_same_child_written_differently_is_filled(target: str) -> None:
    carry = CARRIES[target]
    mine = engine.answers_to_document(get_form(target), {})
    part = "source" if target == "action-plan" else "case"
    mine[part] = {"child_initials": "z.n."}
    result = start_from(get_form(target), mine, json.dumps(example(carry.source)), "a.json")
    assert result.changed


@pytest.mark.parametrize("target", TARGETS)
def test_a_blank_document_starts_from_any_child(target: str) -> None:
    blank = engine.answers_to_document(get_form(target), {})
    source = another_child(CARRIES[target].source)
    result = start_from(get_form(target), blank, json.dumps(source), "b.json")
    assert result.changed


def test_a_file_that_names_no_child_does_not_fill_a_record_that_does() -> None:
    rr = example("rapid-review")
    rr["case"]["child_initials"] = rr["case"]["referral_reference"] = ""
    with pytest.raises(InputError) as caught:
        start_from(get_form("local-review"), example("local-review"), json.dumps(rr), "rr.json")
    assert "does not say which child it is about" in caught.value.errors[0].message


def test_same_case_compares_letters_and_digits_only() -> None:
    ours = Identity("NEL 2026 014", "Z.N.")
    doc = {"case": {"referral_reference": "nel-2026-014", "child_initials": "ZN"}}
    assert same_case(ours, "rapid-review", doc, "f", "box", "no").initials == "ZN"


@pytest.mark.parametrize("target", TARGETS)
def test_the_api_refuses_another_child_and_returns_no_document(target: str) -> None:
    carry = CARRIES[target]
    file = {"name": "other.json", "content": json.dumps(another_child(carry.source))}
    payload = {"form": target, "document": example(target), "file": file}
    result = json.loads(api.call("form_start_from", json.dumps(payload)))
    assert result["ok"] is False
    assert result["errors"][0]["field"] == carry.box
    assert "not Z N" in result["errors"][0]["message"]
    assert "document" not in result


@pytest.mark.parametrize(
    ("command", "target"),
    [(["rapid-review", "from-referral"], "rapid-review"),
     (["scoping", "from-referral"], "scoping-return"),
     (["local-review", "from-rapid-review"], "local-review"),
     (["action-plan", "from-local-review"], "action-plan")],
)  # fmt: skip
def test_the_cli_refuses_another_child_and_writes_nothing(
    cli: Any, tmp_path: Path, command: list[str], target: str
) -> None:
    source, into, out = tmp_path / "source.json", tmp_path / "into.json", tmp_path / "out.json"
    source.write_text(json.dumps(another_child(CARRIES[target].source)), encoding="utf-8")
    into.write_text(json.dumps(example(target)), encoding="utf-8")
    code, stdout, stderr = cli(*command, str(source), "--into", str(into), "-o", str(out))
    assert_one_line_error(code, stdout, stderr, "A B", "not Z N", "nothing was filled in")
    assert not out.exists()
