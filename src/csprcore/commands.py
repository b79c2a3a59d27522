"""The CLI's commands, through the same ``csprcore.api`` as the browser (``csprcore.cli`` settles
the partnership first)."""

from __future__ import annotations

import argparse
import base64
import json
import sys
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

from . import api, partnership
from .errors import InputError
from .forms import engine
from .forms.registry import document_formats, get_form
from .jsontext import JSONRefusedError, loads
from .rules import criteria
from .rules.citations import short_title
from .rules.dates import long_date_with_weekday
from .rules.timescales import EVENTS


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One line, no usage block: scripts read the last line.
        self.exit(2, f"csprcore: {message} (see csprcore --help)\n")


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


# --- commands -------------------------------------------------------------------------


def _workdays(args: argparse.Namespace) -> int:
    closures = getattr(args, "closure", None) or []
    if args.workdays_command == "add":
        out = api.workdays_add({"date": args.date, "n": args.n, "closures": closures})
        print(out["date"])
    elif args.workdays_command == "between":
        out = api.workdays_between({"start": args.start, "end": args.end, "closures": closures})
        print(out["working_days"])
    else:
        out = api.bank_holidays({"year": args.year})
        for item in out["bank_holidays"]:
            print(f"{item['date']}  {item['name']}")
    return 0


def _check(args: argparse.Namespace) -> int:
    text = _read_text(args.file)
    try:
        facts = loads(text) if text.strip() else {}
    except JSONRefusedError as exc:
        _fail(f"facts: the file {exc.reason}")
    result = api.check(facts)
    if args.json:
        _json({k: v for k, v in result.items() if k != "facts"})
        return 0
    words = criteria.ANSWER_WORDS
    for key in criteria.CONCLUSIONS:
        print(f"{criteria.CONCLUSION_QUESTIONS[key]}  {words[result[key]]}")
        for reason in result["reasons"]:
            if reason["finding"] == key:
                print(f"  - {reason['text']} ({short_title(reason['cite'])})")
    found = result["national_review_circumstances"]
    print(criteria.CONCLUSION_QUESTIONS["national_review_circumstances"])
    for key in found:
        print(f"  - {criteria.NATIONAL_CIRCUMSTANCES[key]} (Section 6)")
    if not found:
        print("  - None shown by the answers")
    if result["next_steps"]:
        print("Next steps:")
        for step in result["next_steps"]:
            print(f"  - {step['text']} ({short_title(step['cite'])})")
    return 0


def _deadlines(args: argparse.Namespace) -> int:
    payload: dict[str, Any] = {
        event: getattr(args, event.replace("-", "_"))
        for event in EVENTS
        if getattr(args, event.replace("-", "_"))
    }
    payload["closures"] = args.closure or []
    if args.today:
        payload["today"] = args.today
    result = api.deadline_milestones(payload)
    if args.json:
        keep = ("id", "due", "earliest", "latest", "label", "basis", "cite", "note", "status",
                "source", "quote", "binds")  # fmt: skip
        _json(
            {
                "milestones": [{k: m[k] for k in keep if k in m} for m in result["milestones"]],
                "waiting": result["waiting"],
                "warnings": result["warnings"],
                "bank_holidays": result["bank_holidays"],
            }
        )
        return 0
    if not result["events"]:
        print(
            "Give at least one date: "
            + ", ".join(f"--{e}" for e in list(EVENTS)[:-1])
            + f" or --{list(EVENTS)[-1]}."
        )
    for m in result["milestones"]:
        if "due" in m:
            when = long_date_with_weekday(date.fromisoformat(m["due"]))
        else:
            when = (
                f"{long_date_with_weekday(date.fromisoformat(m['earliest']))} to "
                f"{long_date_with_weekday(date.fromisoformat(m['latest']))}"
            )
        print(f"{when}: {m['label']} ({short_title(m['cite'])})")
        print(f"    {m['basis']}")
        if "note" in m:
            print(f"    Note: {m['note']}")
    for w in result["warnings"]:
        print(f"Warning: {w['message']}")
    for item in result["waiting"]:
        needs = " or ".join(f"--{e}" for e in item["needs"])
        print(f"Not worked out yet: {item['label']} (give {needs})")
    return 0


def _local_review_dates(args: argparse.Namespace) -> int:
    """``csprcore local-review dates``: section 11's key dates from the decision (and the
    planned publication date, which the copies and the availability count from)."""
    payload: dict[str, Any] = {"decision": args.decision, "publication": args.publication}
    if args.today:
        payload["today"] = args.today
    result = api.local_review_dates(payload)
    problems = [k["problem"] for k in result["key_dates"] if k["problem"]]
    if args.json and problems:
        # null means "no publication date given": a date that cannot be counted is an error.
        _fail(f"publication: {problems[0]}")
    if args.json:
        _json(result["dates"])
        return 0
    for item in result["key_dates"]:
        if item["problem"]:
            print(f"Cannot be worked out: {item['label']}: {item['problem']}")
            continue
        if item["due"] is None:
            print(f"Not worked out yet: {item['label']} (give --publication)")
            continue
        when = long_date_with_weekday(date.fromisoformat(item["due"]))
        print(f"{when}: {item['label']} ({short_title(item['cite'])}) [{item['status']}]")
        print(f"    {item['basis']}")
    return 0


def _form(args: argparse.Namespace) -> int:
    form = get_form(args.form_id)
    if args.form_command == "example":
        example = form.example()
        print(engine.write_json(example), end="")
        return 0
    if args.form_command in ("from-referral", "from-rapid-review", "from-local-review"):
        return _start_from(args)
    text = _read_text(args.file)
    doc = engine.read_file(form, text, args.file)
    if args.form_command == "validate":
        model, errors = engine.check_document(form, doc)
        if model is None:
            for e in engine.error_list(form, errors):
                print(f"{e['field']}: {e['message']}")
            return 1
        print(f"{args.file}: valid")
        for w in engine.warning_list(form, doc):
            print(f"Warning: {w['field']}: {w['message']}")
        return 0
    if args.form_command == "add-returns":
        return _add_returns(args, doc)
    if args.form_command == "agency-update":
        result = api.action_plan_agency_update({"document": doc, "agency": args.agency})
        _write(Path(args.output), base64.b64decode(result["base64"]))
        print(f"Wrote {args.output}")
        return 0
    if args.form_command == "add-updates":
        return _add_updates(args, doc)
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


def _wrote(out: Path, result: Mapping[str, Any]) -> int:
    """Write the document a command made, and say what it did."""
    _write_document(out, result["document"])
    for message in result["messages"]:
        print(message)
    print(f"Wrote {out}")
    return 0


def _add_returns(args: argparse.Namespace, doc: dict[str, Any]) -> int:
    """Add agencies' scoping returns to a Rapid Review file; refuse them all, writing
    nothing, when any file is not a saved return for this case."""
    files = [{"name": name, "content": _read_text(name)} for name in args.returns]
    result = api.rapid_review_add_returns({"document": doc, "files": files})
    if result["refused"]:
        _fail("; ".join(e["message"] for e in result["refused"]) + "; nothing was written")
    return _wrote(Path(args.output), result)


def _add_updates(args: argparse.Namespace, doc: dict[str, Any]) -> int:
    """Merge agencies' returned sheets into an action plan; any problem refuses them all,
    writing nothing."""
    files = [
        {"name": name, "base64": base64.b64encode(Path(name).read_bytes()).decode("ascii")}
        for name in args.updates
    ]
    result = api.action_plan_add_updates({"document": doc, "files": files})
    return _wrote(Path(args.output), result)


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


# --- the case register ----------------------------------------------------------------

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


def _emit(args: argparse.Namespace, result: dict[str, Any]) -> int:
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


def _register(args: argparse.Namespace) -> int:
    command = args.register_command
    if command == "example":
        print(api.register_export({**api.register_example({}), "format": "json"})["text"], end="")
        return 0
    if command == "import":
        return _register_import(args)
    if command == "merge":
        return _register_merge(args)
    payload = _register_payload(args.register)
    if getattr(args, "today", None):
        payload["today"] = args.today
    if command == "validate":
        n = len(payload["register"]["cases"])
        print(f"{args.register}: valid ({n} case{'' if n == 1 else 's'})")
        return 0
    if command == "add-document":
        return _register_add_document(args, payload)
    if command == "deadlines":
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
    if command == "report":
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
    payload["format"] = args.format
    if args.report and args.format not in ("csv", "pdf", "odt"):
        _fail("--report exports the timeliness report as csv, pdf or odt")
    if args.report:
        payload.update({"from": args.date_from, "to": args.date_to})
        return _emit(args, api.register_report_export(payload))
    return _emit(args, api.register_export(payload))


def _register_import(args: argparse.Namespace) -> int:
    from .forms.case_register.import_sheet import parse_mapping

    mapping = parse_mapping(args.map)
    data = Path(args.sheet).read_bytes()
    result = api.register_import({
        "file": {"name": args.sheet, "base64": base64.b64encode(data).decode("ascii")},
        "map": mapping,
    })  # fmt: skip
    text = api.register_export({"register": result["register"], "format": "json"})["text"]
    _write(Path(args.output), text)
    for message in result["messages"]:
        print(message)
    print(f"Wrote {args.output}")
    return 0


def _register_merge(args: argparse.Namespace) -> int:
    payload = {k: _register_payload(getattr(args, k))["register"]
               for k in ("base", "ours", "theirs")}  # fmt: skip
    result = api.register_merge(payload)
    if result["conflicts"]:
        for conflict in result["conflicts"]:
            print(conflict["text"], file=sys.stderr)
        n = len(result["conflicts"])
        print(f"{n} conflict{'' if n == 1 else 's'}: nothing was written", file=sys.stderr)
        return 3
    text = api.register_export({"register": result["register"], "format": "json"})["text"]
    _write(Path(args.output), text)
    print(f"Wrote {args.output}")
    return 0


def _register_add_document(args: argparse.Namespace, payload: dict[str, Any]) -> int:
    """Add a saved document to the case ``--case`` names, or to the case whose reference the
    document carries; a document for no case in the register starts a new one."""
    from .forms.case_register.documents import document_reference
    from .forms.controls import match_key

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
    text = api.register_export({"register": result["register"], "format": "json"})["text"]
    _write(Path(args.output), text)
    print(f"Wrote {args.output}")
    return 0


# --- parser ---------------------------------------------------------------------------


def _form_commands(sub: Any, command: str, form_id: str, help_text: str) -> Any:
    """``csprcore COMMAND example|validate|export`` for one form; its export formats come
    from the form (``json``, ``pdf`` and any it adds, such as a letter)."""
    form = get_form(form_id)
    files = [f for f, _ in form.exports if f in form.export_files]
    formats = ["json", *document_formats(form), *files]
    parser: argparse.ArgumentParser = sub.add_parser(command, help=help_text)
    commands = parser.add_subparsers(dest="form_command", required=True, parser_class=_Parser)
    commands.add_parser("example", help="print a complete, valid example as JSON")
    val = commands.add_parser("validate", help="check a saved form")
    val.add_argument("file", metavar="FILE")
    exp = commands.add_parser(
        "export",
        help=f"export a saved form as {', '.join(formats)} (each -odt an editable copy of the "
        "document before it)",
    )
    exp.add_argument("file", metavar="FILE")
    exp.add_argument("--format", choices=formats, required=True)
    if form.letters:
        exp.add_argument(
            "--date", metavar="DATE", help="the date the letters and notices carry (default: today)"
        )
    exp.add_argument(
        "--allow-names",
        action="store_true",
        help="make the document even where its free text holds a name the referral gives for "
        "the child or their family (refused otherwise, naming each box)",
    )
    exp.add_argument("-o", "--output", required=True, metavar="OUT")
    parser.set_defaults(func=_form, form_id=form_id)
    return commands


def _dates_command(commands: Any) -> None:
    dates = commands.add_parser(
        "dates",
        help="section 11's key dates: the final report's latest date from the decision; the "
        "copies to the Panel, the Secretary of State and Ofsted, and how long the report stays "
        "available, from the planned publication date (null in --json without it)",
    )
    dates.add_argument("--decision", required=True, metavar="DATE",
                       help="the date of the decision to initiate the review")  # fmt: skip
    dates.add_argument("--publication", metavar="DATE", help="the planned publication date")
    dates.add_argument("--today", metavar="DATE", help="count status from this day")
    dates.add_argument(
        "--json",
        action="store_true",
        help="print final_report_due, send_to_panel_by and available_until",
    )
    dates.set_defaults(func=_local_review_dates)


def _start_command(commands: Any, name: str, source: str, help_text: str) -> None:
    start = commands.add_parser(
        name, help=f"{help_text}, or fill the empty boxes of one with --into"
    )
    start.add_argument("source", metavar=source)
    start.add_argument("--into", metavar="FORM.json", help="a saved document to fill in")
    start.add_argument("-o", "--output", required=True, metavar="OUT")


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="csprcore", description="A partnership's CSPR procedure rules.")
    # Read by csprcore.cli before the rules load; listed here for --help.
    p.add_argument(
        "--partnership",
        metavar="DIR",
        help=f"the partnership folder whose profile to use (or ${partnership.ENV}); "
        "default North-East-Lincolnshire's in this repository",
    )
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    wd = sub.add_parser("workdays", help="England and Wales working days")
    wd_sub = wd.add_subparsers(dest="workdays_command", required=True, parser_class=_Parser)
    add = wd_sub.add_parser("add", help="the N-th working day after DATE (before, if N < 0)")
    add.add_argument("date", metavar="DATE")
    add.add_argument("n", metavar="N")
    between = wd_sub.add_parser("between", help="working days in (START, END]")
    between.add_argument("start", metavar="START")
    between.add_argument("end", metavar="END")
    for sp in (add, between):
        sp.add_argument(
            "--closure", action="append", metavar="DATE", help="an office closure day (repeatable)"
        )
    hol = wd_sub.add_parser("holidays", help="bank holidays in YEAR")
    hol.add_argument("year", metavar="YEAR")
    wd.set_defaults(func=_workdays)

    ck = sub.add_parser("check", help="assess facts (JSON) against the criteria")
    ck.add_argument("file", nargs="?", metavar="FILE", help="facts JSON (stdin when absent)")
    ck.add_argument("--json", action="store_true", help="print the output object")
    ck.set_defaults(func=_check)

    dl = sub.add_parser("deadlines", help="the procedure's timescales from the dates given")
    for event in EVENTS:
        dl.add_argument(f"--{event}", metavar="DATE", help=f"the date {EVENTS[event]}")
    dl.add_argument(
        "--closure", action="append", metavar="DATE", help="an office closure day (repeatable)"
    )
    dl.add_argument("--today", metavar="DATE", help="count status from this day")
    dl.add_argument("--json", action="store_true")
    dl.set_defaults(func=_deadlines)

    _form_commands(sub, "referral", "referral", "the referral form: example, validate, export")
    scoping_commands = _form_commands(
        sub, "scoping", "scoping-return",
        "an agency's scoping return: example, validate, export, from-referral",
    )  # fmt: skip
    rr_commands = _form_commands(
        sub, "rapid-review", "rapid-review",
        "the Rapid Review record: example, validate, export (pdf, json, letter, notice), "
        "from-referral, add-returns",
    )  # fmt: skip
    for commands in (scoping_commands, rr_commands):
        _start_command(commands, "from-referral", "REFERRAL.json",
                       "start this form from a saved referral (JSON)")  # fmt: skip
    lr_commands = _form_commands(
        sub, "local-review", "local-review",
        "the local review record: example, validate, export (pdf, json, letter, "
        "letter-before-publication, letter-delay), from-rapid-review, dates",
    )  # fmt: skip
    _dates_command(lr_commands)
    _start_command(lr_commands, "from-rapid-review", "RR.json",
                   "start a local review record from a saved Rapid Review (JSON) that "
                   "decided on one")  # fmt: skip
    ap_commands = _form_commands(
        sub, "action-plan", "action-plan",
        "the action plan: example, validate, export (pdf, progress, csv, json), "
        "from-local-review, agency-update, add-updates",
    )  # fmt: skip
    _start_command(ap_commands, "from-local-review", "LR.json",
                   "start an action plan from a saved local review record (JSON)")  # fmt: skip
    upd = ap_commands.add_parser(
        "agency-update", help="the sheet (CSV) one agency fills in: its actions only"
    )
    upd.add_argument("file", metavar="PLAN.json")
    upd.add_argument("--agency", required=True, metavar="NAME")
    upd.add_argument("-o", "--output", required=True, metavar="UPDATE.csv")
    adds = ap_commands.add_parser(
        "add-updates", help="merge agencies' returned sheets into the plan's empty boxes"
    )
    adds.add_argument("file", metavar="PLAN.json")
    adds.add_argument("updates", nargs="+", metavar="UPDATE.csv")
    adds.add_argument("-o", "--output", required=True, metavar="PLAN2.json")
    add = rr_commands.add_parser(
        "add-returns", help="add agencies' scoping returns (JSON) to a Rapid Review file"
    )
    add.add_argument("file", metavar="RR.json")
    add.add_argument("returns", nargs="+", metavar="RETURN.json")
    add.add_argument("-o", "--output", required=True, metavar="OUT")
    _register_commands(sub)
    return p


def _register_commands(sub: Any) -> None:
    reg = sub.add_parser(
        "register",
        help="the business unit's case register: example, validate, import, merge, "
        "add-document, deadlines, report, export",
    )
    commands = reg.add_subparsers(dest="register_command", required=True, parser_class=_Parser)
    commands.add_parser("example", help="print an example register as JSON")
    imp = commands.add_parser(
        "import",
        help="start a register from a spreadsheet saved as CSV (the register's own export, or "
        "any sheet with its columns mapped)",
    )
    imp.add_argument("sheet", metavar="SHEET.csv")
    imp.add_argument(
        "--map",
        action="append",
        default=[],
        metavar='"Column=event"',
        help="read the column as this register field (an event id such as referral, or "
        "reference, child_initials, child_age, review_kind, notification); repeat for each",
    )
    imp.add_argument("-o", "--output", required=True, metavar="REGISTER.json")
    mer = commands.add_parser(
        "merge",
        help="merge two saves of a register from the one both started from: exit 3 naming "
        "each conflict, writing nothing",
    )
    for name in ("base", "ours", "theirs"):
        mer.add_argument(name, metavar=name.upper())
    mer.add_argument("-o", "--output", required=True, metavar="OUT")
    val = commands.add_parser("validate", help="check a saved register")
    val.add_argument("register", metavar="REGISTER")
    add = commands.add_parser(
        "add-document",
        help="fill a case's empty dates from a saved referral, Rapid Review, local review "
        "record or action plan (a document for another child is refused)",
    )
    add.add_argument("register", metavar="REGISTER")
    add.add_argument("document", metavar="DOC")
    add.add_argument("--case", metavar="REFERENCE",
                     help="the case to add it to (default: the case the document names; "
                     "a new case when it names none in the register)")  # fmt: skip
    add.add_argument("-o", "--output", required=True, metavar="OUT")
    dl = commands.add_parser("deadlines", help="each case's stage and next deadline")
    rep = commands.add_parser("report", help="the timeliness figures for a period")
    exp = commands.add_parser(
        "export",
        help="the register as csv, ics (every open deadline), pdf (summary), odt (the summary, "
        "editable) or json",
    )
    for p in (dl, rep, exp):
        p.add_argument("register", metavar="REGISTER")
        p.add_argument("--today", metavar="DATE", help="count from this day (default today)")
    for p in (dl, rep):
        p.add_argument("--json", action="store_true")
    for p in (rep, exp):
        p.add_argument(
            "--from",
            dest="date_from",
            metavar="DATE",
            help="the period's first day (default: the last financial year)",
        )
        p.add_argument("--to", dest="date_to", metavar="DATE", help="the period's last day")
    exp.add_argument("--format", choices=("csv", "ics", "pdf", "odt", "json"), required=True)
    exp.add_argument(
        "--report",
        action="store_true",
        help="export the timeliness report (csv, pdf or odt) instead of the register",
    )
    exp.add_argument("-o", "--output", metavar="OUT", help="the file to write (default stdout)")
    reg.set_defaults(func=_register)


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
