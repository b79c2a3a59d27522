"""The local review's letters, made from a checked local review record (``forms.local_review``)
on the one letter layout (``exports.letter``; ``exports.odt`` for the editable copy):

* ``letter``: telling the Panel, Ofsted and the Department for Education that a local review
  will be carried out, with the reviewer's name (section 5);
* ``letter-before-publication``: sending the full report, or the information about
  improvements, to the Panel and the Secretary of State (a copy to Ofsted) before
  publication (section 11);
* ``letter-delay``: the reasons for a delay in publication, or the justification for a
  decision not to publish (section 11).

A letter that needs an answer the record does not have yet is refused, naming the field.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from ...errors import FieldError, InputError
from ...forms.local_review.key_dates import record_dates
from ...forms.local_review.parts import DELAY_REASONS, METHODS
from ...forms.rapid_review.parts import PARTNERS, as_text
from ...rules.citations import cited
from ...rules.dates import and_list, long_date
from ...rules.timescales import COPIES_BEFORE_PUBLICATION, REPORT_WITHIN_MONTHS, working_days
from ..document import Letter
from . import DFE, OFSTED, PANEL, SECRETARY_OF_STATE, salutation, sender


def _part(doc: Mapping[str, Any], name: str) -> Mapping[str, Any]:
    value = doc.get(name)
    return value if isinstance(value, Mapping) else {}


def _date(doc: Mapping[str, Any], part: str, name: str) -> date | None:
    try:
        return date.fromisoformat(as_text(_part(doc, part).get(name)))
    except ValueError:
        return None


def _signatories(doc: Mapping[str, Any]) -> list[tuple[str, str, str]]:
    sign = _part(doc, "signatories")
    return [
        (as_text(sign.get(f"{key}_name")), as_text(sign.get(f"{key}_role")), phrase)
        for key, _, phrase in PARTNERS
    ]


def _child(doc: Mapping[str, Any]) -> str:
    case = _part(doc, "case")
    text = f"{as_text(case.get('child_initials'))}, aged {as_text(case.get('child_age'))}"
    ref = as_text(case.get("referral_reference"))
    return text + (f" (our reference {ref})" if ref else "")


def _reviewers(doc: Mapping[str, Any]) -> list[str]:
    rows = doc.get("reviewers")
    return [
        as_text(r.get("name"))
        for r in (rows if isinstance(rows, list) else [])
        if isinstance(r, Mapping) and as_text(r.get("name"))
    ]


def _when(d: date | None) -> str:
    return long_date(d) if d else "a date not given"


def notification_letter(doc: Mapping[str, Any], made_at: datetime) -> Letter:
    """Section 5: the Panel, Ofsted and the DfE are told that a local review will be carried
    out, with the name of any reviewer commissioned."""
    case = _part(doc, "case")
    decided = _date(doc, "case", "decision_date")
    meeting = _date(doc, "case", "meeting_date")
    reviewers = _reviewers(doc)
    opening = (
        "Following the Rapid Review"
        + (f" held on {long_date(meeting)}" if meeting else "")
        + f" about a child, {_child(doc)}, the safeguarding partners decided on "
        f"{_when(decided)} to carry out a local child safeguarding practice review. We write "
        f"to tell you, as {cited('section-5')} of our procedure asks."
    )
    rows = doc.get("reviewers")
    pool = {
        as_text(r.get("name")): as_text(r.get("from_panel_pool"))
        for r in (rows if isinstance(rows, list) else [])
        if isinstance(r, Mapping)
    }
    if reviewers:
        named = and_list(
            [n + (" (from the Panel's pool of reviewers)" if pool.get(n) == "yes" else "")
             for n in reviewers]
        )  # fmt: skip
        who = (
            f"We have commissioned {named} as the reviewer{'s' if len(reviewers) > 1 else ''}, "
            f"having considered what {cited('section-9')} asks of a reviewer."
        )
    else:
        who = "We have not yet commissioned a reviewer; we will tell you their name when we do."
    paragraphs = [opening, who]
    method = as_text(_part(doc, "method").get("methodology"))
    if method:
        paragraphs.append(
            f"The review will use {dict(METHODS)[method][:1].lower()}{dict(METHODS)[method][1:]}"
            f" ({cited('section-10')}), and will invite practitioners and the family to "
            "contribute."
        )
    dates = record_dates(doc, made_at.date())
    due = dates["final_report_due"].due if dates else None
    if due:
        paragraphs.append(
            "We will complete and publish the final report as soon as possible, and no later "
            f"than {long_date(due)}, {REPORT_WITHIN_MONTHS} months from the decision "
            f"({cited('section-11')})."
        )
    criteria = as_text(case.get("criteria_considered"))
    if criteria:
        paragraphs.append("The criteria we considered (regulation 11):\n" + criteria)
    return Letter(
        sender=sender(_part(doc, "correspondence")),
        to=[PANEL, OFSTED, DFE],
        subject="A local child safeguarding practice review will be carried out",
        salutation=salutation([PANEL, OFSTED, DFE]),
        paragraphs=paragraphs,
        signatories=_signatories(doc),
    )


def before_publication_letter(doc: Mapping[str, Any], made_at: datetime) -> Letter:
    """Section 11: a copy of the full report, or of the information about improvements, to
    the Panel and the Secretary of State (and to Ofsted) at least the table's working days
    before publication."""
    pub = _part(doc, "publication")
    choice = as_text(pub.get("decision"))
    planned = _date(doc, "publication", "planned_date")
    problems = []
    if choice not in ("full", "improvements_only"):
        problems.append(FieldError(
            "publication.decision",
            "Select what will be published (the full report or the information about "
            "improvements) to make the letter before publication",
        ))  # fmt: skip
    if planned is None:
        problems.append(FieldError(
            "publication.planned_date",
            "Enter the planned publication date to make the letter before publication",
        ))  # fmt: skip
    if problems:
        raise InputError(problems)
    assert planned is not None
    what = "the full report" if choice == "full" else (
        "the information about the improvements to be made following the review, which is "
        "what we will publish"
    )  # fmt: skip
    dates = record_dates(doc, made_at.date())
    send_by = dates["send_to_panel_by"].due if dates else None
    until = dates["available_until"].due if dates else None
    reviewers = _reviewers(doc)
    paragraphs = [
        f"We enclose {what} of the local child safeguarding practice review about a child, "
        f"{_child(doc)}. We plan to publish on {long_date(planned)}.",
        f"{cited('section-11', capital=True)} of our procedure, following the regulations, "
        f"asks us to send it to you at least {working_days(COPIES_BEFORE_PUBLICATION)} before "
        "the date of publication"
        + (f", that is by {long_date(send_by)}" if send_by else "")
        + ". We are sending the same to Ofsted.",
    ]
    if reviewers:
        paragraphs.append(f"The review was carried out by {and_list(reviewers)}.")
    if choice == "improvements_only":
        paragraphs.append(
            "We consider it inappropriate to publish the full report. "
            + as_text(pub.get("justification"))
        )
    paragraphs.append(
        "We will have regard to any comments you may make about the publication. The "
        "published report will stay publicly available"
        + (f" until at least {long_date(until)}." if until else " for at least a year.")
    )
    enclosed = ["The full report" if choice == "full" else "The information about improvements"]
    return Letter(
        sender=sender(_part(doc, "correspondence")),
        to=[PANEL, SECRETARY_OF_STATE],
        copies=[OFSTED],
        subject="Local child safeguarding practice review: the report before publication",
        salutation=salutation([PANEL, SECRETARY_OF_STATE]),
        paragraphs=paragraphs,
        enclosures=enclosed,
        signatories=_signatories(doc),
    )


def delay_letter(doc: Mapping[str, Any], made_at: datetime) -> Letter:
    """Section 11: the reasons for a delay in publication (an ongoing criminal investigation,
    inquest or future prosecution), or the justification for not publishing."""
    pub = _part(doc, "publication")
    choice = as_text(pub.get("decision"))
    reasons = [dict(DELAY_REASONS)[r] for r in pub.get("delay_reasons") or []
               if r in dict(DELAY_REASONS)]  # fmt: skip
    details = as_text(pub.get("delay_details"))
    if choice != "not_published" and not reasons and not details:
        raise InputError.one(
            "publication.delay_reasons",
            "Give the reasons for the delay, or the decision not to publish, to make the "
            "letter explaining it",
        )
    dates = record_dates(doc, made_at.date())
    due = dates["final_report_due"].due if dates else None
    planned = _date(doc, "publication", "planned_date")
    paragraphs = [
        "We write about the local child safeguarding practice review about a child, "
        f"{_child(doc)}, which the safeguarding partners decided to carry out on "
        f"{_when(_date(doc, 'case', 'decision_date'))}."
    ]
    if choice == "not_published":
        paragraphs.append(
            "We have decided to publish neither the full report nor information about the "
            "improvements to be made following the review. As "
            f"{cited('section-11')} of our procedure asks, we set out our justification: "
            + as_text(pub.get("justification"))
        )
    if reasons or details:
        text = (
            f"Publication will be delayed beyond {long_date(due)}, {REPORT_WITHIN_MONTHS} "
            "months from the decision, "
            if due
            else "Publication will be delayed, "
        )
        text += (
            f"because of {and_list([r[:1].lower() + r[1:] for r in reasons])}."
            if reasons
            else "for the reasons below."
        )
        if details:
            text += f"\n{details}"
        paragraphs.append(text)
        paragraphs.append(
            f"We now plan to publish on {long_date(planned)}, and will send you the report "
            f"at least {working_days(COPIES_BEFORE_PUBLICATION)} before."
            if planned
            else "We will tell you the date of publication as soon as it is set."
        )
    paragraphs.append("We will have regard to any comments you may make.")
    return Letter(
        sender=sender(_part(doc, "correspondence")),
        to=[PANEL, SECRETARY_OF_STATE],
        subject="Local child safeguarding practice review: "
        + ("a decision not to publish" if choice == "not_published" else "delay in publication"),
        salutation=salutation([PANEL, SECRETARY_OF_STATE]),
        paragraphs=paragraphs,
        signatories=_signatories(doc),
    )
