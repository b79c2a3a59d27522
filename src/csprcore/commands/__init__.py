"""The CLI's commands, through the same ``csprcore.api`` as the browser (``csprcore.cli`` settles
the partnership first).

Each command is a row of a table (``_base.Command``: its name, help, arguments and what runs
it, or its own subcommands); each module holds the rows for its part of the procedure.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .. import partnership
from ..errors import InputError
from ._base import Command, _fail, _Parser, add_commands
from .forms import form_commands
from .register import REGISTER
from .rules import CHECK, DEADLINES, WORKDAYS


def commands() -> tuple[Command, ...]:
    """The subcommands, in the order ``csprcore --help`` lists them. Built with the parser,
    not on import: the forms' export formats are read from the forms."""
    return (WORKDAYS, CHECK, DEADLINES, *form_commands(), REGISTER)


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="csprcore", description="A partnership's CSPR procedure rules.")
    # Read by csprcore.cli before the rules load; listed here for --help.
    p.add_argument(
        "--partnership",
        metavar="DIR",
        help=f"the partnership folder whose profile to use (or ${partnership.ENV}); "
        "default North-East-Lincolnshire's in this repository",
    )
    add_commands(p, "command", commands())
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        code: int = args.func(args)
    except InputError as exc:
        _fail("; ".join(f"{e.field}: {e.message}" if e.field else e.message for e in exc.errors))
    except BrokenPipeError:
        return 0
    return code


if __name__ == "__main__":
    sys.exit(main())
