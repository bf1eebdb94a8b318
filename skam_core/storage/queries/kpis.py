"""KPI reads: definitions, targets per period, and the append-only entries (actuals) as known at a date.

KPI entries are never changed: the value of a KPI for a period is its latest entry (by ``entered_at``); older
entries of the same KPI and period are the corrections' history. ``asof`` hides entries made after the end of
that business day, like every versioned read.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd

from skam_core.domain.asof import AsOf
from skam_core.storage.db import Store
from skam_core.storage.versioned import account_rows, current_sql, visible_clause

ENTRY_COLUMNS = ["entry_id", "kpi_id", "customer_id", "period", "value", "comment", "entered_by", "entered_at"]


def entered_before(asof: AsOf, alias: str = "") -> tuple[str, list]:
    p = f"{alias}." if alias else ""
    instant = asof.instant
    if instant is None:
        return "TRUE", []
    return f"{p}entered_at < ?", [instant]


def definitions(store: Store, customer_id: str, asof: AsOf) -> pd.DataFrame:
    return account_rows(store, "kpi_definitions", customer_id, asof, ("sort_order", "name"))


def definition(store: Store, kpi_id: str, asof: AsOf) -> dict | None:
    sql, params = current_sql("kpi_definitions", asof=asof, where={"id": kpi_id}, include_version=True)
    return store.query(sql, params).first()


def targets(store: Store, customer_id: str, asof: AsOf) -> pd.DataFrame:
    """Targets (kpi_id, period, target) of the account's current KPIs."""
    tvis, tparams = visible_clause(asof, "t")
    dvis, dparams = visible_clause(asof, "d")
    return store.df(
        f"SELECT t.kpi_id, t.period, t.target, t.valid_from, t.changed_by FROM kpi_targets t"
        f" JOIN kpi_definitions d ON d.id = t.kpi_id AND {dvis} AND NOT d.is_deleted AND d.customer_id = ?"
        f" WHERE {tvis} AND NOT t.is_deleted ORDER BY t.kpi_id, t.period",
        [*dparams, customer_id, *tparams],
    )


def actuals(store: Store, customer_id: str, asof: AsOf) -> pd.DataFrame:
    """The value of each KPI and period: its latest entry, with who entered it, when, and how many entries
    (1 = never corrected) there are."""
    cond, params = entered_before(asof)
    latest = store.dialect.arg_max
    return store.df(
        f"SELECT kpi_id, period, {latest('value', 'entered_at')} AS value,"
        f" {latest('comment', 'entered_at')} AS comment, {latest('entered_by', 'entered_at')} AS entered_by,"
        f" max(entered_at) AS entered_at, count(*) AS entries"
        f" FROM kpi_entries WHERE customer_id = ? AND {cond} GROUP BY kpi_id, period ORDER BY kpi_id, period",
        [customer_id, *params],
    )


def entries(store: Store, customer_id: str, asof: AsOf, kpi_id: str | None = None, limit: int = 2000) -> pd.DataFrame:
    """Every entry of the account (optionally of one KPI), newest first: the audit trail of KPI values."""
    cond, params = entered_before(asof)
    sql = f"SELECT {', '.join(ENTRY_COLUMNS)} FROM kpi_entries WHERE customer_id = ? AND {cond}"
    args: list = [customer_id, *params]
    if kpi_id is not None:
        sql += " AND kpi_id = ?"
        args.append(kpi_id)
    sql += " ORDER BY entered_at DESC, entry_id DESC LIMIT ?"
    args.append(int(limit))
    return store.df(sql, args)


def account_overview(store: Store, customer_ids: Sequence[str], asof: AsOf, due_period: date) -> pd.DataFrame:
    """Per account: how many KPIs it defines, the latest period with a value, when the last value was entered, and
    how many of its KPIs have a value for ``due_period`` or later (for the KPI entry page's overview: an account
    is still due while any KPI lacks the month, not only when all do)."""
    if not customer_ids:
        return pd.DataFrame(columns=["customer_id", "kpis", "last_period", "last_entered_at", "kpis_current"])
    vis, vparams = visible_clause(asof, "d")
    cond, eparams = entered_before(asof, "e")
    return store.df(
        f"WITH per_kpi AS (SELECT d.customer_id, d.id, max(e.period) AS last_period,"
        f" max(e.entered_at) AS last_entered_at"
        f" FROM kpi_definitions d LEFT JOIN kpi_entries e ON e.kpi_id = d.id AND {cond}"
        f" WHERE {vis} AND NOT d.is_deleted AND d.customer_id = ANY(?::VARCHAR[])"
        f" GROUP BY d.customer_id, d.id)"
        f" SELECT customer_id, count(*) AS kpis, max(last_period) AS last_period,"
        f" max(last_entered_at) AS last_entered_at,"
        f" count(*) FILTER (WHERE last_period >= ?) AS kpis_current"
        f" FROM per_kpi GROUP BY customer_id ORDER BY customer_id",
        [*eparams, *vparams, list(customer_ids), due_period],
    )
