"""This tool's form, rendered at build time from the core's definitions."""

from __future__ import annotations


def body() -> str:
    return ""
