"""What every test suite shares: which partnership's profile the tests run with.

``make test PARTNERSHIP=partnerships/<slug>`` runs every test with that partnership's profile.
A test marked ``nel`` is a scenario quoting North East Lincolnshire's own procedure (its
Appendix 1 numbers, its names, its pages): it runs only with that profile. Every other test
holds for any partnership, and ``tests/unit/partnership/test_partnership.py`` and
``tests/browser/test_partnerships.py`` check that another profile reaches every output.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from csprcore.partnership import DEFAULT_DIR, current


def is_default_partnership() -> bool:
    return Path(current().directory) == DEFAULT_DIR.resolve()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if is_default_partnership():
        return
    skip = pytest.mark.skip(
        reason=f"quotes North East Lincolnshire's procedure; this run uses {current().name}"
    )
    for item in items:
        if "nel" in item.keywords:
            item.add_marker(skip)
