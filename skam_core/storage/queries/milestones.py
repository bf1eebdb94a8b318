"""Milestones as of a date."""

from __future__ import annotations

import pandas as pd

from skam_core.domain.asof import AsOf
from skam_core.storage.db import Store
from skam_core.storage.versioned import account_rows


def milestones(store: Store, asof: AsOf, customer_id: str | None = None) -> pd.DataFrame:
    """The milestones of one account (None: of every account), by due date."""
    return account_rows(store, "milestones", customer_id, asof, ("due",))


def milestone_versions(store: Store, customer_id: str, asof: AsOf) -> pd.DataFrame:
    """Every version of the account's milestones written up to ``asof`` (oldest first): the raw material of the
    status log (who set which status, with which comment, when)."""
    instant = asof.instant
    sql = (
        "SELECT id, title, owner, due, status, completed_on, comment, is_deleted, valid_from, changed_by"
        " FROM milestones WHERE customer_id = ?"
    )
    params: list = [customer_id]
    if instant is not None:
        sql += " AND valid_from < ?"
        params.append(instant)
    return store.df(sql + " ORDER BY id, valid_from", params)
