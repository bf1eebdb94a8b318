"""The portfolio's reads at any size: group sums and the key-account rows computed in the store, so that 100,000
customers never travel to Python (two small results instead of one 100,000-row frame)."""

from __future__ import annotations

from datetime import date

import pandas as pd

from skam_core.domain.asof import AsOf
from skam_core.storage.db import Store
from skam_core.storage.queries.profit import window_sums_sql
from skam_core.storage.versioned import visible_clause

# The CTE names _joined may give its result (fixed identifiers, never input).
_JOINED_NAMES = frozenset({"j", "j0"})


def _joined(
    asof: AsOf, start: date, end: date, current_window: bool, epoch: str | None, name: str = "j"
) -> tuple[str, list]:
    """Every customer with its window sums and SKAM flag (a CTE named ``name``). The window sums come from the
    current pre-aggregate (``current_window``), an as-of entry (``epoch``, profit_asof) or the rows."""
    if name not in _JOINED_NAMES:
        raise ValueError(f"{name!r} is no CTE name of the portfolio's reads")
    cvis, cparams = visible_clause(asof, "c")
    sums, sparams = window_sums_sql(asof, start, end, current_window, epoch)
    sql = (
        f"WITH c AS (SELECT customer_id, skam_stage, skam_start FROM customers c"
        f"   WHERE {cvis} AND NOT c.is_deleted),"
        f" s AS ({sums}),"
        f" {name} AS (SELECT c.*, coalesce(s.revenue, 0) AS revenue,"
        f"   coalesce(s.operating_profit, 0) AS operating_profit, s.customer_id IS NOT NULL AS has_figures,"
        f"   (c.skam_start IS NOT NULL AND c.skam_start <= ?) AS is_skam"
        f"   FROM c LEFT JOIN s USING (customer_id))"
    )
    return sql, [*cparams, *sparams, asof.day]


def _kept(asof: AsOf, kept_asof: str | None = None) -> tuple[str, list]:
    """The CTEs j (as :func:`_joined`'s, with size_rank) and g (group sums per is_skam and stage) from the kept
    figures of migration 041, for a view that sees the current customers and figures
    (storage.queries.profit.portfolio_is_current), or with ``kept_asof`` from a kept portfolio of an older
    view (migration 043, storage.queries.portfolio_asof): no join of the customers and no rank at read time."""
    skam = "(skam_start IS NOT NULL AND skam_start <= ?)"
    if kept_asof is None:
        customers, groups, ids = "agg_portfolio_customers", "agg_portfolio_groups", []
    else:
        customers = "agg_asof_portfolio_customers WHERE id = ?"
        groups, ids = "agg_asof_portfolio_groups WHERE id = ?", [kept_asof]
    sql = (
        f"WITH j AS (SELECT customer_id, skam_stage, skam_start, revenue, operating_profit, has_figures,"
        f"   {skam} AS is_skam, size_rank FROM {customers}),"
        f" g AS (SELECT {skam} AS is_skam, skam_stage, sum(customers)::BIGINT AS customers, sum(revenue) AS revenue,"
        f"   sum(operating_profit) AS operating_profit FROM {groups} GROUP BY 1, 2)"
    )
    return sql, [asof.day, *ids, asof.day, *ids]


def _ranked(
    asof: AsOf, start: date, end: date, current_window: bool, epoch: str | None, kept: bool, kept_asof: str | None
) -> tuple[str, list]:
    """The CTEs j (every customer with its window sums, SKAM flag and size rank, 1 + customers with more
    revenue) and g (their sums per is_skam and stage), kept (:func:`_kept`) or computed now."""
    if kept or kept_asof is not None:
        return _kept(asof, None if kept else kept_asof)
    sql, params = _joined(asof, start, end, current_window, epoch, "j0")
    sql += (
        ", j AS (SELECT *, rank() OVER (ORDER BY revenue DESC) AS size_rank FROM j0),"
        " g AS (SELECT is_skam, skam_stage, count(*) AS customers, sum(revenue) AS revenue,"
        "   sum(operating_profit) AS operating_profit FROM j0 GROUP BY is_skam, skam_stage)"
    )
    return sql, params


def portfolio_frames(
    store: Store,
    asof: AsOf,
    start: date,
    end: date,
    current_window: bool,
    epoch: str | None = None,
    *,
    kept: bool = False,
    kept_asof: str | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """In one query over the figures: group sums per (is_skam, stage), and the rows of key accounts and of
    customers with a fit analysis, with names and their size rank (1 + customers with more revenue). With
    ``kept`` from the portfolio's kept figures (only when storage.queries.profit.portfolio_is_current), with
    ``kept_asof`` from that kept portfolio of an older view (storage.queries.portfolio_asof)."""
    sql, params = _ranked(asof, start, end, current_window, epoch, kept, kept_asof)
    nvis, nparams = visible_clause(asof, "n")
    fvis, fparams = visible_clause(asof, "fs")
    frame = store.df(
        sql + ","
        " g2 AS (SELECT 0 AS kind, is_skam, skam_stage, customers, revenue, operating_profit,"
        "   NULL::VARCHAR AS customer_id, NULL::BIGINT AS size_rank, NULL::BOOLEAN AS has_figures FROM g),"
        f" k AS (SELECT 1 AS kind, is_skam, skam_stage, 1 AS customers, revenue, operating_profit, customer_id,"
        f"   size_rank, has_figures FROM j WHERE skam_stage <> 'none' OR customer_id IN"
        f"   (SELECT customer_id FROM fit_scores fs WHERE {fvis} AND NOT fs.is_deleted))"
        " SELECT * FROM g2 UNION ALL SELECT * FROM k",
        [*params, *fparams],
    )
    groups = frame[frame["kind"] == 0].drop(columns=["kind", "customer_id", "size_rank", "has_figures"])
    rows = frame[frame["kind"] == 1].drop(columns=["kind", "customers"]).reset_index(drop=True)
    # Names and account managers only for the few rows shown (carrying 100,000 names costs more than the sums).
    names = store.df(
        f"SELECT customer_id, name, skam_start, account_manager FROM customers n"
        f" WHERE {nvis} AND NOT n.is_deleted AND customer_id = ANY(?::VARCHAR[])",
        [*nparams, list(rows["customer_id"])],
    )
    rows = rows.merge(names, on="customer_id", how="left")
    rows["size_rank"] = rows["size_rank"].astype("int64")
    return groups.reset_index(drop=True), rows


def standing(
    store: Store,
    asof: AsOf,
    start: date,
    end: date,
    current_window: bool,
    customer_id: str,
    epoch: str | None = None,
    *,
    kept: bool = False,
    kept_asof: str | None = None,
) -> tuple[pd.DataFrame, int | None]:
    """What one account's steering pack needs from the portfolio, without its rows: the group sums per
    ``is_skam`` (customers, revenue, operating_profit) and the account's size rank (1 + customers with more
    revenue, as :func:`portfolio_frames` ranks them; None when it is no customer at ``asof``). With ``kept``
    from the portfolio's kept figures and with ``kept_asof`` from a kept portfolio, as there."""
    if kept or kept_asof is not None:
        sql, params = _kept(asof, None if kept else kept_asof)
        frame = store.df(
            sql + " SELECT is_skam, sum(customers)::BIGINT AS customers, sum(revenue) AS revenue,"
            " sum(operating_profit) AS operating_profit,"
            " (SELECT size_rank FROM j WHERE customer_id = ?) AS size_rank FROM g GROUP BY is_skam",
            [*params, customer_id],
        )
    else:
        # Without the kept figures one count is cheaper than ranking every customer.
        sql, params = _joined(asof, start, end, current_window, epoch)
        frame = store.df(
            sql + ", me AS (SELECT revenue FROM j WHERE customer_id = ?)"
            " SELECT is_skam, count(*) AS customers, sum(revenue) AS revenue,"
            "  sum(operating_profit) AS operating_profit,"
            "  (SELECT CASE WHEN (SELECT count(*) FROM me) = 0 THEN NULL ELSE 1 + count(*) END FROM j"
            "   WHERE revenue > (SELECT revenue FROM me)) AS size_rank"
            " FROM j GROUP BY is_skam",
            [*params, customer_id],
        )
    rank = frame["size_rank"].dropna()
    return frame.drop(columns="size_rank"), (int(rank.iloc[0]) if not rank.empty else None)


def candidate_rows(
    store: Store,
    asof: AsOf,
    start: date,
    end: date,
    current_window: bool,
    epoch: str | None = None,
    *,
    kept: bool = False,
    kept_asof: str | None = None,
) -> pd.DataFrame:
    """The rows :func:`portfolio_frames` gives for customers with weighted priorities (those a fit score can be
    computed for: the candidates' pool): customer_id, name, skam_stage, revenue over the window and size rank,
    ranked over every customer as there. Without the group sums and the other rows, in customer_id order."""
    sql, params = _ranked(asof, start, end, current_window, epoch, kept, kept_asof)
    fvis, fparams = visible_clause(asof, "fs")
    pvis, pparams = visible_clause(asof, "p")
    nvis, nparams = visible_clause(asof, "n")
    frame = store.df(
        sql + " SELECT j.customer_id, n.name, j.skam_stage, j.revenue, j.size_rank FROM j"
        f" JOIN customers n ON n.customer_id = j.customer_id AND {nvis} AND NOT n.is_deleted"
        f" WHERE j.customer_id IN (SELECT customer_id FROM strategic_priorities p WHERE {pvis} AND NOT p.is_deleted)"
        "  AND (j.skam_stage <> 'none' OR j.customer_id IN"
        f"   (SELECT customer_id FROM fit_scores fs WHERE {fvis} AND NOT fs.is_deleted))"
        " ORDER BY j.customer_id",
        [*params, *nparams, *pparams, *fparams],
    )
    frame["size_rank"] = frame["size_rank"].astype("int64")
    return frame
