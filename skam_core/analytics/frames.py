"""Small helpers over the DataFrames the store returns.

Per-account frames are small (a few dozen rows) and wide; pandas' fixed cost per step, not the data, is then
what a page pays for (``DataFrame.to_dict("records")`` boxes every value one by one: 2–10× the time of one
object array). The rules over such frames therefore work on rows in plain Python, read through here."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import pandas as pd


def records(frame: pd.DataFrame, columns: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """The rows as dictionaries, as ``frame.to_dict("records")`` gives them (the same Python values: str, int,
    float, bool, Timestamp, NaN and NaT), of ``columns`` only when given (those the frame has)."""
    if columns is not None:
        frame = frame[[c for c in columns if c in frame.columns]]
    cols = list(frame.columns)
    return [dict(zip(cols, row, strict=True)) for row in frame.to_numpy(dtype=object).tolist()]


def days(values: pd.Series) -> list[date | None]:
    """The values as calendar days, None where missing (dates, timestamps or ISO strings)."""
    return [None if pd.isna(x) else pd.Timestamp(x).date() for x in values.tolist()]
