"""Files and drafts saved by an older version of a form, brought up to the current one: each
version's renamed fields (``FormBase.renamed``) and its own step (``FormBase.upgrade_step``),
in order, so an old file opens with nothing lost."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..base import FormBase


def upgrade(form: type[FormBase], doc: Mapping[str, Any]) -> dict[str, Any]:
    """An older version's document with its fields under their current names."""
    out = dict(doc)
    for version in range(doc["schema_version"], form.schema_version_current):
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
    out["schema_version"] = form.schema_version_current
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
