"""A partnership's profile once checked: its names, groups, documents, letterhead, the pages of
its procedure, and its Rapid Review's steps (the process the timetable counts), with the
JSON form the build packs for the browser."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Group:
    name: str
    abbreviation: str


@dataclass(frozen=True)
class RapidReviewStep:
    """A step of the partnership's Rapid Review, counted in working days from an event or
    an earlier step (``from_``): a due date (``working_days``) or a window."""

    id: str
    name: str
    from_: str
    working_days: int | None = None
    window: tuple[int, int] | None = None
    role: str | None = None
    by: str | None = None
    quote: str = ""
    note: str = ""


@dataclass(frozen=True)
class SafeguardingPartner:
    organisation: str
    lead_role: str = ""


@dataclass(frozen=True)
class Letterhead:
    address: tuple[str, ...] = ()
    email: str = ""
    phone: str = ""

    @property
    def lines(self) -> tuple[str, ...]:
        """The address, then the email address and the telephone number, one line each."""
        return (
            *self.address,
            *([f"Email: {self.email}"] if self.email else []),
            *([f"Telephone: {self.phone}"] if self.phone else []),
        )


@dataclass(frozen=True)
class NationalGuidance:
    working_together: int = 2018
    reflects: tuple[str, ...] = ()


@dataclass(frozen=True)
class Page:
    """A page of the partnership's procedure, served at ``procedure/<slug>/``."""

    title: str
    file: str
    cites: tuple[str, ...]

    @property
    def slug(self) -> str:
        return self.file.removesuffix(".md")


@dataclass(frozen=True)
class Partnership:
    name: str
    short_name: str
    area: str
    local_authorities: tuple[str, ...]
    reference_prefix: str
    support_office_email: str
    business_unit: str
    documents: Mapping[str, str]
    referral_route: str
    site_description: str
    groups: Mapping[str, Group]
    local_learning: str
    steps: tuple[RapidReviewStep, ...]
    national_guidance: NationalGuidance
    safeguarding_partners: tuple[SafeguardingPartner, ...]
    procedure: tuple[Page, ...]
    abbreviations: Mapping[str, str]
    last_reviewed: str
    #: Where the profile was read from (its folder), or "" for a packed profile.
    directory: str = ""
    letterhead: Letterhead = Letterhead()

    @property
    def local_authority(self) -> str:
        """The council, or the councils joined by "and" ("A and B"): as a list of partners
        names them."""
        return _joined(self.local_authorities, "and")

    @property
    def council_for_the_area(self) -> str:
        """The council that acts for an incident: the one council, or "the council for the
        area where it happened (A or B)" for a partnership of two or more."""
        if len(self.local_authorities) == 1:
            return self.local_authorities[0]
        names = _joined(self.local_authorities, "or")
        return f"the council for the area where it happened ({names})"

    @property
    def partners_words(self) -> str:
        """Who the safeguarding partners are, as a letter's sender names them: the profile's
        organisations, or "the safeguarding partners for {area}"."""
        names = tuple(p.organisation for p in self.safeguarding_partners)
        return _joined(names, "and") if names else f"the safeguarding partners for {self.area}"

    @property
    def referral_form_title(self) -> str:
        return self.documents["referral"]

    def step(self, role: str) -> RapidReviewStep | None:
        """The step with this role, if the partnership's process has one."""
        return next((s for s in self.steps if s.role == role), None)

    def group(self, role: str) -> Group:
        return self.groups[role]

    def page_of(self, cite: str) -> Page:
        for page in self.procedure:
            if cite in page.cites:
                return page
        raise KeyError(f"unknown citation: {cite}")

    def as_json(self) -> str:
        """The profile as the build packs it for the browser."""
        return json.dumps(_raw(self), ensure_ascii=False, sort_keys=True)


def _joined(names: tuple[str, ...], word: str) -> str:
    if len(names) <= 2:
        return f" {word} ".join(names)
    return ", ".join(names[:-1]) + f" {word} " + names[-1]


def _step_raw(step: RapidReviewStep) -> dict[str, Any]:
    out: dict[str, Any] = {"id": step.id, "name": step.name, "from": step.from_}
    if step.window is not None:
        out["window"] = list(step.window)
    else:
        out["working_days"] = step.working_days
    for key in ("role", "by", "quote", "note"):
        if getattr(step, key):
            out[key] = getattr(step, key)
    return out


def _raw(p: Partnership) -> dict[str, Any]:
    return {
        "name": p.name,
        "short_name": p.short_name,
        "area": p.area,
        "local_authorities": list(p.local_authorities),
        "reference_prefix": p.reference_prefix,
        "support_office_email": p.support_office_email,
        "business_unit": p.business_unit,
        "documents": dict(p.documents),
        "referral_route": p.referral_route,
        "site_description": p.site_description,
        "groups": {
            k: {"name": g.name, "abbreviation": g.abbreviation} for k, g in p.groups.items()
        },
        "local_learning": p.local_learning,
        "rapid_review_steps": [_step_raw(s) for s in p.steps],
        "national_guidance": {
            "working_together": p.national_guidance.working_together,
            "reflects": list(p.national_guidance.reflects),
        },
        "safeguarding_partners": [
            {
                "organisation": sp.organisation,
                **({"lead_role": sp.lead_role} if sp.lead_role else {}),
            }
            for sp in p.safeguarding_partners
        ],
        "procedure": [
            {"title": pg.title, "file": pg.file, "cites": list(pg.cites)} for pg in p.procedure
        ],
        "letterhead": {
            "address": list(p.letterhead.address),
            "email": p.letterhead.email,
            "phone": p.letterhead.phone,
        },
        "abbreviations": dict(p.abbreviations),
        "last_reviewed": p.last_reviewed,
    }
