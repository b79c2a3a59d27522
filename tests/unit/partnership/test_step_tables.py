"""Any partnership's Rapid Review steps, as its profile declares them, counted as a person
would count them: random step tables (counted from the notification, the referral, the
meeting or an earlier step; 0 to 20 working days; windows) give every due date one working
day at a time across weekends and bank holidays, and the profile's own words in the output."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from csprcore import partnership
from csprcore.partnership import RapidReviewStep
from csprcore.rules import deadlines, timescales
from csprcore.views import deadlines as deadlines_view

#: England's bank holidays, straight from the ``holidays`` package: the hand count's own.
BANK_HOLIDAYS = holidays.country_holidays("GB", subdiv="ENG", years=range(2025, 2029))


def by_hand(start: date, n: int) -> date:
    """The n-th working day after ``start``, walking one day at a time (day 0: the day)."""
    day = start
    while n > 0:
        day += timedelta(days=1)
        if day.weekday() < 5 and day not in BANK_HOLIDAYS:
            n -= 1
    return day


@st.composite
def step_tables(draw: st.DrawFn) -> tuple[RapidReviewStep, ...]:
    """A meeting (a window or one day) from the notification or the referral, steps before
    it from either event or an earlier step, and the Rapid Review to the Panel from the
    meeting, an event or an earlier step."""
    start = draw(st.sampled_from(["notification", "referral"]))
    steps: list[RapidReviewStep] = []
    for i in range(draw(st.integers(0, 3))):
        frm = draw(st.sampled_from([start, "notification", "referral", *(s.id for s in steps)]))
        steps.append(RapidReviewStep(f"step_{i}", f"Step {i}", frm, draw(st.integers(0, 20))))
    first = draw(st.integers(0, 15))
    last = draw(st.integers(first, first + 10))
    steps.append(RapidReviewStep("meeting", "Meeting", start, window=(first, last),
                                 role="meeting"))  # fmt: skip
    frm = draw(st.sampled_from(["meeting", start, *(s.id for s in steps)]))
    steps.append(RapidReviewStep("to_panel", "To the Panel", frm, draw(st.integers(0, 20)),
                                 role="sent_to_panel"))  # fmt: skip
    return tuple(steps)


def using(table: tuple[RapidReviewStep, ...], monkeypatch: pytest.MonkeyPatch) -> None:
    """The timescale table and the calculator as they would be for a profile with these
    steps (the national rows unchanged)."""
    profile = replace(partnership.current(), steps=table)
    monkeypatch.setattr(timescales, "_LOCAL", profile)
    national = [t for t in timescales.TIMESCALES if t.step is None]
    rows = (*national[:2], *timescales._local(), *national[2:])
    for module in (timescales, deadlines):
        monkeypatch.setattr(module, "TIMESCALES", rows)
    monkeypatch.setattr(timescales, "TIMESCALES_BY_ID", {t.id: t for t in rows})


def expected(table: tuple[RapidReviewStep, ...], events: dict[str, date]) -> dict[str, date]:
    """Each step's last day, counted by hand: from its event, or from the earlier step's
    recorded event (the meeting held) or else its last day."""
    event_of = {"notification": "notified", "referral": "referral", "meeting": "meeting"}
    last: dict[str, date] = {}
    for step in table:
        if step.from_ in event_of and event_of[step.from_] in events:
            base = events[event_of[step.from_]]
        elif step.from_ == "meeting":
            base = last["meeting"]
        else:
            base = last[step.from_]
        n = step.window[1] if step.window else step.working_days
        assert n is not None
        last[step.id] = by_hand(base, n)
    return last


@settings(max_examples=60, deadline=None)
@given(table=step_tables(), day=st.dates(date(2025, 11, 1), date(2027, 12, 31)),
       gap=st.integers(0, 6), held=st.booleans())  # fmt: skip
def test_every_step_is_counted_as_a_person_would(
    table: tuple[RapidReviewStep, ...], day: date, gap: int, held: bool
) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        using(table, monkeypatch)
        events = {"notified": day, "referral": day + timedelta(days=gap)}
        if held:
            events["meeting"] = by_hand(events["referral"], 3) + timedelta(days=gap)
        result = deadlines_view.compute({k: v.isoformat() for k, v in events.items()})
        found = {m["id"]: m for m in result["milestones"]}
        for step_id, due in expected(table, events).items():
            m: Any = found[step_id]
            assert date.fromisoformat(m.get("due") or m["latest"]) == due, (step_id, m["basis"])
        # The Panel's deadline is the notification's, whatever the steps.
        assert found["rapid_review_national"]["due"] == by_hand(day, 15).isoformat()


@pytest.mark.parametrize("start", ["notification", "referral"])
def test_a_step_on_day_0_is_the_day_itself(start: str, monkeypatch: pytest.MonkeyPatch) -> None:
    table = (
        RapidReviewStep("letters", "Letters sent", start, 0, role="scoping_sent"),
        RapidReviewStep("meeting", "Meeting", start, window=(2, 10), role="meeting"),
        RapidReviewStep("to_panel", "To the Panel", start, 15, role="sent_to_panel"),
    )
    using(table, monkeypatch)
    # Saturday 19 December 2026: a step on day 0 is that day, not the next working day.
    found = {m["id"]: m for m in deadlines_view.compute(
        {"notified": "2026-12-19", "referral": "2026-12-19"})["milestones"]}  # fmt: skip
    assert found["letters"]["due"] == "2026-12-19"


def test_a_step_from_a_window_says_it_counts_from_its_last_day(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    table = (
        RapidReviewStep("meeting", "Panel meeting", "notification", window=(2, 10),
                        role="meeting"),
        RapidReviewStep("sign_off", "Executive sign-off", "meeting", 2, role="sign_off"),
        RapidReviewStep("to_panel", "To the Panel", "sign_off", 1, role="sent_to_panel"),
    )  # fmt: skip
    using(table, monkeypatch)
    # Notified Friday 18 December 2026: the window's last day is the 10th working day,
    # Wednesday 6 January 2027; sign-off 2 after, Friday 8; the Panel 1 after, Monday 11.
    found = {m["id"]: m for m in deadlines_view.compute({"notified": "2026-12-18"})["milestones"]}
    assert found["sign_off"]["due"] == "2027-01-08"
    assert "the latest date for the step \u201cPanel meeting\u201d" in found["sign_off"]["basis"]
    assert found["to_panel"]["due"] == "2027-01-11"
    # Once the meeting is held, the sign-off counts from it.
    found = {m["id"]: m for m in deadlines_view.compute(
        {"notified": "2026-12-18", "meeting": "2026-12-22"})["milestones"]}  # fmt: skip
    assert found["sign_off"]["due"] == "2026-12-24"
