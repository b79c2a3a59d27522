"""The partnership's own pages and words in the built site, from its profile.

A partnership folder (``partnerships/<slug>/``) holds ``partnership.yml``, its procedure
(``procedure/*.md``, served at ``procedure/``) and its other local pages (``pages/``: the
home page, the amendments and the glossary), which the build lays over the shared ``docs/``.
Shared pages name the partnership through tokens such as ``{{ partnership.area }}``, so no
local name is written in them. The build stops, naming the file, on a token it does not know,
a missing local page, or a procedure page without the anchor of a topic it covers.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from csprcore.partnership import (
    GUIDANCE_UPDATES,
    STEP_ROLES,
    Partnership,
    current,
    page_file_problem,
)
from csprcore.rules import citations, regulations, timescales

#: Pages every partnership writes for itself (in its ``pages/`` folder).
LOCAL_PAGES = ("index.md", "about/amendments.md", "about/glossary.md")
TOKEN = re.compile(r"\{\{\s*partnership\.([a-z_]+(?:\.[a-z_]+)*)\s*\}\}")
#: ``{{ timescale.notify_panel }}``: a national timescale of the one table, in words.
TIMESCALE = re.compile(r"\{\{\s*timescale\.([a-z_]+)\s*\}\}")
#: ``{{ step.meeting }}``: the partnership's step of a role, as it is counted, in words
#: ("between N and M working days after the referral").
STEP = re.compile(r"\{\{\s*step\.([a-z_]+)\s*\}\}")
#: ``{{ guidance.edition }}`` (the edition of Working Together the procedure follows) and
#: ``{{ guidance.status <update> }}`` (whether the procedure already reflects an update of
#: the national guidance page).
GUIDANCE = re.compile(
    r"\{\{\s*guidance\.(edition|local_review_circumstances|status\s+([a-z_0-9]+))\s*\}\}"
)
#: ``{{ regulation 11 }}`` (or 3): the regulation's lettered criteria, quoted from the one
#: place the site keeps them (``csprcore.rules.regulations``).
REGULATION = re.compile(r"\{\{\s*regulation\s+(3|11)\s*\}\}")
#: ``{{ cite section-6 }}`` (or ``{{ cite section-6 | words }}``): a link to the page of the
#: partnership's procedure that covers a topic, named as the procedure numbers it.
CITE = re.compile(r"\{\{\s*cite\s+([a-z0-9-]+)\s*(?:\|\s*([^}]+?)\s*)?\}\}")


#: The characters of a profile's text that mean something in Markdown or HTML (a link, an
#: emphasis, a table cell, an attribute list, an entity, a quote that ends an attribute): a
#: token's value gets them as character references, which read the same in running text, in
#: a table, in raw HTML and in an attribute, and never as markup. (``<`` and ``>`` are
#: refused by the profile's check; they are here too, in case.)
_MARKDOWN_SPECIAL = {c: f"&#{ord(c)};" for c in "&<>\"'`*_[]{}#|\\"}


def markdown_text(value: str) -> str:
    """A profile's text as Markdown that shows exactly that text, never markup."""
    return "".join(_MARKDOWN_SPECIAL.get(c, c) for c in value)


def folder() -> Path:
    profile = current()
    if not profile.directory:
        raise PluginError("The build needs a partnership folder (PARTNERSHIP=partnerships/<slug>)")
    return Path(profile.directory)


def configure(config: Any) -> None:
    """Site settings from the profile: description, copyright, the support office's email,
    and the procedure's pages in the navigation."""
    profile = current()
    # The theme writes both into the page as they are (an attribute and the footer), so
    # they go in escaped: a quote in the description must not end its attribute.
    config["site_description"] = html.escape(
        profile.site_description
        or f"{profile.name}'s procedure for child safeguarding practice reviews, with tools.",
        quote=True,
    )
    config["copyright"] = html.escape(profile.name, quote=True)
    extra = config["extra"]
    extra["support_office_email"] = profile.support_office_email
    extra["partnership"] = profile.name
    if profile.last_reviewed:
        # The theme's "Last reviewed" line formats a date, as YAML front matter gives it.
        extra["last_reviewed"] = date.fromisoformat(profile.last_reviewed)
    procedure = [f"procedure/{page.file}" for page in profile.procedure]
    for item in config["nav"]:
        if isinstance(item, dict) and "Procedure" in item:
            item["Procedure"] = procedure
            break
    else:
        raise PluginError("mkdocs.yml's nav has no Procedure section to fill")


def add_files(files: Files, config: Any) -> Files:
    """The partnership's procedure and local pages, over the shared ones."""
    base = folder()
    profile = current()
    wanted = {
        f"procedure/{page.file}": base / "procedure" / page.file for page in profile.procedure
    }
    pages = base / "pages"
    for path in sorted(pages.rglob("*.md")) if pages.is_dir() else []:
        wanted[path.relative_to(pages).as_posix()] = path
    missing = [p for p in LOCAL_PAGES if p not in wanted]
    if missing:
        raise PluginError(
            f"{pages}: the partnership's own pages are missing: " + ", ".join(missing)
        )
    for path in wanted.values():
        problem = page_file_problem(base, path.relative_to(base).as_posix())
        if problem:
            raise PluginError(f"{base}: the partnership's folder {problem}")
    for uri, path in wanted.items():
        old = files.get_file_from_path(uri)
        if old is not None:
            files.remove(old)
        files.append(File.generated(config, uri, abs_src_path=str(path)))
    return files


def _value(profile: Partnership, dotted: str) -> str | None:
    value: Any = profile
    for part in dotted.split("."):
        value = value.get(part) if isinstance(value, Mapping) else getattr(value, part, None)
        if value is None:
            return None
    return str(value) if isinstance(value, str | int) else None


def fill_tokens(markdown: str, page_file: str) -> str:
    """``{{ partnership.area }}`` and the like, replaced by the profile's words."""
    profile = current()

    def replace(match: re.Match[str]) -> str:
        value = _value(profile, match.group(1))
        if value is None:
            raise PluginError(f"{page_file}: unknown token {match.group(0)}")
        return markdown_text(value)

    def timescale(match: re.Match[str]) -> str:
        t = timescales.TIMESCALES_BY_ID.get(match.group(1))
        if t is None:
            raise PluginError(f"{page_file}: unknown timescale {match.group(0)}")
        if t.latest is not None:
            return timescales.meeting_window_words()
        n = abs(t.counts[0].amount)
        if t.counts[0].unit == "months":
            return f"{n} month{'' if n == 1 else 's'}"
        return timescales.working_days(n)

    depth = page_file.count("/")

    def cite(match: re.Match[str]) -> str:
        topic, words = match.group(1), match.group(2)
        try:
            page = profile.page_of(topic)
        except KeyError:
            raise PluginError(f"{page_file}: unknown topic {match.group(0)}") from None
        if words is None:
            short = citations.short_title(topic)
            words = short[:1].lower() + short[1:] if short.startswith("Section") else short
        target = f"procedure/{page.file}#{topic}"
        return f"[{words}]({'../' * depth}{target})"

    def step(match: re.Match[str]) -> str:
        if match.group(1) not in STEP_ROLES:
            raise PluginError(f"{page_file}: unknown step role {match.group(0)}")
        return timescales.role_words(match.group(1)) or "when the partnership says"

    def guidance(match: re.Match[str]) -> str:
        national = profile.national_guidance
        if match.group(1) == "edition":
            return str(national.working_together)
        if match.group(1) == "local_review_circumstances":
            return "\n".join(
                f"- {markdown_text(c)}" for c in regulations.LOCAL_REVIEW_CIRCUMSTANCES.values()
            )
        update = match.group(2)
        if update not in GUIDANCE_UPDATES:
            raise PluginError(f"{page_file}: unknown national guidance update {match.group(0)}")
        short = markdown_text(profile.short_name)
        if update in national.reflects or (
            update == "working_together_2023" and national.working_together == 2023
        ):
            return f"**{short}'s procedure already reflects this.**"
        return f"**This is not yet part of {short}'s procedure.**"

    text = TOKEN.sub(replace, markdown)
    text = REGULATION.sub(lambda m: markdown_text(regulations.quoted(int(m.group(1)))), text)
    text = GUIDANCE.sub(guidance, text)
    text = TIMESCALE.sub(timescale, text)
    text = STEP.sub(step, text)
    text = CITE.sub(cite, text)
    if profile.abbreviations:
        text += "\n\n" + "\n".join(f"*[{k}]: {v}" for k, v in profile.abbreviations.items())
    return text


def check_anchors(html: str, page_file: str) -> None:
    """Each topic a procedure page covers has its anchor, so every citation resolves."""
    for page in current().procedure:
        if f"procedure/{page.file}" != page_file:
            continue
        for cite in page.cites:
            if f'id="{cite}"' not in html:
                raise PluginError(
                    f"procedure/{page.file}: no heading has the anchor {{ #{cite} }}, "
                    f"which partnership.yml says this page covers"
                )
