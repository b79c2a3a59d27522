"""The letters and notices made from a checked form, one module for each form that makes
them: ``rapid_review`` (the letter to the Panel, the outcome notice for the agencies),
``local_review`` (the letters telling the Panel, Ofsted and the DfE; before publication; on a
delay), ``scoping_request`` (the request to agencies, made from the referral).

Here, what every one of them shares: who it is from (the partnership's letterhead and the
contact officer the form names, ``forms.correspondence``) and how it greets its addressees.
Each is a ``Letter`` (``exports.document``), written as a PDF by ``exports.letter`` and as an
editable copy by ``exports.odt``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Final

from ...partnership import current

PANEL: Final = "The Child Safeguarding Practice Review Panel"
SECRETARY_OF_STATE: Final = "The Secretary of State for Education"
OFSTED: Final = "Ofsted"
DFE: Final = "The Department for Education"

#: How a letter greets each set of addressees it is sent to (in the order ``to`` lists them).
_GREETINGS: Final[dict[tuple[str, ...], str]] = {
    (PANEL,): "Dear Panel members,",
    (PANEL, SECRETARY_OF_STATE): "Dear Secretary of State and Panel members,",
    (PANEL, OFSTED, DFE): (
        "Dear Panel members and colleagues at Ofsted and the Department for Education,"
    ),
}


def salutation(to: Sequence[str]) -> str:
    """The greeting that fits the addressees; agencies and anyone else: "Dear colleagues,"."""
    return _GREETINGS.get(tuple(to), "Dear colleagues,")


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def sender(contact: Mapping[str, Any] | None = None) -> list[str]:
    """The sender's block: the safeguarding partners (named where the profile names them:
    Children Act 2004 s16E, the local authority, the integrated care board and the chief
    officer of police; Working Together 2023's lead and delegated partners), the partnership,
    its letterhead, and the contact officer the form gives."""
    p = current()
    lines = [
        f"The safeguarding partners for {p.area}",
        *([p.partners_words] if p.safeguarding_partners else []),
        p.name,
        *p.letterhead.lines,
    ]
    contact = contact or {}
    name = _text(contact.get("contact_name"))
    if name:
        role = _text(contact.get("contact_role"))
        lines.append(f"Contact: {name}" + (f", {role}" if role else ""))
        lines += [
            f"{label}: {_text(contact.get(key))}"
            for key, label in (("contact_email", "Email"), ("contact_phone", "Telephone"))
            if _text(contact.get(key))
        ]
    return lines
