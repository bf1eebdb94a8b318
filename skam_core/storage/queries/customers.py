"""Customers and key accounts as of a date."""

from __future__ import annotations

import pandas as pd

from skam_core.domain.asof import AsOf
from skam_core.storage.db import Store
from skam_core.storage.versioned import current_sql, table, visible_clause

COLUMNS = ", ".join(table("customers").all_columns)


def customer(store: Store, customer_id: str, asof: AsOf) -> dict | None:
    sql, params = current_sql("customers", asof=asof, where={"customer_id": customer_id})
    return store.query(sql, params).first()


def key_accounts(store: Store, asof: AsOf) -> pd.DataFrame:
    """Customers in the programme (stage other than 'none'), ordered by name."""
    vis, params = visible_clause(asof)
    return store.df(
        f"SELECT {COLUMNS} FROM customers WHERE {vis} AND NOT is_deleted AND skam_stage <> 'none' ORDER BY name",
        params,
    )


def account_choices(store: Store, asof: AsOf) -> pd.DataFrame:
    """What the account picker offers: key accounts, plus customers that have a strategy analysis."""
    vis, params = visible_clause(asof, "c")
    fvis, fparams = visible_clause(asof, "f")
    return store.df(
        f"SELECT c.customer_id, c.name, c.skam_stage FROM customers c WHERE {vis} AND NOT c.is_deleted"
        f" AND (c.skam_stage <> 'none' OR EXISTS (SELECT 1 FROM fit_scores f WHERE f.customer_id = c.customer_id"
        f"   AND {fvis} AND NOT f.is_deleted))"
        f" ORDER BY c.skam_stage = 'none', c.name",
        [*params, *fparams],
    )


def customer_count(store: Store, asof: AsOf) -> int:
    vis, params = visible_clause(asof)
    return int(store.query(f"SELECT count(*) FROM customers WHERE {vis} AND NOT is_deleted", params).single_value())


def key_account_ids(store: Store, asof: AsOf) -> list[str]:
    vis, params = visible_clause(asof)
    rows = store.query(
        f"SELECT customer_id FROM customers WHERE {vis} AND NOT is_deleted AND skam_stage <> 'none'"
        f" ORDER BY customer_id",
        params,
    ).rows
    return [r[0] for r in rows]


def first_account_in_stage(store: Store, stage: str, asof: AsOf) -> str | None:
    vis, params = visible_clause(asof)
    return store.query(
        f"SELECT min(customer_id) FROM customers WHERE {vis} AND NOT is_deleted AND skam_stage = ?", [*params, stage]
    ).single_value()
