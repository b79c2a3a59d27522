"""Is this a serious child safeguarding case, and who must notify whom: ``csprcore.rules.criteria``.

Named scenarios, each with the words of the procedure it checks (sections 2, 3, 5, 6, 7).
"""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from csprcore.errors import InputError
from csprcore.rules import criteria, tri
from csprcore.rules.citations import SECTION_TITLES
from csprcore.rules.criteria import assess, parse_facts, questions

PROPERTY = settings(max_examples=200, deadline=None)

#: What every assessment gives: a value for each conclusion, the section 6 national review
#: circumstances and the reasons, each reason naming the finding it is for.
OUTPUT_KEYS = {
    "serious_case",
    "la_must_notify_panel",
    "notify_ofsted_and_secretary_of_state",
    "rapid_review",
    "line_of_sight_learning",
    "national_review_circumstances",
    "reasons",
}
CONCLUSION_KEYS = OUTPUT_KEYS - {"national_review_circumstances", "reasons"}

#: The questions the checker asks, in order, each with the answers it offers (the facts its
#: rules read), written out here apart from ``csprcore.rules.criteria``.
EXPECTED_QUESTIONS: dict[str, tuple[str, ...]] = {
    "abuse_or_neglect": ("known", "suspected", "not_suspected", "unsure"),
    "harm": ("died", "seriously_harmed", "not_seriously_harmed", "unsure"),
    "incident_location": ("in_area", "elsewhere_in_england", "outside_england", "unsure"),
    "normally_resident_in_area": ("yes", "no", "unsure"),
    "looked_after": ("yes", "no", "care_leaver", "unsure"),
    "child_protection_plan": ("current", "recently_removed", "none", "unsure"),
    "educated_otherwise_than_at_school": ("yes", "no", "unsure"),
    "institutional_setting": ("yes", "no", "unsure"),
    "abuse_types": ("physical", "emotional", "sexual", "neglect", "exploitation", "other"),
    "local_learning": ("yes", "no", "unsure"),
}


def conclusions(result: dict[str, Any]) -> dict[str, str]:
    return {k: result[k] for k in sorted(CONCLUSION_KEYS)}


def reasons_for(result: dict[str, Any], finding: str) -> str:
    return " ".join(r["text"] for r in result["reasons"] if r["finding"] == finding)


# --------------------------------------------------------------------------------------
# Named scenarios
# --------------------------------------------------------------------------------------


def test_death_with_suspected_abuse_in_the_area() -> None:
    # Section 2: "Serious child safeguarding cases are those in which: Abuse or neglect of a
    # child is known or suspected; and The child has died or been seriously harmed."
    # Section 3, s16C(1)(a): the local authority must notify the Panel if "the child dies or
    # is seriously harmed in the local authority's area".
    # Section 5: the SRG "will arrange for a 'Rapid Review' to be undertaken and completed
    # for: All cases notified to them".
    result = assess(
        {
            "abuse_or_neglect": "suspected",
            "harm": "died",
            "incident_location": "in_area",
            "looked_after": "yes",
        }
    )
    assert conclusions(result) == {
        "serious_case": "yes",
        "la_must_notify_panel": "yes",
        # Section 3: "The local authority must also notify the Secretary of State and Ofsted
        # where a looked after child has died".
        "notify_ofsted_and_secretary_of_state": "yes",
        "rapid_review": "yes",
        # Section 7: Line of Sight is for cases that do "not meet the definition".
        "line_of_sight_learning": "no",
    }
    assert "5 working days" in reasons_for(result, "la_must_notify_panel")
    assert result["national_review_circumstances"] == ["in_care_or_child_protection_plan"]


def test_seriously_harmed_with_known_abuse_in_the_area() -> None:
    result = assess(
        {
            "abuse_or_neglect": "known",
            "harm": "seriously_harmed",
            "incident_location": "in_area",
            "looked_after": "no",
        }
    )
    assert result["serious_case"] == "yes"
    assert result["la_must_notify_panel"] == "yes"
    assert result["rapid_review"] == "yes"
    # Not a death: no duty to tell Ofsted and the Secretary of State.
    assert result["notify_ofsted_and_secretary_of_state"] == "no"
    # Section 2: "Even if a child recovers, including from a one-off incident, serious harm
    # may still have occurred".
    guidance = reasons_for(result, "serious_case")
    assert "long-term" in guidance
    assert "recovers" in guidance


def test_looked_after_childs_death_with_no_abuse_suspected() -> None:
    # Section 3: "The local authority must also notify the Secretary of State and Ofsted where
    # a looked after child has died, whether or not abuse or neglect is known or suspected".
    result = assess(
        {
            "abuse_or_neglect": "not_suspected",
            "harm": "died",
            "incident_location": "in_area",
            "looked_after": "yes",
        }
    )
    assert result["serious_case"] == "no"
    assert result["la_must_notify_panel"] == "no"
    assert result["notify_ofsted_and_secretary_of_state"] == "yes"
    assert result["rapid_review"] == "no"
    assert result["national_review_circumstances"] == []
    assert "whether or not abuse or neglect" in reasons_for(
        result, "notify_ofsted_and_secretary_of_state"
    )


@pytest.mark.parametrize(
    ("resident", "expected"),
    [
        # s16C(1)(b): "while normally resident in the local authority's area, the child dies
        # or is seriously harmed outside England".
        ("yes", "yes"),
        ("no", "no"),
        ("unsure", "unsure"),
        (None, "unsure"),
    ],
)
def test_harm_outside_england_depends_on_residence(resident: str | None, expected: str) -> None:
    facts: dict[str, Any] = {
        "abuse_or_neglect": "suspected",
        "harm": "seriously_harmed",
        "incident_location": "outside_england",
    }
    if resident is not None:
        facts["normally_resident_in_area"] = resident
    result = assess(facts)
    assert result["serious_case"] == "yes"
    assert result["la_must_notify_panel"] == expected
    # A child who lives elsewhere in England, harmed abroad: that area's local authority
    # notifies (s16C(1)(b)), and the Rapid Review is that area's.
    assert result["rapid_review"] == ("other_area" if resident == "no" else "yes")
    assert "outside England" in reasons_for(result, "la_must_notify_panel")


@pytest.mark.nel
def test_harm_elsewhere_in_england() -> None:
    # s16C(1) gives the duty to the local authority for the area where the child died or was
    # seriously harmed (or, outside England, where the child normally lives): harm in another
    # English authority's area is that authority's to notify.
    result = assess(
        {
            "abuse_or_neglect": "known",
            "harm": "seriously_harmed",
            "incident_location": "elsewhere_in_england",
            "normally_resident_in_area": "yes",
        }
    )
    assert result["serious_case"] == "yes"
    assert result["la_must_notify_panel"] == "no"
    # The Panel's FAQ: "a rapid review cannot be undertaken without the prior submission of
    # a Serious Incident Notification", and both rest "with the local authority of where the
    # serious incident took place". The Rapid Review is that area's, not this partnership's.
    assert result["rapid_review"] == "other_area"
    why = reasons_for(result, "la_must_notify_panel")
    assert "local authority for the area where it happened" in why
    assert "not with North East Lincolnshire" in why
    rapid = reasons_for(result, "rapid_review")
    assert "for the safeguarding partners of the area where the incident happened" in rapid
    assert "agree with that area who leads" in rapid
    steps = " ".join(s["text"] for s in result["next_steps"])
    assert "local authority for the area where the child died or was harmed" in steps
    assert "contribute to their Rapid Review" in steps
    # No step of this partnership's own Rapid Review timetable.
    assert not any(s["cite"] == "appendix-1" for s in result["next_steps"])


@pytest.mark.parametrize(
    ("harm", "answer"),
    [("died", "check"), ("unsure", "unsure"), ("seriously_harmed", "no")],
)
def test_a_care_leavers_death_is_never_a_silent_no(harm: str, answer: str) -> None:
    """The procedure (section 3) names only a looked-after child's death. Partnerships read
    Working Together 2023, chapter 5, as asking the local authority to notify the Secretary of
    State and Ofsted of the death of a care leaver "up to and including the age of 24"
    (North Yorkshire's and Lincolnshire's procedures); a briefing calls it non-mandatory, and
    the guidance itself could not be read: the answer is "check", with the sources named."""
    result = assess({"abuse_or_neglect": "not_suspected", "harm": harm,
                     "looked_after": "care_leaver"})  # fmt: skip
    assert result["notify_ofsted_and_secretary_of_state"] == answer
    why = reasons_for(result, "notify_ofsted_and_secretary_of_state")
    if answer == "check":
        assert "Working Together to Safeguard Children 2023 (chapter 5)" in why
        assert "up to and including the age of 24" in why
        assert "non-mandatory" in why
        assert criteria.ANSWER_WORDS["check"] == "Check national guidance"
        steps = " ".join(s["text"] for s in result["next_steps"])
        assert "Check that the local authority has told the Secretary of State and Ofsted" in steps
    elif answer == "unsure":
        assert "care leaver" in why
    else:
        assert "the care leaver has not died" in why


def test_a_looked_after_childs_death_is_still_yes() -> None:
    result = assess({"abuse_or_neglect": "not_suspected", "harm": "died", "looked_after": "yes"})
    assert result["notify_ofsted_and_secretary_of_state"] == "yes"


def test_the_location_question_asks_where_the_harm_happened() -> None:
    # A child harmed here who dies in a hospital elsewhere was harmed here: the question asks
    # where the incident happened, not where the child was treated or died.
    question = criteria.QUESTIONS_BY_KEY["incident_location"]
    assert question.text == "Where did the incident happen: where was the child harmed?"
    assert "not where the child was treated or died" in question.hint


@pytest.mark.nel
def test_near_miss_with_poor_practice() -> None:
    # Section 7: "Some cases may not meet the definition of a 'serious child safeguarding
    # case', but nevertheless raise issues of importance to the local area. That might, for
    # example, include where there has been good practice, poor practice or where there have
    # been 'near miss' events." ... "an interagency Line of Sight Learning Event may be
    # undertaken."
    result = assess(
        {
            "abuse_or_neglect": "suspected",
            "harm": "not_seriously_harmed",
            "incident_location": "in_area",
            "local_learning": "yes",
        }
    )
    assert result["serious_case"] == "no"
    assert result["la_must_notify_panel"] == "no"
    assert result["rapid_review"] == "no"
    assert result["line_of_sight_learning"] == "yes"
    assert result["national_review_circumstances"] == []
    assert "Line of Sight" in reasons_for(result, "line_of_sight_learning")
    assert any("Line of Sight" in s["text"] for s in result["next_steps"])


def test_no_abuse_no_learning() -> None:
    result = assess(
        {"abuse_or_neglect": "not_suspected", "harm": "seriously_harmed", "local_learning": "no"}
    )
    assert result["serious_case"] == "no"
    assert result["line_of_sight_learning"] == "no"
    assert result["next_steps"] == []


def test_every_answer_unsure() -> None:
    # Kleene logic: with no definite "no", any "unsure" leaves a conclusion "unsure".
    facts = {key: "unsure" for key, values in EXPECTED_QUESTIONS.items() if "unsure" in values}
    result = assess(facts)
    assert conclusions(result) == dict.fromkeys(sorted(CONCLUSION_KEYS), "unsure")
    assert result["line_of_sight_learning"] == "unsure"
    # Serious case not "no": the section 6 circumstances are looked for, and none is shown.
    assert result["national_review_circumstances"] == []
    # Section 3: "Professionals should discuss the case with their agency designated
    # safeguarding lead/officer to help formulate the rationale."
    assert "designated safeguarding lead" in reasons_for(result, "serious_case")
    steps = " ".join(s["text"] for s in result["next_steps"])
    assert "designated safeguarding lead" in steps
    assert "safeguarding partners" in steps


def test_empty_facts_are_all_unsure() -> None:
    # Every key is optional; a missing answer is "unsure".
    result = assess({})
    assert conclusions(result) == dict.fromkeys(sorted(CONCLUSION_KEYS), "unsure")
    assert result["national_review_circumstances"] == []
    assert result["reasons"]
    assert conclusions(assess({"harm": None})) == conclusions(result)


def test_serious_harm_guidance_and_next_steps_are_given() -> None:
    # Section 2: "judgment should be exercised in cases where impairment is likely to be
    # long-term, even if this is not immediately certain. Even if a child recovers, including
    # from a one-off incident, serious harm may still have occurred".
    result = assess({"abuse_or_neglect": "suspected", "harm": "unsure"})
    guidance = reasons_for(result, "serious_case")
    assert "likely to be long-term" in guidance
    assert "Even if a child recovers" in guidance
    # Section 3: "This should be undertaken using the NEL SCP Serious Child Safeguarding
    # Incident Notification to Safeguarding Partners form following discussion with the
    # designated lead within the organisation and agreement by the service manager."
    steps = [s["text"] for s in result["next_steps"]]
    assert any("designated safeguarding lead" in s for s in steps)
    assert any("Refer the incident to the safeguarding partners" in s for s in steps)


def test_ofsted_duty_with_unknown_answers() -> None:
    assert assess({"looked_after": "yes", "harm": "unsure"})[
        "notify_ofsted_and_secretary_of_state"
    ] == ("unsure")
    assert assess({"looked_after": "unsure", "harm": "died"})[
        "notify_ofsted_and_secretary_of_state"
    ] == ("unsure")
    assert assess({"looked_after": "no", "harm": "unsure"})[
        "notify_ofsted_and_secretary_of_state"
    ] == ("no")
    assert assess({"looked_after": "unsure", "harm": "seriously_harmed"})[
        "notify_ofsted_and_secretary_of_state"
    ] == ("no")


# --------------------------------------------------------------------------------------
# The rules as a whole, over every combination of the deciding answers
# --------------------------------------------------------------------------------------

DECIDING = ("abuse_or_neglect", "harm", "incident_location", "normally_resident_in_area")


def _expected(facts: dict[str, str]) -> dict[str, str]:
    """Whether it is a serious case (section 2), whether the local authority must notify the
    Panel and whose Rapid Review it is (section 3), written out independently with the Kleene
    helpers."""

    def answer(key: str, yes: set[str], no: set[str]) -> tri.Tri:
        value = facts.get(key, "unsure")
        return "yes" if value in yes else "no" if value in no else "unsure"

    abuse = answer("abuse_or_neglect", {"known", "suspected"}, {"not_suspected"})
    harmed = answer("harm", {"died", "seriously_harmed"}, {"not_seriously_harmed"})
    serious = tri.all_of(abuse, harmed)
    in_area = answer("incident_location", {"in_area"}, {"elsewhere_in_england", "outside_england"})
    outside = answer("incident_location", {"outside_england"}, {"in_area", "elsewhere_in_england"})
    resident = answer("normally_resident_in_area", {"yes"}, {"no"})
    notify = tri.all_of(serious, tri.any_of(in_area, tri.all_of(outside, resident)))
    # The Rapid Review is the notifying area's: another area's when the incident happened
    # elsewhere in England, or abroad to a child who lives elsewhere.
    elsewhere = facts.get("incident_location") == "elsewhere_in_england" or (
        outside == "yes" and resident == "no"
    )
    rapid = "other_area" if elsewhere and serious != "no" else serious
    return {"serious_case": serious, "la_must_notify_panel": notify, "rapid_review": rapid}


@pytest.mark.parametrize(
    "combo",
    list(itertools.product(*(EXPECTED_QUESTIONS[k] for k in DECIDING))),
    ids=lambda c: "-".join(c),
)
def test_rules_for_every_combination(combo: tuple[str, ...]) -> None:
    facts = dict(zip(DECIDING, combo, strict=True))
    result = assess(facts)
    for key, value in _expected(facts).items():
        assert result[key] == value, key
    if facts["incident_location"] == "elsewhere_in_england":
        assert result["la_must_notify_panel"] == "no"


# --------------------------------------------------------------------------------------
# Section 6: circumstances the Panel should have regard to
# --------------------------------------------------------------------------------------

SERIOUS = {"abuse_or_neglect": "known", "harm": "seriously_harmed", "incident_location": "in_area"}


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        # "significant harm or death to a child educated otherwise than at school"
        ({"educated_otherwise_than_at_school": "yes"}, ["educated_otherwise_than_at_school"]),
        # "where a child is seriously harmed or dies while in the care of a local authority,
        # or while on (or recently removed from) a child protection plan"
        ({"looked_after": "yes"}, ["in_care_or_child_protection_plan"]),
        ({"child_protection_plan": "current"}, ["in_care_or_child_protection_plan"]),
        ({"child_protection_plan": "recently_removed"}, ["in_care_or_child_protection_plan"]),
        ({"child_protection_plan": "none"}, []),
        # "cases which involve a range of types of abuse"
        ({"abuse_types": ["physical", "neglect"]}, ["range_of_abuse_types"]),
        ({"abuse_types": ["sexual"]}, []),
        ({"abuse_types": ["sexual", "sexual"]}, []),  # one type, twice: not a range
        ({"abuse_types": []}, []),
        # "where the case may raise issues relating to safeguarding or promoting the welfare
        # of children in institutional settings"
        ({"institutional_setting": "yes"}, ["institutional_setting"]),
        ({"institutional_setting": "unsure"}, []),
        (
            {
                "educated_otherwise_than_at_school": "yes",
                "looked_after": "yes",
                "child_protection_plan": "current",
                "abuse_types": ["emotional", "exploitation", "other"],
                "institutional_setting": "yes",
            },
            [
                "educated_otherwise_than_at_school",
                "in_care_or_child_protection_plan",
                "range_of_abuse_types",
                "institutional_setting",
            ],
        ),
    ],
)
def test_national_review_circumstances(extra: dict[str, Any], expected: list[str]) -> None:
    result = assess({**SERIOUS, **extra})
    assert result["national_review_circumstances"] == expected
    assert set(expected) <= set(criteria.NATIONAL_CIRCUMSTANCES)
    if expected:
        assert len(
            [r for r in result["reasons"] if r["finding"] == "national_review_circumstances"]
        )


def test_national_review_circumstances_when_serious_case_unsure() -> None:
    result = assess({"harm": "unsure", "abuse_or_neglect": "suspected", "looked_after": "yes"})
    assert result["serious_case"] == "unsure"
    assert result["national_review_circumstances"] == ["in_care_or_child_protection_plan"]


def test_no_national_review_circumstances_when_not_a_serious_case() -> None:
    result = assess(
        {
            "abuse_or_neglect": "not_suspected",
            "harm": "died",
            "educated_otherwise_than_at_school": "yes",
            "looked_after": "yes",
            "abuse_types": ["physical", "neglect"],
            "institutional_setting": "yes",
        }
    )
    assert result["serious_case"] == "no"
    assert result["national_review_circumstances"] == []
    assert not [r for r in result["reasons"] if r["finding"] == "national_review_circumstances"]


# --------------------------------------------------------------------------------------
# Kleene logic: csprcore.rules.tri
# --------------------------------------------------------------------------------------

Y, N, U = "yes", "no", "unsure"

AND_TABLE = {
    (Y, Y): Y, (Y, U): U, (Y, N): N,
    (U, Y): U, (U, U): U, (U, N): N,
    (N, Y): N, (N, U): N, (N, N): N,
}  # fmt: skip
OR_TABLE = {
    (Y, Y): Y, (Y, U): Y, (Y, N): Y,
    (U, Y): Y, (U, U): U, (U, N): U,
    (N, Y): Y, (N, U): U, (N, N): N,
}  # fmt: skip


@pytest.mark.parametrize(("pair", "expected"), AND_TABLE.items())
def test_kleene_and(pair: tuple[tri.Tri, tri.Tri], expected: str) -> None:
    assert tri.all_of(*pair) == expected


@pytest.mark.parametrize(("pair", "expected"), OR_TABLE.items())
def test_kleene_or(pair: tuple[tri.Tri, tri.Tri], expected: str) -> None:
    assert tri.any_of(*pair) == expected


def test_kleene_not() -> None:
    assert tri.negate(Y) == N
    assert tri.negate(N) == Y
    assert tri.negate(U) == U


def test_kleene_empty_and_constants() -> None:
    assert tri.all_of() == Y
    assert tri.any_of() == N
    assert (tri.YES, tri.NO, tri.UNSURE) == (Y, N, U)


TRIS = st.sampled_from([Y, N, U])


@PROPERTY
@given(st.lists(TRIS, max_size=6))
def test_kleene_de_morgan_and_folds(values: list[tri.Tri]) -> None:
    assert tri.negate(tri.all_of(*values)) == tri.any_of(*(tri.negate(v) for v in values))
    folded: tri.Tri = Y
    for v in values:
        folded = tri.all_of(folded, v)
    assert tri.all_of(*values) == folded


# --------------------------------------------------------------------------------------
# Reasons: every one names a finding, says something, and cites a real section
# --------------------------------------------------------------------------------------

FACTS = st.fixed_dictionaries(
    {},
    optional={
        key: (
            st.lists(st.sampled_from(values), max_size=4)
            if key == "abuse_types"
            else st.sampled_from(values)
        )
        for key, values in EXPECTED_QUESTIONS.items()
    },
)


@PROPERTY
@given(FACTS)
def test_every_reason_is_well_formed(facts: dict[str, Any]) -> None:
    result = assess(facts)
    assert set(result) >= OUTPUT_KEYS
    for key in CONCLUSION_KEYS:
        extra = {"rapid_review": ("other_area",),
                 "notify_ofsted_and_secretary_of_state": ("check",)}  # fmt: skip
        assert result[key] in (Y, N, U, *extra.get(key, ()))
    assert result["rapid_review"] in (result["serious_case"], "other_area")
    for reason in result["reasons"]:
        assert set(reason) == {"finding", "text", "cite"}
        assert reason["finding"] in OUTPUT_KEYS - {"reasons"}
        assert reason["text"].strip()
        assert reason["text"].rstrip()[-1] in ".!?"
        assert reason["cite"] in SECTION_TITLES
    for key in CONCLUSION_KEYS:
        assert any(r["finding"] == key for r in result["reasons"]), f"no reason for {key}"
    for step in result["next_steps"]:
        assert step["text"].strip()
        assert step["cite"] in SECTION_TITLES
    if result["serious_case"] == N:
        assert result["national_review_circumstances"] == []
    assert set(result["national_review_circumstances"]) <= set(criteria.NATIONAL_CIRCUMSTANCES)
    # Line of sight: NOT serious case AND local learning.
    learning = facts.get("local_learning", U)
    assert result["line_of_sight_learning"] == tri.all_of(
        tri.negate(result["serious_case"]), learning
    )


def test_next_steps_name_their_milestones() -> None:
    from csprcore.rules.timescales import TIMESCALES_BY_ID

    result = assess(SERIOUS)
    milestones = [s["milestone"] for s in result["next_steps"] if s["milestone"]]
    assert milestones
    assert all(m in TIMESCALES_BY_ID for m in milestones)


# --------------------------------------------------------------------------------------
# Bad input: refused, naming the field
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("facts", "field"),
    [
        ({"harm": "dead"}, "harm"),
        ({"abuse_or_neglect": "yes"}, "abuse_or_neglect"),
        ({"looked_after": True}, "looked_after"),
        ({"incident_location": ["in_area"]}, "incident_location"),
        ({"abuse_type": ["physical"]}, "abuse_type"),
        ({"abuse_types": "physical"}, "abuse_types"),
        ({"abuse_types": ["physical", "spiritual"]}, "abuse_types"),
        ({"abuse_types": [1, 2]}, "abuse_types"),
        ({"abuse_types": None}, "abuse_types"),
        ({"colour": "blue"}, "colour"),
    ],
)
def test_bad_input_names_the_field(facts: dict[str, Any], field: str) -> None:
    with pytest.raises(InputError) as exc:
        assess(facts)
    assert [e.field for e in exc.value.errors] == [field]
    assert exc.value.errors[0].message


def test_every_bad_field_is_named() -> None:
    with pytest.raises(InputError) as exc:
        parse_facts({"harm": "dead", "colour": "blue", "looked_after": "yes"})
    assert sorted(e.field for e in exc.value.errors) == ["colour", "harm"]


@pytest.mark.parametrize("raw", [[], "serious", 3, None])
def test_facts_must_be_an_object(raw: object) -> None:
    with pytest.raises(InputError) as exc:
        assess(raw)
    assert exc.value.errors[0].field == "facts"


def test_parse_facts_drops_missing_and_orders_abuse_types() -> None:
    facts = parse_facts({"harm": None, "abuse_types": ["neglect", "physical", "neglect"]})
    assert facts == {"abuse_types": ["physical", "neglect"]}


# --------------------------------------------------------------------------------------
# The questions: keys, options and "Not sure" where the answer may not be known yet
# --------------------------------------------------------------------------------------


def test_the_checker_asks_these_questions_with_these_answers_in_order() -> None:
    qs = questions()
    assert [q["key"] for q in qs] == list(EXPECTED_QUESTIONS)
    for q in qs:
        values = tuple(o["value"] for o in q["options"])
        assert values == EXPECTED_QUESTIONS[q["key"]], q["key"]
        assert q["allows_unsure"] is ("unsure" in values)
        assert q["text"].strip().endswith("?")
        assert isinstance(q["hint"], str)
        assert q["cite"] in SECTION_TITLES
        assert all(o["label"].strip() for o in q["options"])
        assert q["multiple"] is (q["key"] == "abuse_types")
        for other, shown_for in q["show_if"].items():
            assert other in EXPECTED_QUESTIONS
            assert set(shown_for) <= set(EXPECTED_QUESTIONS[other])


def test_not_sure_is_offered_for_every_question_but_the_kinds_of_abuse() -> None:
    by_key = {q["key"]: q for q in questions()}
    for key, values in EXPECTED_QUESTIONS.items():
        if "unsure" in values:
            labels = {o["value"]: o["label"] for o in by_key[key]["options"]}
            assert labels["unsure"] == "Not sure"
    assert not by_key["abuse_types"]["allows_unsure"]


def test_harm_question_carries_the_serious_harm_guidance() -> None:
    hint = {q["key"]: q for q in questions()}["harm"]["hint"]
    assert "long-term" in hint
    assert "recovers" in hint


def test_conclusion_wording_covers_every_conclusion() -> None:
    assert set(criteria.CONCLUSIONS) == CONCLUSION_KEYS
    assert set(criteria.CONCLUSION_QUESTIONS) == CONCLUSION_KEYS | {"national_review_circumstances"}
