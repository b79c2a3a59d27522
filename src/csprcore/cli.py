"""``csprcore``: the rule core on the command line.

The partnership is settled first (``--partnership DIR``, else ``$CSPR_PARTNERSHIP``, else the
default profile), because the rules build their wording and their timescale table from it
when they are imported; the commands (``csprcore.commands``) are imported after.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

OPTION = "--partnership"


def _take_partnership(args: list[str]) -> tuple[str | None, list[str]]:
    """``--partnership DIR`` or ``--partnership=DIR``, anywhere, and the other arguments."""
    rest: list[str] = []
    chosen: str | None = None
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == OPTION:
            if i + 1 >= len(args):
                _fail(f"{OPTION} needs a folder (partnerships/<slug>)")
            chosen = args[i + 1]
            i += 2
            continue
        if arg.startswith(OPTION + "="):
            chosen = arg.split("=", 1)[1]
        else:
            rest.append(arg)
        i += 1
    return chosen, rest


def _fail(message: str) -> None:
    sys.stderr.write(f"csprcore: {message}\n")
    raise SystemExit(2)


def main(argv: Sequence[str] | None = None) -> int:
    chosen, rest = _take_partnership(list(sys.argv[1:] if argv is None else argv))
    from . import partnership

    if chosen is not None:
        if "csprcore.rules" in sys.modules and partnership.current().directory != str(
            os.path.realpath(chosen)
        ):
            # The rules were built from another profile in this process (a test calling main).
            _fail(f"{OPTION} must be given when the program starts")
        os.environ[partnership.ENV] = chosen
        try:
            partnership.use(chosen)
        except partnership.PartnershipError as exc:
            _fail(str(exc).replace("\n", "; "))
    else:
        try:
            partnership.current()
        except partnership.PartnershipError as exc:
            _fail(str(exc).replace("\n", "; "))
    from . import commands

    return commands.main(rest)


if __name__ == "__main__":
    sys.exit(main())
