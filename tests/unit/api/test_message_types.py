"""The page scripts are type-checked (``tsc --checkJs`` in ``make lint``) against the core's
own message types: ``web/js/messages.d.ts`` must be what ``scripts/message_types.py`` writes
from ``csprcore.api.messages`` and ``csprcore.api.FUNCTIONS``."""

from __future__ import annotations

from typing import Any, Literal, NotRequired

import pytest
from scripts import message_types

from csprcore.api import FUNCTIONS


def test_the_declarations_are_up_to_date() -> None:
    written = message_types.TARGET.read_text(encoding="utf-8")
    assert written == message_types.declarations(), "run: make message-types"


def test_every_function_a_page_may_call_is_declared() -> None:
    text = message_types.declarations()
    for name in FUNCTIONS:
        assert f'  | "{name}"\n' in text or f'  | "{name}";' in text, name


@pytest.mark.parametrize(
    ("hint", "typescript"),
    [
        (str, "string"),
        (Literal[False], "false"),
        (Literal["a", 'b"'], '"a" | "b\\""'),
        (list[str], "string[]"),
        (list[str | int], "(string | number)[]"),
        (dict[str, Any], "Record<string, any>"),
        (NotRequired[bool], "boolean"),
    ],
)
def test_python_types_become_typescript(hint: Any, typescript: str) -> None:
    assert message_types.ts_type(hint) == typescript


def test_a_type_it_cannot_write_is_refused() -> None:
    with pytest.raises(TypeError):
        message_types.ts_type(bytes)
