"""Bulk writes of generated data (the demo company and the benchmark store)."""

from __future__ import annotations

import duckdb
import pandas as pd


def insert_financials(cur: duckdb.DuckDBPyConnection, rows: pd.DataFrame, *, changed_by: str) -> int:
    """Insert first versions of monthly financials; ``rows`` carries valid_from (when the month was booked)."""
    cur.register("_bulk_fin", rows[["customer_id", "month", "revenue", "operating_profit", "valid_from"]])
    try:
        cur.execute(
            "INSERT INTO financials (customer_id, month, revenue, operating_profit, valid_from, valid_to, changed_by)"
            " SELECT customer_id, CAST(month AS DATE), revenue, operating_profit, valid_from, NULL, ?"
            " FROM _bulk_fin",
            [changed_by],
        )
    finally:
        cur.unregister("_bulk_fin")
    return len(rows)
