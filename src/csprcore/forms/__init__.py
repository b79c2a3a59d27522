"""One form machinery for every form: the referral, the scoping return, the Rapid Review
record, the local review record and the action plan (and ``case_register``, the business
unit's register file).

A form is a pydantic model whose fields carry ``Meta`` (label, hint, options, kind); from it
come the build-time HTML, the checks with GOV.UK-style messages, the "Check your answers"
summary and the versioned JSON file. A new form is a new model, not new machinery. The forms
hold their fields, checks and models and how one starts from another (``carry``); what is made
from a checked form (its PDF, letters, reports, CSV) is ``csprcore.exports``'s.
"""
