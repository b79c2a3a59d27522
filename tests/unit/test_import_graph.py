"""The import graph of the project's own Python: no cycles, and the rules below the forms.

Every ``import`` counts, including those inside functions: a cycle hidden by an import inside a
function is still a cycle. The lazy imports that keep pydantic and fpdf2 out of start-up
(``csprcore.api``) are deliberate and make no cycle.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = {"csprcore": ROOT / "src" / "csprcore", "pages": ROOT / "pages",
            "assembly": ROOT / "assembly"}  # fmt: skip

#: The layers of the core, lowest first, each one or more module prefixes; a module is in the
#: layer of the longest prefix it matches. A layer imports nothing from a layer above it: the
#: rules know nothing of views, exports, forms, the API or the command line; a view words what
#: the rules decide for a page; the exports' machinery (the document model, PDF, editable
#: copies, CSV, calendar files) and the register's and the checker's exports render rules and
#: views; the forms use all three; what a checked form makes (``exports.forms``: its PDF and
#: the letters, reports and files made from it) is made from the form's model, so it sits
#: above the forms and no form imports it; only ``api`` and ``cli`` see everything.
#: (``errors`` and ``jsontext`` sit below every layer.)
LAYERS = (
    ("csprcore.rules",),
    ("csprcore.views",),
    ("csprcore.exports",),
    ("csprcore.forms",),
    ("csprcore.exports.forms", "csprcore.exports.letters", "csprcore.exports.action_plan"),
)
TOP = ("csprcore.api", "csprcore.cli", "csprcore.commands")
PREFIXES = tuple(prefix for layer in LAYERS for prefix in layer)


def layer_of(module: str) -> int | None:
    """The index in ``LAYERS`` of the module's layer: its longest matching prefix's."""
    found = [(len(p), i) for i, layer in enumerate(LAYERS) for p in layer
             if module == p or module.startswith(p + ".")]  # fmt: skip
    return max(found)[1] if found else None


def module_name(package: str, path: Path) -> str:
    rel = path.relative_to(PACKAGES[package]).with_suffix("")
    parts = [package, *rel.parts]
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {
        module_name(pkg, path): path
        for pkg, folder in PACKAGES.items()
        for path in sorted(folder.rglob("*.py"))
    }


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The project modules ``name`` imports (an import of a package counts as its
    ``__init__``; ``from package import module`` as the module)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_package = path.name == "__init__.py"
    base = name.split(".") if is_package else name.split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                anchor = base[: len(base) - node.level + 1]
                prefix = ".".join([*anchor, *([node.module] if node.module else [])])
            else:
                prefix = node.module or ""
            targets = [f"{prefix}.{a.name}" for a in node.names] + [prefix]
        else:
            continue
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def graph() -> dict[str, set[str]]:
    mods = modules()
    known = set(mods)
    return {name: imports_of(name, path, known) for name, path in mods.items()}


def test_the_graph_is_read() -> None:
    g = graph()
    assert "csprcore.forms.engine" in g["csprcore.api.forms"]
    assert "csprcore.views.timeline" in g["csprcore.views.deadlines"]
    assert "csprcore.rules.calendar" in g["csprcore.rules.deadlines"]
    assert "pages.components" in g["pages.form_page"]


def test_no_import_cycles() -> None:
    g = graph()
    # A package's __init__ importing its own modules is not a cycle of concern; ignore the
    # edge from a module to the package that contains it.
    edges = {a: {b for b in bs if not a.startswith(b + ".")} for a, bs in g.items()}
    visiting: list[str] = []
    done: set[str] = set()
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        if node in done:
            return
        if node in visiting:
            cycles.append([*visiting[visiting.index(node) :], node])
            return
        visiting.append(node)
        for nxt in sorted(edges.get(node, ())):
            visit(nxt)
        visiting.pop()
        done.add(node)

    for node in sorted(edges):
        visit(node)
    assert cycles == [], " ; ".join(" -> ".join(c) for c in cycles)


def test_the_layers_are_read() -> None:
    assert layer_of("csprcore.exports.pdf") == LAYERS.index(("csprcore.exports",))
    assert layer_of("csprcore.exports.letters.rapid_review") == len(LAYERS) - 1
    assert layer_of("csprcore.forms.engine") == LAYERS.index(("csprcore.forms",))
    assert layer_of("csprcore.api") is None


def above(index: int, target: str) -> bool:
    layer = layer_of(target)
    return (layer is not None and layer > index) or target.startswith(TOP)


@pytest.mark.parametrize("index", range(len(LAYERS)), ids=[" ".join(la) for la in LAYERS])
def test_each_layer_imports_nothing_above_it(index: int) -> None:
    g = graph()
    inside = [m for m in g if layer_of(m) == index]
    assert inside, f"{LAYERS[index]} has no modules"
    wrong = {m: sorted(t for t in g[m] if above(index, t)) for m in inside}
    assert {m: t for m, t in wrong.items() if t} == {}


def test_every_core_module_is_in_a_layer() -> None:
    top = {"csprcore", "csprcore.api", "csprcore.cli", "csprcore.commands", "csprcore.errors",
           "csprcore.jsontext", "csprcore.partnership", "csprcore.partnership.checks",
           "csprcore.partnership.loading", "csprcore.partnership.names",
           "csprcore.partnership.profile", "csprcore.partnership.schema"}  # fmt: skip
    loose = [m for m in graph() if m.startswith("csprcore") and m not in top
             and not m.startswith((*PREFIXES, *(f"{t}." for t in TOP)))]  # fmt: skip
    assert loose == []


def test_pages_and_assembly_are_not_imported_by_the_core() -> None:
    g = graph()
    for name, targets in g.items():
        if name.startswith("csprcore"):
            assert not [t for t in targets if t.startswith(("pages", "assembly"))], name
