"""What a form field or section says to the user, attached to pydantic fields."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Kind = Literal[
    "text", "textarea", "date", "email", "tel", "radios", "checkboxes", "select", "number"
]

#: Options for questions answered yes / no / not known (other processes, still involved...).
YES_NO_NOT_KNOWN: tuple[tuple[str, str], ...] = (
    ("yes", "Yes"),
    ("no", "No"),
    ("not_known", "Not known"),
)


#: The longest answer a typed field takes when it sets no ``max_length`` of its own.
DEFAULT_MAX_LENGTH: dict[str, int] = {"text": 200, "email": 200, "tel": 30, "textarea": 3000}


@dataclass(frozen=True)
class Meta:
    """A field's wording and input kind.

    ``error_name`` is the field's name inside an error message ("the child's date of birth");
    it defaults to the label in lower case.
    """

    label: str
    kind: Kind = "text"
    hint: str = ""
    required: bool = False
    options: tuple[tuple[str, str], ...] = ()
    error_name: str = ""
    max_length: int | None = None
    #: A date that cannot be in the future (a date of birth, the date of an incident).
    not_future: bool = False
    #: Input width hint for the HTML ("short", "medium", "long").
    width: str = "long"
    autocomplete: str = ""
    #: Shown only when another field (a path within the same section) has one of these values.
    show_if: tuple[str, tuple[str, ...]] | None = None
    #: Computed by the core (a due date, for example): shown, never typed. Only in a
    #: section (not a repeat); the form's ``computed()`` gives its value.
    computed: bool = False

    @property
    def limit(self) -> int | None:
        """The most characters the answer may have: its own ``max_length``, or a default for
        typed text, so that every saved form stays small enough to reopen
        (``engine.MAX_FILE_BYTES``)."""
        return self.max_length or DEFAULT_MAX_LENGTH.get(self.kind)

    @property
    def name_in_error(self) -> str:
        return self.error_name or self.label[:1].lower() + self.label[1:]


@dataclass(frozen=True)
class Section:
    """A section of a form: a heading and a short "why we ask"."""

    title: str
    why: str = ""


@dataclass(frozen=True)
class Repeat:
    """A repeatable group of fields (family members, agencies...)."""

    title: str
    item: str  # "family member": used in "Add another family member"
    why: str = ""
    min_items: int = 0
    max_items: int = 30
    fields_required_message: str = ""
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Computed:
    """A computed field's value (an ISO date or text, as the document keeps it) and the
    sentence the page, the summary and the PDF show for it."""

    value: str
    text: str
