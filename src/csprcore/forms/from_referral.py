"""Starting Appendix 1's documents from a saved referral.

The business unit receives the referral (section 3) as the referral form's JSON file. The
Rapid Review record and an agency's scoping return repeat some of it: who the child
is, when it happened, when the referral came. ``fill_from_referral`` copies those into empty
boxes only, so nothing anyone has written is ever replaced.

Only what the purpose needs crosses over (the issue's "initials and age, not full names"): the
child's names become initials and the date of birth becomes an age at the incident. The
Rapid Review's national-review circumstances (section 6) come from the criteria checker's
answers when the referral carries them, brought up to date by the referral's own answers to
the same questions, and are worked out afresh by ``criteria.assess``: a stored outcome is
never trusted.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..errors import InputError
from ..rules import criteria
from ..rules.dates import and_list
from .base import FormBase
from .checker_facts import facts_from_answers
from .controls import initials_problem
from .engine import document_date, fill_computed
from .names import marks_from_referral
from .referral import OtherProcesses


def _s(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _section(doc: Mapping[str, Any], name: str) -> Mapping[str, Any]:
    part = doc.get(name)
    return part if isinstance(part, Mapping) else {}


# --------------------------------------------------------------------------------------
# the child, without a name
# --------------------------------------------------------------------------------------


def _initial(word: str) -> str:
    """A word's initial: its first letter, so "O'Neill" is "O" and "Mary-Jane" is "M-J"."""
    parts = []
    for piece in word.split("-"):
        letter = next((c for c in piece if c.isalpha()), "")
        if letter:
            parts.append(letter.upper())
    return "-".join(parts)


def initials(first_names: str, last_name: str) -> str:
    """The child's initials from their names ("Zara Nadia Smith" is "Z N S"). When that is
    more letters than initials can be (``scoping.initials_problem``), the first first name and
    the last name only. Blank when the names give nothing usable."""
    first = unicodedata.normalize("NFC", first_names).split()
    last = unicodedata.normalize("NFC", last_name).split()
    for words in (first + last, first[:1] + last[-1:]):
        text = " ".join(i for i in (_initial(w) for w in words) if i)
        if text and initials_problem(text) is None:
            return text
    return ""


def _plural(n: int, unit: str) -> str:
    return f"{n} {unit}{'' if n == 1 else 's'}"


def age_on(born: date, on: date) -> str:
    """The child's age on a day, as the template asks for it: years from 2 ("8"), months
    below that ("7 months"), weeks or days for a newborn. A birthday on 29 February comes on
    1 March in other years, as in English law."""
    if on < born:
        raise ValueError("born after the day")
    months = (on.year - born.year) * 12 + on.month - born.month - (on.day < born.day)
    if months >= 24:
        return str(months // 12)
    if months >= 1:
        return _plural(months, "month")
    days = (on - born).days
    return _plural(days // 7, "week") if days >= 7 else _plural(days, "day")


# --------------------------------------------------------------------------------------
# the criteria checker's answers, brought up to date by the referral's
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Circumstances:
    """Section 6's circumstances for a national review that a referral shows, and from what."""

    keys: list[str]
    source: str


def national_circumstances(ref: Mapping[str, Any]) -> Circumstances:
    """The circumstances the Panel has regard to (section 6), from the criteria checker's
    answers in the referral when present, updated by the referral's own answers (the later
    word), assessed by the current rules. A checker record the rules cannot read is set
    aside, and the referral's answers are used alone."""
    record = ref.get("checker")
    checked: dict[str, Any] = {}
    if isinstance(record, Mapping) and isinstance(record.get("facts"), Mapping):
        try:
            checked = criteria.parse_facts(record["facts"])
        except InputError:
            checked = {}
    ours = facts_from_answers(ref)
    facts = criteria.parse_facts({**checked, **ours})
    keys = list(criteria.assess(facts)["national_review_circumstances"])
    if checked and ours:
        source = "the criteria checker's answers in the referral and the referral's own answers"
    elif checked:
        source = "the criteria checker's answers in the referral"
    else:
        source = "the referral's answers"
    return Circumstances(keys, source)


# --------------------------------------------------------------------------------------
# filling a document
# --------------------------------------------------------------------------------------


@dataclass
class Filled:
    """What filling from a referral did, for the page and the CLI."""

    document: dict[str, Any]
    filled: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)
    circumstances: list[str] = field(default_factory=list)
    circumstances_source: str = ""
    circumstances_kept: bool = False
    problems: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.filled or self.agencies or self.circumstances)

    def messages(self) -> list[str]:
        out = []
        if self.filled:
            out.append(f"Filled in {and_list(self.filled)} from the referral.")
        if self.kept:
            out.append(f"Kept what you had written for {and_list(self.kept)}.")
        if self.agencies:
            n = len(self.agencies)
            which, theirs = (
                ("the agency", "its return") if n == 1 else (f"the {n} agencies", "their returns")
            )
            out.append(
                f"Listed {which} the referral names: {and_list(self.agencies)}. Add {theirs} to "
                "fill in the rows."
            )
        if self.circumstances:
            names = "; ".join(
                f"\u201c{criteria.NATIONAL_CIRCUMSTANCES[k]}\u201d" for k in self.circumstances
            )
            out.append(
                f"Selected the circumstances for a national review shown by "
                f"{self.circumstances_source}: {names}. Check them at the meeting."
            )
        elif self.circumstances_kept:
            out.append("Kept the circumstances for a national review you had already selected.")
        elif self.circumstances_source:
            out.append(
                f"None of the circumstances for a national review is shown by "
                f"{self.circumstances_source}."
            )
        out += [f"{p}." for p in self.problems]
        if not self.changed:
            out.append("Nothing was filled in: your answers have not changed.")
        return out


def _child_initials(ref: Mapping[str, Any], problems: list[str]) -> str:
    child = _section(ref, "child")
    if not (_s(child.get("first_names")) or _s(child.get("last_name"))):
        return ""
    text = initials(_s(child.get("first_names")), _s(child.get("last_name")))
    if not text:
        problems.append("The child's initials could not be worked out from their names")
    return text


def _child_age(ref: Mapping[str, Any], problems: list[str]) -> str:
    born = document_date(ref, "child.date_of_birth")
    on, what = document_date(ref, "incident.date"), "the incident"
    if on is None:  # a draft referral without the incident's date: the age when referred
        on, what = document_date(ref, "referrer.referral_date"), "the referral"
    if born is None or on is None:
        return ""
    try:
        return age_on(born, on)
    except ValueError:
        problems.append(
            "The child's age was not filled in: the referral's date of birth is after the date "
            f"of {what}"
        )
        return ""


def _copy(path: str) -> Callable[[Mapping[str, Any], list[str]], str]:
    def read(ref: Mapping[str, Any], problems: list[str]) -> str:
        part, name = path.split(".", 1)
        value = _section(ref, part).get(name)
        return value.isoformat() if isinstance(value, date) else _s(value)

    return read


#: For each form: (its field, where the referral gives it, words for the message).
_CASE_FIELDS: dict[
    str, tuple[tuple[str, Callable[[Mapping[str, Any], list[str]], str], str], ...]
] = {
    "rapid-review": (
        ("case.child_initials", _child_initials, "the child's initials"),
        ("case.child_age", _child_age, "the child's age"),
        ("case.gender", _copy("child.gender"), "the child's gender"),
        ("case.ethnicity", _copy("child.ethnicity"), "the child's ethnicity"),
        ("case.incident_date", _copy("incident.date"), "the date of the incident"),
        ("case.referral_date", _copy("referrer.referral_date"), "the date of the referral"),
    ),
    "scoping-return": (
        ("case.child_initials", _child_initials, "the child's initials"),
        ("case.child_age", _child_age, "the child's age"),
        ("case.referral_date", _copy("referrer.referral_date"), "the date of the referral"),
    ),
}


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or value == []


def _letters(value: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKC", value).casefold() if c.isalpha())


def _is_subsequence(short: str, long: str) -> bool:
    rest = iter(long)
    return all(c in rest for c in short)


def fill_from_referral(
    form: type[FormBase], doc: Mapping[str, Any], ref: Mapping[str, Any], name: str = "The file"
) -> Filled:
    """``doc`` (a Rapid Review or a scoping return) with its empty boxes filled in from a
    referral read with ``engine.read_file`` and found to be about the same child
    (``carry.same_case``). A box already written in is kept."""
    out = {k: dict(v) if isinstance(v, Mapping) else v for k, v in doc.items()}
    result = Filled(document=out)
    fields = _CASE_FIELDS.get(form.form_id)
    if fields is None:
        raise InputError.one("form", f"The {form.title} is not filled in from a referral")
    for path, read, words in fields:
        part, key = path.split(".", 1)
        value = read(ref, result.problems)
        if not value:
            continue
        section = out.setdefault(part, {})
        if _blank(section.get(key)):
            section[key] = value
            result.filled.append(words)
        elif _s(section.get(key)) != value:
            result.kept.append(words)
    if form.form_id == "rapid-review":
        _fill_rapid_review(out, ref, result)
    # What it takes to find the family's names in the boxes later, never the names.
    out["name_marks"] = marks_from_referral(ref, out.get("name_marks"))
    result.document = fill_computed(form, out)
    return result


def _fill_rapid_review(out: dict[str, Any], ref: Mapping[str, Any], result: Filled) -> None:
    from .rapid_review import MAX_RETURNS, agency_key

    theirs = _section(ref, "other_processes")
    ours = out.setdefault("parallel_processes", {})
    copied = False
    # The same model on both forms (section 8's other processes).
    for name in OtherProcesses.model_fields:
        if _s(theirs.get(name)) and _blank(ours.get(name)):
            ours[name] = _s(theirs.get(name))
            copied = True
    if copied:
        result.filled.append("the other processes")

    rows = [dict(r) for r in out.get("agency_returns") or [] if isinstance(r, Mapping)]
    listed = {agency_key(_s(r.get("agency"))) for r in rows if _s(r.get("agency"))}
    for agency in ref.get("agencies") or []:
        name = _s(agency.get("agency")) if isinstance(agency, Mapping) else ""
        if name and agency_key(name) not in listed and len(rows) < MAX_RETURNS:
            rows.append({"agency": name, "involvement": "", "key_points": ""})
            listed.add(agency_key(name))
            result.agencies.append(name)
    out["agency_returns"] = rows

    found = national_circumstances(ref)
    result.circumstances_source = found.source
    crit = out.setdefault("criteria", {})
    if not _blank(crit.get("national_circumstances")):
        result.circumstances_kept = True
    elif found.keys:
        crit["national_circumstances"] = found.keys
        result.circumstances = found.keys


def referral_child(ref: Mapping[str, Any]) -> tuple[str, str]:
    """The referral's child as the other documents name them: initials and age (either may be
    ""), never the names (the case register's "add a document")."""
    problems: list[str] = []
    return _child_initials(ref, problems), _child_age(ref, problems)


def another_child(initials: str, ref: Mapping[str, Any]) -> str | None:
    """The referral's child's initials when ``initials`` cannot be theirs, else None: they
    must start with the first name's initial and use the names' initials in order ("Z S"
    fits Zoë Nadia Smith; "A B" does not)."""
    ours = _letters(initials)
    child = _section(ref, "child")
    words = f"{_s(child.get('first_names'))} {_s(child.get('last_name'))}".split()
    theirs = _letters("".join(_initial(w) for w in words))
    if not ours or not theirs:
        return None
    if ours[0] == theirs[0] and _is_subsequence(ours, theirs):
        return None
    return " ".join(_initial(w) for w in words)
