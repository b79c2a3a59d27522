"""Shared fixtures for the unit tests (CPython only).

Hypothesis settings are set per test (``@settings(...)``), not as a global profile, so that
running the unit suite beside the other layers changes nothing for them.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest

from csprcore.forms.referral import Referral


@pytest.fixture
def example() -> dict[str, Any]:
    """A fresh copy of the complete, valid example referral (a document)."""
    return copy.deepcopy(Referral.example())
