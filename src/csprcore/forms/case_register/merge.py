"""Two colleagues' saves of one register, merged: a three-way merge, case by case (by
reference) and field by field (each date on its own), from the register both started from.

A field changed on one side only takes that side's value; a field changed the same way on
both is taken once; a field changed differently on both is a conflict, named
("REF: Meeting held: ours 2026-11-16, theirs 2026-11-17"), and nothing is merged until each
is settled. A case added on either side is kept; a case removed on one side is removed
unless the other changed it (then that is a conflict too).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from ...rules.register import REGISTER_EVENTS_BY_ID
from ..controls import match_key
from .register_file import check_register

#: A case's fields, each merged on its own (``dates`` date by date).
_FIELDS: Final = (
    "reference", "child_initials", "child_age", "review_kind", "notification", "open_actions",
)  # fmt: skip
_WORDS: Final = {
    "reference": "Reference",
    "child_initials": "Child's initials",
    "child_age": "Child's age",
    "review_kind": "Kind of review",
    "notification": "Who notified the Panel",
    "open_actions": "Open actions",
    "case": "The case",
}


@dataclass(frozen=True)
class Conflict:
    reference: str
    #: The field (``review_kind``), the event id for a date (``meeting``), or ``case`` when
    #: one side removed the case and the other changed it.
    field: str
    ours: Any
    theirs: Any

    def words(self) -> str:
        """ "REF: meeting: ours 2026-11-17, theirs 2026-11-18": the field as the register
        file names it."""
        return (
            f"{self.reference}: {self.field}: ours {_shown(self.ours)}, "
            f"theirs {_shown(self.theirs)}"
        )

    @property
    def label(self) -> str:
        """The field as the page names it ("Rapid Review meeting held")."""
        return _WORDS.get(self.field) or REGISTER_EVENTS_BY_ID[self.field].label

    def as_dict(self) -> dict[str, Any]:
        return {"reference": self.reference, "field": self.field, "label": self.label,
                "ours": self.ours, "theirs": self.theirs, "text": self.words(),
                "question": self.question()}  # fmt: skip

    def question(self) -> str:
        """The conflict as the page asks it."""
        return (
            f"{self.reference}, {self.label}: yours is {_shown(self.ours)}; theirs is "
            f"{_shown(self.theirs)}."
        )


def _shown(value: Any) -> str:
    if value in (None, "", []):
        return "blank"
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


@dataclass
class Merged:
    register: dict[str, Any] | None
    conflicts: list[Conflict] = field(default_factory=list)


def _by_key(doc: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    return {match_key(c["reference"]): c for c in doc["cases"]}


def _three(base: Any, ours: Any, theirs: Any) -> tuple[Any, bool]:
    """(the merged value, whether it is a conflict)."""
    if ours == theirs:
        return ours, False
    if ours == base:
        return theirs, False
    if theirs == base:
        return ours, False
    return ours, True


def _merge_case(
    base: Mapping[str, Any], ours: Mapping[str, Any], theirs: Mapping[str, Any],
    choices: Mapping[tuple[str, str], str], conflicts: list[Conflict],
) -> dict[str, Any]:  # fmt: skip
    out = dict(ours)
    reference = str(ours.get("reference") or theirs.get("reference"))
    key = match_key(reference)

    def settle(name: str, b: Any, o: Any, t: Any) -> Any:
        value, clash = _three(b, o, t)
        if not clash:
            return value
        chosen = choices.get((key, name))
        if chosen in ("ours", "theirs"):
            return o if chosen == "ours" else t
        conflicts.append(Conflict(reference, name, o, t))
        return o

    for name in _FIELDS:
        out[name] = settle(name, base.get(name), ours.get(name), theirs.get(name))
    dates = dict(ours.get("dates") or {})
    b_dates, o_dates, t_dates = (c.get("dates") or {} for c in (base, ours, theirs))
    sources = dict(ours.get("filled_from") or {})
    for event in {*o_dates, *t_dates}:
        dates[event] = settle(event, b_dates.get(event), o_dates.get(event), t_dates.get(event))
        if dates[event] == t_dates.get(event) != o_dates.get(event):
            # The date came from their side: so does where it came from.
            theirs_from = (theirs.get("filled_from") or {}).get(event)
            if theirs_from:
                sources[event] = theirs_from
            else:
                sources.pop(event, None)
    out["dates"] = dates
    out["filled_from"] = {e: s for e, s in sources.items() if dates.get(e)}
    return out


def merge_registers(
    base: Mapping[str, Any],
    ours: Mapping[str, Any],
    theirs: Mapping[str, Any],
    choices: Mapping[tuple[str, str], str] | None = None,
) -> Merged:
    """The three registers (each checked by ``check_register``) merged, or the conflicts.
    ``choices`` settles conflicts already answered: ``{(reference key, field): "ours" |
    "theirs"}``."""
    choices = choices or {}
    b, o, t = _by_key(base), _by_key(ours), _by_key(theirs)
    conflicts: list[Conflict] = []
    merged: list[dict[str, Any]] = []
    order = [*o, *(k for k in t if k not in o)]
    for key in order:
        in_b, in_o, in_t = b.get(key), o.get(key), t.get(key)
        if in_o is not None and in_t is not None:
            merged.append(_merge_case(in_b or {}, in_o, in_t, choices, conflicts))
            continue
        kept = in_o if in_o is not None else in_t
        assert kept is not None
        if in_b is None:
            merged.append(kept)  # added on one side only
            continue
        if kept == in_b:
            continue  # removed on the other side, unchanged here: removed
        side = "theirs" if in_o is None else "ours"
        chosen = choices.get((key, "case"))
        if chosen == side:
            merged.append(kept)
        elif chosen is None:
            ours_side, theirs_side = (
                ("removed", "changed") if in_o is None else ("changed", "removed")
            )
            conflicts.append(Conflict(kept["reference"], "case", ours_side, theirs_side))
    if conflicts:
        return Merged(None, conflicts)
    doc = {**ours, "cases": merged}
    return Merged(check_register(doc, "The merged register").doc)
