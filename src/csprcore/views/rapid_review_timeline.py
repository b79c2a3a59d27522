"""The Rapid Review's timescales as a picture (Appendix 1), drawn from the one timescale table.

Working days run down the page from the referral (day 0) to the day the Rapid Review reaches
the Panel at the latest; each step of Appendix 1 sits on its day, and the meeting's window is
a band. Nothing here is a number of its own: change the partnership's timescales and the
picture, its title and its description follow.
"""

from __future__ import annotations

import textwrap
from typing import Final

from ..rules.timescales import (
    RAPID_REVIEW_TO_PANEL,
    TIMESCALES,
    TIMESCALES_BY_ID,
    Timescale,
    meeting_counted_from,
    meeting_window,
    working_days,
)
from .svg import Node, el

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

    def step(
        self, day: int, lines: list[str], *, last: bool = False, strong: int = 1
    ) -> list[Node]:
        """A dot on its day, a link, and the step in words (its first ``strong`` lines in
        bold)."""
        y = _y(day)
        radius = 9 if last else 7
        first = self.place(y + 5, len(lines))
        nodes = [
            el("circle", class_="dg-dot", cx=58, cy=y, r=radius),
            el("line", class_="dg-link", x1=58 + radius + 1, y1=y, x2=82, y2=first - 5),
        ]
        nodes += [
            el(
                "text",
                text,
                x=88,
                y=first + LINE * n,
                class_="dg-strong" if n < strong else None,
            )
            for n, text in enumerate(lines)
        ]
        return nodes

    def band(self, first: int, last: int) -> list[Node]:
        """The meeting's window: the band on the axis (drawn by ``picture``), linked from its
        middle to its words."""
        middle = (_y(first) + _y(last)) // 2
        top = self.place(middle - 17, 3)
        return [
            el("line", class_="dg-link", x1=70, y1=middle, x2=82, y2=top - 5),
            el("text", "Rapid Review meeting", class_="dg-strong", x=88, y=top),
            el("text", "on one working day", x=88, y=top + LINE),
            el("text", f"from day {first} to day {last}", x=88, y=top + 2 * LINE),
        ]


_START_WORDS: Final = {
    "referral": ("Referral received", "the referral"),
    "notified": ("Panel notified", "the notification to the Panel"),
}


def _wrapped(text: str, width: int = 26) -> list[str]:
    return textwrap.wrap(text, width) or [text]


def _days(t: Timescale, start: str) -> tuple[int, int] | None:
    """The step's first and last working day from ``start``, or None when it is not
    counted from it (a step counted from another event)."""
    count = next((c for c in t.counts if c.event == start), None)
    if count is None:
        return None
    last = t.latest.amount if t.latest is not None and t.latest.event == start else count.amount
    return count.amount, last


def picture() -> Node:
    """The partnership's steps down the page, from the event its meeting counts from (day 0)
    to the Rapid Review sent to the Panel; the national deadline too when it counts from the
    same event (the notification to the Panel)."""
    start = meeting_counted_from()
    heading, start_words = _START_WORDS.get(start, ("Day 0", "the first event"))
    rows = [(t, d) for t in TIMESCALES if t.step is not None if (d := _days(t, start))]
    national = TIMESCALES_BY_ID["rapid_review_national"]
    on_axis = national.counts[0].event == start
    end = max([last for _, (_, last) in rows] + ([national.counts[0].amount] if on_axis else []))
    first, last = meeting_window()
    labels = _Labels()
    steps: list[Node] = labels.step(0, [heading, "The day itself does not count"])
    sentences = [f"Day 0: {start_words}; the day itself does not count."]
    # Words go down the page in the order of their days (the window by its middle), so no
    # label is placed above one that comes before it.
    items: list[tuple[float, int, Timescale | None]] = [
        ((a + b) / 2 if t.role == "meeting" and a != b else b, i, t)
        for i, (t, (a, b)) in enumerate(rows)
    ]
    if on_axis:
        items.append((national.counts[0].amount + 0.5, len(items), None))
    for _, _, t in sorted(items, key=lambda item: (item[0], item[1])):
        if t is None:
            day = national.counts[0].amount
            steps += labels.step(day, ["National deadline:", "with the Panel by",
                                       f"working day {day}"], strong=1)  # fmt: skip
            continue
        a, b = _days(t, start) or (0, 0)
        if t.role == "meeting" and a != b:
            steps += labels.band(a, b)
            sentences.append(f"On one working day from day {a} to day {b}: the Rapid Review "
                             "meeting.")  # fmt: skip
            continue
        lines = _wrapped(t.label)
        steps += labels.step(b, [*lines, f"working day {b}"], last=t.role == "sent_to_panel",
                             strong=len(lines))  # fmt: skip
        sentences.append(f"By working day {b}: {t.label}.")
    if on_axis:
        day = national.counts[0].amount
        sentences.append(
            f"By working day {day} at the latest, whatever the steps above: the Rapid Review is "
            f"with the Panel ({national.source})."
        )
    else:
        sentences.append(
            f"National guidance: the Rapid Review is with the Panel within "
            f"{working_days(RAPID_REVIEW_TO_PANEL)} of the notification to the Panel "
            f"({national.source}), whichever comes first."
        )
    days = range(end + 1)
    height = max(_y(end) + 85, labels.free + 10)
    title = f"Timeline of the Rapid Review, working days 0 to {end} from {start_words}"
    desc = " ".join(sentences)
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
    start = _START_WORDS.get(meeting_counted_from(), ("", "the first event"))[1]
    caption = (
        f"The Rapid Review timescales in working days, counted from the day after {start}. "
        "Drawn by this site from the partnership's timescales, which the table above states "
        "in the procedure's own words."
    )
    return (
        f'<figure class="diagram" id="rapid-review-timeline">{picture().to_svg()}'
        f"<figcaption>{caption}</figcaption></figure>"
    )
