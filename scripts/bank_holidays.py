"""Write ``src/csprcore/rules/bank_holidays_data.py`` from the ``holidays`` package.

The rule core reads England and Wales bank holidays from that generated table rather than
importing ``holidays`` at run time: in the browser the import alone costs over a second and
three wheels (``holidays``, ``python-dateutil``, ``six``) for nine days a year. The table is
the package's answer, year by year; ``tests/unit/rules/test_bank_holiday_table.py`` fails when the
two differ (a new ``holidays`` release), and ``make bank-holidays`` writes it again.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from csprcore.rules.calendar import MAX_YEAR, MIN_YEAR

TARGET = (
    Path(__file__).resolve().parent.parent / "src" / "csprcore" / "rules" / "bank_holidays_data.py"
)


def from_package(year: int) -> list[tuple[date, str]]:
    """England and Wales bank holidays in ``year`` per ``holidays``: weekdays only.

    A holiday that falls at a weekend is not a bank holiday: its substitute day is, which the
    package calls "... (observed)"; GOV.UK says "(substitute day)".
    """
    from holidays.countries.united_kingdom import UnitedKingdom

    table = UnitedKingdom(subdiv="ENG", years=year)
    return [
        (day, name.replace("(observed)", "(substitute day)"))
        for day, name in sorted(table.items())
        if day.year == year and day.weekday() < 5
    ]


def render() -> str:
    import holidays

    lines = [
        '"""England and Wales bank holidays, written by ``scripts/bank_holidays.py`` from',
        f"the ``holidays`` package {holidays.__version__} (United Kingdom, subdivision England).",
        "",
        "Do not edit: run ``make bank-holidays``. Weekdays only; substitute days and one-off",
        'days included. Each year maps to ((ISO date, name), ...)."""',
        "",
        "from typing import Final",
        "",
        "BANK_HOLIDAYS: Final[dict[int, tuple[tuple[str, str], ...]]] = {",
    ]
    for year in range(MIN_YEAR, MAX_YEAR + 1):
        days = ", ".join(f'("{d}", {json.dumps(name)})' for d, name in from_package(year))
        lines.append(f"    {year}: ({days},),")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main() -> None:
    TARGET.write_text(render(), encoding="utf-8")
    print(f"Wrote {TARGET}")


if __name__ == "__main__":
    main()
