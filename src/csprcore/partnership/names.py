"""The partnership's names as sentences use them: the criteria's questions and reasons, the
checker's page, the forms and the letters."""

from __future__ import annotations

from typing import Final

from . import current

LOCAL: Final = current()
AREA: Final = LOCAL.area
#: The council that notifies: the one council, or "the council for the area where it
#: happened (A or B)" for a partnership of two or more councils.
COUNCIL: Final = LOCAL.council_for_the_area
#: The same, to start a sentence.
COUNCIL_START: Final = COUNCIL[:1].upper() + COUNCIL[1:]
REVIEW_GROUP: Final = LOCAL.group("review").name
LEARNING_EVENT: Final = LOCAL.local_learning
