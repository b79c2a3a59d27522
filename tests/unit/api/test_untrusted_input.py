"""Untrusted input: files, payloads and pasted text are refused with a message naming what is
wrong, or cleaned, never a crash of the core and never reaching a PDF unseen. Each class of
fault is proved at the depth where it is handled: the JSON reader (``jsontext``), the form
machinery (``forms.engine``), the text cleaner (``forms.controls``), the referral's checker
record and the API's answers.
"""

from __future__ import annotations

import base64
import io
import json
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from csprcore import api, jsontext
from csprcore.cli import main
from csprcore.errors import InputError
from csprcore.forms import engine
from csprcore.forms.controls import clean_text
from csprcore.forms.referral import Referral
from csprcore.forms.registry import forms
from csprcore.forms.spec import parts
from csprcore.rules.criteria import QUESTIONS
from csprcore.rules.dates import parse_iso_date

TODAY = date(2026, 11, 26)


def refused(form: Any, content: str | bytes, name: str = "case.json") -> str:
    with pytest.raises(InputError) as caught:
        engine.read_file(form, content, name)
    (error,) = caught.value.errors
    return error.message


def call(fn: str, payload: Any) -> dict[str, Any]:
    out: dict[str, Any] = json.loads(api.call(fn, json.dumps(payload)))
    return out


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def example_file(form: Any, **changes: Any) -> str:
    doc = form.example()
    doc.update(changes)
    return json.dumps(doc)


# --------------------------------------------------------------------------------------
# Structure: nesting, numbers, encoding
# --------------------------------------------------------------------------------------

DEEP = "[" * 3000 + "]" * 3000  # 6 KB: once a WebAssembly stack overflow in Pyodide


@pytest.mark.parametrize("form", list(forms().values()), ids=lambda f: f.form_id)
def test_a_deeply_nested_file_is_refused_naming_it(form: Any) -> None:
    message = refused(form, '{"form": ' + DEEP + "}")
    assert message == "case.json is not a saved form: it is nested too deeply (more than 32 levels)"


def test_a_deeply_nested_payload_is_an_answer_not_a_crash() -> None:
    out = json.loads(api.call("check", '{"harm": ' + DEEP + "}"))
    assert out["ok"] is False
    assert "nested too deeply" in out["errors"][0]["message"]


def test_an_unclosed_string_of_escaped_quotes_is_refused_at_once() -> None:
    # 120 KB that once held the rule core for two minutes (the scan restarted at each quote).
    text = '{"form": "referral", "x": "' + '\\"' * 60_000
    assert refused(Referral, text) == "case.json is not a saved form: it is not valid JSON"


def test_brackets_inside_strings_do_not_count_as_nesting() -> None:
    text = json.dumps({"a": "[" * 500 + '\\"{' * 100})
    assert jsontext.nesting_depth(text) == 1
    assert jsontext.loads(text)["a"].startswith("[[[")


@settings(max_examples=100, deadline=None)
@given(
    st.recursive(
        st.none() | st.integers(-5, 5) | st.text('[]{}"\\ab', max_size=6),
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner),
        max_leaves=20,
    )
)
def test_nesting_depth_is_the_real_depth(value: Any) -> None:
    def depth(v: Any) -> int:
        if isinstance(v, list):
            return 1 + max((depth(x) for x in v), default=0)
        if isinstance(v, dict):
            return 1 + max((depth(x) for x in v.values()), default=0)
        return 0

    assert jsontext.nesting_depth(json.dumps(value)) == depth(value)


@pytest.mark.parametrize(
    ("number", "words"),
    [
        ("NaN", "holds NaN, which is not a number JSON can carry"),
        ("Infinity", "holds Infinity"),
        ("-Infinity", "holds -Infinity"),
        ("1e400", "holds a number too large to read (1e400)"),
        ("9007199254740993", "holds a number too large to read"),
        ("9" * 5000, "holds a number too large to read"),
    ],
)
def test_numbers_json_cannot_carry_are_refused(number: str, words: str) -> None:
    file = example_file(Referral).replace('"schema_version": 2', f'"schema_version": {number}')
    assert words in refused(Referral, file)
    # In a payload, the browser gets an answer it can parse, never bare NaN.
    out = json.loads(api.call("check", '{"harm": ' + number + "}"))
    assert out["ok"] is False
    assert words in out["errors"][0]["message"]


def test_answers_never_carry_nan_to_the_browser() -> None:
    with pytest.raises(ValueError):
        jsontext.dumps({"x": float("nan")})


def test_a_file_that_is_not_utf8_is_refused_not_repaired() -> None:
    latin1 = example_file(Referral).replace("Siobh\\u00e1n", "Siobhán").encode("latin-1")
    assert refused(Referral, latin1) == "case.json is not a saved form: it is not UTF-8 text"


def test_a_byte_order_mark_is_accepted() -> None:
    text = example_file(Referral)
    assert engine.read_file(Referral, "\ufeff" + text) == json.loads(text)
    assert engine.read_file(Referral, b"\xef\xbb\xbf" + text.encode()) == json.loads(text)


def cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    with pytest.raises(SystemExit) as caught:
        main(argv)
    return int(caught.value.code or 0), capsys.readouterr().err


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b'{"form": ' + DEEP.encode() + b"}", "nested too deeply"),
        (b'{"form": "referral", "schema_version": NaN}', "holds NaN"),
        ('{"name": "Siobhán"}'.encode("latin-1"), "is not a UTF-8 text file"),
    ],
)
def test_the_cli_refuses_a_hostile_file_in_one_line(
    tmp_path: Any, capsys: pytest.CaptureFixture[str], content: bytes, words: str
) -> None:
    path = tmp_path / "case.json"
    path.write_bytes(content)
    code, err = cli(["referral", "validate", str(path)], capsys)
    assert code != 0
    assert words in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_the_cli_reads_a_file_with_a_byte_order_mark(
    tmp_path: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "case.json"
    path.write_bytes(b"\xef\xbb\xbf" + example_file(Referral).encode())
    assert main(["referral", "validate", str(path)]) == 0
    assert "valid" in capsys.readouterr().out


# --------------------------------------------------------------------------------------
# Repeating rows: max_items enforced
# --------------------------------------------------------------------------------------


def repeats() -> list[tuple[Any, Any]]:
    return [(f, p) for f in forms().values() for p in parts(f) if p.kind == "repeat"]


@pytest.mark.parametrize(
    ("form", "part"), repeats(), ids=lambda x: getattr(x, "form_id", getattr(x, "name", ""))
)
def test_a_file_with_more_rows_than_a_part_takes_is_refused(form: Any, part: Any) -> None:
    limit = part.repeat.max_items
    row = {f.name: "" for f in part.fields if f.meta.kind not in ("checkboxes",)}
    message = refused(form, example_file(form, **{part.name: [row] * 1500}))
    assert f"\u2018{part.title}\u2019 has 1,500 entries: it takes at most {limit}" in message
    # At the limit, the file opens.
    engine.read_file(form, example_file(form, **{part.name: [row] * limit}))


@pytest.mark.parametrize(
    ("form", "part"), repeats(), ids=lambda x: getattr(x, "form_id", getattr(x, "name", ""))
)
def test_answers_with_more_rows_than_a_part_takes_do_not_check(form: Any, part: Any) -> None:
    limit = part.repeat.max_items
    first = part.fields[0].name
    answers = {f"{part.name}.{i}.{first}": "x" for i in range(limit + 1)}
    doc = engine.answers_to_document(form, answers)
    model, errors = engine.check_document(form, doc, TODAY)
    assert model is None
    too_many = [e for e in errors if "it takes at most" in e.message]
    assert [e.field for e in too_many] == [f"{part.name}.{limit}.{first}"]


# --------------------------------------------------------------------------------------
# Dates: digits 0-9 only; boxes never swap
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "month", "year"),
    [
        ("²", "3", "2026"),  # superscript two: str.isdigit() says yes
        ("1", "3", "٢٠٢٦"),  # Arabic-Indic digits: int() reads 2026
        ("1", "3", "２０２６"),  # full-width digits
        ("1-2", "3", "2026"),
        ("1", "3", "20-26"),
        ("1", "99999999999999999999", "2026"),  # too large for a C int
    ],
)
def test_a_date_of_other_characters_is_not_a_real_date(day: str, month: str, year: str) -> None:
    answers = {
        "child.date_of_birth-day": day,
        "child.date_of_birth-month": month,
        "child.date_of_birth-year": year,
    }
    doc = engine.answers_to_document(Referral, answers)
    _, errors = engine.check_document(Referral, doc, TODAY)
    assert any(
        e.field == "child.date_of_birth" and e.message.endswith("must be a real date")
        for e in errors
    )
    # What was typed comes back in the same boxes, from the page's draft and from a file.
    back = engine.document_to_answers(Referral, doc)
    assert [back[f"child.date_of_birth-{p}"] for p in ("day", "month", "year")] == [
        day.lstrip("0") or day,
        month.lstrip("0") or month,
        year,
    ]
    reopened = engine.read_file(Referral, engine.write_json(doc))
    assert engine.document_to_answers(Referral, reopened) == back


@pytest.mark.parametrize("text", ["２０２６-01-02", "2026-0²-01", "2026-01-0٣"])
def test_iso_dates_take_only_ascii_digits(text: str) -> None:
    with pytest.raises(InputError):
        parse_iso_date(text, "date", "the date")


# --------------------------------------------------------------------------------------
# Pasted control and bidirectional characters
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "multiline", "shown"),
    [
        ("one\x0btwo", True, "one\ntwo"),  # Word's Shift+Enter
        ("one\x85two", True, "one\ntwo"),  # NEL
        ("one\u2028two\u2029three", True, "one\ntwo\nthree"),
        ("one\r\ntwo\rthree", True, "one\ntwo\nthree"),
        ("one\x0ctwo", True, "one\ntwo"),
        ("one\x0btwo", False, "one two"),
        ("one\ntwo", False, "one two"),
        ("a\x00b\x07c\x1bd\x7fe\x9bf", True, "a b c d e f"),
        ("tab\there", False, "tab\there"),
    ],
)
def test_control_characters_become_line_breaks_or_spaces(
    typed: str, multiline: bool, shown: str
) -> None:
    assert clean_text(typed, multiline=multiline) == shown


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40), st.booleans())
def test_no_control_character_but_newline_and_tab_survives(typed: str, multiline: bool) -> None:
    cleaned = clean_text(typed, multiline=multiline)
    allowed = {"\t", "\n"} if multiline else {"\t"}
    assert all(
        c in allowed or not (ord(c) < 32 or 0x7F <= ord(c) <= 0x9F or c in "\u2028\u2029")
        for c in cleaned
    )
    assert len(cleaned) <= len(typed)  # nothing is added, CR LF becomes one break


def referral_with(**child: str) -> dict[str, Any]:
    doc = Referral.example()
    doc["child"].update(child)
    return doc


def test_pasted_line_breaks_reach_the_summary_and_pdf_as_line_breaks() -> None:
    doc = referral_with(address="1 High Street\x0bGrimsby")
    result = call("form_export", {"form": "referral", "format": "json", "document": doc})
    assert json.loads(result["text"])["child"]["address"] == "1 High Street\nGrimsby"
    pdf = call("form_export", {"form": "referral", "format": "pdf", "document": doc})
    text = pdf_text(base64.b64decode(pdf["base64"]))
    assert "1 High Street\nGrimsby" in text or "1 High Street Grimsby" in text
    assert "\x0b" not in text


def test_bidi_controls_are_flagged_and_shown_alike_on_screen_and_in_the_pdf() -> None:
    spoof = "Smith\u202eevila\u202c"  # shows as "Smithalive" on screen
    doc = referral_with(last_name=spoof)
    answers = engine.document_to_answers(Referral, doc)
    checked = call("form_check", {"form": "referral", "answers": answers, "today": "2026-11-26"})
    (warning,) = [w for w in checked["warnings"] if w["field"] == "child.last_name"]
    assert "change the direction of text" in warning["message"]
    assert "U+202E (RIGHT-TO-LEFT OVERRIDE)" in warning["message"]
    rows = [r for s in checked["summary"] for r in s["rows"] if r["field"] == "child.last_name"]
    assert rows[0]["value"] == "Smith[U+202E]evila[U+202C]"
    pdf = call("form_export", {"form": "referral", "format": "pdf", "document": doc})
    assert "Smith[U+202E]evila[U+202C]" in pdf_text(base64.b64decode(pdf["base64"]))
    # The file keeps exactly what was typed.
    saved = call("form_export", {"form": "referral", "format": "json", "document": doc})
    assert json.loads(saved["text"])["child"]["last_name"] == spoof


# --------------------------------------------------------------------------------------
# The criteria checker's outcome is never trusted
# --------------------------------------------------------------------------------------


def test_a_forged_checker_outcome_never_reaches_the_pdf_or_the_file() -> None:
    doc = Referral.example()
    doc["checker"] = {
        "facts": {"abuse_or_neglect": "known", "harm": "died", "incident_location": "in_area"},
        # Hand-edited: the facts say the opposite.
        "outcome": {"serious_case": "no", "reasons": [{"text": "FORGED", "cite": "section-1"}]},
        "checked_at": "18/11/2026 10:00",
    }
    engine.read_file(Referral, json.dumps(doc))  # files saved with an outcome still open
    checked = call(
        "form_check",
        {
            "form": "referral",
            "answers": engine.document_to_answers(Referral, doc),
            "today": "2026-11-26",
        },
    )
    extra = {s["name"]: s for s in checked["summary"]}
    rows = {r["label"]: r["value"] for r in extra["checker"]["rows"]}
    assert rows["Is this a serious child safeguarding case?"] == "Yes"
    assert "FORGED" not in json.dumps(checked)
    pdf = call("form_export", {"form": "referral", "format": "pdf", "document": doc})
    text = pdf_text(base64.b64decode(pdf["base64"]))
    assert "FORGED" not in text
    saved = call("form_export", {"form": "referral", "format": "json", "document": doc})
    assert "outcome" not in json.loads(saved["text"])["checker"]


def test_checker_answers_the_rules_cannot_read_show_no_outcome() -> None:
    doc = Referral.example()
    doc["checker"] = {"facts": {"harm": "exploded"}, "checked_at": "18/11/2026 10:00"}
    sections = {s["name"]: s for s in Referral.summary_extra(doc)}
    assert sections["checker"]["rows"] == []
    assert "could not be read by the current rules" in sections["checker"]["text"]


def test_every_checker_question_key_reaches_the_referral_record() -> None:
    # The record keeps every answer the checker gives, whatever the question.
    facts = {q.key: ([q.values[0]] if q.multiple else q.values[0]) for q in QUESTIONS}
    out = call("referral_from_check", {"facts": facts, "checked_at": "18/11/2026 10:00"})
    assert json.loads(out["answers"]["checker"]) == {
        "facts": facts,
        "checked_at": "18/11/2026 10:00",
    }


# --------------------------------------------------------------------------------------
# Messages
# --------------------------------------------------------------------------------------


def test_the_generic_failure_has_no_final_full_stop() -> None:
    assert not api.INTERNAL_ERROR.endswith(".")


@pytest.mark.parametrize(
    "content",
    [
        "{broken",
        '{"form": "referral", "schema_version": "1"}',
        '{"form": "referral", "schema_version": 3}',
        '{"form": "referral", "schema_version": 1, "child": {"first_names": 3}}',
        "[" * 40 + "]" * 40,
    ],
)
def test_file_messages_are_one_sentence_without_a_final_full_stop(content: str) -> None:
    message = refused(Referral, content)
    assert not message.endswith(".")
    assert "version 1); this form reads version 1" not in message


def test_clean_text_applies_to_every_text_field_of_every_form() -> None:
    for form in forms().values():
        for part in parts(form):
            if part.kind != "section":
                continue
            for f in part.fields:
                if f.meta.kind not in ("text", "textarea") or f.meta.computed:
                    continue
                doc = engine.answers_to_document(form, {f"{part.name}.{f.name}": "a\x0bb\x00c"})
                expected = "a\nb c" if f.meta.kind == "textarea" else "a b c"
                assert doc[part.name][f.name] == expected, (form.form_id, part.name, f.name)


# --------------------------------------------------------------------------------------
# A check's time, characters a PDF cannot show, and the limits every form keeps
# --------------------------------------------------------------------------------------


def test_the_time_of_a_check_is_a_time_and_nothing_else() -> None:
    doc = Referral.example()
    doc["checker"] = {"facts": {"harm": "died"}, "checked_at": "01/01/2026 \u202eFORGED\u202c"}
    assert "'checker' has the wrong shape" in refused(Referral, json.dumps(doc))


def test_an_invisible_character_the_pdf_cannot_show_is_named_by_code_point() -> None:
    doc = Referral.example()
    doc["child"]["also_known_as"] = "Zoe\u061c"
    (warning,) = [
        w for w in engine.warning_list(Referral, doc) if w["field"] == "child.also_known_as"
    ]
    assert "U+061C (ARABIC LETTER MARK)" in warning["message"]


def test_agency_returns_never_go_past_the_parts_limit() -> None:
    from csprcore.forms.rapid_review import RapidReview
    from csprcore.forms.scoping import ScopingReturn

    doc = RapidReview.example()
    row = dict(doc["agency_returns"][0])
    doc["agency_returns"] = [{**row, "agency": f"Agency {i}"} for i in range(30)]
    saved_return = engine.write_json(ScopingReturn.example())
    files = [{"name": "ret.json", "content": saved_return}]
    result = api.rapid_review_add_returns({"document": doc, "files": files})
    assert len(result["document"]["agency_returns"]) == 30
    assert result["changed"] is False
    assert (
        "ret.json was not added: the Rapid Review already has 30 agencies"
        in (result["refused"][0]["message"])
    )


def test_every_typed_field_has_a_limit() -> None:
    for form in forms().values():
        for part in parts(form):
            for f in part.fields:
                if f.meta.kind in ("text", "textarea", "email", "tel") and not f.meta.computed:
                    assert f.meta.limit, (form.form_id, part.name, f.name)


def test_a_form_too_big_to_reopen_is_never_saved() -> None:
    # A draft keeps what was typed, even past a field's limit: the file would not reopen.
    doc = Referral.example()
    doc["incident"]["what_happened"] = "\U0001f600" * 300_000  # 4 bytes each
    answers = engine.document_to_answers(Referral, doc)
    out = call("form_export", {"form": "referral", "format": "json", "answers": answers})
    assert out["ok"] is False
    assert "too long to save and open again (1.2 MB" in out["errors"][0]["message"]
    _, errors = engine.check_document(Referral, doc, TODAY)
    assert any("too long to save and open again" in e.message for e in errors)


@pytest.mark.parametrize("form", [["referral"], {"id": "referral"}, 7, None])
def test_a_form_named_by_something_other_than_text_is_refused_naming_the_field(
    form: Any,
) -> None:
    out = json.loads(api.call("form_check", json.dumps({"form": form, "answers": {}})))
    assert out["ok"] is False
    assert out["errors"][0]["field"] == "form"
    assert "is not a form this site has" in out["errors"][0]["message"]
