"""The built site's content, read from the HTML in ``site/`` (run ``make build`` first).

- Fidelity: every sentence of the procedure appears on its page, word for word, apart from the
  corrections recorded on the Amendments page (listed in ``AMENDMENTS`` below).
- The navigation follows the document's order; every anchor the rule core cites exists.
- No page or stylesheet loads anything from another origin; internal links resolve.
- Every page says when it was last reviewed; abbreviations are explained where they appear.

The source text is kept beside this file (``data/cspr-procedure.txt``) so that the test runs on
a clean clone; when the team's shared copy is present, the two must be identical.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from csprcore.partnership import current
from csprcore.rules.citations import SECTION_TITLES, cite_path

# North East Lincolnshire's pages, dates and words: run with its profile only (tests/conftest.py);
# test_partnerships.py checks any partnership's outputs.
pytestmark = pytest.mark.nel

ROOT = Path(__file__).resolve().parents[2]
SITE = Path(os.environ.get("CSPRCORE_SITE", ROOT / "site")).resolve()
DOCS = ROOT / "docs"
SOURCE = Path(__file__).resolve().parent / "data" / "cspr-procedure.txt"
SHARED_SOURCE = ROOT.parent / "shared" / "source" / "cspr-procedure.txt"

PAGE_IDS = [f"section-{n}" for n in range(1, 14)] + ["appendix-1"]


@dataclass(frozen=True)
class Amendment:
    cite: str
    old: str
    new: str


#: The corrections recorded on the Amendments page, as edits to the source text.
AMENDMENTS = (
    Amendment(
        "section-2",
        "Safeguarding Children\n\nPartnership (NELSCP)",
        "Safeguarding Children Partnership (NELSCP)",
    ),
    Amendment(
        "section-3",
        "[Safeguarding Practice Review referral Form](#)",
        "[Safeguarding Practice Review referral Form](../tools/referral-form.md)",
    ),
    Amendment("section-5", "a national\n\nreview may be", "a national review may be"),
    Amendment(
        "section-6",
        "institutional settings\n- where the case may raise issues relating to safeguarding or "
        "promoting the welfare of children in institutional settings\n",
        "institutional settings\n",
    ),
    Amendment("section-10", "process¹⁴.", "process."),
    Amendment("section-11", "working days¹⁶ before", "working days before"),
)


# --- reading the built HTML ------------------------------------------------------------------

BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div",
    "dl", "dt", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "li", "main", "nav", "ol", "p", "section", "summary", "table", "tbody",
    "td", "tfoot", "th", "thead", "tr", "ul", "desc", "title", "text",
}  # fmt: skip
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}


class Element:
    def __init__(self, tag: str, attrs: dict[str, str], parent: Element | None) -> None:
        self.tag = tag
        self.attrs = attrs
        self.parent = parent
        self.children: list[Element | str] = []

    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def iter(self) -> list[Element]:
        found = [self]
        for child in self.children:
            if isinstance(child, Element):
                found.extend(child.iter())
        return found

    def find_all(self, tag: str | None = None, cls: str | None = None) -> list[Element]:
        return [
            e
            for e in self.iter()
            if (tag is None or e.tag == tag) and (cls is None or cls in e.classes())
        ]

    def text(self, skip_cls: tuple[str, ...] = ("headerlink",)) -> str:
        parts: list[str] = []

        def walk(e: Element) -> None:
            if e.tag in ("script", "style") or e.classes() & set(skip_cls):
                return
            block = e.tag in BLOCK_TAGS
            if block:
                parts.append(" ")
            for child in e.children:
                if isinstance(child, str):
                    parts.append(child)
                else:
                    walk(child)
            if block:
                parts.append(" ")

        walk(self)
        return normalise("".join(parts))


class TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {}, None)
        self.current = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.children.append(element)
        if tag not in VOID_TAGS:
            self.current = element

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.current.children.append(Element(tag, {k: v or "" for k, v in attrs}, self.current))

    def handle_endtag(self, tag: str) -> None:
        node: Element | None = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


_PARSED: dict[Path, Element] = {}


def parse(path: Path) -> Element:
    if path not in _PARSED:
        builder = TreeBuilder()
        builder.feed(path.read_text(encoding="utf-8"))
        _PARSED[path] = builder.root
    return _PARSED[path]


def page_file(cite: str) -> Path:
    return SITE / "procedure" / cite / "index.html"


def article(path: Path) -> Element:
    found = parse(path).find_all("article", "md-content__inner")
    assert len(found) == 1, f"{path}: expected one article"
    return found[0]


def by_id(root: Element, ident: str) -> list[Element]:
    return [e for e in root.iter() if e.attrs.get("id") == ident]


# --- reading the source text -----------------------------------------------------------------

_TRANSLATE = str.maketrans(
    {
        "\u2018": "'",  # left single quotation mark
        "\u2019": "'",  # right single quotation mark
        "\u201c": '"',  # left double quotation mark
        "\u201d": '"',  # right double quotation mark
        "\u2013": "-",  # en dash
        "\u2014": "-",  # em dash
        "\u00a0": " ",  # no-break space
        "\u200b": "",  # zero-width space
    }
)


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.translate(_TRANSLATE)).strip()


def squash(text: str) -> str:
    """Letters and digits only, lower case: for headings, set in capitals in the source."""
    return re.sub(r"[^0-9a-z]", "", text.casefold())


HEADING = re.compile(r"^(\d+)\. ([A-Z][A-Z ,'\u2013-]+)$")
APPENDIX_HEADING = "Appendix 1 Rapid Review process"


@dataclass
class SourceSection:
    cite: str
    heading: str
    lines: list[str]


def amended_source() -> str:
    text = SOURCE.read_text(encoding="utf-8")
    for a in AMENDMENTS:
        assert text.count(a.old) == 1, f"amendment to {a.cite} no longer matches the source"
        text = text.replace(a.old, a.new)
    return text


def source_parts() -> tuple[list[str], list[SourceSection]]:
    """The front matter (title and contents) and the sections, in the document's order."""
    lines = amended_source().splitlines()
    front: list[str] = []
    sections: list[SourceSection] = []
    for line in lines:
        stripped = line.strip()
        match = HEADING.match(stripped)
        if match:
            sections.append(SourceSection(f"section-{match.group(1)}", stripped, []))
        elif stripped == APPENDIX_HEADING:
            sections.append(SourceSection("appendix-1", stripped, []))
        elif sections:
            sections[-1].lines.append(line)
        else:
            front.append(line)
    return front, sections


def sentences(line: str) -> list[str]:
    """The sentences of one line of the source, with its markup removed."""
    line = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", line)  # markdown links -> their text
    line = re.sub(r"<(https?://[^>]+)>", r"\1", line)  # autolinks -> the address
    line = re.sub(r"</?(i|em|b|strong)>", "", line)  # inline markup
    line = re.sub(r"<[^>]+>", "\n", line)  # block markup (Appendix 1's table)
    found: list[str] = []
    for cell in re.split(r"[\t\n•]", line):
        cell = normalise(re.sub(r"^\s*-\s+", "", cell))
        if cell:
            found.extend(s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z(])", cell) if s)
    return found


def built_pages() -> list[Path]:
    return sorted(p for p in SITE.rglob("*.html") if p.name != "404.html")


# --- tests -----------------------------------------------------------------------------------


def test_site_source_copy_matches_the_shared_source() -> None:
    if not SHARED_SOURCE.exists():
        pytest.skip("the team's shared source is not here (a clean clone)")
    assert SOURCE.read_bytes() == SHARED_SOURCE.read_bytes()


def test_site_source_splits_into_the_documents_sections() -> None:
    _, sections = source_parts()
    assert [s.cite for s in sections] == PAGE_IDS


@pytest.mark.parametrize("cite", PAGE_IDS)
def test_site_fidelity_every_sentence_is_on_its_page(site_dir: Path, cite: str) -> None:
    section = next(s for s in source_parts()[1] if s.cite == cite)
    body = article(page_file(cite))
    text = body.text()
    missing = [s for line in section.lines for s in sentences(line) if s not in text]
    assert not missing, f"{cite}: sentences not on the page:\n" + "\n".join(missing)


@pytest.mark.parametrize("cite", PAGE_IDS)
def test_site_heading_is_the_documents_heading(site_dir: Path, cite: str) -> None:
    section = next(s for s in source_parts()[1] if s.cite == cite)
    h1 = article(page_file(cite)).find_all("h1")
    assert len(h1) == 1
    assert squash(h1[0].text()) == squash(section.heading)
    assert h1[0].text() == normalise(SECTION_TITLES[cite])


def test_site_fidelity_whole_document_in_order(site_dir: Path) -> None:
    """The whole procedure, read page after page, holds every sentence in the document's order."""
    _, sections = source_parts()
    text = " ".join(article(page_file(s.cite)).text() for s in sections)
    position = 0
    for section in sections:
        for line in section.lines:
            for sentence in sentences(line):
                found = text.find(sentence, position)
                assert found >= 0, f"{section.cite}: out of order or missing: {sentence}"
                position = found
    # The document's title is the site's name and its publisher.
    home = parse(SITE / "index.html").text()
    front, _ = source_parts()
    for title in (line.strip() for line in front[:6] if line.strip().isupper()):
        if title != "CONTENTS":
            assert title.casefold() in home.casefold()


def test_site_amendments_are_applied_and_recorded(site_dir: Path) -> None:
    section_6 = article(page_file("section-6")).text()
    assert section_6.count("children in institutional settings") == 1
    for cite in ("section-10", "section-11"):
        text = article(page_file(cite)).text()
        assert not re.search("[¹²³⁴⁵⁶⁷⁸⁹⁰]", text), f"footnote marker left in {cite}"
    appendix = article(page_file("appendix-1")).text()
    assert "<i>" not in appendix and "<ul" not in appendix and "•" not in appendix
    referral = [
        a
        for a in article(page_file("section-3")).find_all("a")
        if a.text() == "Safeguarding Practice Review referral Form"
    ]
    assert [a.attrs["href"] for a in referral] == ["../../tools/referral-form/"]

    amendments = parse(SITE / "about" / "amendments" / "index.html")
    for a in (*AMENDMENTS, Amendment("appendix-1", "", "")):
        rows = by_id(amendments, f"amendment-{a.cite}")
        assert len(rows) == 1, f"no row for {a.cite} on the Amendments page"
        cells = rows[0].find_all("td")
        assert len(cells) == 4
        assert cells[0].find_all("time")[0].attrs["datetime"] == "2026-11-26"
        assert [x.attrs["href"] for x in cells[1].find_all("a")] == [
            f"../../procedure/{a.cite}/#{a.cite}"
        ]
        assert cells[2].text() and cells[3].text()


def test_site_navigation_follows_the_document(site_dir: Path) -> None:
    nav = parse(SITE / "index.html").find_all("nav", "md-nav--primary")[0]
    links = [
        (a.attrs["href"], a.text())
        for a in nav.find_all("a", "md-nav__link")
        if a.attrs.get("href", "").startswith("procedure/")
    ]
    assert [href for href, _ in links] == [f"procedure/{c}/" for c in PAGE_IDS]
    assert [title for _, title in links] == [normalise(SECTION_TITLES[c]) for c in PAGE_IDS]

    # The document's own contents list numbers the sections in the same order.
    front, _ = source_parts()
    start = [line.strip() for line in front].index("CONTENTS")
    entries = [line.strip().lstrip("- ") for line in front[start + 1 :] if line.strip()]
    numbers = [re.match(r"(\d+\.|Appendix 1)", e).group(1) for e in entries]  # type: ignore[union-attr]
    assert numbers == [f"{n}." for n in range(1, 14)] + ["Appendix 1"]

    # The nav lists the tools and about pages too.
    hrefs = [a.attrs.get("href", "") for a in nav.find_all("a", "md-nav__link")]
    for page in ("tools/criteria-checker/", "tools/deadline-calculator/", "tools/referral-form/"):
        assert page in hrefs
    for page in ("glossary", "amendments", "accessibility", "privacy"):
        assert f"about/{page}/" in hrefs


@pytest.mark.parametrize("cite", sorted(SECTION_TITLES))
def test_site_every_citation_resolves(site_dir: Path, cite: str) -> None:
    path, _, fragment = cite_path(cite).partition("#")
    page = SITE / path / "index.html"
    assert page.exists(), f"{cite_path(cite)}: no page"
    assert len(by_id(parse(page), fragment)) == 1, f"{cite_path(cite)}: no element #{fragment}"


def test_site_no_asset_from_another_origin(site_dir: Path) -> None:
    """No page or stylesheet refers to a font, script, style, image or frame elsewhere."""
    loaders = {
        "link": "href",
        "script": "src",
        "img": "src",
        "iframe": "src",
        "source": "src",
        "video": "src",
        "audio": "src",
        "embed": "src",
        "object": "data",
        "track": "src",
        "image": "href",
        "use": "href",
    }
    offenders: list[str] = []
    for path in sorted(SITE.rglob("*.html")):
        for element in parse(path).iter():
            attr = loaders.get(element.tag)
            if not attr:
                continue
            if element.tag == "link" and element.attrs.get("rel") in ("canonical", "alternate"):
                continue  # names the page's address; nothing is fetched
            for name in (attr, "srcset", "xlink:href"):
                value = element.attrs.get(name, "").strip()
                if re.match(r"^(https?:)?//", value):
                    offenders.append(f"{path.relative_to(SITE)}: <{element.tag} {name}={value}>")
        for style in re.findall(r"url\(\s*['\"]?(?:https?:)?//[^)]*\)", path.read_text()):
            offenders.append(f"{path.relative_to(SITE)}: {style}")
    for path in sorted(SITE.rglob("*.css")):
        css = path.read_text(encoding="utf-8")
        for match in re.findall(r"(?:url\(\s*['\"]?|@import\s+['\"])(?:https?:)?//[^)'\"]*", css):
            offenders.append(f"{path.relative_to(SITE)}: {match}")
    assert not offenders, "\n".join(offenders)


def test_site_internal_links_resolve(site_dir: Path) -> None:
    broken: list[str] = []
    for path in built_pages():
        base = "/" + path.relative_to(SITE).as_posix()
        for a in parse(path).find_all("a"):
            href = a.attrs.get("href", "")
            if not href or re.match(r"^[a-z][a-z0-9+.-]*:", href) or href.startswith("//"):
                continue
            target = urlsplit(urljoin(base, href))
            file = SITE / unquote(target.path).lstrip("/")
            if file.is_dir() or target.path.endswith("/"):
                file = file / "index.html"
            if not file.exists():
                broken.append(f"{base}: {href}")
            elif (
                target.fragment
                and file.suffix == ".html"
                and not by_id(parse(file), unquote(target.fragment))
            ):
                broken.append(f"{base}: {href} (no #{target.fragment})")
    assert not broken, "\n".join(broken)


def test_site_external_links_are_ordinary_links(site_dir: Path) -> None:
    """Legislation and GOV.UK are linked, plainly: no frames, no scripts, no new windows."""
    section_3 = article(page_file("section-3"))
    hrefs = [a.attrs.get("href", "") for a in section_3.find_all("a")]
    assert "https://www.gov.uk/guidance/report-a-serious-child-safeguarding-incident" in hrefs
    assert "https://www.legislation.gov.uk/ukpga/2004/31/section/16C" in hrefs
    for path in built_pages():
        for a in article(path).find_all("a"):
            if a.attrs.get("href", "").startswith("http"):
                assert "target" not in a.attrs, f"{path}: {a.attrs['href']} opens a new window"


def test_site_every_page_shows_when_it_was_last_reviewed(site_dir: Path) -> None:
    for path in built_pages():
        if path.parent.name == "search" or not parse(path).find_all("article"):
            continue
        found = article(path).find_all("p", "last-reviewed")
        assert len(found) == 1, f"{path.relative_to(SITE)}: no 'Last reviewed' line"
        assert re.fullmatch(r"Last reviewed: \d{1,2} [A-Z][a-z]+ 20\d\d", found[0].text())
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", found[0].find_all("time")[0].attrs["datetime"])


REQUIRED_ABBREVIATIONS = [
    "NELSCP",
    "SCP",
    "SRG",
    "SAIG",
    "CSPR",
    "LCSPR",
    "CDOP",
    "DfE",
    "LA",
    "DHR",
    "MAPPA",
    "SAR",
    "Ofsted",
    "SCR",
    "EOTAS",
    "NEL",
]


def test_site_glossary_and_abbreviations(site_dir: Path) -> None:
    glossary = article(SITE / "about" / "glossary" / "index.html")
    terms = {dt.text() for dt in glossary.find_all("dt")}
    snippet = (DOCS / "includes" / "abbreviations.md").read_text(encoding="utf-8")
    defined = dict(re.findall(r"^\*\[([^\]]+)\]: (.+)$", snippet, flags=re.M))
    # The partnership's own abbreviations come from its profile.
    local = dict(current().abbreviations)
    assert not set(local) & set(defined), "an abbreviation is both national and local"
    defined |= local
    for abbr in REQUIRED_ABBREVIATIONS:
        assert abbr in terms, f"{abbr} is not in the glossary"
        assert abbr in defined, f"{abbr} is neither in abbreviations.md nor in the profile"
    for abbr in defined:
        assert abbr in terms or abbr.rstrip("s") in terms, f"{abbr} has no glossary entry"

    # Wherever an abbreviation appears in the procedure, it is explained.
    expected = {
        "section-2": ("SRG", "NELSCP"),
        "section-3": ("CDOP", "NEL", "SCP", "Ofsted"),
        "section-5": ("NEL", "DfE", "Ofsted"),
        "section-10": ("SCRs",),
        "section-12": ("SCP", "SAIG"),
        "appendix-1": ("LA",),
    }
    for cite, abbrs in expected.items():
        marked = {
            (e.text(), e.attrs.get("title"))
            for e in article(page_file(cite)).find_all("abbr")
            if e.attrs.get("title")
        }
        for abbr in abbrs:
            assert (abbr, defined[abbr]) in marked or any(m[0] == abbr for m in marked), (
                f"{abbr} is not explained on {cite}"
            )


def test_site_appendix_table_and_timeline(site_dir: Path) -> None:
    page = article(page_file("appendix-1"))
    table = by_id(page, "rapid-review-table")[0]
    assert table.find_all("caption")
    assert [th.text() for th in table.find_all("thead")[0].find_all("th")] == [
        "Timescale",
        "What happens",
    ]
    assert all(th.attrs.get("scope") == "col" for th in table.find_all("thead")[0].find_all("th"))
    row_headers = [th.text() for th in table.find_all("tbody")[0].find_all("th")]
    assert row_headers == [
        "At the start (day 0)",
        "Within 2 working days of referral",
        "Within 5 working days",
        "Between 7 and 13 working days of receiving the referral",
        "Within 2 days of the Rapid Review meeting",
    ]

    figure = by_id(page, "rapid-review-timeline")[0]
    svg = figure.find_all("svg")[0]
    assert svg.attrs["role"] == "img"
    for ident in svg.attrs["aria-labelledby"].split():
        assert by_id(svg, ident)[0].text(), f"#{ident} is empty"
    assert figure.find_all("figcaption")[0].text()
    labels = [t.text() for t in svg.find_all("g", "dg-day")[0].find_all("text")]
    assert labels == [str(d) for d in range(16)]

    # Our reading of "within 2 days", said to be ours, under the appendix.
    notes = [n.text() for n in page.find_all("div", "admonition")]
    assert any("2 working days" in n and "not part of the procedure" in n for n in notes)


def test_site_home_page(site_dir: Path) -> None:
    home = article(SITE / "index.html")
    text = home.text()
    for audience in ("Practitioners", "Designated safeguarding leads", "partnership business unit"):
        assert audience in text
    hrefs = {a.attrs.get("href") for a in home.find_all("a")}
    for tool in ("criteria-checker", "deadline-calculator", "referral-form"):
        assert f"tools/{tool}/" in hrefs
    svg = by_id(home, "process-overview")[0].find_all("svg")[0]
    assert svg.attrs["role"] == "img"
    words = svg.text()
    for step in (
        "A serious incident",
        "within 5 working days",
        "Rapid Review",
        "15 working days",
        "Decision",
        "Local review",
        "National review",
        "Line of Sight learning",
        "No review",
        "Final report",
        "6 months",
        "Action plan and monitoring",
    ):
        assert step in words, step


def test_site_about_pages(site_dir: Path) -> None:
    statement = article(SITE / "about" / "accessibility" / "index.html")
    headings = [h.text() for h in statement.find_all("h2") + statement.find_all("h3")]
    for heading in (
        "Compliance status",
        "Non-accessible content",
        "Reporting accessibility problems with this website",
        "Enforcement procedure",
        "Preparation of this accessibility statement",
    ):
        assert heading in headings
    text = statement.text()
    assert "Equality and Human Rights Commission" in text
    assert "Equality Commission for Northern Ireland" in text

    privacy = article(SITE / "about" / "privacy" / "index.html").text()
    for claim in ("no cookies", "no analytics", "Delete this draft", "never sent anywhere"):
        assert claim.casefold() in privacy.casefold(), claim
    # The privacy notice names the referral form's own delete button.
    referral = parse(SITE / "tools" / "referral-form" / "index.html")
    for button in (e for e in referral.iter() if "data-delete-draft" in e.attrs):
        assert button.text() in privacy
