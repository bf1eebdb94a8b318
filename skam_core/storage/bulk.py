"""Bulk moves between the store and numpy/pandas: generated data in (the demo company, the benchmark store),
millions of rows out (the effect aggregates). DuckDB scans frames and hands out arrays in place; PostgreSQL
takes frames through COPY and gives arrays in binary chunks (storage.pg_cursor)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from skam_core.storage import dialect, identifiers
from skam_core.storage.cursor import Cursor


def insert_frame(cur: Cursor, table: str, frame: pd.DataFrame, *, casts: Mapping[str, str] | None = None) -> int:
    """Append the rows of ``frame`` to ``table`` (its columns are table columns; ``table`` and the column names
    come from the code, never from input). ``casts``: column -> SQL type for DuckDB to convert on the way in
    (PostgreSQL's COPY parses every value as the column's type anyway)."""
    if frame.empty:
        return 0
    table, columns = identifiers.name(table), identifiers.names(frame.columns)
    if dialect.of(cur).is_postgres:
        cur.copy_into(table, frame)  # type: ignore[attr-defined]
        return len(frame)
    casts = {c: identifiers.sql_type(t) for c, t in (casts or {}).items()}
    select = ", ".join(f"CAST({c} AS {casts[c]})" if c in casts else c for c in columns)
    cur.register("_insert_frame", frame)
    try:
        cur.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT {select} FROM _insert_frame")
    finally:
        cur.unregister("_insert_frame")
    return len(frame)


def register_frame(cur: Cursor, name: str, frame: pd.DataFrame) -> None:
    """Make ``frame`` readable as table ``name`` on this cursor until ``cur.unregister(name)``. DuckDB is handed
    the frame's Arrow table (made without copying the numbers): it scans that faster than the pandas frame,
    whose Arrow-backed text columns it reads row group by row group through pandas (about a second more CPU
    per 6 M rows); PostgreSQL copies the frame into a temporary table."""
    if dialect.of(cur).is_postgres:
        cur.register(name, frame)
    else:
        import pyarrow as pa

        cur.register(name, pa.Table.from_pandas(frame, preserve_index=False))


def insert_financials(cur: Cursor, rows: pd.DataFrame, *, changed_by: str) -> int:
    """Insert first versions of monthly financials; ``rows`` carries valid_from (when the month was booked)."""
    frame = rows[["customer_id", "month", "revenue", "operating_profit", "valid_from"]].assign(
        valid_to=pd.Series(pd.NaT, index=rows.index, dtype="datetime64[us]"), changed_by=changed_by
    )
    return insert_frame(cur, "financials", frame, casts={"month": "DATE"})


def read_numpy(cur: Cursor, sql: str, params: Sequence[Any]) -> dict[str, np.ndarray]:
    """A large numeric result as one array per column (on PostgreSQL in binary chunks: storage.pg_cursor)."""
    if dialect.of(cur).is_postgres:
        return cur.fetch_arrays(sql, params)  # type: ignore[attr-defined]
    return {k: np.asarray(v) for k, v in cur.execute(sql, params).fetchnumpy().items()}
