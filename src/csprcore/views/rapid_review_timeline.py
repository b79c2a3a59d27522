"""The Rapid Review's timescales as a picture (Appendix 1), drawn from the one timescale table.

Working days run down the page from the referral (day 0) to the day the Rapid Review reaches
the Panel at the latest; each step of Appendix 1 sits on its day, and the meeting's window is
a band. Nothing here is a number of its own: change the partnership's timescales and the
picture, its title and its description follow.
"""

from __future__ import annotations

from typing import Final

from ..rules.timescales import amount, meeting_window, working_days
from .timeline import Node, el

TOP: Final = 70
ROW: Final = 38
LINE: Final = 21


def _y(day: int) -> int:
    return TOP + ROW * day


class _Labels:
    """The steps' labels down the page, each on its day unless the one above is still
    running: then it starts just below, and its link slants to it (steps a day or two apart,
    as a partnership's timescales may put them, never overlap)."""

    def __init__(self) -> None:
        self.free = 0  # the first baseline not yet written on

    def place(self, wanted: int, count: int) -> int:
        first = max(wanted, self.free)
        self.free = first + LINE * (count - 1) + LINE + 4
        return first

    def step(self, day: int, lines: list[str], *, last: bool = False) -> list[Node]:
        """A dot on its day, a link, and the step in words (the first line in bold)."""
        y = _y(day)
        radius = 9 if last else 7
        first = self.place(y + 5, len(lines))
        nodes = [
            el("circle", class_="dg-dot", cx=58, cy=y, r=radius),
            el("line", class_="dg-link", x1=58 + radius + 1, y1=y, x2=82, y2=first - 5),
            el("text", lines[0], class_="dg-strong", x=88, y=first),
        ]
        nodes += [el("text", text, x=88, y=first + LINE * n) for n, text in enumerate(lines[1:], 1)]
        return nodes


def picture() -> Node:
    sent, date_set = amount("scoping_template_sent"), amount("rapid_review_meeting_date_set")
    returned = amount("scoping_template_returned")
    first, last = meeting_window()
    to_panel = amount("rapid_review_to_panel")
    end = last + to_panel
    labels = _Labels()
    steps: list[Node] = labels.step(0, ["Referral received", "The day itself does not count"])
    if sent == date_set:
        steps += labels.step(
            sent, ["Scoping template sent", "to all relevant agencies;", "meeting date set"]
        )
    else:
        steps += labels.step(sent, ["Scoping template sent", "to all relevant agencies"])
        steps += labels.step(date_set, ["Meeting date set"])
    steps += labels.step(
        returned, ["Templates returned", "and shared with those", "attending the meeting"]
    )
    middle = (_y(first) + _y(last)) // 2
    top = labels.place(middle - 17, 3)
    steps += [
        el("line", class_="dg-link", x1=82, y1=_y(first), x2=92, y2=_y(first)),
        el("line", class_="dg-link", x1=92, y1=_y(first), x2=92, y2=_y(last)),
        el("line", class_="dg-link", x1=82, y1=_y(last), x2=92, y2=_y(last)),
        el("line", class_="dg-link", x1=92, y1=middle, x2=102, y2=top + 17),
        el("text", "Rapid Review meeting", class_="dg-strong", x=108, y=top),
        el("text", "on one working day", x=108, y=top + 22),
        el("text", f"from day {first} to day {last}", x=108, y=top + 44),
    ]
    steps += labels.step(
        end,
        [
            "Sent to the Panel",
            f"{working_days(to_panel)} after",
            f"the meeting: day {end}",
            "at the latest",
        ],
        last=True,
    )
    days = range(end + 1)
    height = max(_y(end) + 85, labels.free + 10)
    title = f"Timeline of the Rapid Review, working days 0 to {end} from the referral to the Panel"
    desc = (
        "Day 0: the referral is received; the day itself does not count. "
        f"By working day {sent}: the Initial Scoping and Information Sharing Template is sent "
        "to all relevant agencies"
        + (" and the date of the Rapid Review meeting is set. " if sent == date_set else ". ")
        + ("" if sent == date_set else f"By working day {date_set}: the meeting date is set. ")
        + f"By working day {returned}: agencies return their completed templates, which are "
        "shared with those attending the meeting. "
        f"On one working day from day {first} to day {last}: the Rapid Review meeting. "
        f"{working_days(to_panel)} after the meeting, so by working day {end} at the latest: "
        "the Rapid Review Template and accompanying letter are sent to the national Panel and "
        "agencies are told the outcome."
    )
    return el(
        "svg",
        children=[
            el("title", title, id="timeline-title"),
            el("desc", desc, id="timeline-desc"),
            el("text", "Working", class_="dg-small", x=4, y=24),
            el("text", "day", class_="dg-small", x=4, y=42),
            el(
                "rect",
                class_="dg-band",
                x=48,
                y=_y(first) - 10,
                width=20,
                height=_y(last) - _y(first) + 20,
                rx=10,
            ),
            el("line", class_="dg-axis", x1=58, y1=_y(0), x2=58, y2=_y(end)),
            el(
                "g",
                class_="dg-ticks",
                children=[el("line", x1=52, y1=_y(d), x2=64, y2=_y(d)) for d in days],
            ),
            el(
                "g",
                class_="dg-day",
                text_anchor="end",
                children=[el("text", str(d), x=42, y=_y(d) + 5) for d in days],
            ),
            *steps,
        ],
        role="img",
        aria_labelledby="timeline-title timeline-desc",
        viewBox=f"0 0 360 {height}",
    )


def figure() -> str:
    """The picture in its figure, for a procedure page (``<!-- csprcore:rapid-review-timeline
    -->``)."""
    caption = (
        "The Rapid Review timescales in working days, counted from the day after the referral. "
        "Drawn by this site from the partnership's timescales, which the table above states "
        "in the procedure's own words."
    )
    return (
        f'<figure class="diagram" id="rapid-review-timeline">{picture().to_svg()}'
        f"<figcaption>{caption}</figcaption></figure>"
    )
