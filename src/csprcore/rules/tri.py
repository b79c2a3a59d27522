"""Three-valued answers combined with Kleene's strong logic.

Where the procedure needs judgement a user may say "Not sure": a definite "no" in a required
condition settles the answer as "no"; otherwise any "unsure" leaves it "unsure".
"""

from __future__ import annotations

from typing import Literal

Tri = Literal["yes", "no", "unsure"]

YES: Tri = "yes"
NO: Tri = "no"
UNSURE: Tri = "unsure"


def all_of(*values: Tri) -> Tri:
    if NO in values:
        return NO
    if UNSURE in values:
        return UNSURE
    return YES


def any_of(*values: Tri) -> Tri:
    if YES in values:
        return YES
    if UNSURE in values:
        return UNSURE
    return NO


def negate(value: Tri) -> Tri:
    return {YES: NO, NO: YES, UNSURE: UNSURE}[value]
