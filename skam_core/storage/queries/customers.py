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


# The customers visible at instant T (valid_from < T, valid_to NULL or >= T, not removed) are the current ones
# (valid_to NULL) made before T, and the closed ones made before T and closed at or after T: counted as the
# current ones, minus those made at or after T, plus those closed at or after T. Each term reads an index on
# PostgreSQL (migrations 042 and 044) and the last two only the versions changed since T.
_COUNT_AT = (
    "SELECT (SELECT count(*) FROM customers WHERE valid_to IS NULL AND NOT is_deleted)"
    " - (SELECT count(*) FROM customers WHERE valid_to IS NULL AND NOT is_deleted AND valid_from >= ?)"
    " + (SELECT count(*) FROM customers WHERE valid_to IS NOT NULL AND NOT is_deleted AND valid_to >= ?"
    "    AND valid_from < ?)"
)


def customer_count(store: Store, asof: AsOf) -> int:
    """The customers (not removed) visible at ``asof``."""
    instant = asof.instant
    if instant is None:
        return int(
            store.query("SELECT count(*) FROM customers WHERE valid_to IS NULL AND NOT is_deleted").single_value()
        )
    return int(store.query(_COUNT_AT, [instant, instant, instant]).single_value())


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
