"""The partnership's local facts: names, groups, Appendix 1's timescales, its procedure's pages.

England has about 131 safeguarding children partnerships, each with its own version of this
procedure over the same national law. Everything that differs between them lives in one file,
``partnerships/<slug>/partnership.yml``; the national law (the criteria, the national
timescales, working days) stays in the rules. ``SCHEMA`` below documents every key; ``load``
checks a profile against it and names the file and the key of any mistake.

Which profile is in use is settled once per process, before the rules are imported (their
wording and timescale table are built from it): ``use(directory)`` (the CLI's
``--partnership``), else the ``CSPR_PARTNERSHIP`` environment variable, else the profile the
build packed into the wheel (the browser), else North East Lincolnshire's in this repository.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any, Final

ENV: Final = "CSPR_PARTNERSHIP"
FILENAME: Final = "partnership.yml"
#: The profile the build packs into the browser's wheel, as JSON (no YAML parser there).
PACKED: Final = "partnership.json"
REPO_ROOT: Final = Path(__file__).resolve().parents[2]
DEFAULT_DIR: Final = REPO_ROOT / "partnerships" / "north-east-lincolnshire"

#: The procedure's topics that the rules cite. Each partnership maps each one to a page of its
#: own procedure (``procedure`` in the profile), so a rule's citation always links to the
#: partnership's own words.
CITES: Final = (
    "section-1", "section-2", "section-3", "section-4", "section-5", "section-6",
    "section-7", "section-8", "section-9", "section-10", "section-11", "section-12",
    "section-13", "appendix-1",
)  # fmt: skip

#: The timescales the partnership sets itself (Appendix 1 in North East Lincolnshire), in
#: working days after the event named; the national ones are in ``rules.timescales``.
LOCAL_TIMESCALES: Final[dict[str, str]] = {
    "scoping_template_sent": "after the referral, the scoping template is sent to agencies",
    "rapid_review_meeting_date_set": "after the referral, the Rapid Review meeting date is set",
    "scoping_template_returned": "after the referral, agencies return the scoping template",
    "rapid_review_meeting": "after the referral, [earliest, latest] for the Rapid Review meeting",
    "rapid_review_to_panel": "after the meeting, the Rapid Review is sent to the Panel",
}

#: Every key of ``partnership.yml``: (required, what it holds). The build checks a profile
#: against this, and the "Set up the site for your partnership" page lists it.
SCHEMA: Final[dict[str, tuple[bool, str]]] = {
    "name": (True, "The partnership's full name."),
    "short_name": (
        True,
        "Its abbreviation, as the site uses it in running text (for example, ESCP).",
    ),
    "area": (
        True,
        "The local authority's area, as in \u201cIs the child normally resident in {area}?\u201d",
    ),
    "local_authority": (True, "The local authority's name, which notifies the Panel."),
    "reference_prefix": (
        False,
        "The start of the partnership's case references in the examples (ESCP-2026-014); "
        "defaults to the short name.",
    ),
    "support_office_email": (
        True,
        "The secure email address that completed referrals go to (the support office).",
    ),
    "referral_form_title": (True, "The title of the partnership's referral form."),
    "site_description": (False, "One sentence describing the site, for search engines."),
    "groups": (
        True,
        "The partnership's groups: review (arranges Rapid Reviews and monitors action plans), "
        "assurance (oversees the impact of action plans; optional) and board (signs action "
        "plans off), each with name and abbreviation.",
    ),
    "local_learning": (
        True,
        "The name of the local learning review for cases that do not meet the criteria "
        "(a Line of Sight Learning Event).",
    ),
    "timescales": (
        True,
        "Working days for each local timescale: "
        + "; ".join(f"{k} ({v})" for k, v in LOCAL_TIMESCALES.items())
        + ".",
    ),
    "timescale_notes": (
        False,
        "For a timescale id, how the site reads the partnership's words where they are "
        "ambiguous (shown beside the date).",
    ),
    "procedure": (
        True,
        "The procedure's pages, in order: each with title and file (in procedure/), and the "
        "topics it covers (cites) from: " + ", ".join(CITES) + ". Every topic must be covered.",
    ),
    "abbreviations": (False, "Local abbreviations shown as tooltips on every page."),
    "last_reviewed": (False, "The date the partnership last reviewed its procedure."),
}

_GROUP_ROLES: Final = {"review": True, "assurance": False, "board": True}
#: An address as a mail link can carry it whole: letters, digits and . _ + - before the @, a
#: domain of labels after it. Nothing a ``mailto:`` link reads as more than the address
#: (``?bcc=``, ``&``, ``#``, ``%``, ``,``), which would copy a referral to someone else.
_EMAIL: Final = re.compile(
    r"^[A-Za-z0-9._+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$"
)
_BIDI: Final = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
#: The largest profile read: a real one is a few kilobytes.
MAX_PROFILE_BYTES: Final = 100_000
_FILE: Final = re.compile(r"^[a-z0-9][a-z0-9-]*\.md$")


class PartnershipError(ValueError):
    """A profile that cannot be used: the message names the file and the key."""


@dataclass(frozen=True)
class Group:
    name: str
    abbreviation: str


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
    local_authority: str
    reference_prefix: str
    support_office_email: str
    referral_form_title: str
    site_description: str
    groups: Mapping[str, Group]
    local_learning: str
    timescales: Mapping[str, int | tuple[int, int]]
    timescale_notes: Mapping[str, str]
    procedure: tuple[Page, ...]
    abbreviations: Mapping[str, str]
    last_reviewed: str
    #: Where the profile was read from (its folder), or "" for a packed profile.
    directory: str = ""

    def days(self, timescale: str) -> int:
        """A local timescale of one number of working days."""
        value = self.timescales[timescale]
        assert isinstance(value, int)
        return value

    def window(self, timescale: str) -> tuple[int, int]:
        """A local timescale given as [earliest, latest] working days."""
        value = self.timescales[timescale]
        assert isinstance(value, tuple)
        return value

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


def _raw(p: Partnership) -> dict[str, Any]:
    return {
        "name": p.name,
        "short_name": p.short_name,
        "area": p.area,
        "local_authority": p.local_authority,
        "reference_prefix": p.reference_prefix,
        "support_office_email": p.support_office_email,
        "referral_form_title": p.referral_form_title,
        "site_description": p.site_description,
        "groups": {
            k: {"name": g.name, "abbreviation": g.abbreviation} for k, g in p.groups.items()
        },
        "local_learning": p.local_learning,
        "timescales": {k: list(v) if isinstance(v, tuple) else v for k, v in p.timescales.items()},
        "timescale_notes": dict(p.timescale_notes),
        "procedure": [
            {"title": pg.title, "file": pg.file, "cites": list(pg.cites)} for pg in p.procedure
        ],
        "abbreviations": dict(p.abbreviations),
        "last_reviewed": p.last_reviewed,
    }


# --- reading and checking a profile -----------------------------------------------------


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


def _timescales(r: _Reader, data: Any) -> dict[str, int | tuple[int, int]]:
    out: dict[str, int | tuple[int, int]] = {}
    if not isinstance(data, Mapping):
        r.fail("timescales", "must be a map from timescale ids to working days")
        return out
    for key in data:
        if key not in LOCAL_TIMESCALES:
            r.fail(
                f"timescales.{key}",
                "is not a local timescale; use one of " + ", ".join(LOCAL_TIMESCALES),
            )
    for key in LOCAL_TIMESCALES:
        path = f"timescales.{key}"
        if key not in data:
            r.fail(path, "is missing: give it in working days")
            continue
        value = data[key]
        if key == "rapid_review_meeting":
            if not isinstance(value, list) or len(value) != 2:
                r.fail(path, "must be [earliest, latest], two whole numbers of working days")
                continue
            first, last = r.whole(value[0], f"{path}[0]"), r.whole(value[1], f"{path}[1]")
            if first is not None and last is not None:
                if first > last:
                    r.fail(path, "the earliest day must not be after the latest")
                else:
                    out[key] = (first, last)
        else:
            number = r.whole(value, path)
            if number is not None:
                out[key] = number
    if "scoping_template_returned" in out and "rapid_review_meeting" in out:
        returned, window = out["scoping_template_returned"], out["rapid_review_meeting"]
        assert isinstance(returned, int) and isinstance(window, tuple)
        if returned > window[1]:
            r.fail(
                "timescales.scoping_template_returned",
                "must not be after the latest day of the Rapid Review meeting",
            )
    return out


def _groups(r: _Reader, data: Any) -> dict[str, Group]:
    out: dict[str, Group] = {}
    if not isinstance(data, Mapping):
        r.fail("groups", "must be a map of the groups review, board (and assurance)")
        return out
    for key in data:
        if key not in _GROUP_ROLES:
            r.fail(f"groups.{key}", "is not a group the site knows: use review, assurance, board")
    for role, required in _GROUP_ROLES.items():
        item = data.get(role)
        if item is None:
            if required:
                r.fail(f"groups.{role}", "is missing: give its name and abbreviation")
            continue
        if not isinstance(item, Mapping):
            r.fail(f"groups.{role}", "must have a name and an abbreviation")
            continue
        name = r.text(item, "name", f"groups.{role}.", required=True)
        abbreviation = r.text(item, "abbreviation", f"groups.{role}.", required=False)
        out[role] = Group(name, abbreviation or name)
    return out


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
        if key not in SCHEMA:
            r.fail(str(key), "is not a key the site knows; see the set-up page for the keys")
    text = {
        key: r.text(data, key, required=required)
        if not (key == "last_reviewed" and isinstance(data.get(key), date))
        else ""
        for key, (required, _) in SCHEMA.items()
        if key not in {"groups", "timescales", "timescale_notes", "procedure", "abbreviations"}
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
    notes = _strings(r, data.get("timescale_notes"), "timescale_notes")
    for key in notes:
        if key not in LOCAL_TIMESCALES:
            r.fail(f"timescale_notes.{key}", "is not a local timescale")
    profile = Partnership(
        name=text["name"],
        short_name=text["short_name"],
        area=text["area"],
        local_authority=text["local_authority"],
        reference_prefix=text["reference_prefix"] or text["short_name"],
        support_office_email=email,
        referral_form_title=text["referral_form_title"],
        site_description=text["site_description"],
        groups=_groups(r, data.get("groups")),
        local_learning=text["local_learning"],
        timescales=_timescales(r, data.get("timescales")),
        timescale_notes=notes,
        procedure=_procedure(r, data.get("procedure"), directory),
        abbreviations=_strings(r, data.get("abbreviations"), "abbreviations"),
        last_reviewed=text["last_reviewed"],
        directory=str(directory or ""),
    )
    if r.problems:
        raise PartnershipError("\n".join(r.problems))
    return profile


def load(directory: Path | str) -> Partnership:
    """The profile in ``directory`` (``partnership.yml``), checked."""
    folder = Path(directory)
    path = folder / FILENAME
    if path.is_symlink():
        raise PartnershipError(f"{path}: is a link to another file: put the file itself here")
    try:
        size = path.stat().st_size
        if size > MAX_PROFILE_BYTES:
            raise PartnershipError(
                f"{path}: is too big ({size:,} bytes): a profile is under "
                f"{MAX_PROFILE_BYTES // 1000} KB"
            )
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise PartnershipError(f"{path}: cannot be read ({exc.strerror})") from None
    except UnicodeDecodeError:
        raise PartnershipError(f"{path}: is not UTF-8 text") from None
    return from_data(_yaml(raw, path), str(path), folder.resolve())


def _yaml(raw: str, path: Path) -> Any:
    """The profile's YAML, read so that every value reaches the checks as it was written: a
    date YAML cannot read (2026-02-30) or a number too long for Python stays text, and the
    check names its key; a file nested too deeply is refused, not a crash. CPython only (the
    build and the CLI); the browser reads the packed JSON."""
    import yaml  # type: ignore[import-untyped]  # PyYAML has no type hints of its own

    class Loader(yaml.SafeLoader):  # type: ignore[misc]
        def construct_yaml_timestamp(self, node: Any) -> Any:
            value = self.construct_scalar(node)
            try:
                return super().construct_yaml_timestamp(node)
            except ValueError:
                return value

        def construct_yaml_int(self, node: Any) -> Any:
            try:
                return super().construct_yaml_int(node)
            except ValueError:
                return self.construct_scalar(node)

    Loader.add_constructor("tag:yaml.org,2002:timestamp", Loader.construct_yaml_timestamp)
    Loader.add_constructor("tag:yaml.org,2002:int", Loader.construct_yaml_int)
    try:
        return yaml.load(raw, Loader=Loader)  # a SafeLoader, with two readers of its own
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"line {mark.line + 1}: " if mark is not None else ""
        raise PartnershipError(f"{path}: {where}is not valid YAML ({exc.problem})") from None
    except yaml.YAMLError as exc:
        raise PartnershipError(f"{path}: is not valid YAML ({exc})") from None
    except RecursionError:
        raise PartnershipError(f"{path}: is nested too deeply to be a profile") from None


# --- the profile in use ------------------------------------------------------------------

_current: Partnership | None = None


def use(directory: Path | str) -> Partnership:
    """Use this profile for the rest of the process (before the rules are imported)."""
    global _current
    _current = load(directory)
    return _current


def current() -> Partnership:
    global _current
    if _current is None:
        chosen = os.environ.get(ENV, "").strip()
        if chosen:
            _current = load(chosen)
        else:
            packed = resources.files("csprcore") / PACKED
            if packed.is_file():
                _current = from_data(json.loads(packed.read_text(encoding="utf-8")), PACKED)
            else:
                _current = load(DEFAULT_DIR)
    return _current
