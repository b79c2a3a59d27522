"""Answers in, checked document out: the form machinery every form shares.

Three shapes of the same data:

* **answers**: what the page's inputs hold, flat, keyed by input ``name``
  (``child.first_names``, ``child.date_of_birth-day``, ``family.0.name``). Drafts on the
  device are answers, kept exactly as typed.
* **document**: the versioned JSON file (``{"form": ..., "schema_version": ..., parts}``);
  it may be incomplete (a saved draft), and it reopens exactly.
* **model**: the checked pydantic object, made only when every field is valid.

One module on purpose: reading answers, checking them, writing the document and summarising
it all walk the model's fields the same way (``spec.parts``); split, the walks would drift.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any, TypeVar

from pydantic import TypeAdapter, ValidationError

from ..errors import FieldError, InputError
from ..exports.printable import unprintable
from ..jsontext import JSONRefusedError, dumps, loads
from ..rules.calendar import MAX_YEAR, MIN_YEAR
from ..rules.dates import ascii_digits, long_date
from ..rules.visibility import shown
from .base import FormBase
from .controls import bidi_controls, clean_text, describe, show_controls, visible
from .meta import Meta
from .spec import FieldSpec, PartSpec, error_href, parts

MAX_FILE_BYTES = 1_000_000
#: Drafts kept in a browser are deleted after this many days without a change.
DRAFT_RETENTION_DAYS = 30
_EMAIL = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")
_DATE_PARTS = ("day", "month", "year")


M = TypeVar("M", bound=FormBase)

# --------------------------------------------------------------------------------------
# answers <-> document
# --------------------------------------------------------------------------------------


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool | int | float):
        return str(value)
    return value if isinstance(value, str) else ""


def _date_from_answers(answers: Mapping[str, Any], path: str) -> str | dict[str, str]:
    """A date from day/month/year inputs, keeping what was typed: ``YYYY-MM-DD`` when each
    box holds digits 0-9, and otherwise the three boxes as typed (``{"day", "month",
    "year"}``), so a draft never loses them and a "-" or a letter never moves into another
    box when the file reopens. The check step says the date must be real.
    """
    if any(f"{path}-{p}" in answers for p in _DATE_PARTS):
        day, month, year = (_text(answers.get(f"{path}-{p}")).strip() for p in _DATE_PARTS)
        if not (day or month or year):
            return ""
        if ascii_digits(day) and ascii_digits(month) and ascii_digits(year):
            # The year is kept as typed ("26" reopens as "26"); a real date has 4 digits.
            return f"{year}-{month.zfill(2)}-{day.zfill(2)}"
        return {"day": day, "month": month, "year": year}
    value = answers.get(path)
    if isinstance(value, Mapping):
        return _date_boxes(value)
    return _text(value).strip()


def _date_boxes(value: Any) -> dict[str, str]:
    """The three boxes of a date as a document keeps it (``YYYY-MM-DD``, or the boxes as
    typed); each box's text as typed, with leading zeros dropped from a numeric day and
    month (the page shows "1", not "01")."""
    if isinstance(value, Mapping):
        boxes = {p: _text(value.get(p)).strip() for p in _DATE_PARTS}
    else:
        text = _text(value)
        bits = text.split("-") if text else ["", "", ""]
        if len(bits) != 3:
            return {"day": "", "month": "", "year": text}
        year, month, day = bits
        boxes = {"day": day, "month": month, "year": year}
    for p in ("day", "month"):
        if ascii_digits(boxes[p]):
            boxes[p] = boxes[p].lstrip("0") or "0"
    return boxes


def _field_from_answers(answers: Mapping[str, Any], path: str, meta: Meta) -> Any:
    if meta.kind == "date":
        return _date_from_answers(answers, path)
    if meta.kind == "checkboxes":
        value = answers.get(path, [])
        if isinstance(value, str):
            value = [value] if value else []
        return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []
    return _clean(answers.get(path), meta)


def _clean(value: Any, meta: Meta) -> str:
    """Typed text with its control characters made line breaks or spaces (``controls``)."""
    return clean_text(_text(value), multiline=meta.kind == "textarea")


def _row_indices(answers: Mapping[str, Any], name: str) -> list[int]:
    pattern = re.compile(rf"^{re.escape(name)}\.(\d+)\.")
    found = {int(m.group(1)) for key in answers if (m := pattern.match(key))}
    return sorted(found)


def _is_blank(value: Any) -> bool:
    return value in ("", None, [])


def answers_to_document(form: type[FormBase], answers: Mapping[str, Any]) -> dict[str, Any]:
    """The document for a set of answers (rows left wholly blank are dropped)."""
    doc: dict[str, Any] = {"form": _form_id(form), "schema_version": _version(form)}
    for part in parts(form):
        if part.kind == "section":
            doc[part.name] = {
                f.name: _field_from_answers(answers, f"{part.name}.{f.name}", f.meta)
                for f in part.fields
            }
        else:
            rows = []
            for i in _row_indices(answers, part.name):
                row = {
                    f.name: _field_from_answers(answers, f"{part.name}.{i}.{f.name}", f.meta)
                    for f in part.fields
                }
                if not all(_is_blank(v) for v in row.values()):
                    rows.append(row)
            doc[part.name] = rows
    for name, value in _attachments(form, answers).items():
        doc[name] = value
    return fill_computed(form, doc)


# --------------------------------------------------------------------------------------
# computed fields and warnings
# --------------------------------------------------------------------------------------

#: What a computed field shows until the answers it needs are given.
NOT_COMPUTED = "Not worked out yet"


def computed_fields(form: type[FormBase]) -> list[tuple[str, FieldSpec]]:
    """The fields the core works out (``Meta(computed=True)``), by path, in form order."""
    return [
        (f"{part.name}.{f.name}", f)
        for part in parts(form)
        if part.kind == "section"
        for f in part.fields
        if f.meta.computed
    ]


def fill_computed(form: type[FormBase], doc: Mapping[str, Any]) -> dict[str, Any]:
    """The document with every computed field worked out afresh from the rest (a value in a
    saved file is never trusted; a field that cannot be worked out yet is blank)."""
    out = dict(doc)
    fields = computed_fields(form)
    if not fields:
        return out
    values = form.computed(doc)
    for path, _ in fields:
        part, name = path.split(".", 1)
        section = out.get(part)
        section = dict(section) if isinstance(section, Mapping) else {}
        found = values.get(path)
        section[name] = found.value if found else ""
        out[part] = section
    return out


def computed_view(form: type[FormBase], doc: Mapping[str, Any]) -> list[dict[str, str]]:
    """What the page shows in each computed field: ``{"field", "value", "text"}``."""
    values = form.computed(doc)
    out = []
    for path, _ in computed_fields(form):
        found = values.get(path)
        out.append(
            {
                "field": path,
                "value": found.value if found else "",
                "text": found.text if found else NOT_COMPUTED,
            }
        )
    return out


def document_date(doc: Mapping[str, Any], path: str) -> date | None:
    """A real date at ``part.field`` of a document that may be partly typed, when it is one
    the working-day calendar can count from; None otherwise (for computed fields)."""
    part, name = path.split(".", 1)
    section = doc.get(part)
    value = section.get(name) if isinstance(section, Mapping) else None
    if isinstance(value, date):
        parsed = value
    else:
        try:
            parsed = date.fromisoformat(_text(value))
        except ValueError:
            return None
    return parsed if MIN_YEAR <= parsed.year <= MAX_YEAR else None


def warning_list(form: type[FormBase], doc: Mapping[str, Any]) -> list[dict[str, str]]:
    """The form's warnings (they never stop an export), in form order, with links: its own,
    and every typed answer the screen and the PDF would not show alike."""
    return error_list(form, [*form.warnings(doc), *text_warnings(form, doc)])


def text_warnings(form: type[FormBase], doc: Mapping[str, Any]) -> list[FieldError]:
    """A warning for each typed answer with bidirectional controls (the screen reorders the
    text, the PDF does not: ``controls``) or with characters the PDF's font does not have
    (``printable``), naming the field and the characters."""
    out: list[FieldError] = []
    for part in parts(form):
        data = doc.get(part.name)
        if part.kind == "section":
            rows = [(part.name, "", data)]
        else:
            assert part.repeat is not None
            item = part.repeat.item
            listed = data if isinstance(data, list) else []
            rows = [(f"{part.name}.{i}", f" ({item} {i + 1})", r) for i, r in enumerate(listed)]
        for prefix, which, row in rows:
            if not isinstance(row, Mapping):
                continue
            for f in part.fields:
                value = row.get(f.name)
                if f.meta.options or f.meta.computed or not isinstance(value, str):
                    continue
                bidi = bidi_controls(value)
                if bidi:
                    out.append(
                        FieldError(
                            f"{prefix}.{f.name}",
                            f"\u2018{f.meta.label}\u2019{which} has characters that change "
                            f"the direction of text ({describe(bidi)}), so the screen can show "
                            "it in a different order from what was typed. Check it and delete "
                            "them if they were pasted by mistake; the summary and the PDF "
                            "show where they are",
                        )
                    )
                chars = unprintable(show_controls(value))
                if chars:
                    shown = " ".join(visible(c) for c in chars[:8]) + (
                        " and others" if len(chars) > 8 else ""
                    )
                    out.append(
                        FieldError(
                            f"{prefix}.{f.name}",
                            f"The PDF cannot show {shown} in \u2018{f.meta.label}\u2019{which}: "
                            "its font has no letters for them. Add the words in Latin letters "
                            "too, for example in brackets; the JSON file keeps what you typed",
                        )
                    )
    return out


def _attachments(form: type[FormBase], answers: Mapping[str, Any]) -> dict[str, Any]:
    """Fields that are not parts (the criteria checker's record): carried as JSON in a hidden
    input, and kept only in their model's shape (what the model leaves out of a file, such as
    a stored checker outcome, is dropped); a value that is not of that shape is dropped."""
    part_names = {p.name for p in parts(form)} | {"form", "schema_version"}
    out: dict[str, Any] = {}
    for name, info in form.model_fields.items():
        if name in part_names or name not in answers:
            continue
        value = answers[name]
        if isinstance(value, str):
            try:
                value = loads(value) if value else None
            except JSONRefusedError:
                value = None
        out[name] = _attachment(info.annotation, value)
    return out


def _attachment(annotation: Any, value: Any) -> Any:
    if value is None:
        return None
    adapter: TypeAdapter[Any] = TypeAdapter(annotation)
    try:
        return adapter.dump_python(adapter.validate_python(value), mode="json")
    except ValidationError:
        return None


def document_to_answers(form: type[FormBase], doc: Mapping[str, Any]) -> dict[str, Any]:
    """The flat answers that put a document back into the page's inputs."""
    answers: dict[str, Any] = {}

    def put(path: str, spec: FieldSpec, value: Any) -> None:
        if spec.meta.computed:
            return  # shown, never typed: the page has no input for it
        if spec.meta.kind == "date":
            for part_name, bit in _date_boxes(value).items():
                answers[f"{path}-{part_name}"] = bit
        elif spec.meta.kind == "checkboxes":
            answers[path] = list(value) if isinstance(value, list) else []
        else:
            answers[path] = _text(value)

    for part in parts(form):
        data = doc.get(part.name)
        if part.kind == "section":
            data = data if isinstance(data, Mapping) else {}
            for f in part.fields:
                put(f"{part.name}.{f.name}", f, data.get(f.name))
        else:
            for i, row in enumerate(data if isinstance(data, list) else []):
                for f in part.fields:
                    put(f"{part.name}.{i}.{f.name}", f, row.get(f.name))
    for name, value in doc.items():
        if (
            name in form.model_fields
            and name not in answers
            and not any(p.name == name for p in parts(form))
            and name not in ("form", "schema_version")
            and value is not None
        ):
            answers[name] = dumps(value)
    return answers


# --------------------------------------------------------------------------------------
# checking
# --------------------------------------------------------------------------------------


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _check_date(value: Any, path: str, meta: Meta, today: date) -> tuple[str | None, str | None]:
    """(error message, ISO date) for a date field (``YYYY-MM-DD`` or the boxes as typed)."""
    name = meta.name_in_error
    if isinstance(value, str) and value and value.count("-") != 2:
        return f"{_cap(name)} must be a real date", None
    boxes = _date_boxes(value)
    day, month, year = (boxes[p] for p in _DATE_PARTS)
    if not (day or month or year):
        return (f"Enter {name}" if meta.required else None), None
    missing = [p for p in _DATE_PARTS if not boxes[p]]
    if missing:
        return f"{_cap(name)} must include a {' and a '.join(missing)}", None
    if not all(ascii_digits(b) for b in (day, month, year)) or len(year) != 4:
        return f"{_cap(name)} must be a real date", None
    try:
        parsed = date(int(year), int(month), int(day))
    except (ValueError, OverflowError):
        return f"{_cap(name)} must be a real date", None
    if parsed.year < 1900:
        return f"{_cap(name)} must be a real date", None
    if meta.not_future and parsed > today:
        return f"{_cap(name)} must be today or in the past", None
    return None, parsed.isoformat()


def _check_field(value: Any, path: str, meta: Meta, today: date) -> tuple[str | None, Any]:
    """(error message or None, the clean value)."""
    name = meta.name_in_error
    if meta.kind == "date":
        return _check_date(value, path, meta, today)
    if meta.kind == "checkboxes":
        values = value if isinstance(value, list) else []
        allowed = [o for o, _ in meta.options]
        if meta.required and not values:
            return f"Select {name}", values
        if any(v not in allowed for v in values):
            return f"Select {name} from the list", values
        return None, [v for v in allowed if v in values]
    text = _clean(value, meta).strip()
    if not text:
        if not meta.required:
            return None, ""
        return (f"Select {name}" if meta.kind in ("radios", "select") else f"Enter {name}"), ""
    if meta.kind in ("radios", "select") and text not in [o for o, _ in meta.options]:
        return f"Select {name}", ""
    if meta.kind == "email" and not _EMAIL.match(text):
        return "Enter an email address in the correct format, like name@example.com", text
    if meta.kind == "tel" and not re.fullmatch(r"[0-9+()\- ]{6,25}", text):
        return "Enter a telephone number, like 01472 123456 or +44 1472 123456", text
    if meta.limit and len(text) > meta.limit:
        return f"{_cap(name)} must be {meta.limit:,} characters or less", text
    return None, text


def _visible(spec: FieldSpec, row: Mapping[str, Any]) -> bool:
    """Whether a field is asked, by the one show-if rule (``visibility``); its condition
    names a sibling in the same section or row."""
    if spec.meta.show_if is None:
        return True
    other, values = spec.meta.show_if
    return shown({other: values}, row)


def _check_row(
    part: PartSpec, row: Mapping[str, Any], prefix: str, today: date, errors: list[FieldError]
) -> dict[str, Any]:
    clean: dict[str, Any] = {}
    for f in part.fields:
        if not _visible(f, row):
            continue  # an answer to a question not asked is not kept
        if f.meta.computed:
            if row.get(f.name):  # worked out by the core (``fill_computed``), not typed
                clean[f.name] = row[f.name]
            continue
        message, value = _check_field(row.get(f.name), f"{prefix}.{f.name}", f.meta, today)
        if message:
            errors.append(FieldError(f"{prefix}.{f.name}", message))
        elif value not in (None, ""):
            clean[f.name] = value
    return clean


def check_document(
    form: type[M], doc: Mapping[str, Any], today: date | None = None
) -> tuple[M | None, list[FieldError]]:
    """Check every field, then the rules across fields. Returns the model when all pass."""
    today = today or date.today()
    doc = fill_computed(form, doc)
    errors: list[FieldError] = []
    clean: dict[str, Any] = {}
    for part in parts(form):
        data = doc.get(part.name)
        if part.kind == "section":
            clean[part.name] = _check_row(
                part, data if isinstance(data, Mapping) else {}, part.name, today, errors
            )
        else:
            rows = [r for r in (data if isinstance(data, list) else []) if isinstance(r, Mapping)]
            assert part.repeat is not None
            if len(rows) > part.repeat.max_items:
                errors.append(
                    FieldError(
                        f"{part.name}.{part.repeat.max_items}.{part.fields[0].name}",
                        _too_many(part, len(rows)),
                    )
                )
            if len(rows) < part.repeat.min_items:
                errors.append(
                    FieldError(
                        f"{part.name}.0.{part.fields[0].name}",
                        f"Add at least one {part.repeat.item}",
                    )
                )
            clean[part.name] = [
                _check_row(part, row, f"{part.name}.{i}", today, errors)
                for i, row in enumerate(rows)
            ]
    for name in form.model_fields:
        if name not in clean and name not in ("form", "schema_version") and doc.get(name):
            clean[name] = doc[name]
    size = len(write_json(doc).encode("utf-8"))
    if size > MAX_FILE_BYTES:
        errors.append(FieldError("", too_big_to_save(size)))
    if errors:
        return None, errors
    try:
        model = form.model_validate(clean)
    except ValidationError as exc:
        return None, [
            FieldError(".".join(str(p) for p in e["loc"]) or "file", e["msg"]) for e in exc.errors()
        ]
    errors.extend(form.cross_checks(model, today))
    return (None, errors) if errors else (model, [])


def _too_many(part: PartSpec, count: int) -> str:
    """The message for a repeatable part with more rows than it takes (``Repeat.max_items``)."""
    assert part.repeat is not None
    return (
        f"\u2018{part.title}\u2019 has {count:,} entries: it takes at most {part.repeat.max_items}"
    )


def error_list(form: type[FormBase], errors: list[FieldError]) -> list[dict[str, str]]:
    """Errors in the order of the form, each with the link its summary entry needs."""
    order = {p: i for i, p in enumerate(_all_paths(form))}

    def key(e: FieldError) -> tuple[int, str]:
        generic = re.sub(r"\.\d+\.", ".#.", e.field)
        return order.get(generic, len(order)), e.field

    out = []
    for e in sorted(errors, key=key):
        meta = _meta_for(form, e.field)
        href = error_href(e.field, meta) if meta else "#" + e.field.replace(".", "-")
        out.append({"field": e.field, "message": e.message, "href": href})
    return out


def _all_paths(form: type[FormBase]) -> list[str]:
    paths: list[str] = []
    for part in parts(form):
        sep = ".#." if part.kind == "repeat" else "."
        paths.extend(f"{part.name}{sep}{f.name}" for f in part.fields)
    return paths


def _meta_for(form: type[FormBase], path: str) -> Meta | None:
    bits = path.split(".")
    for part in parts(form):
        if bits[0] != part.name:
            continue
        try:
            return part.field(bits[-1]).meta
        except KeyError:
            return None
    return None


# --------------------------------------------------------------------------------------
# summary ("Check your answers", the PDF)
# --------------------------------------------------------------------------------------


def display_value(meta: Meta, value: Any) -> str:
    if value in (None, "", []):
        return ""
    if meta.kind == "date":
        if isinstance(value, Mapping):
            return " ".join(b for b in _date_boxes(value).values() if b)
        try:
            return long_date(date.fromisoformat(_text(value)))
        except ValueError:
            return _text(value)
    labels = dict(meta.options)
    if meta.kind == "checkboxes" and isinstance(value, list):
        return ", ".join(labels.get(str(v), str(v)) for v in value)
    if meta.kind in ("radios", "select"):
        return labels.get(_text(value), _text(value))
    return show_controls(_clean(value, meta))


def summary(form: type[FormBase], doc: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Every answer, by section, with the field it came from (for "Change" links). A computed
    field shows the core's sentence for it and has no "Change" link."""
    computed = form.computed(doc) if computed_fields(form) else {}
    out = []
    for part in parts(form):
        data = doc.get(part.name)
        groups: list[tuple[str, Mapping[str, Any], str]] = []
        if part.kind == "section":
            groups.append(("", data if isinstance(data, Mapping) else {}, part.name))
        else:
            assert part.repeat is not None
            rows = data if isinstance(data, list) else []
            for i, row in enumerate(rows):
                groups.append((f"{_cap(part.repeat.item)} {i + 1}", row, f"{part.name}.{i}"))
        rows_out = []
        for heading, row, prefix in groups:
            for f in part.fields:
                if not _visible(f, row):
                    continue
                path = f"{prefix}.{f.name}"
                if f.meta.computed:
                    found = computed.get(path)
                    rows_out.append(
                        {"group": heading, "field": path, "label": f.meta.label,
                         "value": found.text if found else NOT_COMPUTED, "href": ""}
                    )  # fmt: skip
                    continue
                rows_out.append(
                    {
                        "group": heading,
                        "field": path,
                        "label": f.meta.label,
                        "value": display_value(f.meta, row.get(f.name)),
                        "href": error_href(path, f.meta),
                    }
                )
        out.append({"name": part.name, "title": part.title, "kind": part.kind, "rows": rows_out})
    return out


# --------------------------------------------------------------------------------------
# files
# --------------------------------------------------------------------------------------


def _form_id(form: type[FormBase]) -> str:
    return form.form_id


def _version(form: type[FormBase]) -> int:
    return form.schema_version_current


def read_file(form: type[FormBase], content: str | bytes, name: str = "file") -> dict[str, Any]:
    """A saved document, refused with a clear message when broken, too big, not UTF-8, nested
    too deeply, of another kind or of another version, or with more rows than a part takes.
    Nothing is changed by a refusal."""
    try:
        size = len(content.encode("utf-8") if isinstance(content, str) else content)
    except UnicodeEncodeError:
        raise InputError.one("file", f"{name} is not a saved form: it is not valid text") from None
    if size > MAX_FILE_BYTES:
        raise InputError.one("file", f"{name} is too big: a saved form is under 1 MB")
    try:
        parsed = loads(content)
    except JSONRefusedError as exc:
        raise InputError.one("file", f"{name} is not a saved form: it {exc.reason}") from None
    if not isinstance(parsed, dict):
        raise InputError.one("file", f"{name} is not a saved form")
    doc: dict[str, Any] = parsed
    title = str(form.title)
    kind = doc.get("form")
    if kind != _form_id(form):
        what = f"a saved '{kind}' form" if isinstance(kind, str) else "not a saved form"
        article = "an" if title[:1].lower() in "aeiou" else "a"
        raise InputError.one("file", f"{name} is {what}, not {article} {title}")
    version = doc.get("schema_version")
    if type(version) is not int:
        raise InputError.one(
            "file",
            f"{name} is not a valid saved form: its schema_version is missing or not a whole "
            "number",
        )
    if version < _version(form) and all(v in form.renamed for v in range(version, _version(form))):
        doc = upgrade(form, doc)
    if doc["schema_version"] != _version(form):
        raise InputError.one(
            "file",
            f"{name} was saved by a different version of this form "
            f"(version {version}); this form reads version {_version(form)}",
        )
    _check_shape(form, doc, name)
    return doc


def upgrade(form: type[FormBase], doc: Mapping[str, Any]) -> dict[str, Any]:
    """An older version's document with its fields under their current names."""
    out = dict(doc)
    for version in range(doc["schema_version"], _version(form)):
        for old, new in form.renamed[version].items():
            if "=" in old:
                _move_answer(out, old, new)
                continue
            old_part, _, old_name = old.partition(".")
            new_part, _, new_name = new.partition(".")
            section = out.get(old_part)
            if isinstance(section, Mapping) and old_name in section:
                moved = {k: v for k, v in section.items() if k != old_name}
                value = section[old_name]
                out[old_part] = moved
                target = dict(out.get(new_part) or {}) if new_part != old_part else moved
                target[new_name] = value
                out[new_part] = target
        out = form.upgrade_step(version, out)
    out["schema_version"] = _version(form)
    return out


def _move_answer(doc: dict[str, Any], old: str, new: str) -> None:
    """An answer that became another field's (``part.field=answer``), in place."""
    (old_path, old_value), (new_path, new_value) = old.split("=", 1), new.split("=", 1)
    old_part, _, old_name = old_path.partition(".")
    new_part, _, new_name = new_path.partition(".")
    section = doc.get(old_part)
    if not isinstance(section, Mapping) or section.get(old_name) != old_value:
        return
    doc[old_part] = {**section, old_name: ""}
    target = doc.get(new_part)
    doc[new_part] = {**(target if isinstance(target, Mapping) else {}), new_name: new_value}


def renamed_answers(form: type[FormBase]) -> dict[str, str]:
    """Every old answer name and its current one, for a draft saved by an older version."""
    names: dict[str, str] = {}
    for version in sorted(form.renamed):
        for old, new in form.renamed[version].items():
            names = {k: (new if v == old else v) for k, v in names.items()}
            names[old] = new
    return names


def _check_shape(form: type[FormBase], doc: Mapping[str, Any], name: str) -> None:
    """Every key known and every value of the right kind, before anything touches a draft."""
    problems = []
    known = set(form.model_fields)
    for key in doc:
        if key not in known:
            problems.append(f"unknown entry '{key}'")
    for part in parts(form):
        data = doc.get(part.name)
        rows = [data] if part.kind == "section" else data
        if data is None:
            continue
        if not isinstance(rows, list) or not all(isinstance(r, Mapping) for r in rows):
            problems.append(f"'{part.name}' has the wrong shape")
            continue
        if part.repeat is not None and len(rows) > part.repeat.max_items:
            problems.append(_too_many(part, len(rows)))
            continue
        names = {f.name: f for f in part.fields}
        for i, row in enumerate(rows):
            where = part.name if part.kind == "section" else f"{part.name}.{i + 1}"
            for key, value in row.items():
                spec = names.get(key)
                if spec is None:
                    problems.append(f"unknown entry '{part.name}.{key}'")
                elif spec.meta.kind == "checkboxes":
                    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                        problems.append(f"'{part.name}.{key}' must be a list of answers")
                    else:
                        problems.extend(_unknown_answers(f"{where}.{key}", spec.meta, value))
                elif spec.meta.options and isinstance(value, str):
                    # An answer the form does not offer would open as no answer at all, and
                    # the core's counts would not know it.
                    problems.extend(_unknown_answers(f"{where}.{key}", spec.meta, [value]))
                elif spec.meta.kind == "date" and isinstance(value, Mapping):
                    if set(value) - set(_DATE_PARTS) or not all(
                        isinstance(v, str) for v in value.values()
                    ):
                        problems.append(f"'{part.name}.{key}' must be a date")
                elif value is not None and not isinstance(value, str):
                    problems.append(f"'{part.name}.{key}' must be text")
    not_attachments = {p.name for p in parts(form)} | {"form", "schema_version"}
    for key, info in form.model_fields.items():
        if key in not_attachments or doc.get(key) is None:
            continue
        annotation: Any = info.annotation
        try:
            TypeAdapter(annotation).validate_python(doc[key])
        except ValidationError:
            problems.append(f"'{key}' has the wrong shape")
    if problems:
        raise InputError.one("file", f"{name} is not a valid saved form: {problems[0]}")


def _unknown_answers(path: str, meta: Meta, values: list[str]) -> list[str]:
    offered = [v for v, _ in meta.options]
    return [
        f"'{path}' is \u201c{show_controls(v)[:60]}\u201d, which is not one of its answers "
        f"({', '.join(offered)})"
        for v in values
        if v.strip() and v not in offered
    ][:1]


def too_big_to_save(size: int) -> str:
    """A form whose file would be too big to open again (``read_file``)."""
    return (
        f"The form is too long to save and open again ({size / 1_000_000:.1f} MB; a saved "
        "form is under 1 MB): shorten the longest answers"
    )


def write_json(doc: Mapping[str, Any]) -> str:
    return dumps(doc, indent=2) + "\n"
