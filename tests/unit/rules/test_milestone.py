"""``rules.deadlines.calculate``: typed milestones (dates, the row, the event counted from);
their words are the views' (``views.deadlines``)."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from csprcore.errors import InputError
from csprcore.rules.deadlines import Milestone, calculate, check_events, parse_events
from csprcore.rules.timescales import TIMESCALES_BY_ID, due, meeting
from csprcore.views.deadlines import basis, calculation_json, compute, milestone_json


def test_a_milestone_is_a_date_with_its_row_and_event() -> None:
    result = calculate({"aware": date(2026, 12, 18)})
    m = next(m for m in result.milestones if m.id == "notify_panel")
    assert isinstance(m, Milestone)
    assert m.timescale is TIMESCALES_BY_ID["notify_panel"]
    assert (m.counted_from, m.start, m.due, m.latest) == ("aware", date(2026, 12, 18),
                                                          date(2026, 12, 29), None)  # fmt: skip
    assert m.due == due(m.count, m.start) == m.last
    assert [d for d, _ in m.skipped] == [date(2026, 12, 25), date(2026, 12, 28)]
    assert m.status is None
    with pytest.raises(dataclasses.FrozenInstanceError):
        m.due = date(2027, 1, 1)  # type: ignore[misc]


def test_the_meetings_window_has_a_first_and_a_last_day() -> None:
    start = meeting().counts[0].event
    result = calculate({start: date(2026, 3, 2)}, today=date(2026, 3, 2))
    m = next(m for m in result.milestones if m.timescale is meeting())
    assert m.latest is not None and m.last == m.latest >= m.due
    assert m.status in ("upcoming", "due_soon")


def test_the_words_are_the_views_and_the_json_is_the_calculators() -> None:
    events = {"aware": "2026-12-18", "notified": "2026-12-21"}
    result = calculate(parse_events(events), today=date(2026, 12, 22))
    assert calculation_json(result) == compute(events, today=date(2026, 12, 22))
    m = result.milestones[0]
    assert milestone_json(m)["basis"] == basis(m)
    assert basis(m).startswith("5 working days after 18 December 2026")


def test_dates_already_read_are_checked_as_strings_are() -> None:
    raw = {"aware": "2026-06-10", "notified": "2026-06-01"}
    with pytest.raises(InputError) as as_text:
        parse_events(raw)
    with pytest.raises(InputError) as as_dates:
        check_events({k: date.fromisoformat(v) for k, v in raw.items()})
    assert as_text.value.errors == as_dates.value.errors
