"""The core never writes a register it would then refuse to open: the case limit and the
size limit are checked on every change and on every save with the numbers it reads with."""

from __future__ import annotations

import json
from typing import Any

import pytest

from csprcore.forms.case_register import register_file
from csprcore.forms.case_register.register_file import (
    FILE_FIELD,
    MAX_CASES,
    read_register,
    write_register,
)
from csprcore.forms.registry import get_form
from tests.unit.api.test_case_register_api import a_case, a_register, call, ok


def full_register(n: int) -> dict[str, Any]:
    return a_register(*(a_case(f"C-{i:05d}", "A B") for i in range(n)))


@pytest.fixture(scope="module")
def at_the_limit() -> dict[str, Any]:
    register = full_register(MAX_CASES)
    assert len(read_register(write_register(register)).cases) == MAX_CASES
    return register


def test_a_case_beyond_the_limit_is_refused_and_nothing_changes(at_the_limit: Any) -> None:
    result = call("register_save_case", {"register": at_the_limit, "index": None, "answers": {
        "reference": "C-99999", "child_initials": "A B"}})  # fmt: skip
    assert result["ok"] is False
    [error] = result["errors"]
    assert error["field"] == FILE_FIELD
    assert f"up to {MAX_CASES} cases" in error["message"]


def test_a_document_beyond_the_limit_is_refused(at_the_limit: Any) -> None:
    doc = get_form("rapid-review").example()
    result = call("register_add_document", {"register": at_the_limit, "index": None,
                                            "file": {"name": "rr.json",
                                                     "content": json.dumps(doc)}})  # fmt: skip
    assert result["ok"] is False
    assert f"up to {MAX_CASES} cases" in result["errors"][0]["message"]


def test_a_case_can_still_be_changed_or_deleted_at_the_limit(at_the_limit: Any) -> None:
    changed = ok("register_save_case", {"register": at_the_limit, "index": 0, "answers": {
        "reference": "C-00000", "child_initials": "Z N"}})  # fmt: skip
    assert changed["register"]["cases"][0]["child_initials"] == "Z N"
    fewer = ok("register_delete_case", {"register": at_the_limit, "index": 0})
    assert len(fewer["register"]["cases"]) == MAX_CASES - 1


def test_a_register_too_big_indented_is_written_compact_and_opens(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    register = full_register(40)
    compact = len(register_file.dumps(register, compact=True).encode()) + 1
    indented = len(register_file.dumps(register, indent=2).encode()) + 1
    assert compact < indented
    # The limit between the two sizes: a compact file opens, the indented one would not.
    monkeypatch.setattr(register_file, "MAX_BYTES", (compact + indented) // 2)
    text = write_register(register)
    assert len(text.encode()) <= register_file.MAX_BYTES
    assert len(read_register(text).cases) == 40


def test_a_change_that_would_take_the_register_over_the_size_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    register = full_register(40)
    compact = len(register_file.dumps(register, compact=True).encode())
    monkeypatch.setattr(register_file, "MAX_BYTES", compact + 10)
    result = call("register_save_case", {"register": register, "index": None, "answers": {
        "reference": "C-99999", "child_initials": "A B"}})  # fmt: skip
    assert result["ok"] is False
    assert "over" in result["errors"][0]["message"]
    assert "nothing was changed" in result["errors"][0]["message"]
