"""Many sessions writing at the same moment (Streamlit runs each session in its own thread): KPI entries are all
stored without an error; concurrent status updates of one milestone leave exactly one current version."""

from __future__ import annotations

import threading

from skam_core.domain.validation import month_add
from skam_core.services.kpis import KpiEntry, record_kpi_entries, record_kpi_entry
from skam_core.services.milestones import update_milestone_status
from skam_core.storage.db import WriteConflictError
from tests.conftest import ADMIN, AM_BECKER, AM_YILMAZ, DEMO_TODAY, key_account_of

THREADS = 20


def _run_together(n: int, work) -> list[BaseException]:
    barrier = threading.Barrier(n)
    errors: list[BaseException] = []
    lock = threading.Lock()

    def target(i: int) -> None:
        try:
            barrier.wait(timeout=30)
            work(i)
        except BaseException as exc:  # every failure is the test's finding
            with lock:
                errors.append(exc)

    threads = [threading.Thread(target=target, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not any(t.is_alive() for t in threads), "a writer hung"
    return errors


def _kpis(store, cid):
    rows = store.query(
        "SELECT id FROM kpi_definitions WHERE customer_id = ? AND valid_to IS NULL AND NOT is_deleted ORDER BY id",
        [cid],
    ).rows
    return [r[0] for r in rows]


def test_twenty_threads_recording_kpi_entries_at_once_store_every_entry(demo_store):
    own = key_account_of(demo_store, AM_BECKER.user_id, "implementation")
    other = key_account_of(demo_store, AM_YILMAZ.user_id, "implementation")
    becker_kpis, yilmaz_kpis = _kpis(demo_store, own), _kpis(demo_store, other)
    this_month = DEMO_TODAY.replace(day=1)
    before = int(demo_store.query("SELECT count(*) FROM kpi_entries").single_value())
    per_thread = 5

    def work(i: int) -> None:
        # Becker, Yilmaz and an admin at once, on the same KPIs and periods (corrections racing each other)
        user, kpis = [(AM_BECKER, becker_kpis), (AM_YILMAZ, yilmaz_kpis), (ADMIN, becker_kpis)][i % 3]
        for j in range(per_thread - 1):
            record_kpi_entry(
                demo_store, user, kpis[(i + j) % len(kpis)], month_add(this_month, -(j % 2)), 40.0 + i, f"t{i}-{j}"
            )
        record_kpi_entries(demo_store, user, [KpiEntry(kpis[i % len(kpis)], this_month, 10.0 + i, f"t{i}-bulk")])

    errors = _run_together(THREADS, work)
    assert errors == []
    after = int(demo_store.query("SELECT count(*) FROM kpi_entries").single_value())
    assert after - before == THREADS * per_thread
    comments = {
        r[0]
        for r in demo_store.query("SELECT comment FROM kpi_entries WHERE comment LIKE 't%'").rows
        if r[0] is not None
    }
    assert comments == {f"t{i}-{j}" for i in range(THREADS) for j in range(per_thread - 1)} | {
        f"t{i}-bulk" for i in range(THREADS)
    }
    ids = demo_store.query("SELECT count(DISTINCT entry_id), count(*) FROM kpi_entries").rows[0]
    assert ids[0] == ids[1]


def test_concurrent_status_updates_of_one_milestone_keep_one_current_version(demo_store):
    cid = key_account_of(demo_store, AM_BECKER.user_id, "implementation")
    mid = demo_store.query(
        "SELECT id FROM milestones WHERE customer_id = ? AND valid_to IS NULL ORDER BY due DESC LIMIT 1", [cid]
    ).single_value()
    n = 8

    def work(i: int) -> None:
        try:
            update_milestone_status(demo_store, AM_BECKER, mid, "at_risk", f"Meldung {i}")
        except WriteConflictError:
            pass  # a plain "try again" for that user is acceptable; a broken history is not

    errors = _run_together(n, work)
    assert errors == []
    current = demo_store.query("SELECT count(*) FROM milestones WHERE id = ? AND valid_to IS NULL", [mid]).rows[0][0]
    assert current == 1
    chain = demo_store.query("SELECT valid_from, valid_to FROM milestones WHERE id = ? ORDER BY valid_from", [mid]).rows
    for (_, closed), (opened, _) in zip(chain, chain[1:], strict=False):
        assert closed == opened  # every version is closed exactly when the next begins
