"""Appendix 1's picture is drawn from the timescale table, and its labels never overlap,
whatever days a partnership's timescales put its steps on."""

from __future__ import annotations

from itertools import pairwise

import pytest

from csprcore.rules.timescales import amount, meeting_window
from csprcore.views import rapid_review_timeline as picture_module
from csprcore.views.timeline import Node


def texts(svg: Node) -> list[tuple[int, str]]:
    return [(int(n.attrs["y"]), n.text) for n in svg.walk()
            if n.tag == "text" and float(n.attrs.get("x", 0)) >= 88]  # fmt: skip


def test_the_days_run_from_the_referral_to_the_panel() -> None:
    svg = picture_module.picture()
    end = meeting_window()[1] + amount("rapid_review_to_panel")
    days = [n.text for n in svg.walk() if n.tag == "text" and n.attrs.get("x") == "42"]
    assert days == [str(d) for d in range(end + 1)]
    assert f"working days 0 to {end}" in svg.children[0].text


@pytest.mark.parametrize(
    ("sent", "date_set", "returned", "window", "to_panel"),
    [(1, 1, 2, (3, 4), 1), (1, 2, 3, (4, 5), 2), (2, 2, 5, (7, 13), 2), (1, 1, 4, (5, 10), 2)],
)
def test_labels_never_overlap(
    monkeypatch: pytest.MonkeyPatch,
    sent: int,
    date_set: int,
    returned: int,
    window: tuple[int, int],
    to_panel: int,
) -> None:
    values = {"scoping_template_sent": sent, "rapid_review_meeting_date_set": date_set,
              "scoping_template_returned": returned, "rapid_review_to_panel": to_panel}  # fmt: skip
    monkeypatch.setattr(picture_module, "amount", values.__getitem__)
    monkeypatch.setattr(picture_module, "meeting_window", lambda: window)
    svg = picture_module.picture()
    baselines = [y for y, _ in texts(svg)]
    # Every line of text at least a line below the one before it, and all inside the picture.
    assert all(b - a >= picture_module.LINE for a, b in pairwise(baselines))
    height = int(svg.attrs["viewBox"].split()[3])
    assert baselines[-1] < height
