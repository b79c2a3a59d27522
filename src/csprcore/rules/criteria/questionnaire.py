"""The checker's questionnaire: each question's key, options and wording, shared by the
browser form, the command line and the rules, and the check of a set of answers against them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any, Final, Literal

from ...errors import FieldError, InputError
from ...partnership.names import AREA
from ..citations import Cite
from ..dates import parse_local_datetime
from ..visibility import shown


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    hint: str = ""


@dataclass(frozen=True)
class Question:
    key: str
    text: str
    hint: str
    options: tuple[Option, ...]
    cite: Cite
    #: Checkboxes (several answers) rather than radios (one answer).
    multiple: bool = False
    #: Shown only when one of these answers is given: ``{fact key: (values...)}``, any match.
    #: Empty means always shown.
    show_if: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(o.value for o in self.options)

    @property
    def choices(self) -> tuple[tuple[str, str], ...]:
        """The options as a form field's ``(value, label)`` pairs."""
        return tuple((o.value, o.label) for o in self.options)

    @property
    def allows_unsure(self) -> bool:
        return "unsure" in self.values

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["show_if"] = {k: list(v) for k, v in self.show_if.items()}
        data["allows_unsure"] = self.allows_unsure
        return data


NOT_SURE: Final = Option("unsure", "Not sure")
YES_NO_UNSURE: Final = (Option("yes", "Yes"), Option("no", "No"), NOT_SURE)

QUESTIONS: Final[tuple[Question, ...]] = (
    Question(
        key="abuse_or_neglect",
        text="Is abuse or neglect of the child known or suspected?",
        hint="Suspicion is enough. You do not need proof.",
        options=(
            Option("known", "Yes, it is known"),
            Option("suspected", "Yes, it is suspected"),
            Option("not_suspected", "No, abuse or neglect is not known or suspected"),
            NOT_SURE,
        ),
        cite="section-2",
    ),
    Question(
        key="harm",
        text="Has the child died or been seriously harmed?",
        hint=(
            "Serious harm includes serious or long-term impairment of a child's mental health, "
            "intellectual, emotional, social or behavioural development, or physical health. "
            "Use judgement where impairment is likely to be long-term, even if this is not yet "
            "certain. Serious harm may have occurred even if the child recovers."
        ),
        options=(
            Option("died", "The child has died"),
            Option("seriously_harmed", "The child has been seriously harmed"),
            Option("not_seriously_harmed", "The child has not died or been seriously harmed"),
            NOT_SURE,
        ),
        cite="section-2",
    ),
    Question(
        key="incident_location",
        text="Where did the incident happen: where was the child harmed?",
        hint=(
            "Where the abuse or neglect and the harm happened, not where the child was "
            "treated or died: a child harmed here who died in a hospital elsewhere was harmed "
            f"here. The local authority's area here is {AREA}."
        ),
        options=(
            Option("in_area", f"In {AREA}"),
            Option("elsewhere_in_england", "Elsewhere in England"),
            Option("outside_england", "Outside England"),
            NOT_SURE,
        ),
        cite="section-3",
    ),
    Question(
        key="normally_resident_in_area",
        text=f"Is the child normally resident in {AREA}?",
        hint=(
            "When a child normally resident here dies or is seriously harmed outside England, "
            "the duty to notify the Panel rests with this local authority."
        ),
        options=YES_NO_UNSURE,
        cite="section-3",
        show_if={"incident_location": ("outside_england", "unsure")},
    ),
    Question(
        key="looked_after",
        text="Is the child looked after by a local authority (in care), or a care leaver?",
        hint="The death of a looked-after child must also be notified to Ofsted and the "
        "Secretary of State, whether or not abuse or neglect is known or suspected. National "
        "guidance since 2023 asks the same for a care leaver up to and including the age "
        "of 24.",
        options=(
            Option("yes", "Yes"),
            Option("no", "No"),
            Option("care_leaver", "The child has left care: a care leaver"),
            NOT_SURE,
        ),
        cite="section-3",
    ),
    Question(
        key="child_protection_plan",
        text="Is the child on a child protection plan?",
        options=(
            Option("current", "Yes, the child is on a plan now"),
            Option("recently_removed", "The child was recently removed from a plan"),
            Option("none", "No"),
            NOT_SURE,
        ),
        hint="",
        cite="section-6",
    ),
    Question(
        key="educated_otherwise_than_at_school",
        text="Is the child educated otherwise than at school (EOTAS)?",
        hint="For example, educated at home or in alternative provision.",
        options=YES_NO_UNSURE,
        cite="section-6",
    ),
    Question(
        key="institutional_setting",
        text="Does the case raise issues about safeguarding children in an institutional setting?",
        hint="For example, a residential home, a school, a hospital or secure accommodation.",
        options=YES_NO_UNSURE,
        cite="section-6",
    ),
    Question(
        key="abuse_types",
        text="Which types of abuse or neglect are known or suspected?",
        hint="Select all that apply.",
        options=(
            Option("physical", "Physical abuse"),
            Option("emotional", "Emotional abuse"),
            Option("sexual", "Sexual abuse"),
            Option("neglect", "Neglect"),
            Option("exploitation", "Exploitation"),
            Option("other", "Another type"),
        ),
        cite="section-6",
        multiple=True,
        show_if={"abuse_or_neglect": ("known", "suspected", "unsure")},
    ),
    Question(
        key="local_learning",
        text=f"Does the case hold learning of importance to {AREA}?",
        hint="For example good practice, poor practice or a 'near miss'.",
        options=YES_NO_UNSURE,
        cite="section-7",
        show_if={
            "abuse_or_neglect": ("not_suspected", "unsure"),
            "harm": ("not_seriously_harmed", "unsure"),
        },
    ),
)

QUESTIONS_BY_KEY: Final = {q.key: q for q in QUESTIONS}

AbuseType = Literal["physical", "emotional", "sexual", "neglect", "exploitation", "other"]


def questions() -> list[dict[str, Any]]:
    return [q.as_dict() for q in QUESTIONS]


def is_shown(question: Question, facts: Mapping[str, Any]) -> bool:
    """Whether a question is asked, given the other answers (its ``show_if``)."""
    return shown(question.show_if, facts)


# --------------------------------------------------------------------------------------
# Facts
# --------------------------------------------------------------------------------------


def parse_facts(raw: Any) -> dict[str, Any]:
    """Check a facts object against the questions; a missing answer is "unsure".

    Unknown keys and unknown answers are refused, naming the field, so a typo in a scripted
    call never passes silently as "unsure".
    """
    if not isinstance(raw, Mapping):
        raise InputError.one("facts", "Facts must be a JSON object of answers")
    errors: list[FieldError] = []
    facts: dict[str, Any] = {}
    for key, value in raw.items():
        question = QUESTIONS_BY_KEY.get(str(key))
        if question is None:
            errors.append(FieldError(str(key), f"'{key}' is not a question the checker asks"))
            continue
        allowed = ", ".join(question.values)
        if question.multiple:
            items = value if isinstance(value, list) else None
            if items is None or not all(isinstance(v, str) for v in items):
                errors.append(FieldError(key, f"{key} must be a list drawn from: {allowed}"))
                continue
            bad = [v for v in items if v not in question.values]
            if bad:
                errors.append(
                    FieldError(key, f"{key} has an unknown answer '{bad[0]}'; use: {allowed}")
                )
                continue
            facts[key] = sorted(set(items), key=question.values.index)
        elif value is None:
            continue
        elif value not in question.values:
            errors.append(
                FieldError(key, f"{key} has an unknown answer '{value}'; use one of: {allowed}")
            )
        else:
            facts[key] = value
    if errors:
        raise InputError(errors)
    return facts


def parse_checked_at(value: Any) -> datetime:
    """The page's local date and time of a check, ``dd/mm/yyyy hh:mm``."""
    return parse_local_datetime(value, "checked_at")
