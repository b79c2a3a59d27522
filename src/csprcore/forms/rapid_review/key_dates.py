"""The Rapid Review's key dates, worked out from its referral and meeting dates (Appendix 1,
section 6)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...rules.calendar import DEFAULT_CALENDAR
from ...rules.dates import long_date, long_date_with_weekday
from ...rules.timescales import meeting_window_span, working_days
from ..engine import document_date
from ..meta import Computed
from .parts import (
    MEETING_EARLIEST,
    MEETING_LATEST,
    PANEL_DECISION_WORKING_DAYS,
    TO_PANEL_WORKING_DAYS,
)

# --------------------------------------------------------------------------------------
# key dates
# --------------------------------------------------------------------------------------


def key_dates(doc: Mapping[str, Any]) -> dict[str, Computed | None]:
    """The Rapid Review's key dates from a document that may be incomplete: the meeting
    window (Appendix 1), the date to send to the Panel (Appendix 1) and the date the Panel's
    decision is expected (section 6)."""
    referral = document_date(doc, "case.referral_date")
    meeting = document_date(doc, "case.meeting_date")
    sent = document_date(doc, "sign_off.sent_to_panel")
    out: dict[str, Computed | None] = {
        "key_dates.meeting_window": Computed(
            "", "Not worked out yet: enter the date the referral was received"
        ),
        "key_dates.send_to_panel_by": Computed(
            "", "Not worked out yet: enter the date of the Rapid Review meeting"
        ),
        "key_dates.panel_decision_by": Computed(
            "", "Not worked out yet: enter the date of the Rapid Review meeting"
        ),
    }
    cal = DEFAULT_CALENDAR
    try:
        if referral:
            earliest = cal.add_working_days(referral, MEETING_EARLIEST)
            latest = cal.add_working_days(referral, MEETING_LATEST)
            text = (
                f"{long_date_with_weekday(earliest)} to {long_date_with_weekday(latest)} "
                f"({meeting_window_span()} after the referral on {long_date(referral)})"
            )
            out["key_dates.meeting_window"] = Computed(text, text)
        send_by = None
        if meeting:
            send_by = cal.add_working_days(meeting, TO_PANEL_WORKING_DAYS)
            out["key_dates.send_to_panel_by"] = Computed(
                send_by.isoformat(),
                f"{long_date_with_weekday(send_by)} ({working_days(TO_PANEL_WORKING_DAYS)} after "
                "the meeting on "
                f"{long_date(meeting)})",
            )
        start = sent or send_by
        if start:
            decision = cal.add_working_days(start, PANEL_DECISION_WORKING_DAYS)
            basis = (
                f"sent to the Panel on {long_date(start)}"
                if sent
                else f"if it is sent on {long_date(start)}"
            )
            out["key_dates.panel_decision_by"] = Computed(
                decision.isoformat(),
                f"{long_date_with_weekday(decision)} "
                f"({working_days(PANEL_DECISION_WORKING_DAYS)} after the Rapid Review "
                f"is received: {basis})",
            )
    except ValueError:  # past the calendar's years: left as not worked out
        pass
    return out
