"""Invisible characters in typed text, handled so that what is printed is what was seen.

Text pasted from Word or a case system brings control characters: a vertical tab for a line
break inside a paragraph (Word's Shift+Enter), NEXT LINE (U+0085) and the Unicode line and
paragraph separators from some systems, a stray form feed or NUL. The page shows them in one
way (or not at all), the PDF in another, so each is turned into what it means, in one
defined way, before the answer is checked, shown, saved or printed:

* line breaks (CR LF, CR, VT, FF, NEXT LINE, U+2028, U+2029 and the information separators
  U+001C-U+001E that ``str.splitlines`` also breaks on) become a newline in a box that
  takes several lines, and a space in a one-line box;
* every other control character (C0 and C1, DEL) becomes a space; a tab is kept.

Bidirectional controls (U+202A-U+202E, U+2066-U+2069) reorder text on screen and not in the
PDF, which prints characters in the order typed: "Smith" + U+202E + "evila" + U+202C shows
as "Smithalive" on screen. They are never removed (that would change what was typed without
a word), but flagged beside the field, and shown in the summary and printed in the PDF as
visible marks (``[U+202E]``), so the two agree.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

_LINE_BREAK = re.compile("\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_OTHER_CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f]")
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_BIDI = re.compile("[" + "".join(sorted(BIDI_CONTROLS)) + "]")


def clean_text(text: str, *, multiline: bool) -> str:
    """``text`` with its control characters turned into line breaks or spaces (see above)."""
    text = _LINE_BREAK.sub("\n" if multiline else " ", text)
    if not multiline:
        text = text.replace("\n", " ")
    return _OTHER_CONTROL.sub(" ", text)


def bidi_controls(text: str) -> list[str]:
    """The distinct bidirectional controls in ``text``, in the order they first appear."""
    return list(dict.fromkeys(_BIDI.findall(text)))


def code_point(char: str) -> str:
    return f"U+{ord(char):04X}"


def show_controls(text: str) -> str:
    """``text`` with each bidirectional control as a visible mark, for the summary and PDF."""
    return _BIDI.sub(lambda m: f"[{code_point(m.group())}]", text)


def visible(char: str) -> str:
    """A character as a message can show it: itself, or, when it would show as nothing
    (a format, control, separator or lone combining character), its code point and name."""
    if unicodedata.category(char)[0] in "CZM":
        return f"{code_point(char)} ({unicodedata.name(char, 'unnamed')})"
    return char


def describe(chars: list[str]) -> str:
    """ "U+202E (RIGHT-TO-LEFT OVERRIDE)" for each, for a message."""
    return ", ".join(f"{code_point(c)} ({unicodedata.name(c, 'control')})" for c in chars)


#: Initials only: letters (any script), with spaces, full stops, hyphens or apostrophes.
_INITIALS = re.compile(r"^[^\W\d_](?:[\s.'’-]*[^\W\d_]){0,5}[\s.]*$")
MAX_INITIALS_LETTERS = 6


def initials_problem(value: str, whose: str = "the child's") -> str | None:
    """A GOV.UK-style message when ``value`` looks like a name rather than initials."""
    text = value.strip()
    if not text:
        return None
    letters = [c for c in text if c.isalpha()]
    # "ZON" is initials; "Zoë" or "Nguyen" is a name.
    named = any(len(t) >= 3 and not t.isupper() for t in re.split(r"[\s.'’-]+", text))
    if not _INITIALS.match(text) or len(letters) > MAX_INITIALS_LETTERS or named:
        return f"Enter {whose} initials only, like Z N, not their name"
    return None


_NOT_ASCII_ALNUM: Final = re.compile(r"[^0-9a-z]+")


def match_key(reference: str) -> str:
    """A reference or the child's initials as two are compared: letters and digits only,
    any case ("AB 2026 014" is "AB-2026-014", "z.n." is "Z N"), in the register and when a
    document names its case and child."""
    if reference.isascii():
        # NFKC leaves ASCII as it is and casefolds it to lower case: most references, and a
        # register of thousands of them is matched at once.
        return _NOT_ASCII_ALNUM.sub("", reference.lower())
    return "".join(c for c in unicodedata.normalize("NFKC", reference).casefold() if c.isalnum())
