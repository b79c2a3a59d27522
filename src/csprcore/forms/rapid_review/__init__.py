"""The Rapid Review record (its letter to the Panel and outcome notice for the agencies are
``exports.letters.rapid_review``'s).

Appendix 1: within the partnership's window of working days after the referral, the Rapid
Review meeting
"reviews the facts about the case presented in the documentation; agrees any immediate
action; considers the case against the criteria for child safeguarding practice reviews;
decides whether a practice review or other learning review should take place; completes the
Rapid Review record and agrees the recommendation". Section 5: "as soon as the rapid review
is complete, the safeguarding partners should send a copy to the Panel" with their decision.
The procedure names the template but does not list its fields: the fields are ours, from
common practice. The child is named by initials and age only.

The facts come from the agencies' scoping returns (``csprcore.forms.scoping``):
``add_returns`` puts one row per agency into a Rapid Review, never overwriting what the
business unit has already written.
"""

from .key_dates import key_dates
from .merge import Added, add_returns, agency_key, read_returns
from .model import RapidReview
from .parts import DECISIONS, MAX_RETURNS, PARTNERS

__all__ = [
    "DECISIONS",
    "MAX_RETURNS",
    "PARTNERS",
    "Added",
    "RapidReview",
    "add_returns",
    "agency_key",
    "key_dates",
    "read_returns",
]
