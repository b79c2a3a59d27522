"""The bank-holiday table the core reads is the ``holidays`` package's answer, every year."""

from __future__ import annotations

import pytest
from scripts.bank_holidays import TARGET, from_package, render

from csprcore.rules.calendar import MAX_YEAR, MIN_YEAR, bank_holidays


@pytest.mark.parametrize("year", range(MIN_YEAR, MAX_YEAR + 1))
def test_table_matches_the_holidays_package(year: int) -> None:
    assert bank_holidays(year) == from_package(year)


def test_table_is_up_to_date() -> None:
    # Fails after a holidays upgrade until `make bank-holidays` writes the table again.
    assert TARGET.read_text(encoding="utf-8") == render()
