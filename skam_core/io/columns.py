"""Vectorised parsing of import columns, collecting a problem per bad cell.

Imports reach 6 million rows, so every check works on whole columns; a problem names its row (as Excel counts:
the header is row 1, the first data row row 2), its column and what is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pac


@dataclass(frozen=True, order=True)
class Problem:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"row {self.row}, column {self.column}: {self.message}"


@dataclass
class Problems:
    items: list[Problem] = field(default_factory=list)

    def add_mask(self, mask: pd.Series | np.ndarray, raw: pd.Series, column: str, template: str) -> None:
        """One problem per True in ``mask``; ``template`` may use {value}."""
        mask = np.asarray(mask, dtype=bool)
        if not mask.any():
            return
        positions = np.flatnonzero(mask)
        values = raw.to_numpy()[positions]
        for pos, val in zip(positions, values, strict=True):
            self.items.append(Problem(int(pos) + 2, column, template.format(value=_show(val))))

    def add(self, row: int, column: str, message: str) -> None:
        self.items.append(Problem(row, column, message))

    def sorted(self) -> list[Problem]:
        return sorted(self.items)

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)


def _show(v: object) -> str:
    s = str(v)
    return s if len(s) <= 40 else s[:37] + "..."


def as_text(series: pd.Series) -> pd.Series:
    """Cells as stripped strings ('' for empty), whatever type the reader produced."""
    if series.dtype == object:
        series = series.map(lambda v: "" if v is None else (repr(v) if isinstance(v, float) else str(v)))
    return series.astype(str).str.strip()


def _arrow(text: pd.Series) -> pa.Array:
    return pa.array(text, type=pa.large_string(), from_pandas=True)


def parse_numbers(text: pd.Series, decimal: str) -> tuple[pd.Series, pd.Series]:
    """(values, bad) for number cells; empty cells are NaN and not bad. With a decimal comma, dots are
    thousands separators ('1.234,5'). Arrow's compute kernels do the work: 6 M cells take well under a second;
    only a column that holds a bad cell takes the slower path that finds which."""
    arr = _arrow(text)
    if decimal == ",":
        arr = pac.replace_substring(pac.replace_substring(arr, ".", ""), ",", ".")
    arr = pac.replace_substring(pac.replace_substring(arr, " ", ""), "\u00a0", "")
    empty = pac.equal(arr, "")
    try:
        parsed = pac.cast(pac.if_else(empty, pa.scalar(None, pa.large_string()), arr), pa.float64())
        values = pd.Series(parsed.to_numpy(zero_copy_only=False), index=text.index, dtype="float64")
    except pa.ArrowInvalid:
        cleaned = pd.Series(arr.to_pylist(), index=text.index, dtype=object)
        values = pd.to_numeric(cleaned.where(cleaned != "", None), errors="coerce").astype("float64")
    bad = (text != "") & (values.isna() | ~np.isfinite(values.fillna(0.0)))
    return values, bad


def parse_months(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    """(first day of month as datetime64, bad) for 'YYYY-MM' or an ISO date in that month. A date must exist
    (2026-02-30 is refused: Arrow's parser would roll it over, so the parse is checked by formatting it back)."""
    arr = _arrow(text)
    is_month = pac.match_substring_regex(arr, r"^\d{4}-\d{2}$")
    is_date = pac.match_substring_regex(arr, r"^\d{4}-\d{2}-\d{2}$")
    sep = pa.scalar("", pa.large_string())
    full = pac.if_else(is_month, pac.binary_join_element_wise(arr, pa.scalar("-01", pa.large_string()), sep), arr)
    parsed = pac.strptime(full, format="%Y-%m-%d", unit="s", error_is_null=True)

    # The parsed date must have the day, month and year that were written (formatting back with strftime
    # would say the same, but takes seconds on millions of cells).
    def part(start: int, stop: int) -> pa.Array:
        return pac.cast(
            pac.utf8_slice_codeunits(pac.if_else(pac.or_(is_month, is_date), full, "0000-00-00"), start, stop),
            pa.int64(),
        )

    round_trip = pac.and_(
        pac.and_(pac.equal(pac.year(parsed), part(0, 4)), pac.equal(pac.month(parsed), part(5, 7))),
        pac.equal(pac.day(parsed), part(8, 10)),
    )
    ok = pac.and_kleene(pac.or_(is_month, is_date), pac.fill_null(round_trip, False))
    months = pac.if_else(ok, pac.floor_temporal(parsed, unit="month"), pa.scalar(None, parsed.type))
    result = pd.Series(months.to_numpy(zero_copy_only=False), index=text.index).astype("datetime64[s]")
    good = pd.Series(ok.to_numpy(zero_copy_only=False), index=text.index).fillna(False).astype(bool)
    bad = (text != "") & ~good
    return result, bad


def parse_dates(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    """(datetime64, bad) for ISO dates YYYY-MM-DD; empty cells are NaT and not bad."""
    dates = pd.to_datetime(text.where(text.str.match(r"^\d{4}-\d{2}-\d{2}$")), format="%Y-%m-%d", errors="coerce")
    bad = (text != "") & dates.isna()
    return dates, bad


def require_not_empty(text: pd.Series, column: str, problems: Problems) -> pd.Series:
    empty = text == ""
    problems.add_mask(empty, text, column, "is empty but required")
    return empty


def duplicated_rows(frame: pd.DataFrame, keys: list[str]) -> pd.Series:
    """Every row whose key appears more than once (all of them, so each is reported)."""
    return frame.duplicated(keys, keep=False)


def required_numbers(frame: pd.DataFrame, column: str, decimal: str, problems: Problems) -> tuple[pd.Series, pd.Series]:
    """(values, cell text) of a required number column; empty and non-numeric cells become problems."""
    text = as_text(frame[column])
    require_not_empty(text, column, problems)
    values, bad = parse_numbers(text, decimal)
    problems.add_mask(bad, text, column, "'{value}' is not a number")
    return values, text


def known_customers(ids: pd.Series, known: set[str], problems: Problems) -> None:
    """Every non-empty customer id must name a customer in the store."""
    problems.add_mask((ids != "") & ~ids.isin(known), ids, "customer_id", "'{value}' is not a known customer")
