"""Step 1-2 reads: priorities and fit-matrix cells, for the fit score."""

from __future__ import annotations

from datetime import date

import pandas as pd

from skam_core.storage.db import Store
from skam_core.storage.versioned import visible_clause


def priorities(store: Store, as_of: date | None = None, customer_id: str | None = None) -> pd.DataFrame:
    vis, params = visible_clause(as_of)
    sql = (
        f"SELECT id, customer_id, priority, weight, sort_order FROM strategic_priorities WHERE {vis} AND NOT is_deleted"
    )
    if customer_id is not None:
        sql += " AND customer_id = ?"
        params.append(customer_id)
    return store.df(sql + " ORDER BY customer_id, sort_order", params)


def fit_cells(store: Store, as_of: date | None = None, customer_id: str | None = None) -> pd.DataFrame:
    vis, params = visible_clause(as_of)
    sql = f"SELECT customer_id, priority_id, capability_id, score, note FROM fit_scores WHERE {vis} AND NOT is_deleted"
    if customer_id is not None:
        sql += " AND customer_id = ?"
        params.append(customer_id)
    return store.df(sql, params)
