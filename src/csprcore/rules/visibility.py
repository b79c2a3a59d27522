"""When a question is asked: the one show-if rule of every form and of the checker.

A question with a condition is shown while any field it names has one of the listed values;
an answer that is a list (checkboxes) counts when any of its items is listed. A question not
shown is neither asked nor checked, and its answer is not kept. The page applies the same
rule as the answers change (``isShown`` in ``web/js/form-ui.js``); a test runs the same cases
through both.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any


def shown(condition: Mapping[str, Iterable[str]] | None, answers: Mapping[str, Any]) -> bool:
    """Whether a question with ``condition`` ({field: values}) is shown, given ``answers``."""
    if not condition:
        return True
    for name, values in condition.items():
        value = answers.get(name)
        given = value if isinstance(value, list) else [value]
        if any(v in tuple(values) for v in given):
            return True
    return False
