"""What every letter the forms make shares: who it is from (the partnership's letterhead and
the contact officer the form names), how it greets its addressees, and the contact officer's
boxes on the form."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Annotated, Any, ClassVar, Final

from ..partnership import current
from .fields import Part, Text
from .meta import Meta, Section

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


class Correspondence(Part):
    """The contact officer the letters name (the profile's letterhead gives the address)."""

    section: ClassVar = Section(
        "The letters",
        "Who the Panel and the agencies contact about the letters. The partnership's address "
        "comes from its profile.",
    )
    contact_name: Annotated[
        Text, Meta("Contact officer", width="medium", max_length=120,
                   hint="Named in the letters' heading. Leave blank to name no one.")
    ] = ""  # fmt: skip
    contact_role: Annotated[Text, Meta("Their role", width="medium", max_length=120)] = ""
    contact_email: Annotated[
        Text, Meta("Their email address", kind="email", width="medium", max_length=254)
    ] = ""
    contact_phone: Annotated[
        Text, Meta("Their telephone number", kind="tel", width="medium", max_length=40)
    ] = ""
