"""The local child safeguarding practice review record (sections 5 and 9 to 11), kept by the
partnership's business unit from the decision to publication.

Section 9: the safeguarding partners commission the reviewer or reviewers and consider six
points for each. Section 5: the Panel, Ofsted and the DfE are told that a local review will be
carried out, with the reviewer's name. Section 10 and regulation 14: the method, the
involvement of practitioners and the family, and the partners' supervision, with every request
to the reviewer made in writing. Section 11: what the final report includes, whether and when
it is published, the copies sent before publication and the reasons for any delay. The key
dates come from the core's rules (``rules.local_review``); the letters made from the record
are ``exports.letters.local_review``'s. The child is named by initials and age only.
"""

from .from_rapid_review import Started, start_from_rapid_review
from .key_dates import record_dates
from .model import LocalReview
from .parts import DELAY_REASONS, PUBLICATION_DECISIONS, REVIEWER_POINTS

__all__ = [
    "DELAY_REASONS",
    "PUBLICATION_DECISIONS",
    "REVIEWER_POINTS",
    "LocalReview",
    "Started",
    "record_dates",
    "start_from_rapid_review",
]
