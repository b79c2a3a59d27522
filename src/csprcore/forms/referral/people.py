"""The referral's questions about the people: the referrer, the designated safeguarding lead
and the service manager of section 3, the child, the other children affected and the family."""

from __future__ import annotations

from typing import Annotated, ClassVar

from ...partnership import current
from ..fields import OptDate, Part, Text
from ..meta import YES_NO_NOT_KNOWN, Meta, Section


class Referrer(Part):
    section: ClassVar = Section(
        "About you, the referrer",
        "The safeguarding partners need to know who made the referral and how to reach you.",
    )
    name: Annotated[
        Text, Meta("Full name", required=True, autocomplete="name", error_name="your full name")
    ] = ""
    role: Annotated[Text, Meta("Role or job title", required=True, error_name="your role")] = ""
    agency: Annotated[
        Text,
        Meta(
            "Agency or organisation",
            required=True,
            autocomplete="organization",
            error_name="your agency or organisation",
        ),
    ] = ""
    email: Annotated[
        Text,
        Meta(
            "Email address",
            kind="email",
            required=True,
            autocomplete="email",
            error_name="your email address",
            width="medium",
            hint="Use a secure email address; the partnership replies to it.",
        ),
    ] = ""
    phone: Annotated[
        Text, Meta("Telephone number", kind="tel", autocomplete="tel", width="medium")
    ] = ""
    referral_date: Annotated[
        OptDate,
        Meta(
            "Date of referral",
            kind="date",
            required=True,
            error_name="the date of referral",
            not_future=True,
            hint="For example, 18 12 2026",
        ),
    ] = None


class Consulted(Part):
    section: ClassVar = Section(
        "Designated safeguarding lead consulted",
        "Section 3: a referral follows discussion with your agency's designated safeguarding lead.",
    )
    name: Annotated[
        Text,
        Meta(
            "Name of the designated safeguarding lead",
            required=True,
            error_name="the designated safeguarding lead's name",
        ),
    ] = ""
    role: Annotated[
        Text,
        Meta("Their role", required=True, error_name="the designated safeguarding lead's role"),
    ] = ""
    date: Annotated[
        OptDate,
        Meta(
            "Date you discussed the case",
            kind="date",
            required=True,
            not_future=True,
            error_name="the date you discussed the case",
        ),
    ] = None


class Agreed(Part):
    section: ClassVar = Section(
        "Service manager who agreed the referral",
        "Section 3: a referral is made with the agreement of the service manager.",
    )
    name: Annotated[
        Text,
        Meta("Name of the service manager", required=True, error_name="the service manager's name"),
    ] = ""
    role: Annotated[
        Text, Meta("Their role", required=True, error_name="the service manager's role")
    ] = ""
    date: Annotated[
        OptDate,
        Meta(
            "Date they agreed the referral",
            kind="date",
            required=True,
            not_future=True,
            error_name="the date the service manager agreed",
        ),
    ] = None


GENDERS = (
    ("female", "Female"),
    ("male", "Male"),
    ("other", "Another gender"),
    ("not_known", "Not known"),
)
LEGAL_STATUS = (
    ("child_in_need", "Child in need"),
    ("cpp_current", "On a child protection plan"),
    ("cpp_recently_removed", "Recently removed from a child protection plan"),
    ("looked_after", "Looked after (in care)"),
    ("care_leaver", "A care leaver (has left care)"),
    ("none", "None of these"),
    ("not_known", "Not known"),
)


class Child(Part):
    section: ClassVar = Section(
        "The child",
        "To identify the child and see which local authority and services are involved.",
    )
    first_names: Annotated[
        Text,
        Meta("First names", required=True, width="medium", error_name="the child's first names"),
    ] = ""
    last_name: Annotated[
        Text, Meta("Last name", required=True, width="medium", error_name="the child's last name")
    ] = ""
    also_known_as: Annotated[
        Text, Meta("Also known as", hint="Any other names the child uses or has used.")
    ] = ""
    date_of_birth: Annotated[
        OptDate,
        Meta(
            "Date of birth",
            kind="date",
            required=True,
            not_future=True,
            error_name="the child's date of birth",
        ),
    ] = None
    gender: Annotated[
        Text,
        Meta(
            "Gender", kind="radios", options=GENDERS, required=True, error_name="the child's gender"
        ),
    ] = ""
    ethnicity: Annotated[Text, Meta("Ethnicity", width="medium")] = ""
    address: Annotated[
        Text,
        Meta("Address", kind="textarea", max_length=500, hint="Where the child normally lives."),
    ] = ""
    postcode: Annotated[Text, Meta("Postcode", width="short", autocomplete="postal-code")] = ""
    resident_local_authority: Annotated[
        Text,
        Meta(
            "Local authority where the child is normally resident",
            width="medium",
            hint=f"For example, {current().area}.",
        ),
    ] = ""
    legal_status: Annotated[
        Text,
        Meta(
            "Legal status at the time of the incident",
            kind="radios",
            options=LEGAL_STATUS,
            required=True,
            error_name="the child's legal status",
        ),
    ] = ""
    plan_removed_date: Annotated[
        OptDate,
        Meta(
            "Date the child protection plan ended",
            kind="date",
            required=True,
            not_future=True,
            show_if=("legal_status", ("cpp_recently_removed",)),
            error_name="the date the child protection plan ended",
        ),
    ] = None
    school: Annotated[Text, Meta("School or education setting", width="medium")] = ""
    educated_otherwise_than_at_school: Annotated[
        Text,
        Meta(
            "Is the child educated otherwise than at school?",
            kind="radios",
            options=YES_NO_NOT_KNOWN,
            hint="For example, educated at home.",
        ),
    ] = ""
    date_of_death: Annotated[
        OptDate,
        Meta(
            "Date of death",
            kind="date",
            not_future=True,
            hint="Leave blank if the child has not died.",
            error_name="the date of death",
        ),
    ] = None


class OtherChild(Part):
    name: Annotated[Text, Meta("Name", required=True, error_name="the other child's name")] = ""
    date_of_birth: Annotated[
        OptDate,
        Meta(
            "Date of birth",
            kind="date",
            not_future=True,
            error_name="the other child's date of birth",
        ),
    ] = None
    relationship: Annotated[Text, Meta("Relationship to the child", width="medium")] = ""
    how_affected: Annotated[
        Text, Meta("How they are affected", kind="textarea", max_length=1000)
    ] = ""


class FamilyMember(Part):
    name: Annotated[Text, Meta("Name", required=True, error_name="the family member's name")] = ""
    relationship: Annotated[
        Text,
        Meta(
            "Relationship to the child",
            required=True,
            width="medium",
            error_name="the family member's relationship",
        ),
    ] = ""
    date_of_birth: Annotated[
        OptDate,
        Meta(
            "Date of birth",
            kind="date",
            not_future=True,
            error_name="the family member's date of birth",
        ),
    ] = None
    address: Annotated[Text, Meta("Address", kind="textarea", max_length=500)] = ""
