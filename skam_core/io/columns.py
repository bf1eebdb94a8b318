"""Vectorised parsing of import columns, collecting a problem per bad cell.

Imports reach 6 million rows, so every check works on whole columns; a problem names its row (as Excel counts:
the header is row 1, the first data row row 2; the reader's frames carry that number as their index, so blank
lines before a row do not shift it), its column and what is wrong.

Numbers are read by the rules of the file's dialect and nothing else: a separator that does not fit them
(``91.5`` or ``1,234.56`` in a German file, ``1.2.3,4``, ``1 2 3``) is a problem of its cell, never guessed
at. Values outside plausible ranges (amounts beyond ±10¹⁵, months before 1990 or after next year) are
problems too: they are typing errors, and they would overflow sums.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pac

from skam_core.domain import clock

MAX_AMOUNT = 1e15  # beyond any company's figures; far below where sums lose precision or overflow
FIRST_YEAR = 1990  # no figures of the programme are older


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
        rows = excel_rows(raw.index)[positions]
        for row, val in zip(rows, values, strict=True):
            self.items.append(Problem(int(row), column, template.format(value=_show(val))))

    def add(self, row: int, column: str, message: str) -> None:
        self.items.append(Problem(row, column, message))

    def sorted(self) -> list[Problem]:
        return sorted(self.items)

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)


def excel_rows(index: pd.Index) -> np.ndarray:
    """The Excel row of each position: the reader's ``row`` index, else (a frame made in code) position + 2."""
    if index.name == "row":
        return np.asarray(index, dtype="int64")
    return np.arange(len(index), dtype="int64") + 2


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


# A number as the dialect writes it: digits, optionally grouped by threes, a decimal part, an exponent (Excel
# writes 1,5E+15). Grouping by spaces (or no-break spaces) is accepted in both dialects.
_DIGITS = {
    ",": r"^[+-]?(\d+|\d{1,3}(\.\d{3})+|\d{1,3}( \d{3})+|\d{1,3}(\x{00A0}\d{3})+)?(,\d+)?([eE][+-]?\d+)?$",
    ".": r"^[+-]?(\d+|\d{1,3}(,\d{3})+|\d{1,3}( \d{3})+|\d{1,3}(\x{00A0}\d{3})+)?(\.\d+)?([eE][+-]?\d+)?$",
}


def parse_numbers(text: pd.Series, decimal: str) -> tuple[pd.Series, pd.Series]:
    """(values, bad) for number cells; empty cells are NaN and not bad. A cell is a number only in the form of
    the dialect (``_DIGITS``): with a decimal comma, dots may only group thousands ('1.234,5'), with a decimal
    point, commas. Arrow's compute kernels do the work: 6 M cells take well under a second."""
    arr = _arrow(text)
    if len(arr) and pac.all(pac.match_substring_regex(arr, _PLAIN[decimal])).as_py():
        return _parse_plain(arr, text.index, decimal)
    grouping = "." if decimal == "," else ","
    # The form's parts are all optional, so it also matches a cell without a mantissa ('', '+', 'e5', '-E3'):
    # refused here (Arrow's cast would raise on them). Anchored, this check stops at a cell's second character.
    no_mantissa = pac.match_substring_regex(arr, r"^[+-]?([eE]|$)")
    well_formed = pac.and_(pac.match_substring_regex(arr, _DIGITS[decimal]), pac.invert(no_mantissa))
    # Separators are removed only where a cell has one (most files have none: each pass copies every cell).
    for sep, by in ((grouping, ""), (" ", ""), ("\u00a0", ""), *([(",", ".")] if decimal == "," else [])):
        if pac.any(pac.match_substring(arr, sep)).as_py():
            arr = pac.replace_substring(arr, sep, by)
    usable = pac.fill_null(well_formed, False)
    parsed = pac.cast(pac.if_else(usable, arr, pa.scalar(None, pa.large_string())), pa.float64())
    values = pd.Series(parsed.to_numpy(zero_copy_only=False), index=text.index, dtype="float64")
    bad = (text != "") & (values.isna() | ~np.isfinite(values.fillna(0.0)))
    return values, bad


# The form nearly every exported cell has: digits and an optional decimal part, nothing else. It is a part of
# ``_DIGITS`` (no cell of this form is refused there), so a column of only such cells needs neither that
# check, nor the one for a missing mantissa, nor the passes looking for separators (on 6 M cells each pass
# took about as long as reading the column).
_PLAIN = {",": r"^[+-]?\d+(,\d+)?$", ".": r"^[+-]?\d+(\.\d+)?$"}


def _parse_plain(arr: pa.Array, index: pd.Index, decimal: str) -> tuple[pd.Series, pd.Series]:
    """``parse_numbers`` for a column whose every cell has the form ``_PLAIN``: no cell is empty or ill-formed;
    only a value too large for a double (infinite) is bad."""
    if decimal == ",":
        arr = pac.replace_substring(arr, ",", ".")
    values = pd.Series(pac.cast(arr, pa.float64()).to_numpy(zero_copy_only=False), index=index, dtype="float64")
    return values, pd.Series(~np.isfinite(values.to_numpy()), index=index)


def implausible_amounts(values: pd.Series) -> pd.Series:
    """Numbers beyond ±10¹⁵ (NaN is not implausible: it is empty or already a problem)."""
    return values.abs() > MAX_AMOUNT


def plausible_years() -> tuple[int, int]:
    """The years a month or date of the programme may lie in: 1990 to next year."""
    return FIRST_YEAR, clock.today().year + 1


def _years(text: pd.Series) -> pd.Series:
    """The year written at the start of an ISO month or date cell (NaN for other cells). Arrow's kernels: a
    regular-expression extract and a numeric parse per cell took most of a 6 M-row import (~25 s each time)."""
    arr = _arrow(text)
    iso = pac.fill_null(pac.match_substring_regex(arr, r"^\d{4}-\d{2}"), False)
    head = pac.utf8_slice_codeunits(pac.if_else(iso, arr, pa.scalar("0", pa.large_string())), 0, 4)
    years = pac.if_else(iso, pac.cast(head, pa.int64()), pa.scalar(None, pa.int64()))
    return pd.Series(years.to_numpy(zero_copy_only=False), index=text.index, dtype="float64")


def by_value(text: pd.Series, fn: Callable[[pd.Series], Any]) -> Any:
    """``fn`` (text -> Series, or a tuple of Series, aligned with its argument) worked out once per distinct
    cell and spread back to every row: a month or customer column of 6 M cells holds a few dozen months or
    100,000 customers, and the per-cell kernels (regular expressions, parsing, set lookups) were most of an
    import's time. A column of mostly distinct cells is worked on as it is."""
    codes, uniques = pd.factorize(text)
    if len(uniques) * 2 > len(text) or (codes < 0).any():
        return fn(text)
    out = fn(pd.Series(uniques, dtype=text.dtype))

    def spread(s: pd.Series) -> pd.Series:
        return pd.Series(s.to_numpy()[codes], index=text.index, dtype=s.dtype)

    return tuple(spread(s) for s in out) if isinstance(out, tuple) else spread(out)


def out_of_range(text: pd.Series) -> pd.Series:
    """Cells that are ISO months or dates in a year outside :func:`plausible_years`."""
    return by_value(text, _out_of_range)


def _out_of_range(text: pd.Series) -> pd.Series:
    first, last = plausible_years()
    years = _years(text)
    return years.notna() & ((years < first) | (years > last))


def check_year_range(text: pd.Series, column: str, problems: Problems) -> None:
    """A problem for every month or date cell outside :func:`plausible_years` (``parse_months`` and
    ``parse_dates`` leave those empty and do not call them bad, so that the message says what is wrong)."""
    first, last = plausible_years()
    problems.add_mask(out_of_range(text), text, column, f"'{{value}}' lies outside the years {first} to {last}")


def parse_months(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    """(first day of month as datetime64, bad) for 'YYYY-MM' or an ISO date in that month. A date must exist
    (2026-02-30 is refused: Arrow's parser would roll it over, so the parse is checked by formatting it back)."""
    return by_value(text, _parse_months)


def _parse_months(text: pd.Series) -> tuple[pd.Series, pd.Series]:
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
    far = out_of_range(text)
    ok = pac.and_(ok, pa.array(~far.to_numpy(dtype=bool)))
    months = pac.if_else(ok, pac.floor_temporal(parsed, unit="month"), pa.scalar(None, parsed.type))
    result = pd.Series(months.to_numpy(zero_copy_only=False), index=text.index).astype("datetime64[s]")
    good = pd.Series(ok.to_numpy(zero_copy_only=False), index=text.index).fillna(False).astype(bool)
    bad = (text != "") & ~good & ~far
    return result, bad


def parse_months_in_range(text: pd.Series, column: str, problems: Problems) -> tuple[pd.Series, pd.Series]:
    """:func:`parse_months` and :func:`check_year_range` in one pass over the distinct cells (finding them is
    most of the work on a column of 6 M cells)."""
    months, bad, far = by_value(text, lambda t: (*_parse_months(t), _out_of_range(t)))
    first, last = plausible_years()
    problems.add_mask(far, text, column, f"'{{value}}' lies outside the years {first} to {last}")
    return months, bad


def parse_dates(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    """(datetime64, bad) for ISO dates YYYY-MM-DD; empty cells are NaT and not bad. A date outside
    :func:`plausible_years` is NaT and not bad (``check_year_range`` reports it)."""
    far = out_of_range(text)
    iso = text.str.match(r"^\d{4}-\d{2}-\d{2}$") & ~far
    dates = pd.to_datetime(text.where(iso), format="%Y-%m-%d", errors="coerce")
    bad = (text != "") & dates.isna() & ~far
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
    problems.add_mask(bad, text, column, "'{value}' is not a number" + _NUMBER_FORM[decimal])
    problems.add_mask(implausible_amounts(values), text, column, "{value} lies outside the plausible range ±10^15")
    return values, text


_NUMBER_FORM = {
    ",": " in the German form (decimal comma; dots only between groups of three digits: 1.234,5)",
    ".": " (decimal point; commas only between groups of three digits: 1,234.5)",
}


def known_customers(ids: pd.Series, known: set[str], problems: Problems) -> np.ndarray | None:
    """Every non-empty customer id must name a customer in the store. Returns each row's customer as a number
    (its place among the known ids, sorted) when every id is known, else None: the numbers group the rows by
    customer without hashing the text again (``duplicated_months``)."""
    # Arrow's hash lookup: pandas' isin took seconds on 6 M cells.
    places = pac.index_in(_arrow(ids), value_set=pa.array(sorted(known), type=pa.large_string()))
    unknown = (ids != "").to_numpy() & pac.is_null(places).to_numpy(zero_copy_only=False)
    problems.add_mask(unknown, ids, "customer_id", "'{value}' is not a known customer")
    if places.null_count:
        return None
    return places.to_numpy(zero_copy_only=False).astype(np.int64)


def duplicated_months(customers: np.ndarray, months: pd.Series) -> np.ndarray:
    """Every row whose customer (numbered, as ``known_customers`` returns them) and month (first days,
    datetime64; NaT where unreadable, never a duplicate) appear more than once, all of them. One integer key
    per row: grouping the text and the dates as a frame took seconds on 6 M rows."""
    numbers = months.to_numpy(dtype="datetime64[M]").astype(np.int64)
    valid = months.notna().to_numpy()
    first = int(numbers[valid].min()) if valid.any() else 0
    span = int(numbers[valid].max()) - first + 2 if valid.any() else 1
    # The last place of each customer's span holds its unreadable months, apart from every real month.
    key = customers * span + np.where(valid, numbers - first, span - 1)
    if len(key) and int(key.max()) < 4 * len(key):  # keys dense enough to count in an array: no hashing
        return (np.bincount(key)[key] > 1) & valid
    return pd.Series(key).duplicated(keep=False).to_numpy() & valid
