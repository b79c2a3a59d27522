"""No family name where only initials belong.

A document filled in from a referral (the scoping return, the Rapid Review, and the local
review and action plan that follow) keeps what it needs to recognise the names the referral
gives for the child and their family: a salted hash of each name word, never the names. Before
a document that leaves the business unit is made (the Rapid Review and its letters, an
agency's return, a local review's letters, the action plan), every free-text box is checked
for those words; each one found is named by its box and the word's position, and the document
is made only when the user removes it or says to make it anyway.

Hashing, not the names: a saved Rapid Review must not carry the family's names to the Panel
inside its file either. The salt is made from the family's names together, so the same referral
gives the same marks in the browser and the CLI, and two families' marks cannot be matched
with each other.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator, Mapping
from typing import Any, Final

from pydantic import BaseModel, ConfigDict, Field

from ..errors import FieldError
from .base import FormBase
from .spec import parts

#: Words shorter than this are not looked for: initials and short words ("Al", "Jo") would
#: match too much ordinary text to be worth a warning.
MIN_LETTERS: Final = 3
#: At most this many marks in a document (a referral's names are far fewer).
MAX_MARKS: Final = 200
_WORD: Final = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")


#: What the page says when a document holds a name (``pages.form_page``).
PAGE_TEXT: Final = {
    "heading": "A name where only initials belong",
    "lead": "The referral gives these names for the child or their family. The document is "
    "not made while they are in it: use initials instead.",
    "anyway": "Make it anyway",
    "anyway_hint": "Only if the names must be there, for example in a letter to the family.",
}


class NameMarks(BaseModel):
    """The referral's name words, each as sha-256 of the salt and the word, in hex."""

    model_config = ConfigDict(extra="forbid")
    salt: str = Field(pattern=r"^[0-9a-f]{32}$")
    marks: list[str] = Field(default_factory=list, max_length=MAX_MARKS)


def _fold(word: str) -> str:
    """A word as compared: case and accents set aside, so "ZOË" finds "Zoe"."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _mark(salt: str, word: str) -> str:
    return hashlib.sha256(bytes.fromhex(salt) + _fold(word).encode("utf-8")).hexdigest()


def words(text: str) -> Iterator[tuple[int, str]]:
    """Each word of ``text`` with its position (1 for the first), hyphenated and
    apostrophised names kept whole and their parts offered too ("Smith-Jones": the whole,
    then Smith, then Jones, all at one position)."""
    for position, match in enumerate(_WORD.finditer(text), start=1):
        whole = match.group(0)
        yield position, whole
        for part in re.split(r"['\u2019-]", whole):
            if part != whole:
                yield position, part


def _referral_names(ref: Mapping[str, Any]) -> list[str]:
    """The names the referral gives for the child, the other children and the family."""

    def text(part: Any, key: str) -> str:
        value = part.get(key) if isinstance(part, Mapping) else None
        return value if isinstance(value, str) else ""

    child = ref.get("child")
    found = [text(child, k) for k in ("first_names", "last_name", "also_known_as")]
    for repeat in ("other_children", "family"):
        rows = ref.get(repeat)
        found += (
            [text(row, "name") for row in rows if isinstance(row, Mapping)]
            if isinstance(rows, list)
            else []
        )
    return found


def marks_from_referral(ref: Mapping[str, Any], kept: Any = None) -> dict[str, Any] | None:
    """The marks of a referral's names, added to those a document already keeps (``kept``,
    with its salt); None when the referral names no one."""
    found = sorted({
        _fold(word) for name in _referral_names(ref) for _, word in words(name)
        if len(_fold(word)) >= MIN_LETTERS
    })  # fmt: skip
    old = _valid(kept)
    if not found:
        return old.model_dump() if old else None
    # The same referral gives the same salt, so a document is the same in the browser and
    # the CLI; it is itself a hash of every name at once, and differs between families.
    salt = old.salt if old else hashlib.sha256("\0".join(found).encode()).hexdigest()[:32]
    marks = list(old.marks) if old else []
    marks += [m for word in found if (m := _mark(salt, word)) not in marks]
    return NameMarks(salt=salt, marks=marks[:MAX_MARKS]).model_dump()


def _valid(value: Any) -> NameMarks | None:
    if not isinstance(value, Mapping):
        return None
    try:
        return NameMarks.model_validate(value)
    except ValueError:
        return None


def found_names(form: type[FormBase], doc: Mapping[str, Any]) -> list[FieldError]:
    """Every free-text box (the long answers) holding a name word of the referral: the box
    and the position of each word, counted from its first word."""
    marks = _valid(doc.get("name_marks"))
    if marks is None or not marks.marks:
        return []
    wanted = set(marks.marks)
    found: list[FieldError] = []

    def check(path: str, label: str, value: Any) -> None:
        if not isinstance(value, str):
            return
        at = sorted(
            {p for p, w in words(value) if len(_fold(w)) >= MIN_LETTERS and
             _mark(marks.salt, w) in wanted}
        )  # fmt: skip
        if at:
            which = ", ".join(str(p) for p in at)
            found.append(FieldError(
                path,
                f"\u2018{label}\u2019 holds a name the referral gives for the child or their "
                f"family (word {which}): use initials instead",
            ))  # fmt: skip

    for part in parts(form):
        data = doc.get(part.name)
        rows = [data] if part.kind == "section" else data
        if not isinstance(rows, list):
            continue
        for i, row in enumerate(rows):
            if not isinstance(row, Mapping):
                continue
            prefix = part.name if part.kind == "section" else f"{part.name}.{i}"
            for f in part.fields:
                if f.meta.kind == "textarea" and not f.meta.computed:
                    check(f"{prefix}.{f.name}", f.meta.label, row.get(f.name))
    return found
