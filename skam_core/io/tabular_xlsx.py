"""The first sheet of an XLSX workbook as raw cells, indexed by Excel row number, read as a stream.

The header is checked (``tabular.check_header``) before a single data row is read, so a workbook that
expands to millions of rows is refused in a moment when its header is wrong. The sheet's stated size
(``<dimension>``) is ignored: it may be missing or wrong, and a row wider than the header is refused instead
of shifting columns. Rows beyond Excel's own limit are refused; empty rows are skipped without being kept.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime

import pandas as pd

from skam_core.io.tabular import MAX_CELL_CHARS, MAX_PROBLEMS, ROW_INDEX, FileProblem, check_header

EXCEL_MAX_ROWS = 1_048_576
EXCEL_MAX_COLUMNS = 16_384


def _cell(v: object) -> object:
    if v is None:
        return ""
    if isinstance(v, datetime):
        return v.date().isoformat() if v.time() == datetime.min.time() else v.isoformat()
    if isinstance(v, date):
        return v.isoformat()
    return v


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index + 1))


_SIZE_SCAN = threading.Lock()


@contextmanager
def _without_size_scan() -> Iterator[None]:
    """openpyxl looks for a sheet's <dimension> when it opens a workbook; when there is none it parses the
    whole sheet to find that out (40 s for a million rows) before a row can be read. The size is not used
    here (rows are read as wide as their cells), so that look-up is switched off while the workbook opens."""
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    with _SIZE_SCAN:
        original = ReadOnlyWorksheet._get_size
        ReadOnlyWorksheet._get_size = lambda self: None
        try:
            yield
        finally:
            ReadOnlyWorksheet._get_size = original


def read_xlsx(raw: bytes, required: Sequence[str] = ()) -> pd.DataFrame:
    from openpyxl import load_workbook  # imported here: only XLSX imports need it

    try:
        with _without_size_scan():
            wb = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a broken file
        raise FileProblem(f"the workbook cannot be opened: {exc}") from exc
    try:
        ws = wb.worksheets[0]
        ws.reset_dimensions()  # rows as wide as their cells, whatever <dimension> says
        rows = ws.iter_rows(min_row=1, values_only=True)
        header = list(next(rows, None) or ())
        while header and header[-1] is None:
            header.pop()
        if not header:
            raise FileProblem("the first sheet is empty: a header row is needed")
        if len(header) > EXCEL_MAX_COLUMNS:
            raise FileProblem(f"the header has more than {EXCEL_MAX_COLUMNS} columns")
        names = check_header(header, required)
        return _body(rows, names)
    except FileProblem:
        raise
    except Exception as exc:  # a damaged sheet (bad XML, a bad cell) shows up only while streaming
        raise FileProblem(f"the workbook cannot be read: {exc}") from exc
    finally:
        wb.close()


def _body(rows: Iterator[tuple[object, ...]], names: list[str]) -> pd.DataFrame:
    width = len(names)
    columns: list[list[object]] = [[] for _ in names]
    numbers: list[int] = []
    problems: list[tuple[int, str, str]] = []
    for excel_row, values in enumerate(rows, start=2):
        if excel_row > EXCEL_MAX_ROWS:
            raise FileProblem(f"the sheet has more rows than Excel allows ({EXCEL_MAX_ROWS})", row=excel_row)
        if not values or all(v is None or v == "" for v in values):
            continue
        extra = [i for i in range(width, len(values)) if values[i] is not None and values[i] != ""]
        if extra:
            problems.append(
                (
                    excel_row,
                    _letter(extra[0]),
                    f"the row has a value in column {_letter(extra[0])} but the header names only {width} columns",
                )
            )
        cells = [_cell(v) for v in values[:width]] + [""] * (width - len(values))
        for i, v in enumerate(cells):
            if isinstance(v, str) and len(v) > MAX_CELL_CHARS:
                problems.append((excel_row, names[i], f"the cell is longer than {MAX_CELL_CHARS} characters"))
        if len(problems) >= MAX_PROBLEMS:
            break
        for col, v in zip(columns, cells, strict=True):
            col.append(v)
        numbers.append(excel_row)
    if problems:
        (row, column, message), *more = problems
        raise FileProblem(message, row=row, column=column, more=more)
    df = pd.DataFrame(dict(zip(names, columns, strict=True)), dtype=object)
    df.index = pd.Index(numbers, name=ROW_INDEX, dtype="int64")
    return df
