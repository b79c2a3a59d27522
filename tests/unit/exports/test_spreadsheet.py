"""The one CSV writer (``csprcore.exports.spreadsheet``): every CSV the project makes goes
through it, so a cell a spreadsheet would run as a formula is text in every file."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from csprcore.exports.spreadsheet import cell, csv_bytes

SRC = Path(__file__).resolve().parents[3] / "src" / "csprcore"


@pytest.mark.parametrize("typed", ["=1+1", "+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1"])
def test_a_formula_is_written_as_text(typed: str) -> None:
    assert cell(typed) == "'" + typed


@pytest.mark.parametrize("value", ["Police", "A = B", "1", "", " =1", "'=1"])
def test_ordinary_text_is_written_as_it_is(value: str) -> None:
    assert cell(value) == value


def test_numbers_stay_numbers() -> None:
    # A negative number is data: only text that Excel would read as a formula is changed.
    assert cell(-3) == -3
    assert cell(None) is None


def test_the_header_and_every_row_pass_through_the_same_rule() -> None:
    data = csv_bytes(["=A"], [["=B", 2]])
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows == [["'=A"], ["'=B", "2"]]


def test_no_other_module_writes_csv() -> None:
    writers = sorted(
        str(p.relative_to(SRC))
        for p in SRC.rglob("*.py")
        if "csv.writer(" in p.read_text(encoding="utf-8")
    )
    assert writers == ["exports/spreadsheet.py"]
