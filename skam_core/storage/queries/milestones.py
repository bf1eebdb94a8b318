"""Milestones as of a date."""

from __future__ import annotations

from datetime import date

import pandas as pd

from skam_core.storage.db import Store
from skam_core.storage.versioned import visible_clause


def milestones(store: Store, as_of: date | None = None, customer_id: str | None = None) -> pd.DataFrame:
    vis, params = visible_clause(as_of)
    sql = (
        f"SELECT id, customer_id, title, owner, start_date, due, status, completed_on, opportunity_id,"
        f" objective_id, comment, valid_from, changed_by FROM milestones WHERE {vis} AND NOT is_deleted"
    )
    if customer_id is not None:
        sql += " AND customer_id = ?"
        params.append(customer_id)
    return store.df(sql + " ORDER BY due", params)
