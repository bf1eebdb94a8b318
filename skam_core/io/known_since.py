"""When imported rows became known: the ``--known-since WHEN`` option and the optional ``known_since`` column,
turned into the ``valid_from`` instant of each row's version (knowledge time, see DESIGN.md Store semantics).

``WHEN`` is a date (every row known from that business day on: visible "as of" that day, not the day before) or,
for financials, ``month-end+N`` (each month's figures known N days after that month ends). A ``known_since``
cell overrides it for its row. Refused, by row and column: a knowledge date after today, and figures known
before their month has ended. Without either, rows are known from now (the caller's default path).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import numpy as np
import pandas as pd

from skam_core.domain import clock
from skam_core.io.columns import Problems, as_text, parse_dates

COLUMN = "known_since"
_MONTH_END = re.compile(r"^month-end\+(\d{1,3})$")


@dataclass(frozen=True)
class KnownSince:
    """The option: a fixed day, or a number of days after each month's end (financials only)."""

    day: date | None = None
    days_after_month_end: int | None = None

    def __str__(self) -> str:
        return str(self.day) if self.day is not None else f"month-end+{self.days_after_month_end}"


def parse_option(text: str, kind: str, today: date) -> KnownSince:
    """The ``--known-since`` value; ValueError with a message for the user when it is not one."""
    text = text.strip()
    m = _MONTH_END.match(text)
    if m:
        if kind != "financials":
            raise ValueError(f"--known-since month-end+N applies to financials only; give a date for {kind}")
        return KnownSince(days_after_month_end=int(m.group(1)))
    try:
        day = date.fromisoformat(text) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) else None
    except ValueError:
        day = None
    if day is None:
        raise ValueError(f"--known-since {text!r} is not a date YYYY-MM-DD or month-end+N")
    if day > today:
        raise ValueError(f"--known-since {day} lies in the future (today is {today})")
    return KnownSince(day=day)


def instant_of(day: date, now: datetime) -> datetime:
    """valid_from of a row known from business day ``day``: the last instant of that day, so that "as of" that
    day sees it (a version is visible when valid_from < the end of the day shown); never later than now."""
    return min(clock.end_of_day(day) - timedelta(microseconds=1), now)


def _mask_text(mask: np.ndarray, values: pd.Series, fmt: str) -> pd.Series:
    """``values`` formatted for the problem messages, only where ``mask`` is set (formatting 6 M dates would
    take longer than the whole import)."""
    out = pd.Series("", index=values.index, dtype=object)
    if mask.any():
        out[mask] = values[mask].dt.strftime(fmt)
    return out


def knowledge_instants(
    df: pd.DataFrame,
    kind: str,
    option: KnownSince | None,
    months: pd.Series | None,
    today: date,
    now: datetime,
    problems: Problems,
) -> pd.Series | None:
    """Per row, the instant its version becomes known (naive UTC, datetime64[us]), or None when neither the
    option nor the column is given (every row known from now). ``months``: for financials, each row's month
    (first day, datetime64; NaT for a bad cell).

    Rows share few distinct months and days, so the dates are worked out once per distinct value and spread
    back to the rows through their codes: 6 M rows take a fraction of a second."""
    has_column = COLUMN in df.columns
    if option is None and not has_column:
        return None
    n = len(df)
    if months is not None:
        mcodes, muniq = pd.factorize(months)
    else:
        mcodes, muniq = np.zeros(n, dtype=np.intp), pd.DatetimeIndex([pd.NaT])
    month_end = muniq + pd.offsets.MonthEnd(0)
    if option is not None and option.day is not None:
        per_month = pd.DatetimeIndex([pd.Timestamp(option.day)] * len(muniq))
    elif option is not None:
        per_month = month_end + pd.Timedelta(days=option.days_after_month_end or 0)
    else:
        per_month = pd.DatetimeIndex([pd.NaT] * len(muniq))
    # Per distinct month: known after today, known before the month ended (codes of -1: a bad month cell).
    known_of_month = np.append(per_month.to_numpy(dtype="datetime64[s]"), np.datetime64("NaT"))
    end_of_month = np.append(month_end.to_numpy(dtype="datetime64[s]"), np.datetime64("NaT"))
    days = pd.Series(known_of_month[mcodes], index=df.index)
    from_column = np.zeros(n, dtype=bool)
    if has_column:
        text = as_text(df[COLUMN])
        cells, bad = parse_dates(text)
        problems.add_mask(bad, text, COLUMN, "'{value}' is not an ISO date YYYY-MM-DD")
        from_column = cells.notna().to_numpy()
        if from_column.any():
            days = days.where(~from_column, cells.astype(days.dtype))
    future = (days > pd.Timestamp(today)).to_numpy()
    problems.add_mask(
        future & from_column,
        _mask_text(future & from_column, days, "%Y-%m-%d"),
        COLUMN,
        "{value} lies in the future (today is " + str(today) + ")",
    )
    if months is not None:
        by_option = future & ~from_column
        problems.add_mask(
            by_option,
            _mask_text(by_option, months, "%Y-%m"),
            "month",
            f"{{value}} would be known after today with --known-since {option}",
        )
        early = (days < pd.Series(end_of_month[mcodes], index=df.index)).to_numpy()
        problems.add_mask(
            early & from_column,
            _mask_text(early & from_column, days, "%Y-%m-%d"),
            COLUMN,
            "{value} is before the month's figures were complete (its end)",
        )
        problems.add_mask(
            early & ~from_column,
            _mask_text(early & ~from_column, months, "%Y-%m"),
            "month",
            f"{{value}} has not ended by the knowledge date --known-since {option}",
        )
    # A NaT day (no option for this row and an empty cell) means "known from now".
    if not from_column.any():
        codes, uniques = mcodes, pd.DatetimeIndex(known_of_month[:-1])
    else:
        codes, uniques = pd.factorize(days)
    instants = np.array(
        [now if pd.isna(d) else instant_of(d.date(), now) for d in uniques] + [now], dtype="datetime64[us]"
    )
    return pd.Series(instants[codes], index=df.index)
