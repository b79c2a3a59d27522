"""The calculator's picture: ``csprcore.views.timeline``.

A calendar of the weeks that hold a date: weekends and bank holidays shaded, office closures
too, today outlined and labelled, milestones numbered as in the table with their status in
the marker's shape as well as its colour, and a text alternative that says all of it.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from datetime import date
from typing import Any

import pytest

from csprcore import api
from csprcore.rules.calendar import WorkingCalendar
from csprcore.rules.timescales import EVENT_LABELS
from csprcore.views import timeline
from csprcore.views.deadlines import STATUS_TEXT
from csprcore.views.svg import SVG_NS, Node, el

NS = {"svg": SVG_NS}


def view(payload: dict[str, Any]) -> dict[str, Any]:
    out = json.loads(api.call("deadlines", json.dumps(payload)))
    assert out["ok"], out
    return dict(out)


def tree(payload: dict[str, Any]) -> Node:
    def node(d: dict[str, Any]) -> Node:
        children = [node(c) for c in d.get("children", [])]
        return Node(d["tag"], d["attrs"], children, d.get("text", ""))

    return node(view(payload)["timeline"])


def svg(payload: dict[str, Any]) -> ET.Element:
    return ET.fromstring(tree(payload).to_svg())


def texts(root: ET.Element) -> list[str]:
    return [t.text or "" for t in root.iter(f"{{{SVG_NS}}}text")]


def cell_titles(root: ET.Element) -> dict[str, ET.Element]:
    """Each day's group, by the first words of its title ("Friday 25 December 2026")."""
    out = {}
    for g in root.iter(f"{{{SVG_NS}}}g"):
        title = g.find("svg:title", NS)
        if title is not None and title.text and g.find("svg:rect", NS) is not None:
            out[title.text.split(":")[0].split(".")[0]] = g
    return out


CHRISTMAS = {"aware": "2026-12-18", "referral": "2026-12-18", "today": "2026-12-22"}


def test_an_image_with_a_name_and_a_description() -> None:
    root = svg(CHRISTMAS)
    assert root.get("role") == "img"
    title = root.find("svg:title", NS)
    desc = root.find("svg:desc", NS)
    assert title is not None and desc is not None
    assert root.get("aria-labelledby") == title.get("id")
    assert root.get("aria-describedby") == desc.get("id")
    assert title.text == "Timeline of the deadlines"
    result = view(CHRISTMAS)
    for m in result["milestones"]:
        assert f"{m['number']}. {m['label']}" in (desc.text or "")
        assert STATUS_TEXT[m["status"]].lower() in (desc.text or "")
    assert "Today, Tuesday 22 December 2026, is outlined" in (desc.text or "")
    assert "Christmas Day, Friday 25 December 2026" in (desc.text or "")


def test_weeks_run_monday_to_sunday() -> None:
    root = svg(CHRISTMAS)
    assert texts(root)[:7] == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    cells = cell_titles(root)
    # The week of 18 December 2026 starts on Monday 14 December.
    assert "Monday 14 December 2026" in cells
    assert "Sunday 20 December 2026" in cells


def test_weekends_and_bank_holidays_are_shaded_and_bank_holidays_labelled() -> None:
    cells = cell_titles(svg(CHRISTMAS))

    def fill(day: str) -> str | None:
        rect = cells[day].find("svg:rect", NS)
        assert rect is not None
        return rect.get("fill")

    assert fill("Wednesday 23 December 2026") == "#ffffff"
    assert fill("Saturday 26 December 2026") == timeline.WEEKEND
    assert fill("Friday 25 December 2026") == timeline.HOLIDAY
    assert fill("Monday 28 December 2026") == timeline.HOLIDAY  # Boxing Day (substitute day)
    assert "Bank hol." in texts(cells["Friday 25 December 2026"])


def test_office_closures_are_shaded_and_labelled() -> None:
    cells = cell_titles(svg({**CHRISTMAS, "closures": ["2026-12-30"]}))
    rect = cells["Wednesday 30 December 2026"].find("svg:rect", NS)
    assert rect is not None and rect.get("fill") == timeline.CLOSED
    assert "Closed" in texts(cells["Wednesday 30 December 2026"])


def test_today_is_outlined_and_labelled() -> None:
    cells = cell_titles(svg(CHRISTMAS))
    today = cells["Tuesday 22 December 2026"]
    assert "Today" in texts(today)
    outline = [r for r in today.findall("svg:rect", NS) if r.get("fill") == "none"]
    assert outline and outline[0].get("stroke-width") == "3"


def markers(root: ET.Element) -> dict[str, list[str]]:
    """Marker number -> its status classes."""
    out: dict[str, list[str]] = {}
    for g in root.iter(f"{{{SVG_NS}}}g"):
        cls = g.get("class") or ""
        if "cs-timeline__marker" in cls:
            number = g.find("svg:text", NS)
            assert number is not None
            out.setdefault(number.text or "", []).append(cls.split("--")[1])
    return out


def test_every_milestone_has_its_numbered_marker() -> None:
    result = view({**CHRISTMAS, "meeting": "2027-01-08"})
    found = markers(svg({**CHRISTMAS, "meeting": "2027-01-08"}))
    for m in result["milestones"]:
        # The Rapid Review meeting's window is marked at both ends.
        assert found[str(m["number"])] == [m["status"]] * (1 if "due" in m else 2)


def test_statuses_differ_in_shape_not_only_colour() -> None:
    # Today 6 January 2027: the scoping template (22 December) has passed with no event to
    # show it done ("past"), the meeting window is open, the notify step is long gone.
    payload = {"aware": "2026-12-18", "referral": "2026-12-18", "today": "2027-01-12"}
    statuses = {m["status"] for m in view(payload)["milestones"]}
    assert {"past", "overdue", "due_soon"} <= statuses
    shapes = {}
    for status in timeline.STATUS_STYLE:
        node = timeline.marker(1, status, 10, 10)
        shapes[status] = [(c.tag, c.attrs.get("stroke-dasharray"), c.attrs.get("stroke-width"))
                          for c in node.children if c.tag in ("circle", "rect")]  # fmt: skip
    assert len({json.dumps(s) for s in shapes.values()}) == len(shapes)
    assert shapes["overdue"][0][0] == "rect"


def test_long_empty_stretches_are_folded() -> None:
    root = svg({"decision": "2027-02-01", "publication": "2027-07-30", "today": "2026-12-22"})
    gaps = [t for t in texts(root) if "with nothing due left out" in t]
    assert gaps, texts(root)


def test_a_one_week_gap_is_drawn_not_folded() -> None:
    # Referral Monday 1 March 2027: the window runs 10-18 March; today is 22 February, one
    # empty week before.
    root = svg({"referral": "2027-03-01", "today": "2027-02-15"})
    assert not [t for t in texts(root) if "left out" in t]


def test_month_headings() -> None:
    found = texts(svg({**CHRISTMAS, "meeting": "2027-01-08"}))
    assert "December 2026" in found and "January 2027" in found


def test_the_first_of_a_month_names_its_month() -> None:
    assert "1 Jan" in texts(svg(CHRISTMAS))


# --- the tree and its SVG text ----------------------------------------------------------------


def test_json_and_svg_say_the_same() -> None:
    t = tree(CHRISTMAS)
    assert t.to_json() == view(CHRISTMAS)["timeline"]
    ET.fromstring(t.to_svg())  # well-formed XML


def test_text_and_attributes_are_escaped() -> None:
    node = el(
        "svg",
        children=[el("text", "<script>alert('x')</script> & more", x=1)],
        class_='a" onload="x',
    )
    text = node.to_svg()
    assert "<script>" not in text
    assert 'onload="x"' not in text
    root = ET.fromstring(text)
    (t,) = root
    assert t.text == "<script>alert('x')</script> & more"
    assert root.get("class") == 'a" onload="x'


@pytest.mark.parametrize("tag", ["script", "foreignObject", "a", "image", "use"])
def test_only_drawing_elements(tag: str) -> None:
    with pytest.raises(ValueError, match="not allowed"):
        Node(tag)


@pytest.mark.parametrize("attr", ["onload", "onclick", "href", "xlink:href"])
def test_no_scripts_or_links(attr: str) -> None:
    with pytest.raises(ValueError, match="not allowed"):
        Node("rect", {attr: "x"})


def test_legend_covers_every_status_and_shading() -> None:
    words = [w for _, w in timeline.legend(STATUS_TEXT)]
    for status in STATUS_TEXT.values():
        assert status in words
    assert {"Weekend", "A date you entered"} <= set(words)
    assert any(w.startswith("Bank holiday") for w in words)
    assert any(w.startswith("Today") for w in words)
    for swatch, _ in timeline.legend(STATUS_TEXT):
        assert swatch.attrs["aria-hidden"] == "true"
        ET.fromstring(swatch.to_svg())


def test_dates_near_the_calendar_edge_still_draw() -> None:
    # 1 January 2000 is a Saturday: its week starts in 1999, outside the calendar's years.
    root = svg({"aware": "2000-01-01", "today": "2000-01-05"})
    assert "Monday 27 December 1999" in cell_titles(root)
    assert date(2000, 1, 1).weekday() == 5


def test_a_crowded_day_grows_its_week() -> None:
    """Seven milestones on one day take three lines of markers, inside the day's box."""
    milestones = [
        {
            "id": f"m{i}",
            "number": i,
            "label": f"Step {i}",
            "due": "2026-06-10",
            "status": "upcoming",
        }
        for i in range(1, 8)
    ]
    t = timeline.build(
        milestones, {}, date(2026, 6, 1), WorkingCalendar(), EVENT_LABELS, STATUS_TEXT
    )
    root = ET.fromstring(t.to_svg())
    cells = cell_titles(root)
    day = cells["Wednesday 10 June 2026"]
    box = day.find("svg:rect", NS)
    assert box is not None
    bottom = float(box.get("y", 0)) + float(box.get("height", 0))
    circles = day.findall(".//svg:circle", NS)
    assert len(circles) == 7
    assert max(float(c.get("cy", 0)) + float(c.get("r", 0)) for c in circles) < bottom
