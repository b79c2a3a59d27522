"""The checker's and the calculator's calls never import the form or PDF machinery: the
browser starts those pages without loading pydantic or fpdf2 (see csprcore.api.NEEDS)."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

from csprcore import api

NEEDS_NOTHING = sorted(set(api.FUNCTIONS) - set(api.NEEDS))


def printed_by(script: str) -> Any:
    """What a fresh Python prints as JSON after running ``script``, which imports
    ``csprcore.api as api`` (a fresh process: nothing imported before it)."""
    done = subprocess.run(
        [sys.executable, "-c", f"import json, sys\nimport csprcore.api as api\n{script}"],
        capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_functions_outside_needs_import_neither_pydantic_nor_fpdf() -> None:
    script = (
        f"for fn in {NEEDS_NOTHING!r}:\n"
        "    api.call(fn, json.dumps({'referral': '2026-12-18', 'date': '2026-12-18', 'n': 5,"
        " 'start': '2026-12-18', 'end': '2026-12-24', 'year': 2026, 'facts': {}}))\n"
        "print(json.dumps(sorted(m for m in ('pydantic', 'fpdf') if m in sys.modules)))\n"
    )
    assert printed_by(script) == []


def test_needs_names_only_known_groups_and_functions() -> None:
    assert set(api.NEEDS) <= set(api.FUNCTIONS)
    assert {g for needs in api.NEEDS.values() for g in needs} <= set(api.WARMUPS) - {"start"}


def test_a_forms_page_loads_its_own_forms_models_only() -> None:
    # What a form's page asks before "ready" (web/js/worker.js asks its form's check) builds
    # that form's models, not every form's: half the time the referral's page waited.
    script = (
        f"exec({api.WARMUPS['forms']!r})\n"
        "api.call('form_check', json.dumps({'form': 'referral', 'answers': {}}))\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith('csprcore.forms.')"
        " and m.count('.') == 2)))\n"
    )
    loaded = set(printed_by(script))
    assert "csprcore.forms.referral" in loaded
    assert not loaded & {"csprcore.forms.scoping", "csprcore.forms.rapid_review",
                         "csprcore.forms.local_review", "csprcore.forms.action_plan"}  # fmt: skip


def test_every_form_is_known_by_its_own_id() -> None:
    from csprcore.forms.registry import FORM_IDS, forms, get_form

    assert [f.form_id for f in forms().values()] == list(FORM_IDS)
    assert all(get_form(form_id).form_id == form_id for form_id in FORM_IDS)
