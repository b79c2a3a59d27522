"""What a tool page asks of the rule core (``pages/tool.py``): its root and the script in its
head that starts the worker ask for the same parts, and a form's page names a form the core
has."""

from __future__ import annotations

import re

import pytest

from csprcore.forms.registry import FORM_IDS
from pages import tool


def test_each_forms_page_names_a_form_the_core_has() -> None:
    assert set(tool.CORE_FORMS) <= set(tool.TOOLS)
    assert set(tool.CORE_FORMS.values()) == set(FORM_IDS)
    # The forms' pages load the forms' packages before "ready"; the others name no form.
    for name in tool.TOOLS:
        assert (name in tool.CORE_FORMS) == ("forms" in tool.CORE_GROUPS[name][0])


@pytest.mark.parametrize("name", list(tool.TOOLS))
def test_the_head_starts_the_worker_the_root_asks_for(name: str) -> None:
    root = tool.tool_open(name)
    head = tool.core_start(f"<h1>A tool</h1>{root}</div>", "../../")
    asked = re.compile(r'data-core-(groups|later|form)="([^"]*)"')
    assert head.startswith('<script src="../../assets/csprcore/core-start.js" ')
    assert asked.findall(head) == asked.findall(root)


def test_a_page_without_a_tool_starts_no_worker() -> None:
    assert tool.core_start("<h1>Section 3</h1><p>The local authority notifies.</p>", "../") == ""
