"""Adding a saved document to a case: a referral, a Rapid Review, a local review record or an
action plan fills the case's empty dates (and its reference, age and kind of review) from it.

As everywhere on the site, nothing the user typed is overwritten: a date the case already
has is kept, and the message says where the file differs. A document about another child
(other initials, or another reference) is refused, naming the file, and nothing changes.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import astuple, dataclass, field
from datetime import date
from typing import Any, Final

from ...errors import FieldError, InputError
from ...jsontext import JSONRefusedError, loads
from ...rules.dates import long_date
from ...rules.register import REGISTER_EVENTS_BY_ID, REVIEW_KINDS, Case
from .. import engine
from ..action_plan.parts import OPEN
from ..carry import IDENTITY, Identity, identity, same_case, text_at
from ..controls import clean_text
from ..registry import get_form
from .case_record import check_case

#: The longest file name a case records (``file_label``).
MAX_FILE_LABEL: Final = 120
#: The field a refused document is reported on (the page's "add a document" box).
DOCUMENT_FIELD: Final = "document-file"

#: For each kind of document: each register event and where the document dates it.
DATES_FROM: Final[dict[str, tuple[tuple[str, str], ...]]] = {
    "referral": (("referral", "referrer.referral_date"),),
    "rapid-review": (
        ("aware", "case.la_aware_date"),
        ("referral", "case.referral_date"),
        ("notified", "case.la_notification_date"),
        ("meeting", "case.meeting_date"),
        ("sent-to-panel", "sign_off.sent_to_panel"),
    ),
    "local-review": (
        ("meeting", "case.meeting_date"),
        ("decision", "case.decision_date"),
        # The first reviewer's commissioning: a review has begun once one is commissioned.
        ("reviewer-commissioned", "reviewers.*.commissioned_on"),
        ("final-report", "final_report.completed_on"),
        ("planned-publication", "publication.planned_date"),
        ("copies-sent", "publication.sent_to_panel"),
        ("ofsted-sent", "publication.sent_to_ofsted"),
        ("publication", "publication.published_on"),
    ),
    "action-plan": (("action-plan-signed-off", "sign_off.signed_off"),),
}
#: The Rapid Review's decision (section 4) as the register's kind of review. Referring the
#: case to the Panel leaves the kind open: the Panel decides.
RAPID_REVIEW_KIND: Final = {
    "local_cspr": "local",
    "other_learning": "learning",
    "no_review": "none",
}


@dataclass
class Added:
    case: dict[str, Any]
    #: The case as the rules read it, once checked.
    checked: Case | None = None
    filled: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)

    def messages(self, name: str) -> list[str]:
        out = []
        if self.filled:
            out.append(f"Filled in from {name}: {', '.join(self.filled)}")
        out.extend(self.kept)
        if not self.filled and not self.kept:
            out.append(f"{name} had nothing new for this case")
        return out


def _kind_of(content: str | bytes, name: str) -> str:
    try:
        parsed = loads(content)
    except JSONRefusedError as exc:
        raise InputError.one(
            DOCUMENT_FIELD, f"{name} is not a saved document: it {exc.reason}"
        ) from None
    kind = parsed.get("form") if isinstance(parsed, dict) else None
    if kind not in DATES_FROM:
        what = f"a saved '{kind}' form" if isinstance(kind, str) else "not a saved document"
        raise InputError.one(
            DOCUMENT_FIELD,
            f"{name} is {what}: add a referral, a Rapid Review, a local review record or an "
            "action plan",
        )
    return str(kind)


def file_label(name: str) -> str:
    """A file's name as the case records where a date came from: what a name may hold that a
    case's text may not (markup, invisible characters, great length) is left out, so a
    document is never refused for the name its file was given."""
    text = " ".join(clean_text(name, multiline=False).split())
    text = "".join(c for c in text if c not in "<>" and unicodedata.category(c) != "Cf")
    return text[:MAX_FILE_LABEL] or "a file"


def document_reference(content: str | bytes) -> str:
    """The case reference a saved document gives, or "" (a referral has none; a file that is
    not a document has none)."""
    try:
        parsed = loads(content)
    except JSONRefusedError:
        return ""
    if not isinstance(parsed, dict) or parsed.get("form") not in IDENTITY:
        return ""
    return identity(str(parsed["form"]), parsed).reference


def _identity(kind: str, doc: Mapping[str, Any], case: Mapping[str, Any], name: str) -> Identity:
    """The document's reference, initials and age; refused when it is about another case,
    or (any document but a referral, which only starts a case) names no child at all."""
    ours = Identity(str(case.get("reference") or ""), str(case.get("child_initials") or ""))
    theirs = same_case(ours, kind, doc, name, DOCUMENT_FIELD, "nothing was added")
    if kind != "referral" and not theirs.named:
        # Nothing ties it to a child: its dates and actions could be another child's.
        raise InputError.one(
            DOCUMENT_FIELD,
            f"{name} does not say which child it is about (it has neither the child's "
            "initials nor a case reference): nothing was added",
        )
    return theirs


def add_document(
    case: Mapping[str, Any],
    content: str | bytes,
    name: str,
    others: Iterable[str],
    today: date,
) -> Added:
    """``case`` (as stored) with the document's facts in its empty places. ``others``: the
    register's other references, which the case's must not take."""
    kind = _kind_of(content, name)
    try:
        doc = engine.read_file(get_form(kind), content, name)
    except InputError as exc:
        raise InputError([FieldError(DOCUMENT_FIELD, e.message) for e in exc.errors]) from None
    reference, initials, age = astuple(_identity(kind, doc, case, name))
    out = {
        **case,
        "dates": dict(case.get("dates") or {}),
        "filled_from": dict(case.get("filled_from") or {}),
    }
    added = Added(out)
    fill: list[tuple[str, str, str]] = [
        ("reference", reference, "the reference"),
        ("child_initials", initials, "the child's initials"),
        ("child_age", age, "the child's age"),
    ]
    for key, value, words in fill:
        if value and not out.get(key):
            out[key] = value
            added.filled.append(words)
    kind_value = _review_kind(kind, doc)
    if kind_value and not out.get("review_kind"):
        out["review_kind"] = kind_value
        added.filled.append(f"the kind of review ({REVIEW_KINDS[kind_value].lower()})")
    for event, path in DATES_FROM[kind]:
        day = _document_day(doc, path)
        if day is None:
            continue
        words = REGISTER_EVENTS_BY_ID[event].name
        current = out["dates"].get(event)
        if current is None:
            out["dates"][event] = day.isoformat()
            out["filled_from"][event] = file_label(name)
            added.filled.append(words)
        elif current != day.isoformat():
            added.kept.append(
                f"Kept {words} as {long_date(date.fromisoformat(current))}: {name} gives "
                f"{long_date(day)}"
            )
    if kind == "action-plan":
        _open_actions(out, doc, added, name)
    if not out.get("reference"):
        raise InputError.one(
            DOCUMENT_FIELD,
            f"{name} has no case reference: add the case first, then add the document to it",
        )
    try:
        added.case, added.checked = check_case(out, others)
    except InputError as exc:
        raise InputError(
            [
                FieldError(
                    DOCUMENT_FIELD, f"{name} was not added: {e.message[:1].lower()}{e.message[1:]}"
                )
                for e in exc.errors
            ]
        ) from None
    return added


def _document_day(doc: Mapping[str, Any], path: str) -> date | None:
    """The date at ``part.field``, or for ``part.*.field`` the earliest of its rows'."""
    part, _, rest = path.partition(".")
    if not rest.startswith("*."):
        return engine.document_date(doc, path)
    rows = doc.get(part)
    field = rest[2:]
    days = [
        d
        for row in (rows if isinstance(rows, list) else [])
        if isinstance(row, Mapping) and (d := engine.document_date({"x": row}, f"x.{field}"))
    ]
    return min(days, default=None)


def _review_kind(kind: str, doc: Mapping[str, Any]) -> str | None:
    if kind == "local-review":
        return "local"
    if kind == "rapid-review":
        return RAPID_REVIEW_KIND.get(text_at(doc, "decision.decision"))
    return None


def _open_actions(out: dict[str, Any], doc: Mapping[str, Any], added: Added, name: str) -> None:
    """The plan's actions still open (section 12): the plan is their record, so they replace
    the case's list, which only ever comes from a plan."""
    rows = doc.get("actions")
    found = []
    for row in rows if isinstance(rows, list) else []:
        if not isinstance(row, Mapping) or row.get("status") not in OPEN:
            continue
        due = engine.document_date({"a": row}, "a.due")
        if due is not None:
            found.append({"due": due.isoformat(), "agency": text_at({"a": row}, "a.agency")})
    found.sort(key=lambda a: (a["due"], a["agency"]))
    if found != out.get("open_actions"):
        out["open_actions"] = found
        added.filled.append(
            f"{len(found)} open action{'' if len(found) == 1 else 's'} of the action plan"
        )
