"""The action plan after a local child safeguarding practice review or a local learning
review (section 12): recommendations and their actions, monitored by the partnership's review
group until its board signs the plan off, with the assurance group's view of impact. The core
works out, as the user types, what is overdue today, the counts by status and by agency and
the next monitoring date. The plan exports as PDF and JSON; its progress report for the board,
the CSV that opens in Excel and each agency's update sheet are ``exports.action_plan``'s.
"""

from .from_local_review import start_from_local_review
from .model import ActionPlan, progress_view
from .parts import STATUSES

__all__ = [
    "STATUSES",
    "ActionPlan",
    "progress_view",
    "start_from_local_review",
]
