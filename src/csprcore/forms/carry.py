"""Starting or filling one document from another, in one place.

Appendix 1's documents follow each other: the referral starts an agency's scoping return and
the Rapid Review; a Rapid Review that decided on one starts the local review record; the
local review record starts the action plan; and any of them adds its dates to a case of the
register. Each time, a saved file about one child fills empty boxes about a child. One rule
decides, for every path, whether the file can be about the child and case already written in
(``same_case``): a file about another child or another case is refused, naming both, and
nothing changes. ``CARRIES`` declares, for each document that can be started from another,
which document it starts from and what fills it; ``start_from`` is the one way every caller
(the page, the CLI) does it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from ..errors import FieldError, InputError
from .base import FormBase
from .controls import match_key
from .engine import read_file
from .from_referral import another_child, fill_from_referral, referral_child
from .registry import get_form

#: Where each document names its case and child: (reference, initials, age). The referral
#: names the child by name, so its initials and age are worked out (``identity``).
IDENTITY: Final[dict[str, tuple[str, str, str]]] = {
    "scoping-return": ("case.referral_reference", "case.child_initials", "case.child_age"),
    "rapid-review": ("case.referral_reference", "case.child_initials", "case.child_age"),
    "local-review": ("case.referral_reference", "case.child_initials", "case.child_age"),
    "action-plan": ("source.referral_reference", "source.child_initials", ""),
}


@dataclass(frozen=True)
class Identity:
    """The case and child a document (or a case of the register) is about; "" where unsaid."""

    reference: str = ""
    initials: str = ""
    age: str = ""

    @property
    def named(self) -> bool:
        return bool(match_key(self.reference) or match_key(self.initials))


def text_at(doc: Mapping[str, Any], path: str) -> str:
    """The text at ``part.key`` of a saved document, its spaces closed up; "" if none."""
    if not path:
        return ""
    part, key = path.split(".", 1)
    section = doc.get(part)
    value = section.get(key) if isinstance(section, Mapping) else None
    return " ".join(value.split()) if isinstance(value, str) else ""


def identity(kind: str, doc: Mapping[str, Any]) -> Identity:
    """The case and child the saved document ``doc`` (a ``kind`` form) is about."""
    if kind == "referral":
        initials, age = referral_child(doc)
        return Identity("", initials, age)
    reference, initials, age = IDENTITY[kind]
    return Identity(text_at(doc, reference), text_at(doc, initials), text_at(doc, age))


def same_case(
    ours: Identity, kind: str, doc: Mapping[str, Any], name: str, box: str, outcome: str
) -> Identity:
    """The identity of ``doc`` (a saved ``kind`` form, from the file ``name``), refused on
    ``box`` when it cannot be about the child and case ``ours`` names: other initials,
    another reference, or a file that names no child where ours does. ``outcome`` ends the
    refusal ("nothing was filled in"). Initials and references compare by their letters and
    digits only (``match_key``: "Z.N." is "Z N")."""
    theirs = identity(kind, doc)
    if ours.named and not theirs.named:
        # Nothing ties the file to this child: what it carries could be another child's.
        raise InputError.one(
            box,
            f"{name} does not say which child it is about (it has neither the child's "
            f"initials nor a case reference): {outcome}",
        )
    if kind == "referral":
        # A referral gives names: initials typed from them may leave a middle name out.
        other = another_child(ours.initials, doc) if match_key(ours.initials) else None
        if other is not None:
            raise InputError.one(
                box,
                f"{name} is a referral about a child with the initials {other}, not "
                f"{ours.initials}: {outcome}",
            )
        return theirs
    if (
        match_key(ours.initials)
        and match_key(theirs.initials)
        and (match_key(ours.initials) != match_key(theirs.initials))
    ):
        raise InputError.one(
            box,
            f"{name} is about a child with the initials {theirs.initials}, not "
            f"{ours.initials}: {outcome}",
        )
    if (
        match_key(ours.reference)
        and match_key(theirs.reference)
        and (match_key(ours.reference) != match_key(theirs.reference))
    ):
        raise InputError.one(
            box, f"{name} is for the case {theirs.reference}, not {ours.reference}: {outcome}"
        )
    return theirs


# --------------------------------------------------------------------------------------
# the table of what starts what
# --------------------------------------------------------------------------------------


@dataclass
class Carried:
    """What starting a document from another did, for the page and the CLI."""

    document: dict[str, Any]
    changed: bool
    messages: list[str]
    #: What the page shows beside the messages (the referral's agencies and circumstances).
    details: dict[str, Any] = field(default_factory=dict)


Fill = Callable[[type[FormBase], Mapping[str, Any], Mapping[str, Any], str], Carried]


def _from_referral(
    form: type[FormBase], doc: Mapping[str, Any], ref: Mapping[str, Any], name: str
) -> Carried:
    result = fill_from_referral(form, doc, ref, name)
    return Carried(result.document, result.changed, result.messages(), {
        "filled": result.filled, "agencies": result.agencies,
        "national_circumstances": result.circumstances,
    })  # fmt: skip


def _from_rapid_review(
    form: type[FormBase], doc: Mapping[str, Any], rr: Mapping[str, Any], name: str
) -> Carried:
    from .local_review import start_from_rapid_review

    started = start_from_rapid_review(doc, rr, name)
    return Carried(started.document, started.changed, started.messages(), {
        "filled": started.filled})  # fmt: skip


def _from_local_review(
    form: type[FormBase], doc: Mapping[str, Any], record: Mapping[str, Any], name: str
) -> Carried:
    from .action_plan import start_from_local_review

    started, messages = start_from_local_review(doc, record)
    return Carried(started, started != doc, messages)


@dataclass(frozen=True)
class Carry:
    """A document that starts from another: the other's form, the page's file box (where a
    refusal is reported), what to say when no file is chosen, and what fills the boxes."""

    source: str
    box: str
    choose: str
    fill: Fill


#: For each document that can be started or filled from another (by its form's id).
CARRIES: Final[dict[str, Carry]] = {
    "scoping-return": Carry(
        "referral", "referral-file", "Choose a saved referral file", _from_referral
    ),
    "rapid-review": Carry(
        "referral", "referral-file", "Choose a saved referral file", _from_referral
    ),
    "local-review": Carry(
        "rapid-review", "rapid-review-file", "Choose a saved Rapid Review file", _from_rapid_review
    ),
    "action-plan": Carry(
        "local-review",
        "local-review-file",
        "Choose a saved local review record",
        _from_local_review,
    ),
}


def carry_for(form: type[FormBase]) -> Carry:
    carry = CARRIES.get(form.form_id)
    if carry is None:
        raise InputError.one("form", f"The {form.title} is not started from another document")
    return carry


def start_from(
    form: type[FormBase], doc: Mapping[str, Any], content: str | bytes, name: str
) -> Carried:
    """``doc`` (a ``form`` document, perhaps empty) with its empty boxes filled from the
    saved file ``content`` (called ``name``). A file that is not the document this form
    starts from, or that is about another child or another case, is refused on the page's
    file box, naming both, and nothing changes."""
    carry = carry_for(form)
    try:
        source = read_file(get_form(carry.source), content, name)
    except InputError as exc:
        raise InputError([FieldError(carry.box, e.message) for e in exc.errors]) from None
    same_case(identity(form.form_id, doc), carry.source, source, name, carry.box,
              "nothing was filled in")  # fmt: skip
    return carry.fill(form, doc, source, name)
