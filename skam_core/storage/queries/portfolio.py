"""The portfolio's reads at any size: group sums and the key-account rows computed in DuckDB, so that 100,000
customers never travel to Python (two small results instead of one 100,000-row frame)."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from skam_core.storage.db import Store
from skam_core.storage.versioned import visible_clause


def _joined(as_of: date | None, start: date, end: date, day: date, current_window: bool) -> tuple[str, list]:
    """Every customer with its window sums, SKAM flag and size rank (a CTE named j)."""
    cvis, cparams = visible_clause(as_of, "c")
    if current_window:  # the pre-aggregated window of the current figures (see storage.queries.profit)
        sums, sparams = "SELECT customer_id, revenue, operating_profit FROM agg_customer_window", []
    else:
        fvis, fparams = visible_clause(as_of, "f")
        sums = (
            f"SELECT customer_id, sum(revenue) AS revenue, sum(operating_profit) AS operating_profit"
            f" FROM financials f WHERE {fvis} AND month BETWEEN ? AND ? GROUP BY customer_id"
        )
        sparams = [*fparams, start, end]
    sql = (
        f"WITH c AS (SELECT customer_id, skam_stage, skam_start FROM customers c"
        f"   WHERE {cvis} AND NOT c.is_deleted),"
        f" s AS ({sums}),"
        f" j AS (SELECT c.*, coalesce(s.revenue, 0) AS revenue, coalesce(s.operating_profit, 0) AS operating_profit,"
        f"   s.customer_id IS NOT NULL AS has_figures,"
        f"   (c.skam_start IS NOT NULL AND c.skam_start <= ?) AS is_skam"
        f"   FROM c LEFT JOIN s USING (customer_id))"
    )
    return sql, [*cparams, *sparams, day]


def portfolio_frames(
    store: Store, as_of: date | None, start: date, end: date, day: date, current_window: bool
) -> tuple[pd.DataFrame, pd.DataFrame, np.ndarray]:
    """In one pass over the figures: group sums per (is_skam, stage); the rows of key accounts and of customers
    with a fit analysis (with their size rank); and every customer's window revenue, sorted descending.

    The joined customers live in a temporary table of this cursor, so the figures are scanned once."""
    sql, params = _joined(as_of, start, end, day, current_window)
    fvis, fparams = visible_clause(as_of, "fs")
    with store.cursor() as cur:
        cur.execute("CREATE OR REPLACE TEMP TABLE portfolio_j AS " + sql + " SELECT * FROM j", params)
        try:
            groups = cur.execute(
                "SELECT is_skam, skam_stage, count(*) AS customers, sum(revenue) AS revenue,"
                " sum(operating_profit) AS operating_profit FROM portfolio_j GROUP BY ALL"
            ).df()
            # Names only for the few rows shown (materialising 100,000 names costs more than the sums).
            nvis, nparams = visible_clause(as_of, "n")
            rows = cur.execute(
                f"SELECT k.customer_id, n.name, k.skam_stage, k.skam_start, n.account_manager, k.revenue,"
                f" k.operating_profit, k.has_figures, k.is_skam FROM portfolio_j k"
                f" JOIN customers n ON n.customer_id = k.customer_id AND {nvis} AND NOT n.is_deleted"
                f" WHERE k.skam_stage <> 'none' OR k.customer_id IN (SELECT customer_id FROM fit_scores fs"
                f"   WHERE {fvis} AND NOT fs.is_deleted)",
                [*nparams, *fparams],
            ).df()
            revenues = cur.execute(
                "SELECT revenue FROM portfolio_j WHERE revenue > 0 ORDER BY revenue DESC"
            ).fetchnumpy()["revenue"]
        finally:
            cur.execute("DROP TABLE IF EXISTS portfolio_j")
    # Size rank: 1 + how many customers had more revenue (ties share a rank).
    ascending = np.asarray(revenues, dtype="float64")[::-1]
    larger = len(ascending) - np.searchsorted(ascending, rows["revenue"].to_numpy(dtype="float64"), side="right")
    rows["size_rank"] = (larger + 1).astype("int64")
    return groups, rows, ascending[::-1]
