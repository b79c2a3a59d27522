"""Answers in, checked document out: the form machinery every form shares.

Three shapes of the same data:

* **answers**: what the page's inputs hold, flat, keyed by input ``name``
  (``child.first_names``, ``child.date_of_birth-day``, ``family.0.name``). Drafts on the
  device are answers, kept exactly as typed.
* **document**: the versioned JSON file (``{"form": ..., "schema_version": ..., parts}``);
  it may be incomplete (a saved draft), and it reopens exactly.
* **model**: the checked pydantic object, made only when every field is valid.

``answers`` turns answers into a document and back; ``checks`` makes the model and words the
errors and warnings; ``display`` shows the answers; ``files`` writes and reads the saved file,
and ``versions`` brings an older version's up to date; ``computed`` works out the fields no
one types. Each walks the model's fields the same way, through ``spec.parts``, and reads a
value the same way, through ``values``.
"""

from .answers import DRAFT_RETENTION_DAYS, answers_to_document, document_to_answers
from .checks import check_document, error_list, text_warnings, warning_list
from .computed import NOT_COMPUTED, computed_fields, computed_view, document_date, fill_computed
from .display import display_value, summary
from .files import MAX_FILE_BYTES, read_file, too_big_to_save, write_json
from .versions import renamed_answers, upgrade

__all__ = [
    "DRAFT_RETENTION_DAYS",
    "MAX_FILE_BYTES",
    "NOT_COMPUTED",
    "answers_to_document",
    "check_document",
    "computed_fields",
    "computed_view",
    "display_value",
    "document_date",
    "document_to_answers",
    "error_list",
    "fill_computed",
    "read_file",
    "renamed_answers",
    "summary",
    "text_warnings",
    "too_big_to_save",
    "upgrade",
    "warning_list",
    "write_json",
]
