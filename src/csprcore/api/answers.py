"""The answers of the functions a page reads most, typed: mypy holds each function to its
answer here, and ``scripts/message_types.py`` writes them for the page scripts, so that
``tsc --checkJs`` holds the page to the same keys (a misspelt key fails on either side).
Imported only to check types and to write the declarations: the views it names are loaded
by the functions that use them."""

from __future__ import annotations

from typing import Any, TypedDict

from ..views.register import (
    CountView,
    DeadlineView,
    ListView,
    MeasureView,
    MissedView,
    ReportView,
    RowView,
)


class RegisterOpened(TypedDict):
    """``register_open``: the register as checked, and how many cases it has, in words."""

    register: dict[str, Any]
    summary_text: str


class RegisterList(ListView):
    """``register_view``: the register as checked (what the page sends back next), and its
    list."""

    register: dict[str, Any]


#: Each function whose answer is typed, with its type; the others answer ``Answered`` with
#: keys of their own.
ANSWERS: dict[str, type[Any]] = {
    "register_open": RegisterOpened,
    "register_view": RegisterList,
    "register_report": ReportView,
}

#: The shapes the declarations carry beyond ``messages.SHAPES``, each before its first use.
SHAPES: tuple[type[Any], ...] = (
    RegisterOpened,
    DeadlineView,
    RowView,
    CountView,
    ListView,
    RegisterList,
    MissedView,
    MeasureView,
    ReportView,
)
