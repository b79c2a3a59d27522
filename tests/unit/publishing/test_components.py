"""The tool pages' components (``pages/components.py``): each named example renders to
well-formed HTML whose references all resolve, with what it was given escaped."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

import pytest

from pages import components

VOID = {"input", "br", "img", "meta", "link", "hr"}


class Tree(HTMLParser):
    """Checks nesting as it reads, and collects ids and the ids other attributes name."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.ids: list[str] = []
        self.refs: list[tuple[str, str]] = []
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        self.tags.append((tag, found))
        if "id" in found:
            self.ids.append(found["id"])
        for name in ("for", "aria-describedby", "aria-labelledby"):
            for ref in found.get(name, "").split():
                self.refs.append((name, ref))
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1] == tag, f"</{tag}> closes <{self.open[-1:]}>"
        self.open.pop()


def examples() -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (component, name, params)
        for component, named in components.EXAMPLES.items()
        for name, params in named.items()
    ]


@pytest.mark.parametrize(("component", "name", "params"), examples(),
                         ids=[f"{c}: {n}" for c, n, _ in examples()])  # fmt: skip
def test_each_example_renders_well_formed_with_every_reference_found(
    component: str, name: str, params: dict[str, Any]
) -> None:
    html = getattr(components, component)(**params)
    tree = Tree()
    tree.feed(html)
    tree.close()
    assert tree.open == [], f"left open: {tree.open}"
    assert len(tree.ids) == len(set(tree.ids)), "an id is used twice"
    missing = [(attr, ref) for attr, ref in tree.refs if ref not in tree.ids]
    assert missing == []


def test_every_component_has_examples() -> None:
    builders = {"text_input", "textarea", "date_input", "choices", "error_summary", "button"}
    assert builders <= set(components.EXAMPLES)


def test_what_a_component_is_given_is_escaped() -> None:
    html = components.text_input(
        **components.EXAMPLES["text_input"]["markup in the label stays text"]
    )  # type: ignore[arg-type]
    assert "<b>" not in html and "&lt;b&gt;bold&lt;/b&gt; &amp; more" in html


def test_content_after_the_options_is_inside_the_group() -> None:
    html = components.choices(**components.EXAMPLES["choices"]["with content after the options"])  # type: ignore[arg-type]
    assert html.endswith('<p class="cs-checker__cite">From section 6</p></div>')


def test_a_sibling_show_if_carries_its_prefix() -> None:
    html = components.text_input(
        **components.EXAMPLES["text_input"]["shown if a sibling has a value"]
    )  # type: ignore[arg-type]
    assert 'data-show-if-prefix="incident." data-show-if="{&quot;location&quot;' in html
