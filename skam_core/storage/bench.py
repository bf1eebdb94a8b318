"""Store access of the benchmark (skam_core.bench): export the financials and customers as import files, and
pick a KPI to record entries for. Values go in as ``?`` parameters; file paths through DuckDB's relation API
(PostgreSQL: COPY to the client)."""

from __future__ import annotations

from pathlib import Path
from typing import cast

import duckdb

from skam_core.storage.db import Store


def _write_csv(store: Store, sql: str, path: Path) -> None:
    with store.cursor() as cur:
        if store.dialect.is_postgres:
            cur.copy_csv(sql, path)  # type: ignore[attr-defined]
        else:
            cast(duckdb.DuckDBPyConnection, cur).sql(sql).write_csv(str(path), header=True)


def export_financials_csv(store: Store, path: Path) -> int:
    """Write the current financial rows as an import file (customer_id, month YYYY-MM, revenue,
    operating_profit). Returns the number of rows."""
    _write_csv(
        store,
        "SELECT customer_id, left(CAST(month AS VARCHAR), 7) AS month, revenue, operating_profit FROM financials"
        " WHERE valid_to IS NULL ORDER BY customer_id, month",
        path,
    )
    return int(store.query("SELECT count(*) FROM financials WHERE valid_to IS NULL").single_value())


def export_customers_csv(store: Store, path: Path) -> int:
    """Write the current customers as an import file (the customers import's columns)."""
    _write_csv(
        store,
        "SELECT customer_id, name, industry, region, country, segment, skam_stage,"
        " CAST(skam_start AS VARCHAR) AS skam_start, account_manager FROM customers"
        " WHERE valid_to IS NULL AND NOT is_deleted ORDER BY customer_id",
        path,
    )
    return int(store.query("SELECT count(*) FROM customers WHERE valid_to IS NULL AND NOT is_deleted").single_value())


def kpis_to_record(store: Store, limit: int) -> list[dict]:
    """Current KPI definitions of key accounts with their plausible range (for benchmark entries)."""
    return store.query(
        "SELECT id, customer_id, min_value, max_value FROM kpi_definitions WHERE valid_to IS NULL AND NOT is_deleted"
        " ORDER BY id LIMIT ?",
        [limit],
    ).dicts()


def financial_rows(store: Store) -> int:
    return int(store.query("SELECT count(*) FROM financials").single_value())
