"""Build-time pages: the MkDocs hooks and the HTML of the tool pages, rendered from the
core's own definitions; components shared by every tool page."""
