"""The deadline calculator's picture: the weeks that hold a date, drawn as a calendar (SVG).

Each week that holds a date you entered, a milestone or today is a row of seven days, Monday
first; weekends and bank holidays are shaded, office closures too, and today is outlined and
labelled. Milestones are numbered as in the table, and their status shows in the marker's
shape as well as its colour: a filled circle (upcoming), a ringed yellow circle (due within
``DUE_SOON`` working days), a red square (overdue), a dashed outline (the date has passed).
Runs of empty weeks are folded into one line.

The picture is a tree of ``views.svg``'s ``Node``s, so it can be tested here and drawn in the
browser with DOM calls (``createElementNS``, ``textContent``): no markup is parsed on the page.
``Node.to_svg`` writes the same tree as SVG text, every attribute and text escaped.

One module on purpose: the picture's layout, markers and key share its measurements and
colours.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Final

from ..rules.calendar import CalendarRangeError, WorkingCalendar
from ..rules.dates import MONTHS, long_date, long_date_with_weekday
from .svg import INK, Node, el

# ``views.register``'s chart imports ``views.svg``'s elements and ink from here.
__all__ = [
    "CELL_W",
    "CLOSED",
    "GREY",
    "GRID",
    "HOLIDAY",
    "INK",
    "STATUS_STYLE",
    "WEEKEND",
    "WINDOW",
    "Node",
    "build",
    "el",
    "legend",
    "marker",
]

CELL_W: Final = 56
MARGIN: Final = 4
WIDTH: Final = 7 * CELL_W + 2 * MARGIN
HEAD_H: Final = 24
MONTH_H: Final = 26
ROW_H: Final = 52
#: Each further line of markers in a day (more than ``PER_LINE`` milestones that day).
LINE_H: Final = 18
GAP_H: Final = 28
PER_LINE: Final = 3

GREY: Final = "#505a5f"
GRID: Final = "#b1b4b6"
WEEKEND: Final = "#ebecec"
HOLIDAY: Final = "#cfd3d6"
CLOSED: Final = "#d9cde7"
WINDOW: Final = "#8cb4dd"

#: How each status looks: shape, fill, outline, number colour.
STATUS_STYLE: Final[dict[str, dict[str, str]]] = {
    "upcoming": {"shape": "circle", "fill": "#1d70b8", "stroke": "#1d70b8", "ink": "#ffffff"},
    "due_soon": {"shape": "ring", "fill": "#ffdd00", "stroke": INK, "ink": INK},
    "overdue": {"shape": "square", "fill": "#d4351c", "stroke": "#942514", "ink": "#ffffff"},
    "past": {"shape": "dashed", "fill": "#ffffff", "stroke": GREY, "ink": GREY},
}

WEEKDAY_SHORT: Final = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


# --- markers ------------------------------------------------------------------------------


def marker(number: int | str, status: str, cx: float, cy: float, title: str = "") -> Node:
    """A milestone's numbered marker; its shape says its status as well as its colour."""
    style = STATUS_STYLE.get(status, STATUS_STYLE["upcoming"])
    shape = style["shape"]
    kids = [el("title", title)] if title else []
    if shape == "square":
        kids.append(
            el(
                "rect",
                x=cx - 8,
                y=cy - 8,
                width=16,
                height=16,
                fill=style["fill"],
                stroke=style["stroke"],
                stroke_width=1,
            )
        )
    elif shape == "ring":
        kids.append(
            el(
                "circle",
                cx=cx,
                cy=cy,
                r=7.5,
                fill=style["fill"],
                stroke=style["stroke"],
                stroke_width=2.5,
            )
        )
    elif shape == "dashed":
        kids.append(
            el(
                "circle",
                cx=cx,
                cy=cy,
                r=7.5,
                fill=style["fill"],
                stroke=style["stroke"],
                stroke_width=1.5,
                stroke_dasharray="3 2",
            )
        )
    else:
        kids.append(el("circle", cx=cx, cy=cy, r=8, fill=style["fill"]))
    if str(number):
        kids.append(
            el(
                "text",
                str(number),
                x=cx,
                y=cy + 3.5,
                text_anchor="middle",
                font_size=10,
                font_weight="700",
                fill=style["ink"],
            )
        )
    return el("g", children=kids, class_=f"cs-timeline__marker cs-timeline__marker--{status}")


# --- the picture --------------------------------------------------------------------------


@dataclass
class _Mark:
    number: int
    status: str
    title: str


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _reason(day: date, cal: WorkingCalendar) -> tuple[str, str]:
    """(kind, words): ("holiday", "Christmas Day"), ("closure", ...), ("weekend", ...)."""
    if day.weekday() >= 5:
        return "weekend", ""
    try:
        holiday = cal.bank_holiday_name(day)
        if holiday:
            return "holiday", holiday
        if day in cal.closures:
            return "closure", "office closure"
    except CalendarRangeError:
        pass
    return "", ""


def _rows(points: Iterable[date]) -> list[tuple[str, Any]]:
    """("month", text), ("week", monday) and ("gap", weeks left out), top to bottom."""
    mondays = sorted({_monday(d) for d in points})
    rows: list[tuple[str, Any]] = []
    previous: date | None = None
    for monday in mondays:
        weeks = [monday]
        if previous is not None:
            gap = (monday - previous).days // 7 - 1
            if gap == 1:
                weeks = [previous + timedelta(days=7), monday]
            elif gap > 1:
                rows.append(("gap", gap))
        for week in weeks:
            thursday = week + timedelta(days=3)
            if not rows or rows[-1][0] == "gap" or _month_of(rows) != thursday.month:
                rows.append(("month", f"{MONTHS[thursday.month - 1]} {thursday.year}"))
            rows.append(("week", week))
        previous = monday
    return rows


def _month_of(rows: list[tuple[str, Any]]) -> int:
    for kind, value in reversed(rows):
        if kind == "week":
            return int((value + timedelta(days=3)).month)
    return 0


def build(
    milestones: list[dict[str, Any]],
    events: Mapping[str, str],
    today: date,
    cal: WorkingCalendar,
    event_labels: Mapping[str, str],
    status_text: Mapping[str, str],
) -> Node:
    """The picture for the calculator's results (``deadlines_view.page_view``'s milestones), in
    the calculator's own words for the events and the statuses (passed in, so this module
    stays a drawing that ``deadlines`` uses and never the other way round)."""
    marks: dict[date, list[_Mark]] = {}
    window: set[date] = set()
    points: set[date] = {today}
    lines: list[str] = []
    for i, m in enumerate(milestones, 1):
        number = int(m.get("number", i))
        status = str(m.get("status", "upcoming"))
        words = status_text.get(status, "").lower()
        if "due" in m:
            days = [date.fromisoformat(m["due"])]
            when = long_date_with_weekday(days[0])
        else:
            first, last = date.fromisoformat(m["earliest"]), date.fromisoformat(m["latest"])
            days = [first, last]
            when = f"between {long_date_with_weekday(first)} and {long_date_with_weekday(last)}"
            day = first
            while day <= last:
                window.add(day)
                points.add(day)
                day += timedelta(days=1)
        title = f"{number}. {m['label']}: {when}" + (f", {words}" if words else "")
        lines.append(title)
        for day in days:
            marks.setdefault(day, []).append(_Mark(number, status, title))
            points.add(day)
    entered: dict[date, list[str]] = {}
    for event, iso in events.items():
        day = date.fromisoformat(iso)
        entered.setdefault(day, []).append(event_labels.get(event, event))
        points.add(day)

    rows = _rows(points)
    body: list[Node] = []
    holidays_shown: list[str] = []
    y = HEAD_H
    for i, name in enumerate(WEEKDAY_SHORT):
        body.append(
            el(
                "text",
                name,
                x=MARGIN + i * CELL_W + CELL_W / 2,
                y=17,
                text_anchor="middle",
                font_size=12,
                font_weight="700",
                fill=INK if i < 5 else GREY,
            )
        )
    for kind, value in rows:
        if kind == "month":
            body.append(
                el("text", value, x=MARGIN + 2, y=y + 19, font_size=13, font_weight="700", fill=INK)
            )
            y += MONTH_H
        elif kind == "gap":
            weeks = f"{value} weeks" if value != 1 else "1 week"
            body.append(
                el(
                    "rect",
                    x=MARGIN,
                    y=y + 2,
                    width=7 * CELL_W,
                    height=GAP_H - 4,
                    fill="#f3f2f1",
                    stroke=GRID,
                    stroke_dasharray="4 3",
                )
            )
            body.append(
                el(
                    "text",
                    f"{weeks} with nothing due left out",
                    x=WIDTH / 2,
                    y=y + 18,
                    text_anchor="middle",
                    font_size=11,
                    font_style="italic",
                    fill=GREY,
                )
            )
            y += GAP_H
        else:
            monday: date = value
            days = [monday + timedelta(days=d) for d in range(7)]
            most = max(len(marks.get(d, [])) for d in days)
            h = ROW_H + LINE_H * max(0, (most - 1) // PER_LINE)
            for col, day in enumerate(days):
                body.append(
                    _cell(
                        day,
                        MARGIN + col * CELL_W,
                        y,
                        h,
                        today,
                        cal,
                        marks,
                        window,
                        entered,
                        holidays_shown,
                    )
                )
            y += h
    height = y + MARGIN

    first_week = next(v for k, v in rows if k == "week")
    last_week = [v for k, v in rows if k == "week"][-1]
    desc = (
        f"A calendar of the weeks that have a date in them, from "
        f"{long_date_with_weekday(first_week)} to "
        f"{long_date_with_weekday(last_week + timedelta(days=6))}; weeks with nothing due "
        f"are left out. Weekends and bank holidays are shaded. Today, "
        f"{long_date_with_weekday(today)}, is outlined. "
        f"Milestones, numbered as in the table: {'; '.join(lines)}."
    )
    if holidays_shown:
        desc += f" Bank holidays shown: {'; '.join(holidays_shown)}."
    if cal.closures:
        shown = sorted(d for d in cal.closures if _monday(d) in {v for k, v in rows if k == "week"})
        if shown:
            desc += " Office closures: " + "; ".join(long_date(d) for d in shown) + "."
    return el(
        "svg",
        children=[
            el("title", "Timeline of the deadlines", id="cs-timeline-title"),
            el("desc", desc, id="cs-timeline-desc"),
            el("rect", x=0, y=0, width=WIDTH, height=height, fill="#ffffff"),
            *body,
        ],
        viewBox=f"0 0 {WIDTH} {height}",
        width=WIDTH,
        height=height,
        role="img",
        aria_labelledby="cs-timeline-title",
        aria_describedby="cs-timeline-desc",
        class_="cs-timeline__svg",
    )


def _cell(
    day: date,
    x: float,
    y: float,
    h: float,
    today: date,
    cal: WorkingCalendar,
    marks: Mapping[date, list[_Mark]],
    window: set[date],
    entered: Mapping[date, list[str]],
    holidays_shown: list[str],
) -> Node:
    kind, words = _reason(day, cal)
    fill = {"weekend": WEEKEND, "holiday": HOLIDAY, "closure": CLOSED}.get(kind, "#ffffff")
    title = long_date_with_weekday(day)
    if kind == "holiday":
        title += f": {words} (bank holiday)"
        holidays_shown.append(f"{words}, {long_date_with_weekday(day)}")
    elif kind == "closure":
        title += ": office closure"
    if day in entered:
        title += ". You entered: " + "; ".join(entered[day])
    kids = [
        el("title", title),
        el("rect", x=x, y=y, width=CELL_W, height=h, fill=fill, stroke=GRID, stroke_width=1),
    ]
    number = f"{day.day} {MONTHS[day.month - 1][:3]}" if day.day == 1 else str(day.day)
    kids.append(
        el(
            "text",
            number,
            x=x + 4,
            y=y + 14,
            font_size=12,
            fill=INK if kind in ("", "holiday", "closure") else GREY,
        )
    )
    if day in window:
        kids.append(el("rect", x=x, y=y + 27, width=CELL_W, height=6, fill=WINDOW))
    if day in entered:
        kids.append(
            el(
                "polygon",
                points=f"{x + CELL_W - 13},{y + 1} {x + CELL_W - 1},{y + 1} "
                f"{x + CELL_W - 1},{y + 13}",
                fill=INK,
            )
        )
    for i, mark in enumerate(marks.get(day, [])):
        line, place = divmod(i, PER_LINE)
        kids.append(
            marker(
                mark.number, mark.status, x + 10 + 18 * place, y + 30 + LINE_H * line, mark.title
            )
        )
    label = ""
    if day == today:
        label = "Today"
        kids.append(
            el(
                "rect",
                x=x + 1.5,
                y=y + 1.5,
                width=CELL_W - 3,
                height=h - 3,
                fill="none",
                stroke=INK,
                stroke_width=3,
            )
        )
    elif kind == "holiday":
        label = "Bank hol."
    elif kind == "closure":
        label = "Closed"
    if label:
        kids.append(
            el(
                "text",
                label,
                x=x + CELL_W / 2,
                y=y + h - 5,
                text_anchor="middle",
                font_size=10,
                font_weight="700" if day == today else "400",
                fill=INK,
            )
        )
    return el("g", children=kids)


# --- the key ------------------------------------------------------------------------------


def _swatch(*children: Node) -> Node:
    return el(
        "svg",
        children=list(children),
        viewBox="0 0 24 20",
        width=24,
        height=20,
        aria_hidden="true",
        focusable="false",
        class_="cs-timeline__swatch",
    )


def _box(fill: str) -> Node:
    return el("rect", x=1, y=1, width=22, height=18, fill=fill, stroke=GRID)


def legend(status_text: Mapping[str, str]) -> list[tuple[Node, str]]:
    """The key to the picture: (a small picture, what it means)."""
    items = [(_swatch(marker("", status, 12, 10)), status_text[status]) for status in STATUS_STYLE]
    items += [
        (
            _swatch(_box("#ffffff"), el("rect", x=1, y=7, width=22, height=6, fill=WINDOW)),
            "The window for the Rapid Review meeting",
        ),
        (_swatch(_box(WEEKEND)), "Weekend"),
        (_swatch(_box(HOLIDAY)), "Bank holiday (labelled “Bank hol.”)"),
        (_swatch(_box(CLOSED)), "Office closure (labelled “Closed”)"),
        (
            _swatch(_box("#ffffff"), el("polygon", points="11,1 23,1 23,13", fill=INK)),
            "A date you entered",
        ),
        (
            _swatch(
                el(
                    "rect",
                    x=2,
                    y=2,
                    width=20,
                    height=16,
                    fill="#ffffff",
                    stroke=INK,
                    stroke_width=3,
                )
            ),
            "Today (labelled “Today”)",
        ),
    ]
    return items
