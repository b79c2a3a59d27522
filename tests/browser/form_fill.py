"""Typing a form's answers into its page as a user would, for the form tools' browser tests."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page

from csprcore.forms.base import FormBase
from csprcore.forms.spec import parts


def fill(page: Page, form: type[FormBase], answers: dict[str, Any]) -> None:
    """Rows first, then every field; answers that are not the form's fields (the criteria
    checker's record) are left to the page."""
    names = {part.name for part in parts(form)}
    for part in parts(form):
        if part.kind != "repeat":
            continue
        rows = {k.split(".")[1] for k in answers if k.startswith(f"{part.name}.")}
        have = page.locator(f"[data-rows='{part.name}'] > [data-row]").count()
        for _ in range(len(rows) - have):
            page.locator(f"[data-add-row='{part.name}']").click()
    for name, value in answers.items():
        if name.split(".")[0] not in names:
            continue
        field = page.locator(f"[name='{name}']")
        if isinstance(value, list):
            for v in value:
                field.and_(page.locator(f"[value='{v}']")).check()
        elif field.first.get_attribute("type") == "radio":
            if value:
                page.locator(f"[name='{name}'][value='{value}']").check()
        elif value:
            field.fill(value)
