"""Errors that name the field a user must fix, shared by the CLI, the API and the forms."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FieldError:
    """One problem with one field: ``field`` is the input's name, ``message`` a GOV.UK-style
    sentence that a user understands ("Enter the child's date of birth")."""

    field: str
    message: str

    def as_dict(self) -> dict[str, str]:
        return {"field": self.field, "message": self.message}


class InputError(ValueError):
    """Bad input: one or more fields a user must fix."""

    def __init__(self, errors: list[FieldError]) -> None:
        if not errors:
            raise ValueError("InputError needs at least one FieldError")
        super().__init__("; ".join(f"{e.field}: {e.message}" for e in errors))
        self.errors = errors

    @classmethod
    def one(cls, field: str, message: str) -> InputError:
        return cls([FieldError(field, message)])
