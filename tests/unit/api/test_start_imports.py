"""The checker's and the calculator's calls never import the form or PDF machinery: the
browser starts those pages without loading pydantic or fpdf2 (see csprcore.api.NEEDS)."""

from __future__ import annotations

import json
import subprocess
import sys

from csprcore import api

NEEDS_NOTHING = sorted(set(api.FUNCTIONS) - set(api.NEEDS))


def test_functions_outside_needs_import_neither_pydantic_nor_fpdf() -> None:
    script = (
        "import json, sys\n"
        "import csprcore.api as api\n"
        f"for fn in {NEEDS_NOTHING!r}:\n"
        "    api.call(fn, json.dumps({'referral': '2026-12-18', 'date': '2026-12-18', 'n': 5,"
        " 'start': '2026-12-18', 'end': '2026-12-24', 'year': 2026, 'facts': {}}))\n"
        "print(json.dumps(sorted(m for m in ('pydantic', 'fpdf') if m in sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []


def test_needs_names_only_known_groups_and_functions() -> None:
    assert set(api.NEEDS) <= set(api.FUNCTIONS)
    assert {g for needs in api.NEEDS.values() for g in needs} <= set(api.WARMUPS) - {"start"}
