"""Appendix 1's picture is drawn from the partnership's steps in the timescale table, and its
labels never overlap, whatever days a partnership's steps fall on and whichever event they
count from."""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise
from typing import Any

import pytest

from csprcore import partnership
from csprcore.partnership import RapidReviewStep
from csprcore.rules import timescales
from csprcore.rules.timescales import TIMESCALES, meeting_window
from csprcore.views import rapid_review_timeline as picture_module
from csprcore.views.svg import Node


def texts(svg: Node) -> list[tuple[int, str]]:
    return [(int(n.attrs["y"]), n.text) for n in svg.walk()
            if n.tag == "text" and float(n.attrs.get("x", 0)) >= 88]  # fmt: skip


def day_labels(svg: Node) -> list[str]:
    return [n.text for n in svg.walk() if n.tag == "text" and n.attrs.get("x") == "42"]


def test_the_days_run_from_day_0_to_the_last_step() -> None:
    svg = picture_module.picture()
    local = [t for t in TIMESCALES if t.step is not None]
    start = timescales.meeting_counted_from()
    last = max(
        (t.latest or c).amount
        for t in local
        for c in t.counts
        if c.event == start and (t.latest is None or t.latest.event == start)
    )
    national = TIMESCALES[[t.id for t in TIMESCALES].index("rapid_review_national")]
    if national.counts[0].event == start:
        last = max(last, national.counts[0].amount)
    assert day_labels(svg) == [str(d) for d in range(last + 1)]
    assert f"working days 0 to {last}" in svg.children[0].text
    # Every step of the partnership is in the description, on its day.
    desc = svg.children[1].text
    for t in local:
        if t.role != "meeting" or meeting_window()[0] == meeting_window()[1]:
            assert t.label in desc


def steps(start: str, sent: int, returned: int, window: tuple[int, int], to_panel: int,
          sign_off: int | None = None) -> tuple[RapidReviewStep, ...]:  # fmt: skip
    out = [
        RapidReviewStep("sent", "Templates sent to every relevant agency", start, sent,
                        role="scoping_sent"),
        RapidReviewStep("returned", "Returns back from the agencies, shared with the meeting",
                        start, returned, role="scoping_returned"),
        RapidReviewStep("meeting", "Rapid Review meeting", start, window=window, role="meeting"),
    ]  # fmt: skip
    if sign_off is not None:
        out.append(RapidReviewStep("sign_off", "Executive signs the Rapid Review off", start,
                                   sign_off, role="sign_off"))  # fmt: skip
    out.append(RapidReviewStep("to_panel", "Rapid Review sent to the Panel", "meeting",
                               to_panel, role="sent_to_panel"))  # fmt: skip
    return tuple(out)


@pytest.mark.parametrize(
    "table",
    [
        steps("referral", 1, 2, (3, 4), 1),
        steps("referral", 2, 5, (7, 13), 2),
        steps("referral", 1, 4, (5, 10), 2),
        steps("notification", 1, 10, (2, 10), 1, sign_off=14),
        steps("notification", 0, 1, (1, 2), 0, sign_off=2),
    ],
)
def test_labels_never_overlap(monkeypatch: pytest.MonkeyPatch, table: Any) -> None:
    profile = replace(partnership.current(), steps=table)
    monkeypatch.setattr(timescales, "_LOCAL", profile)
    national = [t for t in TIMESCALES if t.step is None]
    rows = (*national[:2], *timescales._local(), *national[2:])
    monkeypatch.setattr(timescales, "TIMESCALES", rows)
    monkeypatch.setattr(picture_module, "TIMESCALES", rows)
    svg = picture_module.picture()
    baselines = [y for y, _ in texts(svg)]
    # Every line of text at least a line below the one before it, and all inside the picture.
    assert all(b - a >= picture_module.LINE for a, b in pairwise(baselines))
    height = int(svg.attrs["viewBox"].split()[3])
    assert baselines[-1] < height
    desc = svg.children[1].text
    assert "Rapid Review sent to the Panel" in desc
