"""copy-store moves a whole store between the engines, every version and knowledge date kept: DuckDB ->
PostgreSQL -> DuckDB gives back the same rows, table by table."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from skam_core.storage.copy import copy_store, table_columns
from skam_core.storage.db import Store, StoreError
from tests.conftest import ROOT

pytestmark = pytest.mark.timeout(600)


def _table(store: Store, table: str, columns: list[str]) -> pd.DataFrame:
    frame = store.df(f"SELECT {', '.join(columns)} FROM {table}")
    return frame.sort_values(columns, na_position="first", kind="stable").reset_index(drop=True)


def _assert_same_stores(a: Store, b: Store) -> None:
    tables_a, tables_b = table_columns(a), table_columns(b)
    assert sorted(tables_a) == sorted(tables_b)
    for table, columns in tables_a.items():
        # An aggregate's fingerprint is the engine's own (a scan on DuckDB, a change counter on PostgreSQL):
        # copy-store restamps it where the aggregates were fresh, by design (see the test below).
        names = [c for c, _ in columns if not (table == "agg_state" and c == "fingerprint")]
        left, right = _table(a, table, names), _table(b, table, names)
        pd.testing.assert_frame_equal(left, right, check_dtype=False, obj=table)


def test_duckdb_to_postgresql_and_back_keeps_every_row_of_every_table(
    demo_path, pg_cluster, pg_migrated_template, tmp_path
):
    pg_url = pg_cluster.create_database(pg_migrated_template)
    back = tmp_path / "back.duckdb"
    out = subprocess.run(
        [sys.executable, "-m", "skam_core", "copy-store", "--from", str(demo_path), "--to", pg_url],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr
    assert "financials:" in out.stdout
    source, pg = Store(demo_path), Store(pg_url)
    copy_store(pg, target := Store(back))
    # The demo holds history: several versions per entity, closed ones with valid_to, known-since dates.
    assert source.query("SELECT count(*) FROM customers WHERE valid_to IS NOT NULL").single_value() > 0
    _assert_same_stores(source, pg)
    _assert_same_stores(source, target)
    for s in (source, pg, target):
        s.close()
    pg_cluster.drop_database(pg_url)


def test_copy_refuses_a_target_that_holds_data(demo_store, tmp_path: Path):
    target = Store(tmp_path / "filled.duckdb")
    target.query("INSERT INTO users VALUES ('a@x', 'A', 'viewer', FALSE, TIMESTAMP '2026-01-01', NULL, 't')")
    with pytest.raises(StoreError, match="not empty"):
        copy_store(demo_store, target)
    assert target.query("SELECT count(*) FROM customers").single_value() == 0
    target.close()


def test_a_copied_store_keeps_its_fresh_aggregates_without_a_rebuild(demo_path, pg_cluster, pg_migrated_template):
    from skam_core.storage.queries.profit import aggregate_state, ensure_aggregates
    from tests.conftest import DEMO_TODAY

    source = Store(demo_path)
    ensure_aggregates(source, DEMO_TODAY)
    pg_url = pg_cluster.create_database(pg_migrated_template)
    pg = Store(pg_url)
    copy_store(source, pg)
    with pg.cursor() as cur:
        state = aggregate_state(cur)
    assert state.fresh_financials and state.fresh_customers
    built_at = pg.query("SELECT built_at FROM agg_state ORDER BY part").rows
    ensure_aggregates(pg, DEMO_TODAY)  # nothing to do: the copied aggregates are current
    assert pg.query("SELECT built_at FROM agg_state ORDER BY part").rows == built_at
    for s in (source, pg):
        s.close()
    pg_cluster.drop_database(pg_url)
