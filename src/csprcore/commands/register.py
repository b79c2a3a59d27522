"""The case register's commands: a register started, merged, checked, filled from documents,
and its deadlines, timeliness report and exports."""

from __future__ import annotations

import argparse
import base64
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .. import api
from ._base import Command, Handler, _emit, _fail, _json, _read_bytes, _read_text, _write

#: The report's measures in ``register report --json`` (a contract: exactly these names,
#: each with exactly ``met``, ``total``, ``missed``, ``unknown`` (past the last day with no
#: outcome date), ``pending`` (not yet due) and ``no_start_date`` (references)).
REPORT_JSON_MEASURES = (
    "notification_within_5_working_days",
    "rapid_review_within_15_working_days",
    "meeting_in_window",
    "published_within_6_months",
    "copies_7_working_days_before_publication",
)


def _register_payload(path: str) -> dict[str, Any]:
    """The register at ``path``, read and checked as the page reads it."""
    opened = api.register_open({"file": {"name": path, "content": _read_text(path)}})
    return {"register": opened["register"]}


def _write_register(args: argparse.Namespace, register: dict[str, Any]) -> None:
    text = api.register_export({"register": register, "format": "json"})["text"]
    _write(Path(args.output), text)


def _on_register(run: Callable[[argparse.Namespace, dict[str, Any]], int]) -> Handler:
    """A command on the saved register ``REGISTER``: it gets the page's payload for it (with
    ``--today`` where the command has one)."""

    def handler(args: argparse.Namespace) -> int:
        payload = _register_payload(args.register)
        if getattr(args, "today", None):
            payload["today"] = args.today
        return run(args, payload)

    return handler


def _example(args: argparse.Namespace) -> int:
    print(api.register_export({**api.register_example({}), "format": "json"})["text"], end="")
    return 0


def _import(args: argparse.Namespace) -> int:
    from ..forms.case_register.import_sheet import parse_mapping

    mapping = parse_mapping(args.map)
    data = _read_bytes(args.sheet)
    result = api.register_import({
        "file": {"name": args.sheet, "base64": base64.b64encode(data).decode("ascii")},
        "map": mapping,
    })  # fmt: skip
    _write_register(args, result["register"])
    for message in result["messages"]:
        print(message)
    print(f"Wrote {args.output}")
    return 0


def _merge(args: argparse.Namespace) -> int:
    payload = {k: _register_payload(getattr(args, k))["register"]
               for k in ("base", "ours", "theirs")}  # fmt: skip
    result = api.register_merge(payload)
    if result["conflicts"]:
        for conflict in result["conflicts"]:
            print(conflict["text"], file=sys.stderr)
        n = len(result["conflicts"])
        print(f"{n} conflict{'' if n == 1 else 's'}: nothing was written", file=sys.stderr)
        return 3
    _write_register(args, result["register"])
    print(f"Wrote {args.output}")
    return 0


def _validate(args: argparse.Namespace, payload: dict[str, Any]) -> int:
    n = len(payload["register"]["cases"])
    print(f"{args.register}: valid ({n} case{'' if n == 1 else 's'})")
    return 0


def _add_document(args: argparse.Namespace, payload: dict[str, Any]) -> int:
    """Add a saved document to the case ``--case`` names, or to the case whose reference the
    document carries; a document for no case in the register starts a new one."""
    from ..forms.case_register.documents import document_reference
    from ..forms.controls import match_key

    cases = payload["register"]["cases"]
    content = _read_text(args.document)
    # The case --case names, or the one whose reference the document gives as its own
    # (a Rapid Review, local review record or action plan; a referral gives none).
    wanted = args.case if args.case is not None else document_reference(content)
    index = None
    if wanted:
        key = match_key(wanted)
        index = next((i for i, c in enumerate(cases) if match_key(c["reference"]) == key), None)
        if index is None and args.case is not None:
            _fail(f"{args.register} has no case with the reference {wanted}")
    payload["index"] = index
    payload["file"] = {"name": args.document, "content": content}
    result = api.register_add_document(payload)
    for message in result["messages"]:
        print(message)
    _write_register(args, result["register"])
    print(f"Wrote {args.output}")
    return 0


def _deadlines(args: argparse.Namespace, payload: dict[str, Any]) -> int:
    view = api.register_view(payload)
    if args.json:
        _json([
            {
                "reference": r["reference"],
                "stage": r["stage"],
                "next_deadline": None if r["next_deadline"] is None else {
                    k: r["next_deadline"][k]
                    for k in ("id", "due", "working_days_left", "status")
                },
            }
            for r in view["rows"]
        ])  # fmt: skip
        return 0
    print(view["summary_text"])
    for r in view["rows"]:
        nd = r["next_deadline"]
        due = f"{nd['label']}: {nd['due_text']} ({nd['left_text']})" if nd else "nothing due"
        print(f"{r['reference']} [{r['stage_label']}]: {due}")
    return 0


def _report(args: argparse.Namespace, payload: dict[str, Any]) -> int:
    payload.update({"from": args.date_from, "to": args.date_to})
    report = api.register_report(payload)
    if args.json:
        by_id = {m["id"]: m for m in report["measures"]}
        _json({
            name: {
                "met": by_id[name]["met"],
                "total": by_id[name]["total"],
                "missed": [
                    {"reference": x["reference"], "working_days_late": x["working_days_late"]}
                    for x in by_id[name]["missed"]
                ],
                "unknown": by_id[name]["unknown"],
                "pending": by_id[name]["pending"],
                "no_start_date": by_id[name]["no_start_date"],
            }
            for name in REPORT_JSON_MEASURES
        })  # fmt: skip
        return 0
    print(f"Timeliness, {report['period_text']}")
    for line in report["lines"]:
        print(f"- {line}")
    return 0


def _export(args: argparse.Namespace, payload: dict[str, Any]) -> int:
    payload["format"] = args.format
    if args.report and args.format not in ("csv", "pdf", "odt"):
        _fail("--report exports the timeliness report as csv, pdf or odt")
    if args.report:
        payload.update({"from": args.date_from, "to": args.date_to})
        return _emit(args, api.register_report_export(payload))
    return _emit(args, api.register_export(payload))


# --- arguments ------------------------------------------------------------------------


def _import_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("sheet", metavar="SHEET.csv")
    parser.add_argument(
        "--map",
        action="append",
        default=[],
        metavar='"Column=event"',
        help="read the column as this register field (an event id such as referral, or "
        "reference, child_initials, child_age, review_kind, notification); repeat for each",
    )
    parser.add_argument("-o", "--output", required=True, metavar="REGISTER.json")


def _merge_arguments(parser: argparse.ArgumentParser) -> None:
    for name in ("base", "ours", "theirs"):
        parser.add_argument(name, metavar=name.upper())
    parser.add_argument("-o", "--output", required=True, metavar="OUT")


def _register_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("register", metavar="REGISTER")


def _add_document_arguments(parser: argparse.ArgumentParser) -> None:
    _register_argument(parser)
    parser.add_argument("document", metavar="DOC")
    parser.add_argument("--case", metavar="REFERENCE",
                        help="the case to add it to (default: the case the document names; "
                        "a new case when it names none in the register)")  # fmt: skip
    parser.add_argument("-o", "--output", required=True, metavar="OUT")


def _counted_arguments(parser: argparse.ArgumentParser) -> None:
    """``REGISTER`` and ``--today``, for the commands that count from a day."""
    _register_argument(parser)
    parser.add_argument("--today", metavar="DATE", help="count from this day (default today)")


def _period_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--from",
        dest="date_from",
        metavar="DATE",
        help="the period's first day (default: the last financial year)",
    )
    parser.add_argument("--to", dest="date_to", metavar="DATE", help="the period's last day")


def _deadlines_arguments(parser: argparse.ArgumentParser) -> None:
    _counted_arguments(parser)
    parser.add_argument("--json", action="store_true")


def _report_arguments(parser: argparse.ArgumentParser) -> None:
    _deadlines_arguments(parser)
    _period_arguments(parser)


def _export_arguments(parser: argparse.ArgumentParser) -> None:
    _counted_arguments(parser)
    _period_arguments(parser)
    parser.add_argument("--format", choices=("csv", "ics", "pdf", "odt", "json"), required=True)
    parser.add_argument(
        "--report",
        action="store_true",
        help="export the timeliness report (csv, pdf or odt) instead of the register",
    )
    parser.add_argument("-o", "--output", metavar="OUT", help="the file to write (default stdout)")


REGISTER = Command(
    "register",
    "the business unit's case register: example, validate, import, merge, add-document, "
    "deadlines, report, export",
    dest="register_command",
    subcommands=(
        Command("example", "print an example register as JSON", _example),
        Command(
            "import",
            "start a register from a spreadsheet saved as CSV (the register's own export, or "
            "any sheet with its columns mapped)",
            _import,
            _import_arguments,
        ),
        Command(
            "merge",
            "merge two saves of a register from the one both started from: exit 3 naming "
            "each conflict, writing nothing",
            _merge,
            _merge_arguments,
        ),
        Command("validate", "check a saved register", _on_register(_validate), _register_argument),
        Command(
            "add-document",
            "fill a case's empty dates from a saved referral, Rapid Review, local review "
            "record or action plan (a document for another child is refused)",
            _on_register(_add_document),
            _add_document_arguments,
        ),
        Command(
            "deadlines",
            "each case's stage and next deadline",
            _on_register(_deadlines),
            _deadlines_arguments,
        ),
        Command(
            "report",
            "the timeliness figures for a period",
            _on_register(_report),
            _report_arguments,
        ),
        Command(
            "export",
            "the register as csv, ics (every open deadline), pdf (summary), odt (the summary, "
            "editable) or json",
            _on_register(_export),
            _export_arguments,
        ),
    ),
)
