"""Milestones as of a date."""

from __future__ import annotations

from datetime import date

import pandas as pd

from skam_core.storage.db import Store
from skam_core.storage.versioned import as_of_instant, visible_clause


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


def milestone_versions(store: Store, customer_id: str, as_of: date | None = None) -> pd.DataFrame:
    """Every version of the account's milestones written up to ``as_of`` (oldest first): the raw material of the
    status log (who set which status, with which comment, when)."""
    instant = as_of_instant(as_of)
    sql = (
        "SELECT id, title, owner, due, status, completed_on, comment, is_deleted, valid_from, changed_by"
        " FROM milestones WHERE customer_id = ?"
    )
    params: list = [customer_id]
    if instant is not None:
        sql += " AND valid_from < ?"
        params.append(instant)
    return store.df(sql + " ORDER BY id, valid_from", params)
