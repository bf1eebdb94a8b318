"""App processes that share a new PostgreSQL store and start at the same moment fill it with the demo once: the
second waits for the first and is then refused (the dashboard carries on with the filled store)."""

from __future__ import annotations

import threading
from datetime import date

import pytest

from skam_core.demo import StoreNotEmptyError, build_demo
from skam_core.demo.financials import DemoSize
from skam_core.domain.asof import AsOf
from skam_core.storage.db import Store
from skam_core.storage.queries.customers import customer_count

DAY = date(2026, 11, 20)
SIZE = DemoSize(customers=120, months=24, seed=5)


def _race(url: str) -> tuple[list[dict], list[BaseException], list[Store]]:
    """Two stores (two connection pools, as two processes have) fill the same database at once."""
    stores = [Store(url), Store(url)]
    start = threading.Barrier(2)
    filled: list[dict] = []
    refused: list[BaseException] = []

    def fill(store: Store) -> None:
        start.wait()
        try:
            filled.append(build_demo(store, SIZE, today=DAY))
        except StoreNotEmptyError as exc:
            refused.append(exc)

    threads = [threading.Thread(target=fill, args=(s,)) for s in stores]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    return filled, refused, stores


def test_two_processes_starting_at_once_fill_a_new_postgresql_store_with_the_demo_once(pg_cluster, request):
    url = pg_cluster.create_database(request.getfixturevalue("pg_migrated_template"))
    filled, refused, stores = _race(url)
    try:
        assert len(filled) == 1 and len(refused) == 1
        assert customer_count(stores[0], AsOf.now(DAY)) == SIZE.customers
        assert customer_count(stores[1], AsOf.now(DAY)) == SIZE.customers
    finally:
        for s in stores:
            s.close()
        pg_cluster.drop_database(url)


def test_the_demo_refuses_a_store_that_already_holds_customers(tmp_path):
    store = Store(tmp_path / "skam.duckdb")
    try:
        build_demo(store, SIZE, today=DAY)
        with pytest.raises(StoreNotEmptyError):
            build_demo(store, SIZE, today=DAY)
        assert customer_count(store, AsOf.now(DAY)) == SIZE.customers
    finally:
        store.close()
