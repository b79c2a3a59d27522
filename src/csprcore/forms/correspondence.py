"""The contact officer's boxes on a form that makes letters (the Rapid Review record, the local
review record): the person the letters name (``exports.letters.sender``)."""

from __future__ import annotations

from typing import Annotated, ClassVar

from .fields import Part, Text
from .meta import Meta, Section


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
