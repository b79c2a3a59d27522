"""The action plan after a local child safeguarding practice review or a local learning
review (section 12): recommendations and their actions, monitored by the partnership's review
group until its board signs the plan off, with the assurance group's view of impact. The core
works out, as the user types, what is overdue today, the counts by status and by agency and
the next monitoring date; the plan exports as PDF, a progress report for the board, JSON and
a CSV that opens in Excel.
"""

from ...exports.spreadsheet import BOM
from .exports import COLUMNS, csv_bytes, progress_report
from .from_local_review import start_from_local_review
from .model import ActionPlan, progress_view
from .parts import STATUSES

__all__ = [
    "BOM",
    "COLUMNS",
    "STATUSES",
    "ActionPlan",
    "csv_bytes",
    "progress_report",
    "progress_view",
    "start_from_local_review",
]
