"""Agencies' progress on an action plan (section 12): each agency's sheet, and the sheets
returned merged into the plan like the Rapid Review's agency returns."""

from __future__ import annotations

import base64
import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from csprcore import api
from csprcore.cli import main
from csprcore.errors import InputError
from csprcore.exports.action_plan import update_sheet
from csprcore.forms import engine
from csprcore.forms.action_plan import ActionPlan
from csprcore.forms.action_plan.updates import add_updates


def sheet_rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def returned(rows: list[dict[str, str]]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


@pytest.fixture
def plan() -> dict[str, Any]:
    return ActionPlan.example()


def test_an_agency_gets_its_actions_only(plan: dict[str, Any]) -> None:
    rows = sheet_rows(update_sheet(plan, "education"))
    assert {r["Agency"] for r in rows} == {"Education"}
    assert [r["Action number"] for r in rows] == [
        str(i) for i, a in enumerate(plan["actions"], start=1) if a["agency"] == "Education"
    ]
    assert {r["Case reference"] for r in rows} == {plan["source"]["referral_reference"]}
    # Each action with the number and the words of the recommendation it answers.
    texts = [r["text"] for r in plan["recommendations"]]
    assert [(r["Recommendation number"], r["Recommendation"]) for r in rows] == [
        (a["recommendation"], texts[int(a["recommendation"]) - 1])
        for a in plan["actions"]
        if a["agency"] == "Education"
    ]
    with pytest.raises(InputError, match="The plan gives no action to Fire Service"):
        update_sheet(plan, "Fire Service")


def test_a_returned_sheet_fills_the_empty_boxes_and_moves_the_status_on(
    plan: dict[str, Any],
) -> None:
    rows = sheet_rows(update_sheet(plan, "Education"))
    number = int(rows[0]["Action number"])
    rows[0].update({"Status": "Complete", "Evidence of completion": "Both sessions held.",
                    "Evidence of impact": "Referrals the same day since November."})  # fmt: skip
    before = plan["actions"][number - 1]
    result = add_updates(plan, [("edu.csv", returned(rows))])
    after = result.document["actions"][number - 1]
    assert after["status"] == "complete"
    assert after["evidence_of_completion"] == (
        before["evidence_of_completion"] or "Both sessions held."
    )
    assert f"action {number}'s status" in result.messages()[0]
    # Nothing else in the plan changed.
    others = [a for i, a in enumerate(result.document["actions"]) if i != number - 1]
    assert others == [a for i, a in enumerate(plan["actions"]) if i != number - 1]
    # The merged plan is still a complete, valid plan.
    model, errors = engine.check_document(ActionPlan, result.document)
    assert errors == [] and model is not None


def test_what_the_unit_wrote_is_kept_and_named(plan: dict[str, Any]) -> None:
    rows = sheet_rows(update_sheet(plan, "Education"))
    number = int(rows[0]["Action number"])
    plan["actions"][number - 1]["evidence_of_impact"] = "Written by the unit."
    rows[0]["Evidence of impact"] = "The agency's words."
    result = add_updates(plan, [("edu.csv", returned(rows))])
    assert result.document["actions"][number - 1]["evidence_of_impact"] == "Written by the unit."
    assert (f"Kept what the plan says for action {number}'s evidence of impact (edu.csv says "
            "something else).") in result.messages()  # fmt: skip


def test_a_status_never_moves_back(plan: dict[str, Any]) -> None:
    rows = sheet_rows(update_sheet(plan, "Education"))
    number = int(rows[0]["Action number"])
    plan["actions"][number - 1]["status"] = "complete"
    rows[0]["Status"] = "In progress"
    result = add_updates(plan, [("edu.csv", returned(rows))])
    assert result.document["actions"][number - 1]["status"] == "complete"
    assert any("status" in k for k in result.kept)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"Case reference": "NEL-2026-099"},
         "edu.csv is about case NEL-2026-099 (Local child safeguarding practice review: Z N, "
         "aged 8), not this plan's case NEL-2026-014"),
        ({"Action number": "99"}, "edu.csv, row 2: there is no action '99' in the plan"),
        ({"Status": "Finished"}, "edu.csv, row 2, column 'Status': 'Finished' is not one of: "),
    ],
)  # fmt: skip
def test_a_sheet_for_another_case_or_with_a_bad_cell_is_refused(
    plan: dict[str, Any], change: dict[str, str], message: str
) -> None:
    rows = sheet_rows(update_sheet(plan, "Education"))
    rows[0].update(change)
    with pytest.raises(InputError) as caught:
        add_updates(plan, [("edu.csv", returned(rows))])
    assert caught.value.errors[0].message.startswith(message), caught.value.errors[0].message


def test_the_cli_makes_a_sheet_and_merges_it(plan: dict[str, Any], tmp_path: Path) -> None:
    source = tmp_path / "plan.json"
    source.write_text(json.dumps(plan), encoding="utf-8")
    sheet = tmp_path / "edu.csv"
    assert main(["action-plan", "agency-update", str(source), "--agency", "Education",
                 "-o", str(sheet)]) == 0  # fmt: skip
    rows = sheet_rows(sheet.read_bytes())
    rows[0]["Status"] = "Complete"
    sheet.write_bytes(returned(rows))
    out = tmp_path / "plan2.json"
    assert main(["action-plan", "add-updates", str(source), str(sheet), "-o", str(out)]) == 0
    merged = json.loads(out.read_text(encoding="utf-8"))
    assert merged["actions"][int(rows[0]["Action number"]) - 1]["status"] == "complete"


def test_the_api_round_trip(plan: dict[str, Any]) -> None:
    made = json.loads(api.call("action_plan_agency_update", json.dumps(
        {"document": plan, "agency": "Education"})))  # fmt: skip
    assert made["ok"] is True and made["filename"].endswith("-Education.csv")
    rows = sheet_rows(base64.b64decode(made["base64"]))
    rows[0]["Status"] = "Complete"
    merged = json.loads(api.call("action_plan_add_updates", json.dumps({
        "document": plan,
        "files": [{"name": "edu.csv", "base64": base64.b64encode(returned(rows)).decode()}],
    })))  # fmt: skip
    assert merged["ok"] is True and merged["changed"] is True
