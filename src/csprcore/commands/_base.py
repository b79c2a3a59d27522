"""What every command shares: the table a command is written as, and reading and writing files
the way the page does (a failure is one line naming the file, never a traceback)."""

from __future__ import annotations

import argparse
import base64
import json
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from ..forms import engine

Handler = Callable[[argparse.Namespace], int]


def _no_arguments(parser: argparse.ArgumentParser) -> None:
    pass


@dataclass(frozen=True)
class Command:
    """One subcommand: its name and help, its arguments, and what runs it, or the
    subcommands it chooses between (the choice kept in ``args.<dest>``)."""

    name: str
    help: str
    run: Handler | None = None
    arguments: Callable[[argparse.ArgumentParser], None] = _no_arguments
    subcommands: tuple[Command, ...] = ()
    dest: str = ""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One line, no usage block: scripts read the last line.
        self.exit(2, f"csprcore: {message} (see csprcore --help)\n")


def add_commands(parser: argparse.ArgumentParser, dest: str, commands: Iterable[Command]) -> None:
    """The table as argparse subcommands; ``args.func`` is the chosen command's ``run``."""
    sub = parser.add_subparsers(dest=dest, required=True, parser_class=_Parser)
    for command in commands:
        p = sub.add_parser(command.name, help=command.help)
        command.arguments(p)
        if command.subcommands:
            add_commands(p, command.dest, command.subcommands)
        if command.run is not None:
            p.set_defaults(func=command.run)


def _fail(message: str, code: int = 2) -> NoReturn:
    sys.stderr.write(f"csprcore: {message}\n")
    raise SystemExit(code)


def _write(out: Path, data: str | bytes) -> None:
    try:
        if isinstance(data, bytes):
            out.write_bytes(data)
        else:
            out.write_text(data, encoding="utf-8")
    except OSError as exc:
        _fail(f"cannot write {out}: {exc.strerror}")


def _write_document(out: Path, doc: dict[str, Any]) -> None:
    """A form's file, refused when it would be too big to open again."""
    text = engine.write_json(doc)
    size = len(text.encode("utf-8"))
    if size > engine.MAX_FILE_BYTES:
        _fail(f"{engine.too_big_to_save(size)}; nothing was written")
    _write(out, text)


def _wrote(out: Path, result: Mapping[str, Any]) -> int:
    """Write the document a command made, and say what it did."""
    _write_document(out, result["document"])
    for message in result["messages"]:
        print(message)
    print(f"Wrote {out}")
    return 0


def _emit(args: argparse.Namespace, result: dict[str, Any]) -> int:
    """A made file to ``--output``, or to stdout when there is none (or it is "-")."""
    data = base64.b64decode(result["base64"]) if "base64" in result else result["text"]
    if args.output in (None, "-"):
        if isinstance(data, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.write(data)
        return 0
    _write(Path(args.output), data)
    print(f"Wrote {args.output}", file=sys.stderr)
    return 0


def _read_bytes(path: str) -> bytes:
    """A file's bytes (a spreadsheet, an agency's update sheet), refused naming the file."""
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        _fail(f"cannot read {path}: {exc.strerror}")


def _read_text(path: str | None) -> str:
    """A file's text (stdin for "-"), UTF-8 with or without a byte-order mark, as the page
    reads it; anything else is refused, naming the file."""
    try:
        if path in (None, "-"):
            stdin = getattr(sys.stdin, "buffer", None)  # a test's StringIO has none
            data = stdin.read() if stdin else sys.stdin.read().encode("utf-8")
        else:
            data = Path(str(path)).read_bytes()
    except OSError as exc:
        _fail(f"cannot read {path}: {exc.strerror}")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        _fail(f"{path or 'stdin'} is not a UTF-8 text file")


def _json(value: Any) -> None:
    print(json.dumps(value, indent=2, ensure_ascii=False))
