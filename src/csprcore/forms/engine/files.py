"""The saved file: written as JSON, and read back only when it is whole, of this form, of a
version this form reads (an older one is upgraded) and of the right shape. A refusal changes
nothing, so a broken or foreign file never touches a draft."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import TypeAdapter, ValidationError

from ...errors import InputError
from ...jsontext import JSONRefusedError, dumps, loads
from ..base import FormBase
from ..controls import show_controls
from ..meta import Meta
from ..spec import PartSpec, parts
from .values import DATE_PARTS
from .versions import upgrade

MAX_FILE_BYTES = 1_000_000


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
    if kind != form.form_id:
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
    current = form.schema_version_current
    if version < current and all(v in form.renamed for v in range(version, current)):
        doc = upgrade(form, doc)
    if doc["schema_version"] != current:
        raise InputError.one(
            "file",
            f"{name} was saved by a different version of this form "
            f"(version {version}); this form reads version {current}",
        )
    _check_shape(form, doc, name)
    return doc


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
            problems.append(too_many(part, len(rows)))
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
                    if set(value) - set(DATE_PARTS) or not all(
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


def too_many(part: PartSpec, count: int) -> str:
    """The message for a repeatable part with more rows than it takes (``Repeat.max_items``)."""
    assert part.repeat is not None
    return (
        f"\u2018{part.title}\u2019 has {count:,} entries: it takes at most {part.repeat.max_items}"
    )


def too_big_to_save(size: int) -> str:
    """A form whose file would be too big to open again (``read_file``)."""
    return (
        f"The form is too long to save and open again ({size / 1_000_000:.1f} MB; a saved "
        "form is under 1 MB): shorten the longest answers"
    )


def write_json(doc: Mapping[str, Any]) -> str:
    return dumps(doc, indent=2) + "\n"
