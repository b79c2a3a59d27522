"""One show-if rule: the checker, the forms' check and the page all use it.

``csprcore.rules.visibility.shown`` is the rule; ``criteria.is_shown`` and the forms' check call
it; the page's ``isShown`` (``web/js/form-ui.js``) is run here, in Node, on the same cases,
which include every condition the checker and the forms really have.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from csprcore.forms.registry import forms
from csprcore.forms.spec import parts
from csprcore.rules import criteria
from csprcore.rules.visibility import shown

ROOT = Path(__file__).resolve().parents[3]
FORM_UI = ROOT / "web" / "js" / "form-ui.js"


def real_conditions() -> list[dict[str, list[str]]]:
    found = [{k: list(v) for k, v in q.show_if.items()} for q in criteria.QUESTIONS if q.show_if]
    for form in forms().values():
        for part in parts(form):
            for f in part.fields:
                if f.meta.show_if:
                    other, values = f.meta.show_if
                    found.append({other: list(values)})
    return found


def cases() -> list[dict[str, Any]]:
    rng = random.Random(14)
    words = ["yes", "no", "unsure", "died", "known", "", "other"]
    out: list[dict[str, Any]] = [{"rule": {}, "answers": {}}]
    for rule in [*real_conditions(), *({"a": rng.sample(words, 2)} for _ in range(20)),
                 *({"a": ["x"], "b": ["y", "z"]} for _ in range(5))]:  # fmt: skip
        pool = [*(v for vs in rule.values() for v in vs), *words]
        for _ in range(8):
            answers: dict[str, Any] = {}
            for name in rule:
                pick = rng.random()
                if pick < 0.2:
                    continue  # not answered
                if pick < 0.5:
                    answers[name] = rng.sample(pool, rng.randint(0, 3))  # checkboxes
                else:
                    answers[name] = rng.choice(pool)
            out.append({"rule": rule, "answers": answers})
    return out


def test_the_checker_and_the_forms_use_the_one_rule() -> None:
    question = next(q for q in criteria.QUESTIONS if q.show_if)
    key, values = next(iter(question.show_if.items()))
    assert criteria.is_shown(question, {key: values[0]}) is True
    assert criteria.is_shown(question, {key: [values[0]]}) is True
    assert criteria.is_shown(question, {}) is False
    assert len(real_conditions()) > 5


def test_the_page_applies_the_same_rule(tmp_path: Path) -> None:
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js is needed to run the page's rule")
    all_cases = cases()
    data = tmp_path / "cases.json"
    data.write_text(json.dumps(all_cases))
    script = (
        f"const {{ isShown }} = await import({json.dumps(FORM_UI.as_uri())});\n"
        "const fs = await import('node:fs');\n"
        f"const cases = JSON.parse(fs.readFileSync({json.dumps(str(data))}, 'utf8'));\n"
        "console.log(JSON.stringify(cases.map((c) => isShown(c.rule, c.answers))));\n"
    )
    done = subprocess.run([node, "--input-type=module", "-e", script],
                          capture_output=True, text=True, timeout=60, check=True)  # fmt: skip
    page = json.loads(done.stdout)
    core = [shown(c["rule"], c["answers"]) for c in all_cases]
    assert len(core) > 200
    mismatches = [c for c, a, b in zip(all_cases, core, page, strict=True) if a != b]
    assert mismatches == []
    assert True in core and False in core
