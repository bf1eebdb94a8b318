"""Store access of the benchmark (skam_core.bench): export the financials and customers as import files, and
pick a KPI to record entries for. Values go in as ``?`` parameters; file paths through DuckDB's relation API."""

from __future__ import annotations

from pathlib import Path

from skam_core.storage.db import Store


def export_financials_csv(store: Store, path: Path) -> int:
    """Write the current financial rows as an import file (customer_id, month YYYY-MM, revenue,
    operating_profit). Returns the number of rows."""
    with store.cursor() as cur:
        rel = cur.sql(
            "SELECT customer_id, left(CAST(month AS VARCHAR), 7) AS month, revenue, operating_profit FROM financials"
            " WHERE valid_to IS NULL ORDER BY customer_id, month"
        )
        rel.write_csv(str(path), header=True)
        return int(cur.execute("SELECT count(*) FROM financials WHERE valid_to IS NULL").fetchall()[0][0])


def export_customers_csv(store: Store, path: Path) -> int:
    """Write the current customers as an import file (the customers import's columns)."""
    with store.cursor() as cur:
        rel = cur.sql(
            "SELECT customer_id, name, industry, region, country, segment, skam_stage,"
            " CAST(skam_start AS VARCHAR) AS skam_start, account_manager FROM customers"
            " WHERE valid_to IS NULL AND NOT is_deleted ORDER BY customer_id"
        )
        rel.write_csv(str(path), header=True)
        return int(
            cur.execute("SELECT count(*) FROM customers WHERE valid_to IS NULL AND NOT is_deleted").fetchall()[0][0]
        )


def kpis_to_record(store: Store, limit: int) -> list[dict]:
    """Current KPI definitions of key accounts with their plausible range (for benchmark entries)."""
    return store.query(
        "SELECT id, customer_id, min_value, max_value FROM kpi_definitions WHERE valid_to IS NULL AND NOT is_deleted"
        " ORDER BY id LIMIT ?",
        [limit],
    ).dicts()


def financial_rows(store: Store) -> int:
    return int(store.query("SELECT count(*) FROM financials").single_value())
