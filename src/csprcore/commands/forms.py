"""The forms' commands: each form's ``example``, ``validate`` and ``export``, and the commands
that start one document from another or merge agencies' returns and updates into one."""

from __future__ import annotations

import argparse
import base64
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import api
from ..forms import engine
from ..forms.registry import document_formats, get_form
from ._base import Command, _fail, _read_bytes, _read_text, _write, _wrote
from .rules import LOCAL_REVIEW_DATES

if TYPE_CHECKING:
    from ..forms.base import FormBase


def _saved(args: argparse.Namespace) -> tuple[type[FormBase], dict[str, Any]]:
    """The form and its saved file (``FILE``), read and checked as the page reads one."""
    form = get_form(args.form_id)
    return form, engine.read_file(form, _read_text(args.file), args.file)


def _example(args: argparse.Namespace) -> int:
    print(engine.write_json(get_form(args.form_id).example()), end="")
    return 0


def _validate(args: argparse.Namespace) -> int:
    form, doc = _saved(args)
    model, errors = engine.check_document(form, doc)
    if model is None:
        for e in engine.error_list(form, errors):
            print(f"{e['field']}: {e['message']}")
        return 1
    print(f"{args.file}: valid")
    for w in engine.warning_list(form, doc):
        print(f"Warning: {w['field']}: {w['message']}")
    return 0


def _export(args: argparse.Namespace) -> int:
    _, doc = _saved(args)
    result = api.form_export({
        "form": args.form_id, "document": doc, "format": args.format,
        "allow_names": args.allow_names,
        **({"date": args.date} if getattr(args, "date", None) else {}),
    })  # fmt: skip
    if not result["ok"]:
        for e in result["errors"]:
            print(f"{e['field']}: {e['message']}", file=sys.stderr)
        if result.get("names"):
            print("Nothing was written. Remove the names, or use --allow-names to make it "
                  "anyway.", file=sys.stderr)  # fmt: skip
        return 1
    out = Path(args.output)
    _write(out, base64.b64decode(result["base64"]) if "base64" in result else result["text"])
    print(f"Wrote {out}")
    return 0


def _start_from(args: argparse.Namespace) -> int:
    """Start a form from the saved document it follows, or fill the empty boxes of one
    (``--into``): one path for every ``from-...`` command (``forms.carry``)."""
    payload: dict[str, Any] = {
        "form": args.form_id,
        "file": {"name": args.source, "content": _read_text(args.source)},
    }
    if args.into:
        form = get_form(args.form_id)
        payload["document"] = engine.read_file(form, _read_text(args.into), args.into)
    result = api.form_start_from(payload)
    return _wrote(Path(args.output), result)


def _add_returns(args: argparse.Namespace) -> int:
    """Add agencies' scoping returns to a Rapid Review file; refuse them all, writing
    nothing, when any file is not a saved return for this case."""
    _, doc = _saved(args)
    files = [{"name": name, "content": _read_text(name)} for name in args.returns]
    result = api.rapid_review_add_returns({"document": doc, "files": files})
    if result["refused"]:
        _fail("; ".join(e["message"] for e in result["refused"]) + "; nothing was written")
    return _wrote(Path(args.output), result)


def _agency_update(args: argparse.Namespace) -> int:
    _, doc = _saved(args)
    result = api.action_plan_agency_update({"document": doc, "agency": args.agency})
    _write(Path(args.output), base64.b64decode(result["base64"]))
    print(f"Wrote {args.output}")
    return 0


def _add_updates(args: argparse.Namespace) -> int:
    """Merge agencies' returned sheets into an action plan; any problem refuses them all,
    writing nothing."""
    _, doc = _saved(args)
    files = [
        {"name": name, "base64": base64.b64encode(_read_bytes(name)).decode("ascii")}
        for name in args.updates
    ]
    result = api.action_plan_add_updates({"document": doc, "files": files})
    return _wrote(Path(args.output), result)


# --- arguments ------------------------------------------------------------------------


def _file_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE")


def _export_arguments(
    form: type[FormBase], formats: list[str]
) -> Callable[[argparse.ArgumentParser], None]:
    def arguments(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("file", metavar="FILE")
        parser.add_argument("--format", choices=formats, required=True)
        if form.letters:
            parser.add_argument(
                "--date",
                metavar="DATE",
                help="the date the letters and notices carry (default: today)",
            )
        parser.add_argument(
            "--allow-names",
            action="store_true",
            help="make the document even where its free text holds a name the referral gives "
            "for the child or their family (refused otherwise, naming each box)",
        )
        parser.add_argument("-o", "--output", required=True, metavar="OUT")

    return arguments


def _form_command(name: str, form_id: str, help_text: str, *more: Command) -> Command:
    """``csprcore NAME example|validate|export`` for one form, and its own commands; its
    export formats come from the form (``json``, ``pdf`` and any it adds, such as a letter)."""
    form = get_form(form_id)
    files = [f for f, _ in form.exports if f in form.export_files]
    formats = ["json", *document_formats(form), *files]

    def arguments(parser: argparse.ArgumentParser) -> None:
        parser.set_defaults(form_id=form_id)

    return Command(
        name,
        help_text,
        arguments=arguments,
        dest="form_command",
        subcommands=(
            Command("example", "print a complete, valid example as JSON", _example),
            Command("validate", "check a saved form", _validate, _file_argument),
            Command(
                "export",
                f"export a saved form as {', '.join(formats)} (each -odt an editable copy of "
                "the document before it)",
                _export,
                _export_arguments(form, formats),
            ),
            *more,
        ),
    )


def _start(name: str, source: str, help_text: str) -> Command:
    def arguments(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("source", metavar=source)
        parser.add_argument("--into", metavar="FORM.json", help="a saved document to fill in")
        parser.add_argument("-o", "--output", required=True, metavar="OUT")

    return Command(
        name, f"{help_text}, or fill the empty boxes of one with --into", _start_from, arguments
    )


def _add_returns_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="RR.json")
    parser.add_argument("returns", nargs="+", metavar="RETURN.json")
    parser.add_argument("-o", "--output", required=True, metavar="OUT")


def _agency_update_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="PLAN.json")
    parser.add_argument("--agency", required=True, metavar="NAME")
    parser.add_argument("-o", "--output", required=True, metavar="UPDATE.csv")


def _add_updates_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="PLAN.json")
    parser.add_argument("updates", nargs="+", metavar="UPDATE.csv")
    parser.add_argument("-o", "--output", required=True, metavar="PLAN2.json")


def form_commands() -> tuple[Command, ...]:
    """The five forms' commands, in the order ``csprcore --help`` lists them."""
    from_referral = _start(
        "from-referral", "REFERRAL.json", "start this form from a saved referral (JSON)"
    )
    return (
        _form_command("referral", "referral", "the referral form: example, validate, export"),
        _form_command(
            "scoping",
            "scoping-return",
            "an agency's scoping return: example, validate, export, from-referral",
            from_referral,
        ),
        _form_command(
            "rapid-review",
            "rapid-review",
            "the Rapid Review record: example, validate, export (pdf, json, letter, notice), "
            "from-referral, add-returns",
            from_referral,
            Command(
                "add-returns",
                "add agencies' scoping returns (JSON) to a Rapid Review file",
                _add_returns,
                _add_returns_arguments,
            ),
        ),
        _form_command(
            "local-review",
            "local-review",
            "the local review record: example, validate, export (pdf, json, letter, "
            "letter-before-publication, letter-delay), from-rapid-review, dates",
            LOCAL_REVIEW_DATES,
            _start(
                "from-rapid-review",
                "RR.json",
                "start a local review record from a saved Rapid Review (JSON) that decided on one",
            ),
        ),
        _form_command(
            "action-plan",
            "action-plan",
            "the action plan: example, validate, export (pdf, progress, csv, json), "
            "from-local-review, agency-update, add-updates",
            _start(
                "from-local-review",
                "LR.json",
                "start an action plan from a saved local review record (JSON)",
            ),
            Command(
                "agency-update",
                "the sheet (CSV) one agency fills in: its actions only",
                _agency_update,
                _agency_update_arguments,
            ),
            Command(
                "add-updates",
                "merge agencies' returned sheets into the plan's empty boxes",
                _add_updates,
                _add_updates_arguments,
            ),
        ),
    )
