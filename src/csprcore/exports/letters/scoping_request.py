"""The request to agencies that goes with the scoping template (Appendix 1), made from the
referral: the one document after the referral that names the child, because an agency cannot
find a child in its records by initials. It is OFFICIAL-SENSITIVE, goes by secure email, and
asks for a return that names the child by initials and age only."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from ...partnership import current
from ...rules.dates import and_list, long_date, long_date_with_weekday
from ...rules.deadlines import calculate, check_events
from ...rules.timescales import by_role, within_words
from ..document import Letter
from . import salutation, sender


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _part(doc: Mapping[str, Any], name: str) -> Mapping[str, Any]:
    value = doc.get(name)
    return value if isinstance(value, Mapping) else {}


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(_text(value))
    except ValueError:
        return None


def _return_by(referral_date: date | None) -> str:
    """When the return is due, as a date where the referral's date gives it (a partnership
    whose step counts from the notification cannot be dated from the referral)."""
    step = by_role("scoping_returned")
    if step is None:
        return "by the date the partnership gives"
    if referral_date is not None:
        found = calculate(check_events({"referral": referral_date})).milestones
        due = next((m.due for m in found if m.id == step.id and m.latest is None), None)
        if due is not None:
            return f"by {long_date_with_weekday(due)}"
    return within_words(step)


def scoping_request(doc: Mapping[str, Any], made_at: datetime) -> Letter:
    p = current()
    child, referrer = _part(doc, "child"), _part(doc, "referrer")
    template = p.documents["scoping_return"]
    born = _day(child.get("date_of_birth"))
    details = [
        ("Name", f"{_text(child.get('first_names'))} {_text(child.get('last_name'))}".strip()),
        ("Also known as", _text(child.get("also_known_as"))),
        ("Date of birth", long_date(born) if born else ""),
        ("Address", " ".join(
            x for x in (_text(child.get("address")).replace("\n", ", "),
                        _text(child.get("postcode"))) if x
        )),
    ]  # fmt: skip
    agencies = [
        _text(a.get("agency"))
        for a in doc.get("agencies") or []
        if isinstance(a, Mapping) and _text(a.get("agency"))
    ]
    referred = _day(referrer.get("referral_date"))
    to = [f"The agencies asked to return the {template}"]
    return Letter(
        sender=sender(),
        to=[*to, *([and_list(agencies)] if agencies else [])],
        subject=f"Request for information: {template}",
        salutation=salutation(to),
        paragraphs=[
            f"The safeguarding partners for {p.area} have received a referral of a serious "
            "child safeguarding incident"
            + (f" on {long_date(referred)}" if referred else "")
            + ". To consider it, they ask each agency that may have known the child or their "
            f"family to search its records and complete the {template}.",
            "The child, as the referral names them, so that you can find them in your "
            "records:\n" + "\n".join(f"\N{BULLET} {k}: {v}" for k, v in details if v),
            f"Please return the {template} {_return_by(referred)}, by secure email. Name the "
            "child in it by initials and age only.",
            "This request is OFFICIAL-SENSITIVE: it names the child. Share it only with those "
            "in your agency who need it to search your records, and only by secure email.",
        ],
        signatories=[(p.business_unit, "", f"the safeguarding partners for {p.area}")],
    )
