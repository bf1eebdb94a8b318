"""The pre-aggregate behind the measured SKAM effect (migrations 033, 036): per month and per pair of months, the
sums a revenue-weighted customer + month fixed-effects fit needs, and its scores' products for the month effects'
variance (analytics.profit_fe explains them). Built from the
current rows with the other financial aggregates; as-of reads of older knowledge compute the same sums from the
rows visible then (a scan). The sums over pairs of months are products of each customer's monthly revenue, done
with numpy over the rows DuckDB hands out (a self-join of 6 M rows in SQL takes far longer)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb
import numpy as np
import pandas as pd

from skam_core.domain.asof import AsOf
from skam_core.storage.db import Store
from skam_core.storage.versioned import visible_clause


@dataclass(frozen=True)
class EffectSums:
    first: date | None  # the first month (position 0)
    revenue: np.ndarray
    operating_profit: np.ndarray
    adjusted: np.ndarray
    gram: np.ndarray
    meat: np.ndarray


def _sums(cur: duckdb.DuckDBPyConnection, vis: str, params: list[Any], end: date) -> EffectSums:
    first = cur.execute(
        f"SELECT min(month) FROM financials WHERE {vis} AND revenue > 0 AND month <= ?", [*params, end]
    ).fetchall()[0][0]
    if first is None:
        z = np.zeros(0)
        return EffectSums(None, z, z, z, np.zeros((0, 0)), np.zeros((0, 0)))
    d = cur.execute(
        f"SELECT hash(customer_id) AS c, datediff('month', ?::DATE, month)::INTEGER AS m, revenue AS w,"
        f" operating_profit AS p FROM financials WHERE {vis} AND revenue > 0 AND month <= ?",
        [first, *params, end],
    ).fetchnumpy()
    m, w, p = (np.asarray(d[k]) for k in ("m", "w", "p"))
    months = int(m.max()) + 1
    _, codes = np.unique(np.asarray(d["c"]), return_inverse=True)
    n = int(codes.max()) + 1
    big_w = np.bincount(codes, weights=w, minlength=n)
    big_p = np.bincount(codes, weights=p, minlength=n)
    u = np.zeros((n, months))
    u[codes, m] = w / np.sqrt(big_w[codes])
    gram = u.T @ u
    revenue = np.bincount(m, weights=w, minlength=months)
    profit = np.bincount(m, weights=p, minlength=months)
    adjusted = np.bincount(m, weights=w * big_p[codes] / big_w[codes], minlength=months)
    # The all-customer month effects b (any solution of A b = r: the scores do not depend on its constant), then
    # each customer's scores g_t = p_t - w_t (a_i + b_t).
    has = revenue > 0
    b = np.zeros(months)
    b[has] = np.linalg.lstsq((np.diag(revenue) - gram)[np.ix_(has, has)], (profit - adjusted)[has], rcond=None)[0]
    level = (big_p - np.bincount(codes, weights=w * b[m], minlength=n)) / big_w
    u[:] = 0.0
    u[codes, m] = p - w * (level[codes] + b[m])
    return EffectSums(first, revenue, profit, adjusted, gram, u.T @ u)


def rebuild(cur: duckdb.DuckDBPyConnection, end: date | None) -> None:
    """Recompute the tables of migration 033 from the current rows up to ``end`` (the window end)."""
    cur.execute("DELETE FROM agg_fe_months")
    cur.execute("DELETE FROM agg_fe_gram")
    cur.execute("DELETE FROM agg_fe_meat")
    if end is None:
        return
    s = _sums(cur, "valid_to IS NULL", [], end)
    if s.first is None:
        return
    months = [pd.Timestamp(s.first) + pd.DateOffset(months=i) for i in range(len(s.revenue))]
    frame = pd.DataFrame(
        {"month": months, "revenue": s.revenue, "operating_profit": s.operating_profit, "adjusted": s.adjusted}
    )
    a, b = np.triu_indices(len(months))
    pairs = {"month_a": [months[i] for i in a], "month_b": [months[j] for j in b]}
    cur.register("fe_months_new", frame)
    cur.register("fe_gram_new", pd.DataFrame({**pairs, "value": s.gram[a, b]}))
    cur.register("fe_meat_new", pd.DataFrame({**pairs, "value": s.meat[a, b]}))
    cur.execute("INSERT INTO agg_fe_months SELECT month::DATE, revenue, operating_profit, adjusted FROM fe_months_new")
    cur.execute("INSERT INTO agg_fe_gram SELECT month_a::DATE, month_b::DATE, value FROM fe_gram_new")
    cur.execute("INSERT INTO agg_fe_meat SELECT month_a::DATE, month_b::DATE, value FROM fe_meat_new")
    for name in ("fe_months_new", "fe_gram_new", "fe_meat_new"):
        cur.unregister(name)


def effect_sums(store: Store, asof: AsOf, end: date, current: bool) -> EffectSums:
    """The sums for months up to ``end`` as known at ``asof``: from the aggregate when ``current`` (the view sees
    the current figures and its window ends where the aggregate's does), else from the rows."""
    if not current:
        vis, params = visible_clause(asof)
        with store.cursor() as cur:
            return _sums(cur, vis, params, end)
    months = store.df("SELECT * FROM agg_fe_months ORDER BY month")
    if months.empty:
        z = np.zeros(0)
        return EffectSums(None, z, z, z, np.zeros((0, 0)), np.zeros((0, 0)))
    t = len(months)
    return EffectSums(
        pd.Timestamp(months["month"].iloc[0]).date(),
        months["revenue"].to_numpy(dtype="float64"),
        months["operating_profit"].to_numpy(dtype="float64"),
        months["adjusted"].to_numpy(dtype="float64"),
        _symmetric(store, "agg_fe_gram", t),
        _symmetric(store, "agg_fe_meat", t),
    )


# The two pair tables (fixed names, never user input).
_PAIR_SQL = {
    table: f"SELECT datediff('month', (SELECT min(month) FROM agg_fe_months), month_a) AS a,"
    f" datediff('month', (SELECT min(month) FROM agg_fe_months), month_b) AS b, value FROM {table}"
    for table in ("agg_fe_gram", "agg_fe_meat")
}


def _symmetric(store: Store, table: str, t: int) -> np.ndarray:
    rows = store.df(_PAIR_SQL[table])
    out = np.zeros((t, t))
    a, b = rows["a"].to_numpy(dtype="int64"), rows["b"].to_numpy(dtype="int64")
    out[a, b] = out[b, a] = rows["value"].to_numpy(dtype="float64")
    return out


def similar_customers(
    store: Store, asof: AsOf, sums_sql: str, sums_params: list[Any], accounts: list[str], exclude: list[str], per: int
) -> pd.DataFrame:
    """For each account, the ``per`` other customers (not in ``exclude``) whose revenue over the window is nearest
    to the account's (in log terms): the placebo customers. Columns account, customer_id."""
    return store.df(
        f"WITH per_customer AS ({sums_sql}),"
        " acc AS (SELECT p.customer_id AS account, greatest(p.revenue, 1) AS rev FROM per_customer p"
        "   SEMI JOIN (SELECT unnest(?::VARCHAR[]) AS customer_id) a ON p.customer_id = a.customer_id),"
        " pool AS (SELECT customer_id, revenue FROM per_customer"
        "   ANTI JOIN (SELECT unnest(?::VARCHAR[]) AS customer_id) x USING (customer_id) WHERE revenue > 0)"
        " SELECT acc.account, pool.customer_id FROM acc CROSS JOIN pool"
        " QUALIFY row_number() OVER (PARTITION BY acc.account"
        "   ORDER BY abs(ln(pool.revenue) - ln(acc.rev)), pool.customer_id) <= ?"
        " ORDER BY acc.account, pool.customer_id",
        [*sums_params, accounts, exclude, per],
    )
