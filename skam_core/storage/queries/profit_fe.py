"""The pre-aggregate behind the measured SKAM effect (migrations 033, 036): per month and per pair of months, the
sums a revenue-weighted customer + month fixed-effects fit needs, and its scores' products for the month effects'
variance (analytics.profit_fe explains them). Built from the current rows with the other financial aggregates;
views of older knowledge read the same sums from an as-of entry (storage.queries.profit_asof), which
:func:`sums_of_rows` computes from the rows visible then. The sums over pairs of months are products of each
customer's monthly revenue, done with numpy over the rows the store hands out (a self-join of 6 M rows in SQL
takes far longer)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from skam_core.domain.asof import AsOf
from skam_core.storage import dialect
from skam_core.storage.bulk import insert_frame, read_numpy
from skam_core.storage.cursor import Cursor
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


# A month as a number (year * 12 + month), in SQL both engines read.
_MONTH_NUMBER = "CAST(extract(year FROM month) * 12 + extract(month FROM month) AS INTEGER)"


def month_number(day: date | pd.Timestamp) -> int:
    """A month as a number: year * 12 + month."""
    return day.year * 12 + day.month


def month_of_number(number: int) -> date:
    """The first day of the month with this number (inverse of year * 12 + month)."""
    return date((number - 1) // 12, (number - 1) % 12 + 1, 1)


def empty_sums() -> EffectSums:
    z = np.zeros(0)
    return EffectSums(None, z, z, z, np.zeros((0, 0)), np.zeros((0, 0)))


def sums_of_rows(codes: np.ndarray, month: np.ndarray, w: np.ndarray, p: np.ndarray) -> EffectSums:
    """The sums over rows with revenue > 0, given as arrays: a customer code per row (0 <= code < n; codes of
    customers without rows may be skipped), the month number (year * 12 + month), revenue and operating profit."""
    if len(month) == 0:
        return empty_sums()
    first = int(month.min())
    months = int(month.max()) - first + 1
    n = int(codes.max()) + 1
    # Indexes as numpy's own index type: bincount and fancy indexing convert any other to it on every call.
    codes = codes.astype(np.intp, copy=False)
    m = month.astype(np.intp) - first
    big_w = np.bincount(codes, weights=w, minlength=n)
    big_p = np.bincount(codes, weights=p, minlength=n)
    row_w = big_w[codes]
    cell = codes * months + m  # each row's place in the customers x months matrix, flat: one index for both
    u = np.zeros((n, months))
    u.ravel()[cell] = w / np.sqrt(row_w)
    gram = u.T @ u
    revenue = np.bincount(m, weights=w, minlength=months)
    profit = np.bincount(m, weights=p, minlength=months)
    adjusted = np.bincount(m, weights=w * big_p[codes] / row_w, minlength=months)
    # The all-customer month effects b (any solution of A b = r: the scores do not depend on its constant), then
    # each customer's scores g_t = p_t - w_t (a_i + b_t).
    has = revenue > 0
    b = np.zeros(months)
    b[has] = np.linalg.lstsq((np.diag(revenue) - gram)[np.ix_(has, has)], (profit - adjusted)[has], rcond=None)[0]
    with np.errstate(divide="ignore", invalid="ignore"):  # 0 / 0 only for codes without rows, never indexed
        level = (big_p - np.bincount(codes, weights=w * b[m], minlength=n)) / big_w
    u.ravel()[cell] = p - w * (level[codes] + b[m])  # the same cells as above: the others are still 0
    return EffectSums(month_of_number(first), revenue, profit, adjusted, gram, u.T @ u)


def _sums(cur: Cursor, vis: str, params: list[Any], end: date) -> EffectSums:
    # One pass over the rows; the customers' hashes become dense codes through a hash table (pandas.factorize),
    # not a sort of millions of hashes (np.unique): at 6 M rows that was most of the time.
    d = read_numpy(
        cur,
        f"SELECT {dialect.of(cur).key_hash('customer_id')} AS c, {_MONTH_NUMBER} AS m, revenue AS w,"
        f" operating_profit AS p FROM financials WHERE {vis} AND revenue > 0 AND month <= ?",
        [*params, end],
    )
    if len(d["m"]) == 0:
        return empty_sums()
    codes, _ = pd.factorize(np.asarray(d["c"]))
    w, p = (np.asarray(d[k], dtype=np.float64) for k in ("w", "p"))
    return sums_of_rows(codes.astype(np.int64), np.asarray(d["m"], dtype=np.int64), w, p)


def rebuild(cur: Cursor, end: date | None) -> None:
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
    dates = {"month_a": "DATE", "month_b": "DATE"}
    insert_frame(cur, "agg_fe_months", frame, casts={"month": "DATE"})
    insert_frame(cur, "agg_fe_gram", pd.DataFrame({**pairs, "value": s.gram[a, b]}), casts=dates)
    insert_frame(cur, "agg_fe_meat", pd.DataFrame({**pairs, "value": s.meat[a, b]}), casts=dates)


def effect_sums(store: Store, asof: AsOf, end: date, current: bool) -> EffectSums:
    """The sums for months up to ``end`` as known at ``asof``: from the aggregate when ``current`` (the view sees
    the current figures and its window ends where the aggregate's does), else from the rows."""
    if not current:
        vis, params = visible_clause(asof)
        with store.cursor() as cur:
            return _sums(cur, vis, params, end)
    months = store.df("SELECT * FROM agg_fe_months ORDER BY month")
    if months.empty:
        return empty_sums()
    t = len(months)
    first = month_number(pd.Timestamp(months["month"].iloc[0]))
    return EffectSums(
        pd.Timestamp(months["month"].iloc[0]).date(),
        months["revenue"].to_numpy(dtype="float64"),
        months["operating_profit"].to_numpy(dtype="float64"),
        months["adjusted"].to_numpy(dtype="float64"),
        _symmetric(store, "agg_fe_gram", t, first),
        _symmetric(store, "agg_fe_meat", t, first),
    )


def _month_number_of(column: str) -> str:
    """:data:`_MONTH_NUMBER` of another date column (a fixed name, never input)."""
    return f"CAST(extract(year FROM {column}) * 12 + extract(month FROM {column}) AS INTEGER)"


# The two pair tables (fixed names, never user input), their months as numbers: converting 1,830 dates per table
# in pandas took most of the sums' read.
_PAIR_SQL = {
    table: f"SELECT {_month_number_of('month_a')} AS a, {_month_number_of('month_b')} AS b, value FROM {table}"
    for table in ("agg_fe_gram", "agg_fe_meat")
}


def _symmetric(store: Store, table: str, t: int, first: int) -> np.ndarray:
    """A pair table as its symmetric t x t matrix; ``first`` is the first month's number (year * 12 + month)."""
    rows = store.df(_PAIR_SQL[table])
    out = np.zeros((t, t))
    a, b = (rows[c].to_numpy(dtype="int64") - first for c in ("a", "b"))
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
        "   WHERE p.customer_id IN (SELECT unnest(?::VARCHAR[]))),"
        " pool AS (SELECT customer_id, revenue FROM per_customer"
        "   WHERE revenue > 0 AND customer_id NOT IN (SELECT unnest(?::VARCHAR[]))),"
        " ranked AS (SELECT acc.account, pool.customer_id, row_number() OVER (PARTITION BY acc.account"
        "   ORDER BY abs(ln(pool.revenue) - ln(acc.rev)), pool.customer_id) AS nearness FROM acc CROSS JOIN pool)"
        " SELECT account, customer_id FROM ranked WHERE nearness <= ? ORDER BY account, customer_id",
        [*sums_params, accounts, exclude, per],
    )
