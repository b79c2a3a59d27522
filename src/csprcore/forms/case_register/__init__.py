"""The business unit's case register (issue 19): one file of cases, each case's dates filled
by hand or from the saved documents, read by the rules in ``rules.register``."""
