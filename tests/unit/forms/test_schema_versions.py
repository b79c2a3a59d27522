"""A field renamed in a new version of a form: files and drafts of the older version keep
every answer (the referral date has one name in every document since version 2)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from csprcore.errors import InputError
from csprcore.forms import engine
from csprcore.forms.base import FormBase
from csprcore.forms.referral import Referral
from csprcore.forms.registry import forms
from csprcore.forms.scoping import ScopingReturn
from csprcore.forms.spec import parts


def paths(form: type[FormBase]) -> set[str]:
    return {f"{p.name}.{f.name}" for p in parts(form) for f in p.fields}


def as_version_1(form: type[FormBase]) -> dict[str, Any]:
    """The example as version 1 saved it: every renamed field under its old name."""
    doc = json.loads(engine.write_json(form.example()))
    doc["schema_version"] = 1
    for old, new in form.renamed[1].items():
        if "=" in old:
            continue
        new_part, _, new_name = new.partition(".")
        old_part, _, old_name = old.partition(".")
        doc.setdefault(old_part, {})[old_name] = doc[new_part].pop(new_name)
    return doc


@pytest.mark.parametrize("form", forms().values(), ids=lambda f: f.form_id)
def test_every_older_version_can_be_read(form: type[FormBase]) -> None:
    assert set(form.renamed) == set(range(1, form.schema_version_current))
    current = paths(form)
    for renames in form.renamed.values():
        for old, new in renames.items():
            if "=" in old:  # an answer that moved: both fields are current
                assert {old.partition("=")[0], new.partition("=")[0]} <= current, (old, new)
                continue
            assert new in current and old not in current, (old, new)


@pytest.mark.parametrize(
    ("form", "old", "new"),
    [
        (Referral, "referrer.date_of_referral", "referrer.referral_date"),
        (ScopingReturn, "case.date_of_referral", "case.referral_date"),
    ],
)
def test_a_version_1_file_opens_with_the_referral_date_kept(
    form: type[FormBase], old: str, new: str
) -> None:
    saved = as_version_1(form)
    part, _, name = old.partition(".")
    assert saved[part][name] == form.example()[part][new.partition(".")[2]]
    doc = engine.read_file(form, json.dumps(saved), "old.json")
    assert doc["schema_version"] == form.schema_version_current
    assert doc[part][new.partition(".")[2]] == saved[part][name]
    assert name not in doc[part]
    model, errors = engine.check_document(form, doc)
    assert model is not None, errors
    assert engine.renamed_answers(form) == {old: new}


def test_a_newer_version_is_refused_naming_both() -> None:
    doc = json.loads(engine.write_json(Referral.example()))
    doc["schema_version"] = Referral.schema_version_current + 1
    with pytest.raises(InputError) as caught:
        engine.read_file(Referral, json.dumps(doc), "new.json")
    assert (
        "new.json was saved by a different version of this form" in caught.value.errors[0].message
    )
