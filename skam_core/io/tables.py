"""Table downloads (CSV and XLSX) that are safe to open in Excel.

A cell starting with ``= + - @``, a tab or a carriage return would be read by Excel as a formula (CSV/formula
injection); such text cells get a leading apostrophe. Numbers stay numbers — a negative profit is a value,
not a formula. Streamlit's built-in table download does not do this, so pages offer these instead.
"""

from __future__ import annotations

import io
import math
from datetime import date, datetime

import pandas as pd

DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """The cell as it may safely go into a spreadsheet."""
    # Spreadsheets skip leading blanks before they look for a formula (" =1+1" runs in LibreOffice).
    if isinstance(value, str) and value.lstrip(" \u00a0\n").startswith(DANGEROUS_START):
        return "'" + value
    return value


def neutralise_frame(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out.columns = [str(neutralise(str(c))) for c in out.columns]
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(neutralise)
    return out


def csv_bytes(df: pd.DataFrame, lang: str) -> bytes:
    """German users get what German Excel opens directly (semicolon, decimal comma, UTF-8 with BOM);
    English users the international dialect."""
    safe = neutralise_frame(df)
    if lang == "de":
        return safe.to_csv(index=False, sep=";", decimal=",", date_format="%Y-%m-%d").encode("utf-8-sig")
    return safe.to_csv(index=False, date_format="%Y-%m-%d").encode("utf-8-sig")


def _xlsx_cell(v: object) -> object:
    if v is None or (isinstance(v, float) and math.isnan(v)) or v is pd.NaT:
        return None
    if isinstance(v, pd.Timestamp):
        return v.to_pydatetime()
    if isinstance(v, (datetime, date, int, float, bool, str)):
        return v
    return str(v)


def xlsx_bytes(df: pd.DataFrame, sheet: str = "Daten") -> bytes:
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    safe = neutralise_frame(df)
    wb = Workbook()
    ws = wb.active
    ws.title = sheet[:31]
    ws.append([str(c) for c in safe.columns])
    for row in safe.itertuples(index=False):
        cells = [_xlsx_cell(v) for v in row]
        ws.append(cells)
    for i, col in enumerate(safe.columns, start=1):
        width = max([len(str(col))] + [len(str(v)) for v in safe[col].head(200)]) + 2
        ws.column_dimensions[get_column_letter(i)].width = min(60, width)
    # Strings are written as strings (data_type 's'), never as formulas, even if they start with '='.
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"
    ws.freeze_panes = "A2"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
