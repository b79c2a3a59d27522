"""Every document the tools make has an editable copy (OpenDocument text, ``.odt``) made from
the same model as its PDF: read back with ``odfdo`` (an independent ODF reader), it says the
same words in the same order, with headings as heading styles, lists as lists, rows as tables
and OFFICIAL-SENSITIVE in the page header."""

from __future__ import annotations

import base64
import io
import json
import re
import zipfile
from typing import Any

import odfdo
import pytest
from pypdf import PdfReader

from csprcore import api
from csprcore.exports.document import Block, Letter, Report
from csprcore.exports.odt import MIME
from csprcore.exports.render import write
from csprcore.forms.case_register.register_file import example_register
from csprcore.forms.registry import document_formats, forms

NOW = "30/11/2026 10:00"


def call(name: str, payload: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(api.call(name, json.dumps(payload)))
    return result


def words_of_pdf(data: bytes) -> list[str]:
    """The PDF's words, without the marking and footer every page repeats."""
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    text = re.sub(r"OFFICIAL-SENSITIVE · Made .*? · Page \d+ of \d+", " ", text)
    lines = [line for line in text.splitlines() if line.strip() != "OFFICIAL-SENSITIVE"]
    return [w for w in " ".join(lines).split() if w != "•"]


def words_of_odt(data: bytes) -> list[str]:
    """Every heading's and paragraph's words in document order: in lists and tables too."""
    body = odfdo.Document(io.BytesIO(data)).body
    parts = body.get_elements("descendant::text:h|descendant::text:p")
    return " ".join(p.text_recursive for p in parts).split()


def exported(payload: dict[str, Any], name: str = "form_export") -> bytes:
    result = call(name, payload)
    assert result.get("ok", True), result
    return base64.b64decode(result["base64"])


FORM_CASES = [
    (form_id, fmt)
    for form_id, form in forms().items()
    for fmt in document_formats(form)
    if not fmt.endswith("odt")
]


@pytest.mark.parametrize(("form_id", "fmt"), FORM_CASES, ids=[f"{f}-{x}" for f, x in FORM_CASES])
def test_every_forms_document_has_an_editable_copy_with_the_same_words(
    form_id: str, fmt: str
) -> None:
    doc = forms()[form_id].example()
    if fmt == "letter-delay":  # the example's report was published on time
        doc["publication"].update(delay_reasons=["inquest"], delay_details="Listed for May.")
    base = {"form": form_id, "document": doc, "now": NOW}
    pdf = exported({**base, "format": fmt})
    editable_format = "odt" if fmt == "pdf" else f"{fmt}-odt"
    result = call("form_export", {**base, "format": editable_format})
    assert result["mime"] == MIME
    assert result["filename"].endswith(".odt")
    odt = base64.b64decode(result["base64"])
    assert words_of_odt(odt) == words_of_pdf(pdf)
    assert_well_formed(odt)


def assert_well_formed(data: bytes) -> None:
    """Every XML part parses, attributes unique (LibreOffice refuses a file otherwise)."""
    from xml.dom import minidom

    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            if name.endswith(".xml"):
                minidom.parseString(package.read(name))


@pytest.mark.parametrize(
    ("name", "payload"),
    [
        ("check_record", {"facts": {"harm": "died", "abuse_or_neglect": "suspected",
                                    "incident_location": "in_area"},
                          "checked_at": NOW}),
        ("register_export", {"register": example_register(), "today": "2026-11-30",
                             "made_at": NOW}),
        ("register_report_export", {"register": example_register(), "from": "2025-04-01",
                                    "to": "2026-03-31", "made_at": NOW}),
    ],
)  # fmt: skip
def test_the_check_record_and_the_registers_documents_too(
    name: str, payload: dict[str, Any]
) -> None:
    pdf = exported({**payload, "format": "pdf"}, name)
    odt = exported({**payload, "format": "odt"}, name)
    assert words_of_odt(odt) == words_of_pdf(pdf)
    assert_well_formed(odt)


def test_a_letter_is_structured_as_a_letter() -> None:
    from csprcore.forms.rapid_review import RapidReview

    data = exported({"form": "rapid-review", "format": "letter-odt",
                     "document": RapidReview.example(), "now": NOW})  # fmt: skip
    odt = odfdo.Document(io.BytesIO(data))
    (subject,) = odt.body.headers
    assert subject.text_recursive.startswith("Rapid Review: letter to the Child Safeguarding")
    assert subject.get_attribute("text:outline-level") == "1"
    # The criteria, the circumstances and the enclosures are lists, not lines of bullets.
    items = [
        i.text_recursive.strip()
        for lst in odt.body.lists
        for i in lst.get_elements("text:list-item")
    ]
    assert "The completed Rapid Review Template" in items
    assert not any(p.text_recursive.startswith("\u2022") for p in odt.body.paragraphs)
    # Room to sign for each of the three partners.
    assert sum(p.text_recursive == "Signature:" for p in odt.body.paragraphs) == 3


def test_a_form_is_headings_and_tables() -> None:
    from csprcore.forms.referral import Referral

    data = exported({"form": "referral", "format": "odt", "document": Referral.example(),
                     "now": NOW})  # fmt: skip
    odt = odfdo.Document(io.BytesIO(data))
    levels = {h.get_attribute("text:outline-level") for h in odt.body.headers}
    assert levels >= {"1", "2"}
    assert len(odt.body.tables) >= 5
    first_row = odt.body.tables[0].get_rows()[0]
    assert len(first_row.get_cells()) == 2


def test_the_package_is_odf() -> None:
    """The ``mimetype`` entry first and uncompressed (ODF 1.2, part 3, 3.3), the marking in
    the header of every page, and the same bytes for the same document."""
    report = Report("Title", [Block("Part", [("Label", "Value")], text="• one\n• two")])
    from datetime import datetime

    made = datetime(2026, 11, 30, 10, 0)
    data = write(report, made, "odt")
    assert data == write(report, made, "odt")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        first = package.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
        assert package.read("mimetype").decode() == MIME
        styles = package.read("styles.xml").decode()
        manifest = package.read("META-INF/manifest.xml").decode()
    assert '<style:header><text:p text:style-name="Marking">OFFICIAL-SENSITIVE' in styles
    assert "OFFICIAL-SENSITIVE \u00b7 Made 30/11/2026 10:00" in styles
    assert 'manifest:full-path="content.xml"' in manifest
    (items,) = odfdo.Document(io.BytesIO(data)).body.lists
    assert [i.text_recursive.strip() for i in items.children] == ["one", "two"]


def test_user_text_stays_text() -> None:
    """Markup and characters XML cannot hold in a text box never break the file."""
    from datetime import datetime

    hostile = 'x</text:p><text:p>injected & "quoted" <b>bold</b>\x0b end'
    letter = Letter(sender=["From"], to=["To"], subject="S", salutation="Dear colleagues,",
                    paragraphs=[hostile], signatories=[("A", "", "B")])  # fmt: skip
    data = write(letter, datetime(2026, 11, 30), "odt")
    text = odfdo.Document(io.BytesIO(data)).body.text_recursive
    assert 'x</text:p><text:p>injected & "quoted" <b>bold</b> end' in text


def test_unknown_formats_name_the_editable_ones() -> None:
    from csprcore.forms.local_review import LocalReview

    result = call("form_export", {"form": "local-review", "format": "docx",
                                  "document": LocalReview.example()})  # fmt: skip
    message = result["errors"][0]["message"]
    assert "letter-before-publication-odt" in message and "odt" in message


# --- the letter's date and the file's name --------------------------------------------------


def test_a_letter_carries_the_date_it_is_given_in_both_copies() -> None:
    """A letter is dated as the user says (default: the day it is made), not the day the
    file happens to be made, and its file name carries the case and that date."""
    from csprcore.forms.rapid_review import RapidReview

    base = {"form": "rapid-review", "document": RapidReview.example(), "now": NOW,
            "date": "2026-10-30"}  # fmt: skip
    for fmt, words in (("letter", words_of_pdf), ("letter-odt", words_of_odt)):
        result = call("form_export", {**base, "format": fmt})
        assert result["filename"].startswith("NEL-2026-014-rapid-review-letter-2026-10-30.")
        text = " ".join(words(base64.b64decode(result["base64"])))
        assert "30 October 2026" in text and "30 November 2026" not in text
    undated = call("form_export", {**base, "date": "", "format": "letter"})
    assert "30 November 2026" in " ".join(words_of_pdf(base64.b64decode(undated["base64"])))


def test_an_impossible_letter_date_is_refused_naming_it() -> None:
    from csprcore.forms.rapid_review import RapidReview

    doc = RapidReview.example()
    payload = {"form": "rapid-review", "format": "letter", "now": NOW, "document": doc}
    result = call("form_export", {**payload, "date": "2026-02-30"})
    assert result["ok"] is False
    assert result["errors"][0]["field"] == "date"
    assert result["errors"][0]["message"] == "The date of the letter must be a real date"


def test_two_cases_on_one_day_never_share_a_file_name() -> None:
    from csprcore.forms.rapid_review import RapidReview

    first = RapidReview.example()
    second = json.loads(json.dumps(first))
    second["case"]["referral_reference"] = "NEL/2026/015 (b)"
    payload = {"form": "rapid-review", "format": "odt", "now": NOW}
    names = {call("form_export", {**payload, "document": d})["filename"] for d in (first, second)}
    assert names == {"NEL-2026-014-rapid-review-2026-11-30.odt",
                     "NEL-2026-015-b-rapid-review-2026-11-30.odt"}  # fmt: skip


def test_without_a_reference_the_initials_name_the_file() -> None:
    from csprcore.forms.rapid_review import RapidReview

    doc = RapidReview.example()
    doc["case"]["referral_reference"] = ""
    result = call("form_export", {"form": "rapid-review", "format": "pdf", "document": doc,
                                  "now": NOW})  # fmt: skip
    assert result["filename"] == "ZN-rapid-review-2026-11-30.pdf"


@pytest.mark.parametrize(
    ("command", "fmt"),
    [("rapid-review", "notice-odt"), ("local-review", "letter-before-publication-odt"),
     ("action-plan", "progress-odt"), ("referral", "odt")],
)  # fmt: skip
def test_the_cli_exports_every_editable_copy(
    command: str, fmt: str, tmp_path: Any, capsys: Any
) -> None:
    from csprcore.cli import main

    source = tmp_path / "doc.json"
    source.write_text(json.dumps(forms()[command].example()), encoding="utf-8")
    out = tmp_path / "out.odt"
    extra = ["--date", "2026-11-02"] if command in ("rapid-review", "local-review") else []
    assert main([command, "export", str(source), "--format", fmt, *extra, "-o", str(out)]) == 0
    text = " ".join(words_of_odt(out.read_bytes()))
    assert text
    if extra:
        assert "2 November 2026" in text


# --- letters that are true ---------------------------------------------------------------------


def _letter_text(doc: dict[str, Any], fmt: str = "letter", form: str = "rapid-review") -> str:
    data = exported({"form": form, "format": fmt, "document": doc, "now": NOW})
    return " ".join(words_of_pdf(data))


def test_the_letter_encloses_only_what_is_enclosed() -> None:
    """Returns with content, and the referral or the notification only when ticked."""
    from csprcore.forms.rapid_review import RapidReview

    doc = RapidReview.example()
    doc["agency_returns"].append({"agency": "Dental Practice", "involvement": "",
                                  "key_points": ""})  # fmt: skip
    doc["correspondence"]["enclosed"] = []
    text = _letter_text(doc)
    enclosed = text.split("Enclosed:")[1].split("Yours faithfully")[0]
    assert "2: Grimsby Primary School and Police Service" in enclosed
    assert "Dental Practice" not in enclosed
    assert "referral form" not in enclosed and "notification" not in enclosed
    doc["correspondence"]["enclosed"] = ["referral", "notification"]
    enclosed = _letter_text(doc).split("Enclosed:")[1].split("Yours faithfully")[0]
    assert "The referral form" in enclosed
    assert "The local authority's notification to the Panel" in enclosed


def test_the_sender_block_names_the_contact_officer() -> None:
    from csprcore.forms.rapid_review import RapidReview

    text = _letter_text(RapidReview.example())
    head = text.split("30 November 2026")[0]
    assert "Contact: Amara Okafor, Business manager" in head
    assert "Email: amara.okafor@partnership.example Telephone: 01472 000000" in head


@pytest.mark.parametrize(
    ("form", "fmt", "greeting"),
    [
        ("rapid-review", "letter", "Dear Panel members,"),
        ("rapid-review", "notice", "Dear colleagues,"),
        ("local-review", "letter",
         "Dear Panel members and colleagues at Ofsted and the Department for Education,"),
        ("local-review", "letter-before-publication",
         "Dear Secretary of State and Panel members,"),
    ],
)  # fmt: skip
def test_each_letter_greets_its_addressees(form: str, fmt: str, greeting: str) -> None:
    text = _letter_text(forms()[form].example(), fmt, form)
    assert greeting in text
    if "Secretary of State" in text.split(greeting)[0]:
        assert greeting != "Dear colleagues,"
