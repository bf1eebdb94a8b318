"""Step 1-3 reads: the customer's strategy, the fit matrix with our capabilities and capacity, new business and
the value proposition. The first two (priorities, fit_cells) feed the one fit-score computation."""

from __future__ import annotations

from datetime import date

import pandas as pd

from skam_core.domain.asof import AsOf
from skam_core.storage.db import Store
from skam_core.storage.versioned import account_rows, current_sql, visible_clause


def priorities(store: Store, asof: AsOf, customer_id: str | None = None) -> pd.DataFrame:
    vis, params = visible_clause(asof)
    sql = (
        f"SELECT id, customer_id, priority, weight, sort_order FROM strategic_priorities WHERE {vis} AND NOT is_deleted"
    )
    if customer_id is not None:
        sql += " AND customer_id = ?"
        params.append(customer_id)
    return store.df(sql + " ORDER BY customer_id, sort_order", params)


def fit_cells(store: Store, asof: AsOf, customer_id: str | None = None) -> pd.DataFrame:
    vis, params = visible_clause(asof)
    sql = f"SELECT customer_id, priority_id, capability_id, score, note FROM fit_scores WHERE {vis} AND NOT is_deleted"
    if customer_id is not None:
        sql += " AND customer_id = ?"
        params.append(customer_id)
    return store.df(sql, params)


# -- steps 1-3 for the strategy, fit and value pages ---------------------------------------------------------
# Item reads carry valid_from and changed_by: forms need the version they edit (concurrent-edit check), and the
# tables show who changed an item last and when.


def forces(store: Store, customer_id: str, asof: AsOf) -> pd.DataFrame:
    """Porter's five forces as scored for one customer (one row per force that has a score)."""
    return account_rows(store, "competitive_forces", customer_id, asof)


def markets(store: Store, customer_id: str, asof: AsOf) -> pd.DataFrame:
    """The customer's own key customers and markets."""
    return account_rows(store, "customer_markets", customer_id, asof, ("share_pct DESC NULLS LAST", "name"))


def components(store: Store, customer_id: str, asof: AsOf) -> pd.DataFrame:
    """What sets the customer apart from its competitors."""
    return account_rows(store, "strategy_components", customer_id, asof, ("component",))


def account_priorities(store: Store, customer_id: str, asof: AsOf) -> pd.DataFrame:
    """One customer's weighted priorities, with version columns, in their order."""
    return account_rows(store, "strategic_priorities", customer_id, asof, ("sort_order", "priority"))


def account_fit_cells(store: Store, customer_id: str, asof: AsOf) -> pd.DataFrame:
    """One customer's fit-matrix cells, with version columns."""
    return account_rows(store, "fit_scores", customer_id, asof)


def capabilities(store: Store, asof: AsOf) -> pd.DataFrame:
    """Our strategic capabilities (the columns of every fit matrix), in their order."""
    return account_rows(store, "capabilities", None, asof, ("sort_order", "name"))


def delivery_capacity(store: Store, asof: AsOf) -> pd.DataFrame:
    """Person-days per quarter we can give to key-account projects."""
    return account_rows(store, "delivery_capacity", None, asof, ("quarter",))


def opportunities(store: Store, asof: AsOf, customer_id: str | None = None) -> pd.DataFrame:
    """New business: of one customer, or of every customer (for the delivery-capacity check)."""
    return account_rows(store, "opportunities", customer_id, asof, ("start_month NULLS LAST", "title NULLS LAST"))


def value_items(store: Store, asof: AsOf, customer_id: str | None = None) -> pd.DataFrame:
    """Components of the value proposition: of one customer, or of all (their status matters for capacity)."""
    return account_rows(store, "value_items", customer_id, asof, ("sequence_no NULLS LAST", "title NULLS LAST"))


def opportunity_efforts(store: Store, asof: AsOf) -> pd.DataFrame:
    """Every customer's opportunities with only what the effort behind P(pays) needs (id, customer_id,
    effort_cost_eur), in the order of :func:`opportunities` (the per-customer sums add them in that order)."""
    sql, params = current_sql(
        "opportunities",
        asof=asof,
        order_by=("start_month NULLS LAST", "title NULLS LAST"),
        columns=("id", "customer_id", "effort_cost_eur"),
    )
    return store.df(sql, params)


def value_item_statuses(store: Store, asof: AsOf) -> pd.DataFrame:
    """Every value item's opportunity and status (whether an opportunity was declined in full)."""
    sql, params = current_sql("value_items", asof=asof, columns=("opportunity_id", "status"))
    return store.df(sql, params)


def value_feedback(store: Store, customer_id: str, asof: AsOf) -> pd.DataFrame:
    """Customer feedback that concerns a component of the value proposition, newest first."""
    vis, params = visible_clause(asof)
    return store.df(
        f"SELECT id, value_item_id, received_on, from_name, text, sentiment FROM customer_feedback"
        f" WHERE {vis} AND NOT is_deleted AND customer_id = ? AND value_item_id IS NOT NULL"
        f" ORDER BY received_on DESC, id",
        [*params, customer_id],
    )


def analysis_overview(store: Store, asof: AsOf) -> pd.DataFrame:
    """Per key account or analysed customer: how far steps 1-3 have come (counts of items per table)."""
    vis, params = visible_clause(asof, "c")
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
        svis, sparams = visible_clause(asof, "x")
        parts.append(
            f"(SELECT count(*) FROM {name} x WHERE x.customer_id = c.customer_id AND {svis} AND NOT x.is_deleted)"
            f" AS n_{name}"
        )
        sub_params += sparams
    pvis, pparams = visible_clause(asof, "p")
    sql = (
        f"SELECT c.customer_id, c.name, c.skam_stage, c.account_manager, {', '.join(parts)} FROM customers c"
        f" WHERE {vis} AND NOT c.is_deleted AND (c.skam_stage <> 'none' OR EXISTS (SELECT 1 FROM strategic_priorities p"
        f"   WHERE p.customer_id = c.customer_id AND {pvis} AND NOT p.is_deleted))"
        f" ORDER BY c.skam_stage = 'none', c.name"
    )
    return store.df(sql, [*sub_params, *params, *pparams])


def analysed_sizes(store: Store, start: date, end: date, asof: AsOf) -> pd.DataFrame:
    """Customers with weighted priorities (their fit can be judged): name, stage and revenue over start..end.

    The financials are filtered by customer with IN (subquery), which DuckDB turns into a semi join that reads
    only the analysed customers' rows of the window."""
    cvis, cparams = visible_clause(asof, "c")
    pvis, pparams = visible_clause(asof, "p")
    fvis, fparams = visible_clause(asof, "f")
    analysed = f"SELECT DISTINCT p.customer_id FROM strategic_priorities p WHERE {pvis} AND NOT p.is_deleted"
    sql = (
        f"SELECT c.customer_id, c.name, c.skam_stage, coalesce(s.revenue, 0) AS revenue FROM customers c"
        f" LEFT JOIN (SELECT f.customer_id, sum(f.revenue) AS revenue FROM financials f"
        f"   WHERE {fvis} AND f.month BETWEEN ? AND ? AND f.customer_id IN ({analysed}) GROUP BY f.customer_id) s"
        f"   ON s.customer_id = c.customer_id"
        f" WHERE {cvis} AND NOT c.is_deleted AND c.customer_id IN ({analysed}) ORDER BY c.name"
    )
    return store.df(sql, [*fparams, start, end, *pparams, *cparams, *pparams])
