"""Vectorised parsing of import columns, collecting a problem per bad cell.

Imports reach 6 million rows, so every check works on whole columns; a problem names its row (as Excel counts:
the header is row 1, the first data row row 2), its column and what is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd


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


def parse_numbers(text: pd.Series, decimal: str) -> tuple[pd.Series, pd.Series]:
    """(values, bad) for number cells; empty cells are NaN and not bad. With a decimal comma, dots are
    thousands separators ('1.234,5')."""
    s = text
    if decimal == ",":
        s = s.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
    s = s.str.replace(" ", "", regex=False).str.replace("\u00a0", "", regex=False)
    values = pd.to_numeric(s.where(s != "", None), errors="coerce").astype("float64")
    bad = (text != "") & (values.isna() | ~np.isfinite(values.fillna(0.0)))
    return values, bad


_MONTH = r"^(\d{4})-(\d{2})(?:-(\d{2}))?$"


def parse_months(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    """(first day of month as datetime64, bad) for 'YYYY-MM' or an ISO date in that month."""
    parts = text.str.extract(_MONTH)
    year = pd.to_numeric(parts[0], errors="coerce")
    month = pd.to_numeric(parts[1], errors="coerce")
    day = pd.to_numeric(parts[2], errors="coerce")
    ok = year.notna() & month.between(1, 12)
    full = day.notna()
    if full.any():
        iso = pd.to_datetime(text.where(full & ok), format="%Y-%m-%d", errors="coerce")
        ok &= ~full | iso.notna()
    frame = pd.DataFrame({"year": year.where(ok, 2000), "month": month.where(ok, 1), "day": 1})
    months = pd.to_datetime(frame, errors="coerce").where(ok)
    bad = (text != "") & ~ok
    return months, bad


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
