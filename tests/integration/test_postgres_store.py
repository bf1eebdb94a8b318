"""What only a PostgreSQL store promises: several processes and the CLI at once, writers of one entity serialized
across processes (the entity locks of migration 002), a writer that waited retried, migrations once."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
import time

import pytest

from skam_core.storage.db import Store
from skam_core.storage.versioned import current_version, save_version
from tests.conftest import ROOT

pytestmark = pytest.mark.timeout(300)


@pytest.fixture
def pg_url(pg_cluster, pg_migrated_template):
    url = pg_cluster.create_database(pg_migrated_template)
    yield url
    pg_cluster.drop_database(url)


# A read-modify-write of one entity in each transaction: without the entity lock, two processes would both
# read the same person_days and one increment would be lost.
_INCREMENTER = textwrap.dedent(
    """
    import sys
    from skam_core.storage.db import Store
    from skam_core.storage.versioned import current_version, save_version

    store = Store(sys.argv[1])

    def bump(cur):
        row = current_version(cur, "delivery_capacity", {"quarter": "2027-Q1"})
        save_version(cur, "delivery_capacity", {"quarter": "2027-Q1", "person_days": row["person_days"] + 1},
                     user_id=sys.argv[2])

    for _ in range(int(sys.argv[3])):
        store.transaction(bump)
    store.close()
    """
)


def test_two_processes_incrementing_one_entity_lose_no_update(pg_url):
    store = Store(pg_url)
    store.transaction(
        lambda cur: save_version(cur, "delivery_capacity", {"quarter": "2027-Q1", "person_days": 0.0}, user_id="t")
    )
    # Both on the wall clock: two clocks pinned to one instant but started a moment apart would disagree on
    # the order of their writes (in production every process reads the one wall clock).
    wall_clock = {k: v for k, v in os.environ.items() if k != "SKAM_NOW"}
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", _INCREMENTER, pg_url, f"proc{i}", "15"],
            cwd=ROOT,
            stderr=subprocess.PIPE,
            env=wall_clock,
        )
        for i in range(2)
    ]
    for p in runs:
        _, err = p.communicate(timeout=240)
        assert p.returncode == 0, err.decode()
    with store.cursor() as cur:
        assert current_version(cur, "delivery_capacity", {"quarter": "2027-Q1"})["person_days"] == 30.0
    versions = store.query("SELECT valid_from, valid_to FROM delivery_capacity ORDER BY valid_from").rows
    assert len(versions) == 31
    # One unbroken chain: each version ends where the next begins, only the last is open.
    assert all(a[1] == b[0] for a, b in zip(versions, versions[1:], strict=False))
    assert versions[-1][1] is None
    store.close()


def test_a_writer_that_waited_for_another_is_retried_and_lands_after_it(pg_url):
    store = Store(pg_url)
    store.transaction(
        lambda cur: save_version(cur, "users", {"user_id": "a@x", "display_name": "A", "role": "viewer"}, user_id="t")
    )
    tries = []
    holder_began = threading.Event()

    def holder():
        def work(cur):
            save_version(cur, "users", {"user_id": "a@x", "display_name": "first"}, user_id="holder")
            holder_began.set()
            time.sleep(1.0)  # the other writer starts meanwhile and must wait for this one

        store.transaction(work)

    def second(cur):
        tries.append(1)
        save_version(cur, "users", {"user_id": "a@x", "display_name": "second"}, user_id="second")

    t = threading.Thread(target=holder)
    t.start()
    holder_began.wait(10)
    store.transaction(second)
    t.join()
    assert len(tries) >= 2  # the first attempt saw an old snapshot: a serialization failure, retried
    rows = store.query("SELECT display_name, changed_by FROM users ORDER BY valid_from").rows
    assert rows == [("A", "t"), ("first", "holder"), ("second", "second")]
    store.close()


def test_the_cli_writes_while_app_processes_hold_the_store(pg_url, monkeypatch):
    monkeypatch.setattr("skam_core.storage.db.CHANGES_TTL_S", 0.0)
    app = Store(pg_url)  # as a running dashboard would
    other_app = Store(pg_url)
    seen_before = app.changes()
    out = subprocess.run(
        [sys.executable, "-m", "skam_core", "--db", pg_url, "users", "set", "chef@x.example", "executive"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "SKAM_HANDOVER": "1"},
    )
    assert out.returncode == 0, out.stderr
    assert "in use" not in out.stderr and "dashboard holds" not in out.stderr
    assert app.query("SELECT role FROM users WHERE user_id = 'chef@x.example'").single_value() == "executive"
    assert other_app.query("SELECT count(*) FROM users").single_value() == 1
    # The app processes' page caches are keyed by the change counter: the CLI's write moves it.
    assert app.changes() > seen_before
    app.close()
    other_app.close()


def test_processes_starting_at_once_migrate_a_new_database_once(pg_cluster):
    url = pg_cluster.create_database()
    code = "import sys; from skam_core.storage.db import Store; Store(sys.argv[1]).close()"
    runs = [subprocess.Popen([sys.executable, "-c", code, url], cwd=ROOT, stderr=subprocess.PIPE) for _ in range(3)]
    for p in runs:
        _, err = p.communicate(timeout=240)
        assert p.returncode == 0, err.decode()
    store = Store(url)
    counts = store.query("SELECT version, count(*) FROM schema_version GROUP BY version HAVING count(*) > 1").rows
    assert counts == []
    assert store.migrated_versions == []
    store.close()
    pg_cluster.drop_database(url)


def test_reads_on_many_short_lived_threads_at_once_give_each_its_own_frame(pg_url):
    # Result frames are made by one in-memory DuckDB shared by the process, a cursor per thread (storage.pg_cursor):
    # threads of page pools that read at the same moment must each get their own rows.
    from concurrent.futures import ThreadPoolExecutor

    store = Store(pg_url)
    try:

        def read(i: int) -> list[int]:
            sql = "SELECT g AS n, g * ? AS m FROM generate_series(1, ?) AS g ORDER BY g"
            frame = store.df(sql, [i, 500 + i])
            return [int(frame["n"].sum()), int(frame["m"].sum())]

        expected = [[(500 + i) * (501 + i) // 2, i * (500 + i) * (501 + i) // 2] for i in range(40)]
        for _ in range(3):  # new threads each round, as every page view makes its pool anew
            with ThreadPoolExecutor(max_workers=8) as pool:
                assert list(pool.map(read, range(40))) == expected
    finally:
        store.close()
