"""The store: migrations, versioned as-of reads, concurrent writers, one process at a time."""

from __future__ import annotations

import subprocess
import sys
import threading
from datetime import date, datetime

import pytest

from skam_core.domain.asof import AsOf
from skam_core.services.items import save_item
from skam_core.storage import versioned
from skam_core.storage.db import Store, StoreLockedError
from skam_core.storage.migrations import available_migrations
from tests.conftest import ADMIN, ROOT


def test_migrations_run_once_in_order_and_are_recorded(tmp_path):
    s = Store(tmp_path / "m.duckdb")
    versions = [v for v, _, _ in available_migrations()]
    assert s.migrated_versions == versions
    recorded = [r[0] for r in s.query("SELECT version FROM schema_version ORDER BY version").rows]
    assert recorded == versions
    s.close()
    again = Store(tmp_path / "m.duckdb")
    assert again.migrated_versions == []
    again.close()


def test_memory_limit_is_set_not_left_at_eighty_percent_of_ram(duckdb_store):
    limit = duckdb_store.query("SELECT current_setting('memory_limit')").single_value()
    assert limit.endswith(("MiB", "MB")) and float(limit.split()[0]) <= 1024


def _seed_customer(store, cid="C1"):
    save_item(store, ADMIN, "customers", {"customer_id": cid, "name": "Alpha", "account_manager": "am@x.example"})


def test_an_edit_closes_the_old_version_and_as_of_shows_it(store):
    t0 = datetime(2026, 3, 1, 10)
    _seed_customer(store)
    with store.cursor() as cur:
        cur.execute("UPDATE customers SET valid_from = ?", [t0])  # created on 1 March
    save_item(store, ADMIN, "customers", {"customer_id": "C1", "name": "Alpha GmbH"}, now=datetime(2026, 3, 10, 9))
    with store.cursor() as cur:
        now = versioned.read_current(cur, "customers", asof=AsOf.now())
        march5 = versioned.read_current(cur, "customers", asof=AsOf.at(date(2026, 3, 5)))
        feb = versioned.read_current(cur, "customers", asof=AsOf.at(date(2026, 2, 1)))
        hist = versioned.history(cur, "customers", {"customer_id": "C1"})
    assert list(now["name"]) == ["Alpha GmbH"]
    assert list(march5["name"]) == ["Alpha"]
    assert feb.empty
    assert list(hist["name"]) == ["Alpha GmbH", "Alpha"] and list(hist["changed_by"]) == [ADMIN.user_id] * 2


def test_as_of_means_the_end_of_that_business_day_in_germany():
    # 23:30 in Berlin on 10 March is 22:30 UTC: still "as of 10 March".
    end = AsOf.at(date(2026, 3, 10)).instant
    assert end == datetime(2026, 3, 10, 23, 0)  # midnight CET = 23:00 UTC
    assert AsOf.at(date(2026, 7, 10)).instant == datetime(2026, 7, 10, 22, 0)  # CEST


def test_eight_threads_writing_through_cursors_at_once_all_land(store):
    _seed_customer(store)
    errors: list[BaseException] = []

    def writer(i: int) -> None:
        try:
            for j in range(5):
                save_item(
                    store,
                    ADMIN,
                    "stakeholders",
                    {
                        "id": f"s{i}-{j}",
                        "customer_id": "C1",
                        "name": f"P {i}/{j}",
                        "function": "finance",
                        "influence": 3,
                        "attitude": 0,
                    },
                )
                # everyone also edits the same item: real write-write conflicts, resolved by retry
                save_item(
                    store,
                    ADMIN,
                    "competitive_forces",
                    {"customer_id": "C1", "force": "rivalry", "score": 1 + (i + j) % 5},
                )
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert not errors, errors
    assert store.query("SELECT count(*) FROM stakeholders WHERE valid_to IS NULL").single_value() == 40
    versions, current = store.query(
        "SELECT count(*), count(*) FILTER (WHERE valid_to IS NULL) FROM competitive_forces"
    ).rows[0]
    # Exactly one current version; a save that changes nothing adds none, so there are at most 40.
    assert current == 1 and 2 <= versions <= 40
    chain = store.query("SELECT valid_from, valid_to FROM competitive_forces ORDER BY valid_from").rows
    assert all(a[1] == b[0] for a, b in zip(chain, chain[1:], strict=False))  # no gap, no overlap


def test_a_save_that_changes_nothing_adds_no_version(store):
    _seed_customer(store)
    save_item(store, ADMIN, "competitive_forces", {"customer_id": "C1", "force": "rivalry", "score": 3})
    save_item(store, ADMIN, "competitive_forces", {"customer_id": "C1", "force": "rivalry", "score": 3})
    assert store.query("SELECT count(*) FROM competitive_forces").single_value() == 1


def test_a_failed_write_leaves_the_store_unchanged(store):
    _seed_customer(store)

    def work(cur):
        versioned.save_version(cur, "customers", {"customer_id": "C1", "name": "Half"}, user_id="x")
        raise RuntimeError("crash mid-write")

    with pytest.raises(RuntimeError):
        store.transaction(work)
    assert store.query("SELECT name FROM customers WHERE valid_to IS NULL").rows == [("Alpha",)]


def test_a_second_process_is_told_plainly_that_the_store_is_in_use(tmp_path):
    path = tmp_path / "busy.duckdb"
    s = Store(path)
    code = (
        "import sys\nfrom skam_core.storage.db import Store, StoreLockedError\n"
        f"try:\n    Store({str(path)!r})\nexcept StoreLockedError as e:\n    print(e); sys.exit(3)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    s.close()
    assert out.returncode == 3, out.stderr
    assert "in use by another process" in out.stdout


def test_lock_error_type_is_raised_in_process_for_other_files(tmp_path):
    # Opening the same file twice in one process shares the database instance (no error)...
    a = Store(tmp_path / "x.duckdb")
    b = Store(tmp_path / "x.duckdb")
    assert b.query("SELECT 1").single_value() == 1
    a.close()
    b.close()
    assert StoreLockedError.__mro__[1].__name__ == "StoreError"


def test_transactions_retry_conflicts_then_give_up_plainly(duckdb_store):
    store = duckdb_store
    _seed_customer(store)
    from skam_core.storage.db import WriteConflictError

    holder = store._con.cursor()
    holder.begin()
    holder.execute("UPDATE customers SET name = 'held' WHERE valid_to IS NULL")

    def work(cur):
        cur.execute("UPDATE customers SET name = 'mine' WHERE valid_to IS NULL")

    with pytest.raises(WriteConflictError, match="try again"):
        store.transaction(work, retries=2)
    holder.rollback()
    holder.close()


def test_a_transaction_aborted_by_its_own_failed_step_is_not_blamed_on_other_users(duckdb_store):
    """A failed statement caught inside the work leaves DuckDB's transaction aborted: the next statement raises a
    TransactionException like a conflict. That is refused at once with its cause, not retried as a collision."""
    from skam_core.storage.db import StoreError, WriteConflictError

    store = duckdb_store
    calls = []

    def work(cur):
        calls.append(1)
        try:
            cur.execute("SELECT CAST('x' AS INTEGER)")
        except Exception:
            pass  # a step that failed and was (wrongly) swallowed
        cur.execute("SELECT 1")

    with pytest.raises(StoreError) as err:
        store.transaction(work, retries=5)
    assert not isinstance(err.value, WriteConflictError) and "earlier step" in str(err.value)
    assert calls == [1]
