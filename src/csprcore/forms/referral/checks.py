"""The referral's checks across fields, once each field on its own is valid: its dates in
the order events happen, and a date of death that agrees with what the incident says."""

from __future__ import annotations

from ...errors import FieldError
from .case import Incident
from .people import Child, Referrer


def check_across(referrer: Referrer, child: Child, incident: Incident) -> list[FieldError]:
    """Checks across fields, after each field on its own is valid."""
    errors: list[FieldError] = []
    if child.date_of_death and child.date_of_birth and child.date_of_death < child.date_of_birth:
        errors.append(
            FieldError(
                "child.date_of_death",
                "The date of death must be the same as or after the date of birth",
            )
        )
    if incident.date and child.date_of_birth and incident.date < child.date_of_birth:
        errors.append(
            FieldError(
                "incident.date",
                "The date of the incident must be the same as or after the child's date of birth",
            )
        )
    if incident.date and incident.date_aware and incident.date_aware < incident.date:
        errors.append(
            FieldError(
                "incident.date_aware",
                "The date you became aware must be the same as or after the date of the incident",
            )
        )
    if (
        incident.date_aware
        and referrer.referral_date
        and referrer.referral_date < incident.date_aware
    ):
        errors.append(
            FieldError(
                "referrer.referral_date",
                "The date of referral must be the same as or after the date you became aware",
            )
        )
    if child.date_of_death and incident.harm and incident.harm != "died":
        errors.append(
            FieldError(
                "incident.harm",
                "The child has a date of death: select "
                "'The child has died', or remove the date of death",
            )
        )
    if incident.harm == "died" and child.date_of_death is None:
        errors.append(
            FieldError(
                "child.date_of_death",
                "Enter the date of death, as the incident says the child has died",
            )
        )
    return errors
