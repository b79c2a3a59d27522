"""The SVG pictures' building blocks: an element tree (``Node``, made with ``el``) that the
browser draws with DOM calls and ``Node.to_svg`` writes as SVG text.

Every picture the views draw (the calculator's timeline, the Rapid Review's timescales, the
register's timeliness chart) is a tree of ``Node``s, so it can be tested here and drawn in the
browser with ``createElementNS`` and ``textContent``: no markup is parsed on the page. A node
takes only the elements of ``TAGS`` and no event handler or link attribute; ``to_svg``
escapes every attribute and text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from html import escape
from typing import Any, Final

#: The elements a picture may use; the browser draws nothing else.
TAGS: Final = frozenset({"svg", "g", "rect", "circle", "polygon", "line", "text", "title", "desc"})

SVG_NS: Final = "http://www.w3.org/2000/svg"

#: The pictures' text colour.
INK: Final = "#0b0c0c"


@dataclass
class Node:
    """One SVG element: its tag, attributes, text and children."""

    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node] = field(default_factory=list)
    text: str = ""

    def __post_init__(self) -> None:
        if self.tag not in TAGS:
            raise ValueError(f"<{self.tag}> is not allowed in a timeline")
        for name in self.attrs:
            if name.lower().startswith("on") or "href" in name.lower():
                raise ValueError(f"attribute {name!r} is not allowed in a timeline")

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"tag": self.tag, "attrs": dict(self.attrs)}
        if self.text:
            out["text"] = self.text
        if self.children:
            out["children"] = [c.to_json() for c in self.children]
        return out

    def to_svg(self) -> str:
        attrs = "".join(f' {escape(k)}="{escape(v)}"' for k, v in self.attrs.items())
        if self.tag == "svg" and "xmlns" not in self.attrs:
            attrs = f' xmlns="{SVG_NS}"' + attrs
        inner = escape(self.text, quote=False) + "".join(c.to_svg() for c in self.children)
        return f"<{self.tag}{attrs}>{inner}</{self.tag}>"

    def walk(self) -> Iterable[Node]:
        yield self
        for child in self.children:
            yield from child.walk()


def el(tag: str, text: str = "", children: Iterable[Node] = (), **attrs: object) -> Node:
    """``el("rect", x=1, fill="#fff", stroke_width=2)``: underscores become hyphens; a
    trailing underscore is dropped (``class_``)."""
    return Node(
        tag,
        {k.rstrip("_").replace("_", "-"): _num(v) for k, v in attrs.items() if v is not None},
        list(children),
        text,
    )


def _num(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.1f}".rstrip("0").rstrip(".")
    return str(value)
