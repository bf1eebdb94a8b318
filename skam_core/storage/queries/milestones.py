"""Milestones as of a date."""

from __future__ import annotations

from datetime import date

import pandas as pd

from skam_core.storage.db import Store
from skam_core.storage.versioned import account_rows, as_of_instant


def milestones(store: Store, as_of: date | None = None, customer_id: str | None = None) -> pd.DataFrame:
    """The milestones of one account (None: of every account), by due date."""
    return account_rows(store, "milestones", customer_id, as_of, ("due",))


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
