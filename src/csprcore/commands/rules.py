"""The rules on their own: working days, the criteria check, the deadline calculator and a
local review's key dates."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from .. import api
from ..jsontext import JSONRefusedError, loads
from ..rules import criteria
from ..rules.citations import short_title
from ..rules.dates import long_date_with_weekday
from ..rules.timescales import EVENTS
from ._base import Command, _fail, _json, _read_text

# --- working days ---------------------------------------------------------------------


def _workdays_add(args: argparse.Namespace) -> int:
    out = api.workdays_add({"date": args.date, "n": args.n, "closures": args.closure or []})
    print(out["date"])
    return 0


def _workdays_between(args: argparse.Namespace) -> int:
    payload = {"start": args.start, "end": args.end, "closures": args.closure or []}
    print(api.workdays_between(payload)["working_days"])
    return 0


def _holidays(args: argparse.Namespace) -> int:
    out = api.bank_holidays({"year": args.year})
    for item in out["bank_holidays"]:
        print(f"{item['date']}  {item['name']}")
    return 0


def _closure_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--closure", action="append", metavar="DATE", help="an office closure day (repeatable)"
    )


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("date", metavar="DATE")
    parser.add_argument("n", metavar="N")
    _closure_argument(parser)


def _between_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("start", metavar="START")
    parser.add_argument("end", metavar="END")
    _closure_argument(parser)


def _holidays_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("year", metavar="YEAR")


WORKDAYS = Command(
    "workdays",
    "England and Wales working days",
    dest="workdays_command",
    subcommands=(
        Command("add", "the N-th working day after DATE (before, if N < 0)",
                _workdays_add, _add_arguments),
        Command("between", "working days in (START, END]", _workdays_between, _between_arguments),
        Command("holidays", "bank holidays in YEAR", _holidays, _holidays_arguments),
    ),
)  # fmt: skip


# --- the criteria ---------------------------------------------------------------------


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


def _check_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", nargs="?", metavar="FILE", help="facts JSON (stdin when absent)")
    parser.add_argument("--json", action="store_true", help="print the output object")


CHECK = Command("check", "assess facts (JSON) against the criteria", _check, _check_arguments)


# --- deadlines ------------------------------------------------------------------------


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


def _deadlines_arguments(parser: argparse.ArgumentParser) -> None:
    for event in EVENTS:
        parser.add_argument(f"--{event}", metavar="DATE", help=f"the date {EVENTS[event]}")
    _closure_argument(parser)
    parser.add_argument("--today", metavar="DATE", help="count status from this day")
    parser.add_argument("--json", action="store_true")


DEADLINES = Command(
    "deadlines", "the procedure's timescales from the dates given", _deadlines, _deadlines_arguments
)


# --- a local review's key dates -------------------------------------------------------


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


def _dates_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--decision", required=True, metavar="DATE",
                        help="the date of the decision to initiate the review")  # fmt: skip
    parser.add_argument("--publication", metavar="DATE", help="the planned publication date")
    parser.add_argument("--today", metavar="DATE", help="count status from this day")
    parser.add_argument(
        "--json",
        action="store_true",
        help="print final_report_due, send_to_panel_by and available_until",
    )


#: ``local-review dates``: a subcommand of the local review record's commands.
LOCAL_REVIEW_DATES = Command(
    "dates",
    "section 11's key dates: the final report's latest date from the decision; the copies to "
    "the Panel, the Secretary of State and Ofsted, and how long the report stays available, "
    "from the planned publication date (null in --json without it)",
    _local_review_dates,
    _dates_arguments,
)
