"""The pre-aggregate behind the measured SKAM effect (migration 033): per month and per pair of months, the sums
a revenue-weighted customer + month fixed-effects fit needs (analytics.profit_fe explains them). Built from the
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


def _sums(cur: duckdb.DuckDBPyConnection, vis: str, params: list[Any], end: date) -> EffectSums:
    first = cur.execute(
        f"SELECT min(month) FROM financials WHERE {vis} AND revenue > 0 AND month <= ?", [*params, end]
    ).fetchall()[0][0]
    if first is None:
        z = np.zeros(0)
        return EffectSums(None, z, z, z, np.zeros((0, 0)))
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
    return EffectSums(
        first,
        np.bincount(m, weights=w, minlength=months),
        np.bincount(m, weights=p, minlength=months),
        np.bincount(m, weights=w * big_p[codes] / big_w[codes], minlength=months),
        u.T @ u,
    )


def rebuild(cur: duckdb.DuckDBPyConnection, end: date | None) -> None:
    """Recompute the tables of migration 033 from the current rows up to ``end`` (the window end)."""
    cur.execute("DELETE FROM agg_fe_months")
    cur.execute("DELETE FROM agg_fe_gram")
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
    gram = pd.DataFrame({"month_a": [months[i] for i in a], "month_b": [months[j] for j in b], "value": s.gram[a, b]})
    cur.register("fe_months_new", frame)
    cur.register("fe_gram_new", gram)
    cur.execute("INSERT INTO agg_fe_months SELECT month::DATE, revenue, operating_profit, adjusted FROM fe_months_new")
    cur.execute("INSERT INTO agg_fe_gram SELECT month_a::DATE, month_b::DATE, value FROM fe_gram_new")
    cur.unregister("fe_months_new")
    cur.unregister("fe_gram_new")


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
        return EffectSums(None, z, z, z, np.zeros((0, 0)))
    gram_rows = store.df(
        "SELECT datediff('month', (SELECT min(month) FROM agg_fe_months), month_a) AS a,"
        " datediff('month', (SELECT min(month) FROM agg_fe_months), month_b) AS b, value FROM agg_fe_gram"
    )
    t = len(months)
    gram = np.zeros((t, t))
    a, b = gram_rows["a"].to_numpy(dtype="int64"), gram_rows["b"].to_numpy(dtype="int64")
    gram[a, b] = gram[b, a] = gram_rows["value"].to_numpy(dtype="float64")
    return EffectSums(
        pd.Timestamp(months["month"].iloc[0]).date(),
        months["revenue"].to_numpy(dtype="float64"),
        months["operating_profit"].to_numpy(dtype="float64"),
        months["adjusted"].to_numpy(dtype="float64"),
        gram,
    )


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
