"""The record of a criteria check as a PDF: when, the answers, the conclusions with their
reasons, and the next steps (sections 2-7, via ``rules.criteria``).

The checker asks for no names, so the record holds none; the outcome is always worked out
again from the facts, never read from a file.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Final

from ..rules.citations import short_title
from ..rules.criteria import (
    ANSWER_WORDS,
    CONCLUSION_QUESTIONS,
    CONCLUSIONS,
    NATIONAL_CIRCUMSTANCES,
    assess,
    parse_facts,
)
from ..views.checker import PAGE_TEXT, answer_rows
from .document import Block, Report

RECORD_TITLE: Final = "Record of a criteria check"


def record(raw_facts: Any, checked_at: datetime) -> Report:
    """A record of a check: when, the answers, the conclusions with their reasons and
    the next steps. The checker asks for no names, so the record holds none."""
    facts = parse_facts(raw_facts)
    outcome = assess(facts)
    when = checked_at.strftime("%d/%m/%Y at %H:%M")

    def cited(text: str, cite: str) -> str:
        return f"\N{BULLET} {text} ({short_title(cite)})"

    blocks = [
        Block("Your answers", answer_rows(facts)),
        Block(
            "What the answers show",
            [(CONCLUSION_QUESTIONS[k], ANSWER_WORDS[outcome[k]]) for k in CONCLUSIONS]
            + [
                (
                    CONCLUSION_QUESTIONS["national_review_circumstances"],
                    "\n".join(
                        NATIONAL_CIRCUMSTANCES[c] for c in outcome["national_review_circumstances"]
                    )
                    or "None shown by the answers",
                )
            ],
        ),
    ]
    for key in (*CONCLUSIONS, "national_review_circumstances"):
        lines = [cited(r["text"], r["cite"]) for r in outcome["reasons"] if r["finding"] == key]
        if key == "national_review_circumstances" and not lines:
            lines = [PAGE_TEXT["circumstances_none_not_serious"]]
        answer = f"Answer: {ANSWER_WORDS[outcome[key]]}." if key in CONCLUSIONS else ""
        blocks.append(
            Block(CONCLUSION_QUESTIONS[key], text="\n".join(x for x in (answer, *lines) if x))
        )
    steps = [cited(s["text"], s["cite"]) for s in outcome["next_steps"]]
    blocks.append(
        Block(
            PAGE_TEXT["next_steps_heading"], text="\n".join(steps) or PAGE_TEXT["next_steps_none"]
        )
    )
    blocks.append(
        Block(
            "About this record",
            text=(
                f"{PAGE_TEXT['disclaimer']} ({short_title(PAGE_TEXT['disclaimer_cite'])})\n"
                "The checker asks for no names, and this record holds none."
            ),
        )
    )
    subtitle = (
        "Is this a serious child safeguarding case, and who must notify whom? "
        f"Checked on {when}, with the criteria checker of the Child Safeguarding Practice "
        "Review procedure."
    )
    return Report(RECORD_TITLE, blocks, subtitle)


def record_filename(checked_at: datetime) -> str:
    return f"criteria-check-{checked_at.strftime('%Y-%m-%d-%H%M')}.pdf"
