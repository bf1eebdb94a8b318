"""The aggregates' state (their fingerprints: a scan of every financial row on DuckDB) is read again after every
transaction committed to the store and never served from before one (storage.db.Store.memo)."""

from __future__ import annotations

from datetime import date

from skam_core.services.imports import import_file as run_import
from skam_core.storage.queries import profit as pq
from tests.conftest import ADMIN
from tests.unit.test_profit_comparison import TODAY, add_customers, add_financials, panel_store


def counting(monkeypatch) -> list[int]:
    calls = [0]
    real = pq._fingerprints

    def counted(cur):
        calls[0] += 1
        return real(cur)

    monkeypatch.setattr(pq, "_fingerprints", counted)
    return calls


def test_the_state_is_read_once_between_writes_and_again_after_each(duckdb_store, monkeypatch):
    store = duckdb_store
    panel_store(store, skam={"S1": "2025-03-15"}, others=4)
    pq.ensure_aggregates(store, TODAY)  # builds them (a write)
    calls = counting(monkeypatch)
    first = pq.ensure_aggregates(store, TODAY)
    assert calls[0] == 1 and first.fresh_financials and first.fresh_customers
    assert pq.ensure_aggregates(store, TODAY) == first and calls[0] == 1  # nothing committed in between
    store.transaction(lambda cur: cur.execute("UPDATE customers SET name = name || '' WHERE customer_id = 'P000'"))
    pq.ensure_aggregates(store, TODAY)
    assert calls[0] >= 2  # a commit of any kind: read again


def test_figures_committed_after_a_read_are_never_hidden_by_it(duckdb_store):
    store = duckdb_store
    panel_store(store, skam={"S1": "2025-03-15"}, others=4)
    pq.ensure_aggregates(store, TODAY)
    rows = "SELECT sum(rows_n) FROM agg_financials_monthly"
    counted = store.query(rows).single_value()
    csv = "customer_id,month,revenue,operating_profit\nP001,2026-10,12345,678\n"
    assert run_import(store, ADMIN, "financials", csv.encode(), name="fix.csv", today=TODAY).ok
    assert pq.ensure_aggregates(store, TODAY).fresh_financials
    assert store.query(rows).single_value() == counted + 1  # the correction's new version
    # Rows written behind the aggregates' back (not by an import, which rebuilds them itself): seen at once.
    add_customers(store, [("N1", None)])
    add_financials(store, [("N1", date(2026, 10, 1), 5_000.0, 250.0)])
    assert pq.ensure_aggregates(store, TODAY).fresh_financials
    assert store.query(rows).single_value() == counted + 2
