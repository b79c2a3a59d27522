"""Every file the tools make, but a form's own JSON: documents as PDFs and editable copies,
letters, CSV files and calendars.

The machinery, used by the forms below it: the one document model (``document``), written
as a PDF (``pdf``, ``letter``) or an editable OpenDocument text (``odt``) by ``render``; the
one CSV writer (``spreadsheet``); calendar files (``ics``); the check on what a PDF's font
can print (``printable``). What is made from the rules and views: the register's files
(``register``) and the criteria check's record (``check_record``). What is made from a
checked form, above the forms (``tests/unit/test_import_graph.py``): ``forms`` (the form
itself as a document, and by form and format everything else it makes), ``letters`` (each
form's letters and notices) and ``action_plan`` (its CSV, progress report and agencies'
update sheets).
"""
