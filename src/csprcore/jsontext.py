"""JSON read and written safely: structure limited before parsing, and only what JSON can carry.

Every file and payload the core reads goes through :func:`loads`, so one place refuses:

* text that is not UTF-8 (bytes are decoded strictly; a byte-order mark is allowed, as
  Windows editors write one);
* nesting deeper than :data:`MAX_DEPTH`. The standard parser recurses once per level, and
  inside Pyodide the WebAssembly stack overflows (a 6 KB file nested 3,000 deep killed the
  runtime for every later call) long before Python's recursion limit can catch it, so the
  depth is measured on the text, without recursion, before any parsing;
* ``NaN``, ``Infinity`` and numbers a browser would silently round (beyond 2**53) or that
  overflow a float: the standard parser accepts them, and ``JSON.parse`` then fails on the
  answer, so the page showed nothing.

The standard ``json`` module is kept for the parsing itself: no third-party parser offers a
depth limit and runs in Pyodide.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

#: Deeper than any document the forms write (form > part > row > list of answers is 4),
#: with room for the checker's record and the API's payload around a document.
MAX_DEPTH = 32
#: The largest whole number a browser's JSON keeps exactly (Number.MAX_SAFE_INTEGER).
MAX_SAFE_INTEGER = 2**53 - 1

#: Everything but the brackets that nest, a run at a time: whole strings, escapes and any
#: other characters, so that each match reaches from one bracket to the next (a register of
#: 5,000 cases is mostly strings: taking them one by one took a third of opening it). An
#: escape is matched wherever it is, so a quote after a backslash never starts a string:
#: otherwise an unclosed string full of escaped quotes would be rescanned to its end from
#: each of them (120 KB took two minutes). Every loop is possessive, so nothing is tried
#: twice: one linear pass. What an unclosed string leaves (its quote) is not a bracket. A
#: string is written "unrolled" (a run, then escape and run in turn): a third quicker on a
#: register sent whole as one string, where every quote in it is escaped.
_NOT_NESTING = re.compile(r'(?:"[^"\\]*+(?:\\.[^"\\]*+)*+"|\\.|[^"\\\[\]{}]++)++', re.DOTALL)


class JSONRefusedError(ValueError):
    """Text that is not JSON the core accepts; ``reason`` completes "The file ..." ("is not
    valid JSON")."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _decode(content: str | bytes) -> str:
    if isinstance(content, bytes):
        try:
            return content.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise JSONRefusedError("is not UTF-8 text") from None
    return content.removeprefix("\ufeff")


def nesting_depth(text: str, limit: int = MAX_DEPTH) -> int:
    """How deeply arrays and objects nest in ``text``, counted without recursion; stops
    counting once past ``limit`` (a hostile file need not be read to its end)."""
    # What is left is a few characters a case, counted in one short loop.
    depth = deepest = 0
    for char in _NOT_NESTING.sub("", text):
        if char in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > limit:
                    return deepest
        elif char in "]}":
            depth -= 1
    return deepest


def _refuse_constant(name: str) -> Any:
    raise JSONRefusedError(f"holds {name}, which is not a number JSON can carry")


def _parse_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise JSONRefusedError(f"holds a number too large to read ({text[:20]})")
    return value


def _parse_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:  # more digits than Python converts
        raise JSONRefusedError(f"holds a number too large to read ({text[:20]}…)") from None
    if abs(value) > MAX_SAFE_INTEGER:
        raise JSONRefusedError(f"holds a number too large to read ({text[:20]})")
    return value


def loads(content: str | bytes) -> Any:
    """Parse JSON text, refusing (``JSONRefusedError``) what the module docstring lists."""
    text = _decode(content)
    if nesting_depth(text) > MAX_DEPTH:
        raise JSONRefusedError(f"is nested too deeply (more than {MAX_DEPTH} levels)")
    try:
        return json.loads(
            text,
            parse_constant=_refuse_constant,
            parse_float=_parse_float,
            parse_int=_parse_int,
        )
    except JSONRefusedError:
        raise
    except (ValueError, RecursionError):
        raise JSONRefusedError("is not valid JSON") from None


def dumps(value: Any, *, indent: int | None = None, compact: bool = False) -> str:
    """JSON text a browser reads back exactly: no NaN or Infinity (``ValueError``);
    ``compact``: no space after a comma or a colon, as a browser's ``JSON.stringify``."""
    separators = (",", ":") if compact else None
    return json.dumps(
        value, ensure_ascii=False, allow_nan=False, indent=indent, separators=separators
    )
