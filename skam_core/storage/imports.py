"""SQL of the imports: versioned upserts that add a version only where a value changed (idempotent)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

import numpy as np
import pandas as pd

from skam_core.domain.asof import AsOf
from skam_core.storage import bulk, dialect, versioned
from skam_core.storage.cursor import Cursor

CUSTOMER_COLUMNS = versioned.table("customers").all_columns


def current_customers(cur: Cursor) -> pd.DataFrame:
    """The current version of every customer, with its valid_from (a back-dated correction must be newer)."""
    return versioned.read_current(cur, "customers", asof=AsOf.now(), include_version=True)


def known_customer_ids(cur: Cursor) -> set[str]:
    rows = cur.execute("SELECT customer_id FROM customers WHERE valid_to IS NULL AND NOT is_deleted").fetchall()
    return {r[0] for r in rows}


def account_managers(cur: Cursor) -> dict[str, str | None]:
    """customer_id -> current account manager (None when unassigned), for every current customer."""
    df = versioned.read_current(cur, "customers", asof=AsOf.now(), columns=["customer_id", "account_manager"])
    return dict(zip(df["customer_id"], df["account_manager"].where(df["account_manager"].notna(), None), strict=True))


def write_customer_versions(cur: Cursor, rows: pd.DataFrame, *, user_id: str, now: datetime) -> None:
    """Close the current version of every customer in ``rows`` (if any) and insert ``rows`` as the new one,
    known from ``rows.valid_from`` when it is given (a history load), else from ``now``; the old version ends
    where the new one begins."""
    if rows.empty:
        return
    df = rows.reindex(columns=[*CUSTOMER_COLUMNS, "valid_from"]).copy()
    df["skam_start"] = pd.to_datetime(df["skam_start"]).dt.date
    df["valid_from"] = df["valid_from"].fillna(now) if "valid_from" in rows.columns else now
    cur.register("_cust_new", df)
    try:
        cur.execute(
            "UPDATE customers AS c SET valid_to = n.valid_from FROM _cust_new n"
            " WHERE c.valid_to IS NULL AND c.customer_id = n.customer_id"
        )
    finally:
        cur.unregister("_cust_new")
    versioned.insert_versions(cur, "customers", df, user_id=user_id, valid_from=now)


@contextmanager
def stage_financials(cur: Cursor, rows: pd.DataFrame, *, now: datetime) -> Iterator[None]:
    """While inside, validated financial rows are readable as ``fin_stage`` on this cursor, each with the instant
    it is known from (``rows.valid_from`` for a history load, else ``now``) and its file row (``rows.file_row``,
    else counted from 2 after the header). Run it inside the writing transaction.

    ``fin_stage`` is a view over the rows as they are in memory, not a copy: materialising 6 M rows into a
    temporary table took seconds and hundreds of MB, and every statement below reads them once."""
    df = rows[["customer_id", "month", "revenue", "operating_profit"]].assign(
        valid_from=rows["valid_from"] if "valid_from" in rows.columns else now,
        file_row=rows["file_row"] if "file_row" in rows.columns else np.arange(len(rows), dtype=np.int64) + 2,
    )
    bulk.register_frame(cur, "_fin_in", df)
    try:
        cur.execute(
            "CREATE TEMP VIEW fin_stage AS SELECT customer_id, CAST(month AS DATE) AS month,"
            " CAST(revenue AS DOUBLE PRECISION) AS revenue,"
            " CAST(operating_profit AS DOUBLE PRECISION) AS operating_profit,"
            " CAST(valid_from AS TIMESTAMP) AS valid_from, file_row FROM _fin_in"
        )
        yield
        # Dropped only after success: in a failed transaction the rollback removes it (and DuckDB refuses
        # every further statement there, which would hide the first error).
        cur.execute("DROP VIEW fin_stage")
    finally:
        cur.unregister("_fin_in")


def diff_financials(cur: Cursor) -> dict[str, int]:
    """Counts of staged rows that are new, changed or unchanged against the current versions."""
    row = cur.execute(
        "SELECT count(*) FILTER (WHERE f.customer_id IS NULL),"
        " count(*) FILTER (WHERE f.customer_id IS NOT NULL AND (f.revenue <> s.revenue"
        "   OR f.operating_profit <> s.operating_profit)),"
        " count(*) FILTER (WHERE f.customer_id IS NOT NULL AND f.revenue = s.revenue"
        "   AND f.operating_profit = s.operating_profit)"
        " FROM fin_stage s LEFT JOIN financials f"
        "   ON f.customer_id = s.customer_id AND f.month = s.month AND f.valid_to IS NULL"
    ).fetchall()[0]
    return {"added": int(row[0]), "changed": int(row[1]), "unchanged": int(row[2])}


def financials_known_too_early(cur: Cursor) -> list[tuple[int, datetime]]:
    """(file row, stored valid_from) of staged changes that would be known no later than the version they
    replace: a correction is always a newer version, or old views would move."""
    rows = cur.execute(
        "SELECT s.file_row, f.valid_from FROM fin_stage s JOIN financials f"
        "   ON f.customer_id = s.customer_id AND f.month = s.month AND f.valid_to IS NULL"
        " WHERE (f.revenue <> s.revenue OR f.operating_profit <> s.operating_profit) AND s.valid_from <= f.valid_from"
        " ORDER BY s.file_row"
    ).fetchall()
    return [(int(r[0]), r[1]) for r in rows]


def customers_known_after_figures(cur: Cursor) -> list[tuple[str, datetime, datetime]]:
    """(customer_id, since when the customer is known, since when its first staged figures are) of every
    staged customer that became known after its figures: as-of views in between leave those figures out (the
    comparison counts only customers known at the as-of date)."""
    return [
        (str(r[0]), r[1], r[2])
        for r in cur.execute(
            "SELECT s.customer_id, c.known, min(s.valid_from) AS figures FROM fin_stage s"
            " JOIN (SELECT customer_id, min(valid_from) AS known FROM customers GROUP BY customer_id) c"
            "   ON c.customer_id = s.customer_id"
            " GROUP BY s.customer_id, c.known HAVING c.known > min(s.valid_from) ORDER BY s.customer_id"
        ).fetchall()
    ]


def apply_financials(cur: Cursor, counts: dict[str, int], *, user_id: str) -> None:
    """Write the staged rows as ``diff_financials`` counted them (in the same transaction): close changed
    versions where their successor becomes known, then insert every staged row that has no current version any
    more. When every staged row is new (a history load into a store without these figures), they are inserted
    as they are: the joins against the current versions would find nothing."""
    if counts["changed"] == 0 and counts["unchanged"] == 0:
        cur.execute(
            "INSERT INTO financials (customer_id, month, revenue, operating_profit, valid_from, valid_to, changed_by)"
            " SELECT customer_id, month, revenue, operating_profit, valid_from, NULL, ? FROM fin_stage",
            [user_id],
        )
        return
    if counts["changed"]:
        cur.execute(
            "UPDATE financials AS f SET valid_to = s.valid_from FROM fin_stage s"
            " WHERE f.customer_id = s.customer_id AND f.month = s.month AND f.valid_to IS NULL"
            " AND (f.revenue <> s.revenue OR f.operating_profit <> s.operating_profit)"
        )
    if counts["changed"] or counts["added"]:
        cur.execute(
            "INSERT INTO financials (customer_id, month, revenue, operating_profit, valid_from, valid_to, changed_by)"
            " SELECT s.customer_id, s.month, s.revenue, s.operating_profit, s.valid_from, NULL, ? FROM fin_stage s"
            " WHERE NOT EXISTS (SELECT 1 FROM financials f"
            "   WHERE f.valid_to IS NULL AND f.customer_id = s.customer_id AND f.month = s.month)",
            [user_id],
        )


def kpi_catalog(cur: Cursor) -> pd.DataFrame:
    """Current KPI definitions with their account and plausible range, for validating KPI imports."""
    return cur.execute(
        "SELECT id, customer_id, name, unit, min_value, max_value FROM kpi_definitions"
        " WHERE valid_to IS NULL AND NOT is_deleted"
    ).df()


def latest_kpi_values(cur: Cursor, kpi_ids: list[str]) -> pd.DataFrame:
    """The latest entry per KPI and period (what a new entry would correct)."""
    if not kpi_ids:
        return pd.DataFrame(columns=["kpi_id", "period", "value", "comment", "entered_at"])
    d = dialect.of(cur)
    return cur.execute(
        f"SELECT kpi_id, period, {d.arg_max('value', 'entered_at')} AS value,"
        f" {d.arg_max('comment', 'entered_at')} AS comment, max(entered_at) AS entered_at"
        " FROM kpi_entries WHERE kpi_id = ANY(?::VARCHAR[]) GROUP BY kpi_id, period",
        [kpi_ids],
    ).df()


def append_kpi_entries(cur: Cursor, rows: pd.DataFrame) -> None:
    if rows.empty:
        return
    df = rows[["entry_id", "kpi_id", "customer_id", "period", "value", "comment", "entered_by", "entered_at"]]
    bulk.insert_frame(cur, "kpi_entries", df, casts={"period": "DATE"})


def current_plan_items(cur: Cursor, table_name: str) -> pd.DataFrame:
    """The current version of every item of ``table_name`` that came from an import (it has an external_id),
    removed ones included (a re-import leaves them removed), with is_deleted and valid_from. The plan tables
    are small, so they are read whole and matched by (customer_id, external_id) in the caller."""
    t = versioned.table(table_name)
    cols = ", ".join(t.all_columns)
    return cur.execute(
        "SELECT "
        + cols
        + ", is_deleted, valid_from FROM "
        + t.name
        + " WHERE valid_to IS NULL AND external_id IS NOT NULL"
    ).df()


def write_plan_versions(cur: Cursor, table_name: str, rows: pd.DataFrame, *, user_id: str) -> None:
    """Close the current version of every item in ``rows`` (by id) where its successor becomes known, and insert
    ``rows`` (all columns of the table, ``valid_from`` and ``is_deleted``) as the new current versions."""
    if rows.empty:
        return
    t = versioned.table(table_name)
    cur.register("_plan_new", rows[["id", "valid_from"]])
    try:
        cur.execute(
            "UPDATE " + t.name + " AS t SET valid_to = n.valid_from FROM _plan_new n"
            " WHERE t.valid_to IS NULL AND t.id = n.id"
        )
    finally:
        cur.unregister("_plan_new")
    cols = [*t.all_columns, "is_deleted", "valid_from"]
    # insert_frame, not a registered frame: a column that is empty in every row would arrive as text on
    # PostgreSQL (its COPY reads each value as the column's own type).
    bulk.insert_frame(cur, t.name, rows[cols].assign(changed_by=user_id))
