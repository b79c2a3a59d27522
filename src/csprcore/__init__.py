"""csprcore: the rule core of a safeguarding children partnership's CSPR
procedure (the partnership's local facts: ``csprcore.partnership``).

Every rule here cites the procedure section it implements (see ``csprcore.rules.citations``).
The same code runs in CPython (CLI, build, tests) and in the browser through Pyodide.
"""

__version__ = "0.1.0"
