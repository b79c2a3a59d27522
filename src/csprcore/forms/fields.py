"""The shapes every form model is made of, defined once (they were written three times)."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict

#: A typed answer (its wording, limits and kind are in its ``Meta``).
Text = str
#: A date that may not be given.
OptDate = date | None


class Part(BaseModel):
    """A section or a repeated row of a form: only the fields it defines."""

    model_config = ConfigDict(extra="forbid")
