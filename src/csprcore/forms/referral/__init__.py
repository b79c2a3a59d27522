"""The referral form (the partnership names it in its profile: ``documents.referral``).

Section 3 of the procedure: any organisation with statutory or official duties in relation to
children informs the safeguarding partners of an incident they think should be considered for
a child safeguarding practice review, with this form, "following discussion with the designated
lead within the organisation and agreement by the service manager". The fields are ours: the
procedure names the form but does not list them.

The questions about the people are in ``people`` and those about the case in ``case``, each
in page order; ``checks`` holds the rules across fields, ``checker`` the criteria checker's
record and outcome, and ``model`` the whole form. The request to agencies made from it is
``exports.letters.scoping_request``.
"""

from .case import (
    ABUSE,
    ABUSE_TYPES,
    HARM,
    LOCATIONS,
    AgencyInvolved,
    Incident,
    OtherProcesses,
    Rationale,
)
from .checker import UNREADABLE_CHECKER, CheckerRecord, outcome_sections
from .model import Referral
from .people import (
    GENDERS,
    LEGAL_STATUS,
    Agreed,
    Child,
    Consulted,
    FamilyMember,
    OtherChild,
    Referrer,
)

__all__ = [
    "ABUSE",
    "ABUSE_TYPES",
    "GENDERS",
    "HARM",
    "LEGAL_STATUS",
    "LOCATIONS",
    "UNREADABLE_CHECKER",
    "AgencyInvolved",
    "Agreed",
    "CheckerRecord",
    "Child",
    "Consulted",
    "FamilyMember",
    "Incident",
    "OtherChild",
    "OtherProcesses",
    "Rationale",
    "Referral",
    "Referrer",
    "outcome_sections",
]
