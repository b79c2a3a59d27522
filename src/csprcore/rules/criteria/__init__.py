"""Is this a serious child safeguarding case, and who must notify whom?

Sections 2, 3, 5, 6 and 7 of the procedure as three-valued rules (see ``csprcore.rules.tri``).
The questions a user answers are defined here too, so the browser form, the CLI and the
rules share one list of keys, options and wording.

Each section's rule sits with the reasons that explain its conclusion, so the two are read
together against the procedure: ``serious`` (section 2), ``notification`` (section 3),
``reviews`` (sections 5 to 7). ``questionnaire`` holds the questions, ``conclusions`` the
conclusions' words and records, ``next_steps`` what follows, and ``outcome`` runs the
sections in order.
"""

from __future__ import annotations

from .conclusions import (
    ANSWER_WORDS,
    CARE_LEAVER_SOURCES,
    CHECK,
    CONCLUSION_QUESTIONS,
    CONCLUSIONS,
    NATIONAL_CIRCUMSTANCES,
    OTHER_AREA,
    NextStep,
    Reason,
)
from .outcome import assess
from .questionnaire import (
    NOT_SURE,
    QUESTIONS,
    QUESTIONS_BY_KEY,
    YES_NO_UNSURE,
    AbuseType,
    Option,
    Question,
    is_shown,
    parse_checked_at,
    parse_facts,
    questions,
)

__all__ = [
    "ANSWER_WORDS",
    "CARE_LEAVER_SOURCES",
    "CHECK",
    "CONCLUSIONS",
    "CONCLUSION_QUESTIONS",
    "NATIONAL_CIRCUMSTANCES",
    "NOT_SURE",
    "OTHER_AREA",
    "QUESTIONS",
    "QUESTIONS_BY_KEY",
    "YES_NO_UNSURE",
    "AbuseType",
    "NextStep",
    "Option",
    "Question",
    "Reason",
    "assess",
    "is_shown",
    "parse_checked_at",
    "parse_facts",
    "questions",
]
