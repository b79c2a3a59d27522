"""One form machinery for every form: the referral, the scoping return, the Rapid Review.

A form is a pydantic model whose fields carry ``Meta`` (label, hint, options, kind); from it
come the build-time HTML, the checks with GOV.UK-style messages, the "Check your answers"
summary, the versioned JSON file and the PDF. A new form is a new model, not new machinery.
"""
