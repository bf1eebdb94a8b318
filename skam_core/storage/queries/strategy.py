"""Step 1-3 reads: the customer's strategy, the fit matrix with our capabilities and capacity, new business and
the value proposition. The first two (priorities, fit_cells) feed the one fit-score computation."""

from __future__ import annotations

from datetime import date

import pandas as pd

from skam_core.storage.db import Store
from skam_core.storage.versioned import read_current, visible_clause


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


# -- steps 1-3 for the strategy, fit and value pages ---------------------------------------------------------
# Item reads carry valid_from and changed_by: forms need the version they edit (concurrent-edit check), and the
# tables show who changed an item last and when.


def _items(store: Store, table_name: str, as_of: date | None, where: dict | None = None) -> pd.DataFrame:
    with store.cursor() as cur:
        return read_current(cur, table_name, as_of=as_of, where=where, include_version=True)


def forces(store: Store, customer_id: str, as_of: date | None = None) -> pd.DataFrame:
    """Porter's five forces as scored for one customer (one row per force that has a score)."""
    return _items(store, "competitive_forces", as_of, {"customer_id": customer_id})


def markets(store: Store, customer_id: str, as_of: date | None = None) -> pd.DataFrame:
    """The customer's own key customers and markets."""
    df = _items(store, "customer_markets", as_of, {"customer_id": customer_id})
    return df.sort_values(["share_pct", "name"], ascending=[False, True], na_position="last").reset_index(drop=True)


def components(store: Store, customer_id: str, as_of: date | None = None) -> pd.DataFrame:
    """What sets the customer apart from its competitors."""
    return _items(store, "strategy_components", as_of, {"customer_id": customer_id}).sort_values("component")


def account_priorities(store: Store, customer_id: str, as_of: date | None = None) -> pd.DataFrame:
    """One customer's weighted priorities, with version columns, in their order."""
    df = _items(store, "strategic_priorities", as_of, {"customer_id": customer_id})
    return df.sort_values(["sort_order", "priority"]).reset_index(drop=True)


def account_fit_cells(store: Store, customer_id: str, as_of: date | None = None) -> pd.DataFrame:
    """One customer's fit-matrix cells, with version columns."""
    return _items(store, "fit_scores", as_of, {"customer_id": customer_id})


def capabilities(store: Store, as_of: date | None = None) -> pd.DataFrame:
    """Our strategic capabilities (the columns of every fit matrix), in their order."""
    df = _items(store, "capabilities", as_of)
    return df.sort_values(["sort_order", "name"]).reset_index(drop=True)


def delivery_capacity(store: Store, as_of: date | None = None) -> pd.DataFrame:
    """Person-days per quarter we can give to key-account projects."""
    return _items(store, "delivery_capacity", as_of).sort_values("quarter").reset_index(drop=True)


def opportunities(store: Store, as_of: date | None = None, customer_id: str | None = None) -> pd.DataFrame:
    """New business: of one customer, or of every customer (for the delivery-capacity check)."""
    where = {"customer_id": customer_id} if customer_id is not None else None
    df = _items(store, "opportunities", as_of, where)
    return df.sort_values(["start_month", "title"], na_position="last").reset_index(drop=True)


def value_items(store: Store, as_of: date | None = None, customer_id: str | None = None) -> pd.DataFrame:
    """Components of the value proposition: of one customer, or of all (their status matters for capacity)."""
    where = {"customer_id": customer_id} if customer_id is not None else None
    df = _items(store, "value_items", as_of, where)
    return df.sort_values(["sequence_no", "title"], na_position="last").reset_index(drop=True)


def value_feedback(store: Store, customer_id: str, as_of: date | None = None) -> pd.DataFrame:
    """Customer feedback that concerns a component of the value proposition, newest first."""
    vis, params = visible_clause(as_of)
    return store.df(
        f"SELECT id, value_item_id, received_on, from_name, text, sentiment FROM customer_feedback"
        f" WHERE {vis} AND NOT is_deleted AND customer_id = ? AND value_item_id IS NOT NULL"
        f" ORDER BY received_on DESC, id",
        [*params, customer_id],
    )


def analysis_overview(store: Store, as_of: date | None = None) -> pd.DataFrame:
    """Per key account or analysed customer: how far steps 1-3 have come (counts of items per table)."""
    vis, params = visible_clause(as_of, "c")
    counted = (
        "competitive_forces",
        "customer_markets",
        "strategy_components",
        "strategic_priorities",
        "fit_scores",
        "opportunities",
        "value_items",
    )
    parts, sub_params = [], []
    for name in counted:
        svis, sparams = visible_clause(as_of, "x")
        parts.append(
            f"(SELECT count(*) FROM {name} x WHERE x.customer_id = c.customer_id AND {svis} AND NOT x.is_deleted)"
            f" AS n_{name}"
        )
        sub_params += sparams
    pvis, pparams = visible_clause(as_of, "p")
    sql = (
        f"SELECT c.customer_id, c.name, c.skam_stage, c.account_manager, {', '.join(parts)} FROM customers c"
        f" WHERE {vis} AND NOT c.is_deleted AND (c.skam_stage <> 'none' OR EXISTS (SELECT 1 FROM strategic_priorities p"
        f"   WHERE p.customer_id = c.customer_id AND {pvis} AND NOT p.is_deleted))"
        f" ORDER BY c.skam_stage = 'none', c.name"
    )
    return store.df(sql, [*sub_params, *params, *pparams])


def analysed_sizes(store: Store, start: date, end: date, as_of: date | None = None) -> pd.DataFrame:
    """Customers with weighted priorities (their fit can be judged): name, stage and revenue over start..end.

    The financials are filtered by customer with IN (subquery), which DuckDB turns into a semi join that reads
    only the analysed customers' rows of the window."""
    cvis, cparams = visible_clause(as_of, "c")
    pvis, pparams = visible_clause(as_of, "p")
    fvis, fparams = visible_clause(as_of, "f")
    analysed = f"SELECT DISTINCT p.customer_id FROM strategic_priorities p WHERE {pvis} AND NOT p.is_deleted"
    sql = (
        f"SELECT c.customer_id, c.name, c.skam_stage, coalesce(s.revenue, 0) AS revenue FROM customers c"
        f" LEFT JOIN (SELECT f.customer_id, sum(f.revenue) AS revenue FROM financials f"
        f"   WHERE {fvis} AND f.month BETWEEN ? AND ? AND f.customer_id IN ({analysed}) GROUP BY f.customer_id) s"
        f"   ON s.customer_id = c.customer_id"
        f" WHERE {cvis} AND NOT c.is_deleted AND c.customer_id IN ({analysed}) ORDER BY c.name"
    )
    return store.df(sql, [*fparams, start, end, *pparams, *cparams, *pparams])
