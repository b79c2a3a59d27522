"""What passes between a page and the core: the names a page may call and the shape of every
answer. ``scripts/message_types.py`` writes these as TypeScript declarations for the page
scripts (``web/js/messages.d.ts``), which ``tsc --checkJs`` then holds every
``core.call(...)`` to: a function name the core does not have, or a refusal read as an
answer, fails ``make lint``. A unit test fails when the declarations are out of date.
"""

from __future__ import annotations

from typing import Any, Literal, NotRequired, TypedDict


class FieldMessage(TypedDict):
    """A problem with one field (``""``: with the request as a whole), in words for the user."""

    field: str
    message: str
    #: A form's field: the link its entry in the error summary needs (``#referrer-name``).
    href: NotRequired[str]


class Refusal(TypedDict):
    """The core could not do what was asked; nothing was changed."""

    ok: Literal[False]
    errors: list[FieldMessage]
    #: For the console only: the exception behind an internal failure.
    internal: NotRequired[str]
    #: A document would show a family name where only initials belong (``form_export``): it
    #: is made only when asked again with ``allow_names``.
    names: NotRequired[Literal[True]]
    #: Set by the page's bridge (``web/js/core.js``) when the core could not answer at all
    #: (it is not running, or a download it needed failed); never by the core.
    failed: NotRequired[Literal[True]]


class Answered(TypedDict):
    """Every answer that is not a refusal; each function adds its own keys."""

    ok: Literal[True]


class MadeFile(Answered):
    """A file for the user to download: ``text``, or ``base64`` for a binary one (a PDF)."""

    filename: str
    mime: str
    text: NotRequired[str]
    base64: NotRequired[str]


#: The shapes the declarations carry, in the order they are written.
SHAPES: tuple[type[Any], ...] = (FieldMessage, Refusal, Answered, MadeFile)


def refusal(errors: list[FieldMessage], internal: str | None = None) -> Refusal:
    answer: Refusal = {"ok": False, "errors": errors}
    if internal is not None:
        answer["internal"] = internal
    return answer
