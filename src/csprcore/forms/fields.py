"""The shapes every form model is made of, defined once (they were written three times)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import BaseModel, ConfigDict

from .meta import Meta

#: A typed answer (its wording, limits and kind are in its ``Meta``).
Text = str
#: A date that may not be given.
OptDate = date | None


class Part(BaseModel):
    """A section or a repeated row of a form: only the fields it defines."""

    model_config = ConfigDict(extra="forbid")


#: The child, identified without a name, as the Appendix 1 documents and the local review do.
ChildInitials = Annotated[
    Text,
    Meta("Child's initials", required=True, width="short",
         hint="Initials only, for example Z N.", error_name="the child's initials",
         max_length=20),
]  # fmt: skip
ChildAge = Annotated[
    Text,
    Meta("Child's age", required=True, width="short",
         hint="In years, or in months for a baby: for example, 8 or 7 months.",
         error_name="the child's age", max_length=30),
]  # fmt: skip
