"""Read a form model's structure: its parts (sections and repeatable groups) and fields."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel

from .meta import Meta, Repeat, Section


@dataclass(frozen=True)
class FieldSpec:
    name: str
    meta: Meta


@dataclass(frozen=True)
class PartSpec:
    """A top-level part of a form: a section (one sub-model) or a repeat (a list of them)."""

    name: str
    kind: Literal["section", "repeat"]
    title: str
    why: str
    fields: tuple[FieldSpec, ...]
    repeat: Repeat | None

    def field(self, name: str) -> FieldSpec:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)


def _meta_of(info: Any, cls: type) -> Any:
    return next((m for m in info.metadata if isinstance(m, cls)), None)


def fields_of(model: type[BaseModel]) -> tuple[FieldSpec, ...]:
    out = []
    for name, info in model.model_fields.items():
        meta = _meta_of(info, Meta)
        if meta is not None:
            out.append(FieldSpec(name, meta))
    return tuple(out)


@cache
def parts(form: type[BaseModel]) -> tuple[PartSpec, ...]:
    """The form's parts in order; fields without ``Meta`` (``form``, ``schema_version``,
    attachments such as the checker's outcome) are not parts."""
    result = []
    for name, info in form.model_fields.items():
        annotation = info.annotation
        repeat = _meta_of(info, Repeat)
        if repeat is not None:
            (item,) = get_args(annotation)
            result.append(
                PartSpec(name, "repeat", repeat.title, repeat.why, fields_of(item), repeat)
            )
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
            section = getattr(annotation, "section", None)
            if isinstance(section, Section):
                result.append(
                    PartSpec(
                        name, "section", section.title, section.why, fields_of(annotation), None
                    )
                )
        elif get_origin(annotation) is list:
            raise TypeError(f"{form.__name__}.{name}: a list part needs Repeat metadata")
    return tuple(result)


def input_id(path: str) -> str:
    """The HTML id of a field's input: ``child.date_of_birth`` -> ``child-date_of_birth``."""
    return path.replace(".", "-")


def error_href(path: str, meta: Meta) -> str:
    """Where an error summary link points: the first input of the field (GOV.UK pattern)."""
    suffix = "-day" if meta.kind == "date" else ""
    return f"#{input_id(path)}{suffix}"
