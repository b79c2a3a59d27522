"""Checking a profile's data against the schema: every mistake in one go, each named with the
file and the key, so one build names them all."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any, Final

from .profile import (
    Group,
    Letterhead,
    NationalGuidance,
    Page,
    Partnership,
    RapidReviewStep,
    SafeguardingPartner,
)
from .schema import (
    CITES,
    DOCUMENTS,
    GUIDANCE_UPDATES,
    OLD_KEYS,
    SCHEMA,
    STEP_FROM,
    STEP_ROLES,
    WORKING_TOGETHER,
)

_SLUG: Final = re.compile(r"^[a-z][a-z0-9_]*$")
_MAX_DAYS: Final = 60

_REQUIRED_GROUPS: Final = ("review", "board")
#: An address as a mail link can carry it whole: letters, digits and . _ + - before the @, a
#: domain of labels after it. Nothing a ``mailto:`` link reads as more than the address
#: (``?bcc=``, ``&``, ``#``, ``%``, ``,``), which would copy a referral to someone else.
_EMAIL: Final = re.compile(
    r"^[A-Za-z0-9._+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$"
)
_BIDI: Final = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_FILE: Final = re.compile(r"^[a-z0-9][a-z0-9-]*\.md$")


class PartnershipError(ValueError):
    """A profile that cannot be used: the message names the file and the key."""


class _Reader:
    """Collects every mistake in a profile, so one build names them all."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[str] = []

    def fail(self, key: str, message: str) -> None:
        self.problems.append(f"{self.source}: {key}: {message}")

    def text(self, data: Mapping[str, Any], key: str, where: str = "", *, required: bool) -> str:
        path = f"{where}{key}"
        value = data.get(key)
        if value is None or value == "":
            if required:
                self.fail(path, "is missing: give it a value")
            return ""
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            self.fail(path, "must be text")
            return ""
        text = str(value).strip()
        if self.plain_problem(text):
            self.fail(path, "must be plain text, without markup or control characters")
            return ""
        if len(text) > 300:
            self.fail(path, "is too long: use at most 300 characters")
            return ""
        return text

    @staticmethod
    def plain_problem(text: str) -> bool:
        """Markup (< or >), a control character, or a control that reorders text. What else
        a profile's text may hold that means something in a page (a quote, a Markdown
        bracket) is escaped where it is put (``pages.partnership_site``)."""
        return any(
            ch in "<>" or ord(ch) < 32 or 0x7F <= ord(ch) <= 0x9F or ch in _BIDI for ch in text
        )

    def whole(self, value: Any, path: str) -> int | None:
        if type(value) is not int or not 0 < value <= 60:
            self.fail(path, "must be a whole number of working days from 1 to 60")
            return None
        return value


def _groups(r: _Reader, data: Any) -> dict[str, Group]:
    out: dict[str, Group] = {}
    if not isinstance(data, Mapping):
        r.fail("groups", "must be a map of groups: review and board, and any others")
        return out
    for key in _REQUIRED_GROUPS:
        if key not in data:
            r.fail(f"groups.{key}", "is missing: give its name and abbreviation")
    for key, item in data.items():
        if not isinstance(key, str) or not _SLUG.match(key):
            r.fail(f"groups.{key}", "must be named by a slug (a-z, 0-9 and _), like review")
            continue
        if not isinstance(item, Mapping):
            r.fail(f"groups.{key}", "must have a name and an abbreviation")
            continue
        name = r.text(item, "name", f"groups.{key}.", required=True)
        abbreviation = r.text(item, "abbreviation", f"groups.{key}.", required=False)
        out[key] = Group(name, abbreviation or name)
    return out


def _days(r: _Reader, value: Any, path: str) -> int | None:
    if type(value) is not int or not 0 <= value <= _MAX_DAYS:
        r.fail(path, f"is {value!r}: give a whole number of working days from 0 to {_MAX_DAYS}")
        return None
    return value


def _step(
    r: _Reader, item: Any, where: str, earlier: list[str], groups: Mapping[str, Group]
) -> RapidReviewStep | None:
    if not isinstance(item, Mapping):
        r.fail(where, "must have an id, a name, from and working_days (or window)")
        return None
    known = {"id", "name", "role", "by", "from", "working_days", "window", "quote", "note"}
    for key in item:
        if key not in known:
            r.fail(f"{where}.{key}", "is not a key of a step; use " + ", ".join(sorted(known)))
    step_id = r.text(item, "id", f"{where}.", required=True)
    if step_id and not _SLUG.match(step_id):
        r.fail(f"{where}.id", f"is '{step_id}': use a slug (a-z, 0-9 and _), like templates_sent")
        step_id = ""
    elif step_id in earlier:
        r.fail(f"{where}.id", f"'{step_id}' is the id of an earlier step: each id once")
        step_id = ""
    name = r.text(item, "name", f"{where}.", required=True)
    start = r.text(item, "from", f"{where}.", required=True)
    if start and start not in (*STEP_FROM, *earlier):
        choices = ", ".join((*STEP_FROM, *earlier))
        r.fail(f"{where}.from", f"is '{start}', not an event or an earlier step; use {choices}")
        start = ""
    role = r.text(item, "role", f"{where}.", required=False) or None
    if role is not None and role not in STEP_ROLES:
        r.fail(f"{where}.role", f"is '{role}'; use one of " + ", ".join(STEP_ROLES))
        role = None
    by = r.text(item, "by", f"{where}.", required=False) or None
    if by is not None and by not in groups:
        r.fail(f"{where}.by", f"is '{by}', not a group; use one of " + ", ".join(groups))
        by = None
    days, window = item.get("working_days"), item.get("window")
    working_days: int | None = None
    span: tuple[int, int] | None = None
    if (days is None) == (window is None):
        r.fail(where, "give working_days or window (not both)")
    elif window is not None:
        if not isinstance(window, list) or len(window) != 2:
            r.fail(f"{where}.window", "must be [earliest, latest], two whole numbers of days")
        else:
            first = _days(r, window[0], f"{where}.window[0]")
            last = _days(r, window[1], f"{where}.window[1]")
            if first is not None and last is not None:
                if first > last:
                    r.fail(f"{where}.window", "the earliest day must not be after the latest")
                else:
                    span = (first, last)
    else:
        working_days = _days(r, days, f"{where}.working_days")
    quote = r.text(item, "quote", f"{where}.", required=False)
    note = r.text(item, "note", f"{where}.", required=False)
    if not (step_id and name and start) or (working_days is None and span is None):
        return None
    return RapidReviewStep(step_id, name, start, working_days, span, role, by, quote, note)


def _steps(r: _Reader, data: Any, groups: Mapping[str, Group]) -> tuple[RapidReviewStep, ...]:
    key = "rapid_review_steps"
    if not isinstance(data, list) or not data:
        r.fail(key, "must list the Rapid Review's steps, each with id, name, from and "
               "working_days (or window)")  # fmt: skip
        return ()
    steps: list[RapidReviewStep] = []
    ids: list[str] = []
    for i, item in enumerate(data):
        step = _step(r, item, f"{key}[{i}]", ids, groups)
        if isinstance(item, Mapping) and isinstance(item.get("id"), str):
            ids.append(item["id"])
        if step is not None:
            steps.append(step)
    for role in STEP_ROLES:
        having = [s.id for s in steps if s.role == role]
        if len(having) > 1:
            r.fail(key, f"role {role} is given to {', '.join(having)}: at most one step each")
        elif not having and role in ("meeting", "sent_to_panel"):
            r.fail(key, f"no step has the role {role}: give it to one step")
    for i, step in enumerate(steps):
        if step.window is not None and step.from_ not in ("notification", "referral"):
            r.fail(f"{key}[{i}].window", "a window counts from notification or referral")
    meeting = next((i for i, s in enumerate(steps) if s.role == "meeting"), None)
    for i, step in enumerate(steps):
        if step.from_ == "meeting" and (meeting is None or i <= meeting):
            r.fail(f"{key}[{i}].from", "is meeting: only a step after the meeting's counts from it")
    return tuple(steps)


def _partners(r: _Reader, data: Any) -> tuple[SafeguardingPartner, ...]:
    if data is None:
        return ()
    if not isinstance(data, list):
        r.fail("safeguarding_partners", "must list the partners, each with organisation")
        return ()
    out = []
    for i, item in enumerate(data):
        where = f"safeguarding_partners[{i}]."
        if not isinstance(item, Mapping):
            r.fail(f"safeguarding_partners[{i}]", "must have an organisation")
            continue
        for key in item:
            if key not in ("organisation", "lead_role"):
                r.fail(f"{where}{key}", "is not a key of a partner; use organisation, lead_role")
        name = r.text(item, "organisation", where, required=True)
        if name:
            out.append(SafeguardingPartner(name, r.text(item, "lead_role", where, required=False)))
    return tuple(out)


def _letterhead(r: _Reader, data: Any) -> Letterhead:
    if data is None:
        return Letterhead()
    if not isinstance(data, Mapping):
        r.fail("letterhead", "must be a map with address, email and phone, each optional")
        return Letterhead()
    for key in data:
        if key not in ("address", "email", "phone"):
            r.fail(f"letterhead.{key}", "is not a key of letterhead; use address, email, phone")
    lines = data.get("address") or []
    if not isinstance(lines, list):
        r.fail("letterhead.address", "must be a list of lines")
        lines = []
    address = tuple(
        r.text({f"letterhead.address[{i}]": x}, f"letterhead.address[{i}]", required=True)
        for i, x in enumerate(lines)
    )
    email = r.text(data, "email", "letterhead.", required=False)
    if email and not _EMAIL.match(email):
        r.fail("letterhead.email", "must be an email address, like name@example.org")
    return Letterhead(address, email, r.text(data, "phone", "letterhead.", required=False))


def _documents(r: _Reader, data: Any) -> dict[str, str]:
    if not isinstance(data, Mapping):
        r.fail("documents", "must name the documents: " + ", ".join(DOCUMENTS))
        return {}
    for key in data:
        if key not in DOCUMENTS:
            r.fail(f"documents.{key}", "is not a document the site makes; use "
                   + ", ".join(DOCUMENTS))  # fmt: skip
    return {key: r.text(data, key, "documents.", required=True) for key in DOCUMENTS}


def _national(r: _Reader, data: Any) -> NationalGuidance:
    if data is None:
        return NationalGuidance()
    if not isinstance(data, Mapping):
        r.fail("national_guidance", "must have working_together and reflects")
        return NationalGuidance()
    edition = data.get("working_together", 2018)
    if edition not in WORKING_TOGETHER or type(edition) is not int:
        r.fail("national_guidance.working_together", f"is {edition!r}; use 2018 or 2023")
        edition = 2018
    reflects = data.get("reflects", [])
    if not isinstance(reflects, list) or not all(isinstance(x, str) for x in reflects):
        r.fail("national_guidance.reflects", "must be a list of update ids")
        reflects = []
    for item in reflects:
        if item not in GUIDANCE_UPDATES:
            r.fail("national_guidance.reflects", f"'{item}' is not an update of the national "
                   "guidance page; use " + ", ".join(GUIDANCE_UPDATES))  # fmt: skip
    return NationalGuidance(edition, tuple(reflects))


def _procedure(r: _Reader, data: Any, directory: Path | None) -> tuple[Page, ...]:
    if not isinstance(data, list) or not data:
        r.fail("procedure", "must list the procedure's pages, each with title, file and cites")
        return ()
    pages: list[Page] = []
    covered: dict[str, str] = {}
    for i, item in enumerate(data):
        where = f"procedure[{i}]."
        if not isinstance(item, Mapping):
            r.fail(f"procedure[{i}]", "must have a title, a file and cites")
            continue
        title = r.text(item, "title", where, required=True)
        file = r.text(item, "file", where, required=True)
        if file and not _FILE.match(file):
            r.fail(f"{where}file", "must be a file name like section-3.md (a-z, 0-9 and -)")
            file = ""
        elif file and directory is not None:
            problem = page_file_problem(directory, f"procedure/{file}")
            if problem:
                r.fail(f"{where}file", problem)
        cites = item.get("cites", [])
        if not isinstance(cites, list) or not all(isinstance(c, str) for c in cites):
            r.fail(f"{where}cites", "must be a list of topics")
            cites = []
        for cite in cites:
            if cite not in CITES:
                r.fail(f"{where}cites", f"'{cite}' is not a topic; use one of " + ", ".join(CITES))
            elif cite in covered:
                r.fail(f"{where}cites", f"'{cite}' is already covered by {covered[cite]}")
            else:
                covered[cite] = file
        if title and file:
            pages.append(Page(title, file, tuple(c for c in cites if c in CITES)))
    missing = [c for c in CITES if c not in covered]
    if missing:
        r.fail("procedure", "no page covers " + ", ".join(missing))
    files = [p.file for p in pages]
    for file in {f for f in files if files.count(f) > 1}:
        r.fail("procedure", f"{file} is listed twice")
    return tuple(pages)


def page_file_problem(directory: Path, relative: str) -> str:
    """Why the partnership's page ``relative`` (to its folder) cannot be published, or "":
    missing, or reached through a link (a link could publish any file of the machine that
    builds the site, search index included)."""
    path = directory / relative
    for step in [path, *path.relative_to(directory).parents]:
        here = directory / step if step != path else path
        if here != directory and here.is_symlink():
            return f"names {relative}, which is a link to another file: put the file itself there"
    if not path.is_file():
        return f"names {relative}, which does not exist"
    return ""


def _strings(r: _Reader, data: Any, key: str) -> dict[str, str]:
    if data is None:
        return {}
    if not isinstance(data, Mapping):
        r.fail(key, "must be a map of text")
        return {}
    out = {}
    for k in data:
        if not isinstance(k, str) or r.plain_problem(k) or any(c in k for c in "[]"):
            r.fail(f"{key}.{k}", "must be named in plain text, without markup")
            continue
        out[k] = r.text(data, k, f"{key}.", required=True)
    return out


def from_data(data: Any, source: str, directory: Path | None = None) -> Partnership:
    """A checked profile; ``PartnershipError`` names every mistake, with the file and key."""
    r = _Reader(source)
    if not isinstance(data, Mapping):
        raise PartnershipError(f"{source}: must be a map of keys (see the set-up page)")
    for key in data:
        if key in OLD_KEYS:
            r.fail(str(key), f"is the first form of the profile: use {OLD_KEYS[key]} instead")
        elif key not in SCHEMA:
            r.fail(str(key), "is not a key the site knows; see the set-up page for the keys")
    structured = {"groups", "rapid_review_steps", "national_guidance", "procedure",
                  "abbreviations", "local_authorities", "documents",
                  "safeguarding_partners", "letterhead"}  # fmt: skip
    text = {
        key: r.text(data, key, required=required)
        if not (key == "last_reviewed" and isinstance(data.get(key), date))
        else ""
        for key, (required, _) in SCHEMA.items()
        if key not in structured
    }
    reviewed = data.get("last_reviewed")
    if isinstance(reviewed, date):  # YAML reads an unquoted 2026-11-26 as a date
        text["last_reviewed"] = reviewed.isoformat()
    elif text["last_reviewed"]:
        try:
            date.fromisoformat(text["last_reviewed"])
        except ValueError:
            r.fail("last_reviewed", "must be a date like 2026-11-26")
    email = text["support_office_email"]
    if email and not _EMAIL.match(email):
        r.fail("support_office_email", "must be an email address, like name@example.org")
    councils = data.get("local_authorities")
    if not isinstance(councils, list) or not councils:
        r.fail("local_authorities", "must list the council or councils, one or more")
        councils = []
    authorities = tuple(
        r.text({f"local_authorities[{i}]": c}, f"local_authorities[{i}]", required=True)
        for i, c in enumerate(councils)
    )
    groups = _groups(r, data.get("groups"))
    profile = Partnership(
        name=text["name"],
        short_name=text["short_name"],
        area=text["area"],
        local_authorities=authorities,
        reference_prefix=text["reference_prefix"] or text["short_name"],
        support_office_email=email,
        business_unit=text["business_unit"],
        documents=_documents(r, data.get("documents")),
        referral_route=text["referral_route"],
        site_description=text["site_description"],
        groups=groups,
        local_learning=text["local_learning"],
        steps=_steps(r, data.get("rapid_review_steps"), groups),
        national_guidance=_national(r, data.get("national_guidance")),
        safeguarding_partners=_partners(r, data.get("safeguarding_partners")),
        procedure=_procedure(r, data.get("procedure"), directory),
        letterhead=_letterhead(r, data.get("letterhead")),
        abbreviations=_strings(r, data.get("abbreviations"), "abbreviations"),
        last_reviewed=text["last_reviewed"],
        directory=str(directory or ""),
    )
    if r.problems:
        raise PartnershipError("\n".join(r.problems))
    return profile
