"""Small read-only tables as one markdown block.

A table of a handful of rows that nobody sorts or scrolls (the steering pack's KPI lights, escalations,
decisions and action items; the fit page's problem quarters) costs the browser about 30 ms as an
``st.dataframe`` (a canvas grid measured and drawn on every full load) and as an ``st.table``, and about 8 ms
as a markdown table (docs/performance.md, "December 2026, last"). Cells are data, so every cell passes through
``md`` (a ``|`` or a link in a decision's text is shown as typed) and line breaks become spaces (a markdown row
is one line). Cells and column names are plain text (a frame keeps no ``Markdown`` mark: pandas stores text as
plain strings), so a message with parameters goes in as ``ctx.t_plain``, not as ``ctx.t`` whose parameters are
escaped already. Cells come formatted (``ctx.fmt``): a float here would show in Python's English format, so
only text is accepted.
"""

from __future__ import annotations

from collections.abc import Collection

import pandas as pd
import streamlit as st

from skam_core.ui.kit.text import md


def _cell(value: object, column: str, row: int) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if not isinstance(value, str):
        raise TypeError(f"table cell {column!r} row {row} is {type(value).__name__}: format it first (ctx.fmt)")
    return _one_line(value)


def _one_line(value: str) -> str:
    return md(" ".join(value.split()))


def markdown_table(frame: pd.DataFrame, *, right: Collection[str] = ()) -> str:
    """``frame`` (text cells) as a GitHub-flavoured markdown table; columns in ``right`` are right-aligned."""
    header = [_one_line(c if isinstance(c, str) else str(c)) for c in frame.columns]
    rule = ["---:" if c in right else "---" for c in frame.columns]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(rule) + " |"]
    for i, row in enumerate(frame.itertuples(index=False, name=None)):
        cells = [_cell(v, str(c), i) for v, c in zip(row, frame.columns, strict=True)]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def static_table(frame: pd.DataFrame, *, right: Collection[str] = ()) -> None:
    """Draw ``frame`` (a few rows of formatted text) as one markdown table."""
    st.markdown(markdown_table(frame, right=right))
