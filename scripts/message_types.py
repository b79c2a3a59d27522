"""Write ``web/js/messages.d.ts``: the core's message types (``csprcore.api.messages``), the
typed answers (``csprcore.api.answers``) and the names of the functions a page may call
(``csprcore.api.FUNCTIONS``), as TypeScript declarations that ``tsc --checkJs`` holds the
page scripts to (``make lint``).

    python -m scripts.message_types          # or: make message-types

A unit test fails when the file is not what this writes.
"""

from __future__ import annotations

import types
import typing
from pathlib import Path
from typing import Any, Literal, NotRequired, get_args, get_origin, get_type_hints

from csprcore.api import FUNCTIONS, answers
from csprcore.api.messages import SHAPES

TARGET = Path(__file__).resolve().parent.parent / "web" / "js" / "messages.d.ts"

_SCALARS = {str: "string", int: "number", float: "number", bool: "boolean", type(None): "null"}


def ts_type(hint: Any) -> str:
    """A Python type hint as TypeScript: only the kinds the message types use."""
    origin = get_origin(hint)
    if hint in _SCALARS:
        return _SCALARS[hint]
    if hint is Any:
        return "any"
    if origin is NotRequired:
        return ts_type(get_args(hint)[0])
    if origin is Literal:
        return " | ".join(_literal(v) for v in get_args(hint))
    if origin is list:
        inner = ts_type(get_args(hint)[0])
        return f"{inner}[]" if inner.isidentifier() else f"({inner})[]"
    if origin is dict:
        key, value = get_args(hint)
        return f"Record<{ts_type(key)}, {ts_type(value)}>"
    if origin in (typing.Union, types.UnionType):
        return " | ".join(ts_type(a) for a in get_args(hint))
    if typing.is_typeddict(hint):
        return str(hint.__name__)
    raise TypeError(f"No TypeScript for {hint!r}")


def _literal(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return str(value)


def _interface(shape: type[Any]) -> str:
    hints = get_type_hints(shape, include_extras=True)
    doc = " ".join((shape.__doc__ or "").split()).replace("``", "`")
    # A TypedDict made by calling TypedDict(...) has the dict's own docstring.
    own = doc and not doc.startswith("dict() ->")
    lines = [*([f"/** {doc} */"] if own else []), f"export interface {shape.__name__} {{"]
    for key, hint in hints.items():
        # With postponed annotations __optional_keys__ misses NotRequired (before 3.12).
        optional = key in shape.__optional_keys__ or get_origin(hint) is NotRequired
        lines.append(f"  {key}{'?' if optional else ''}: {ts_type(hint)};")
    lines.append("}")
    return "\n".join(lines)


def declarations() -> str:
    names = "\n".join(f'  | "{name}"' for name in sorted(FUNCTIONS))
    parts = [
        "// Written by scripts/message_types.py from csprcore.api.messages and"
        " csprcore.api.FUNCTIONS:",
        "// do not edit (make message-types writes it again).",
        "",
        "/** A function of the core a page may call (csprcore.api.FUNCTIONS). */",
        f"export type FunctionName =\n{names};",
        "",
        *(f"{_interface(shape)}\n" for shape in (*SHAPES, *answers.SHAPES)),
        "/** The functions whose answers are typed (csprcore.api.answers.ANSWERS). */",
        "export interface AnswerOf {",
        *(f"  {name}: {shape.__name__};" for name, shape in sorted(answers.ANSWERS.items())),
        "}",
        "",
        "/** What a call of `F` resolves to: a refusal, or its answer (typed where it is). */",
        "export type AnswerTo<F extends FunctionName> =",
        "  | Refusal",
        "  | (Answered & (F extends keyof AnswerOf ? AnswerOf[F] : Record<string, any>));",
        "",
        "/** What every call resolves to: a refusal, or the function's answer (its own keys). */",
        "export type Answer = Refusal | (Answered & Record<string, any>);",
        "",
    ]
    return "\n".join(parts)


def main() -> None:
    TARGET.write_text(declarations(), encoding="utf-8")
    print(f"Wrote {TARGET}")


if __name__ == "__main__":
    main()
