"""The portfolio's reads at any size: group sums and the key-account rows computed in the store, so that 100,000
customers never travel to Python (two small results instead of one 100,000-row frame)."""

from __future__ import annotations

from datetime import date

import pandas as pd

from skam_core.domain.asof import AsOf
from skam_core.storage.db import Store
from skam_core.storage.queries.profit import window_sums_sql
from skam_core.storage.versioned import visible_clause


def _joined(asof: AsOf, start: date, end: date, current_window: bool, epoch: str | None) -> tuple[str, list]:
    """Every customer with its window sums, SKAM flag and size rank (a CTE named j). The window sums come from
    the current pre-aggregate (``current_window``), an as-of entry (``epoch``, profit_asof) or the rows."""
    cvis, cparams = visible_clause(asof, "c")
    sums, sparams = window_sums_sql(asof, start, end, current_window, epoch)
    sql = (
        f"WITH c AS (SELECT customer_id, skam_stage, skam_start FROM customers c"
        f"   WHERE {cvis} AND NOT c.is_deleted),"
        f" s AS ({sums}),"
        f" j AS (SELECT c.*, coalesce(s.revenue, 0) AS revenue, coalesce(s.operating_profit, 0) AS operating_profit,"
        f"   s.customer_id IS NOT NULL AS has_figures,"
        f"   (c.skam_start IS NOT NULL AND c.skam_start <= ?) AS is_skam"
        f"   FROM c LEFT JOIN s USING (customer_id))"
    )
    return sql, [*cparams, *sparams, asof.day]


def portfolio_frames(
    store: Store, asof: AsOf, start: date, end: date, current_window: bool, epoch: str | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """In one query over the figures: group sums per (is_skam, stage), and the rows of key accounts and of
    customers with a fit analysis, with names and their size rank (1 + customers with more revenue)."""
    sql, params = _joined(asof, start, end, current_window, epoch)
    nvis, nparams = visible_clause(asof, "n")
    fvis, fparams = visible_clause(asof, "fs")
    frame = store.df(
        sql + ","
        " g AS (SELECT 0 AS kind, is_skam, skam_stage, count(*) AS customers, sum(revenue) AS revenue,"
        "   sum(operating_profit) AS operating_profit, NULL::VARCHAR AS customer_id, NULL::BIGINT AS size_rank,"
        "   NULL::BOOLEAN AS has_figures FROM j GROUP BY is_skam, skam_stage),"
        " r AS (SELECT *, rank() OVER (ORDER BY revenue DESC) AS size_rank FROM j),"
        f" k AS (SELECT 1 AS kind, is_skam, skam_stage, 1 AS customers, revenue, operating_profit, customer_id,"
        f"   size_rank, has_figures FROM r WHERE skam_stage <> 'none' OR customer_id IN"
        f"   (SELECT customer_id FROM fit_scores fs WHERE {fvis} AND NOT fs.is_deleted))"
        " SELECT * FROM g UNION ALL SELECT * FROM k",
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
    store: Store, asof: AsOf, start: date, end: date, current_window: bool, customer_id: str, epoch: str | None = None
) -> tuple[pd.DataFrame, int | None]:
    """What one account's steering pack needs from the portfolio, without its rows: the group sums per
    ``is_skam`` (customers, revenue, operating_profit) and the account's size rank (1 + customers with more
    revenue, as :func:`portfolio_frames` ranks them; None when it is no customer at ``asof``)."""
    sql, params = _joined(asof, start, end, current_window, epoch)
    frame = store.df(
        sql + ", me AS (SELECT revenue FROM j WHERE customer_id = ?)"
        " SELECT is_skam, count(*) AS customers, sum(revenue) AS revenue, sum(operating_profit) AS operating_profit,"
        "  (SELECT CASE WHEN (SELECT count(*) FROM me) = 0 THEN NULL ELSE 1 + count(*) END FROM j"
        "   WHERE revenue > (SELECT revenue FROM me)) AS size_rank"
        " FROM j GROUP BY is_skam",
        [*params, customer_id],
    )
    rank = frame["size_rank"].dropna()
    return frame.drop(columns="size_rank"), (int(rank.iloc[0]) if not rank.empty else None)


def candidate_rows(
    store: Store, asof: AsOf, start: date, end: date, current_window: bool, epoch: str | None = None
) -> pd.DataFrame:
    """The rows :func:`portfolio_frames` gives for customers with weighted priorities (those a fit score can be
    computed for: the candidates' pool): customer_id, name, skam_stage, revenue over the window and size rank,
    ranked over every customer as there. Without the group sums and the other rows, in customer_id order."""
    sql, params = _joined(asof, start, end, current_window, epoch)
    fvis, fparams = visible_clause(asof, "fs")
    pvis, pparams = visible_clause(asof, "p")
    nvis, nparams = visible_clause(asof, "n")
    frame = store.df(
        sql + ", r AS (SELECT customer_id, skam_stage, revenue, rank() OVER (ORDER BY revenue DESC) AS size_rank"
        "   FROM j)"
        " SELECT r.customer_id, n.name, r.skam_stage, r.revenue, r.size_rank FROM r"
        f" JOIN customers n ON n.customer_id = r.customer_id AND {nvis} AND NOT n.is_deleted"
        f" WHERE r.customer_id IN (SELECT customer_id FROM strategic_priorities p WHERE {pvis} AND NOT p.is_deleted)"
        "  AND (r.skam_stage <> 'none' OR r.customer_id IN"
        f"   (SELECT customer_id FROM fit_scores fs WHERE {fvis} AND NOT fs.is_deleted))"
        " ORDER BY r.customer_id",
        [*params, *nparams, *pparams, *fparams],
    )
    frame["size_rank"] = frame["size_rank"].astype("int64")
    return frame
