"""Comparing stored values across versions: missing is missing (None, NaN, pd.NA, NaT), dates compare by value."""

from __future__ import annotations

import math
from datetime import date, datetime
from typing import Any

import pandas as pd


def is_missing(v: Any) -> bool:
    """None, NaN (also numpy's), pd.NA and NaT: what a cell holds when it holds nothing."""
    return v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and math.isnan(v))


def same_value(a: Any, b: Any) -> bool:
    """Whether two versions hold the same value (what decides "nothing changed")."""
    if is_missing(a) or is_missing(b):
        return is_missing(a) and is_missing(b)
    if isinstance(a, (date, datetime)) and isinstance(b, (date, datetime)):
        return bool(pd.Timestamp(a) == pd.Timestamp(b))
    return bool(a == b)
