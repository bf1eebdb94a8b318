"""Invariants the store holds under concurrency, not by luck: 20 sessions (threads, as Streamlit runs them)
released at once by a barrier, each through the services. After every scenario: at most one current version
per entity key in every versioned table, at most one agreed plan per account, plan version numbers unique per
account. A writer may be refused plainly (WriteConflictError: "try again"); nothing may break."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest

from skam_core.services.imports import import_file
from skam_core.services.items import save_item
from skam_core.services.plan import agree_plan_version, start_plan_version
from skam_core.storage.db import Store, WriteConflictError
from skam_core.storage.registry import TABLES
from tests.conftest import ADMIN, AM_BECKER, DEMO_TODAY, key_account_of

THREADS = 20


def run_together(n: int, work: Callable[[int], object]) -> tuple[list[object], list[BaseException]]:
    """Start ``n`` threads that each wait at one barrier, then call ``work(i)``; their results and the
    exceptions other than a plain WriteConflictError refusal."""
    barrier = threading.Barrier(n)
    results: list[object] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def target(i: int) -> None:
        try:
            barrier.wait(timeout=30)
            out = work(i)
        except WriteConflictError:
            return
        except BaseException as exc:  # every other failure is the test's finding
            with lock:
                errors.append(exc)
            return
        with lock:
            results.append(out)

    threads = [threading.Thread(target=target, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert not any(t.is_alive() for t in threads), "a writer hung"
    return results, errors


def broken_invariants(store: Store) -> list[str]:
    found = []
    for t in TABLES.values():
        keys = ", ".join(t.key)
        doubled = store.query(
            f"SELECT {keys}, count(*) FROM {t.name} WHERE valid_to IS NULL GROUP BY {keys} HAVING count(*) > 1"
        ).rows
        found += [f"{t.name} {row[:-1]}: {row[-1]} current versions" for row in doubled]
    current = "FROM plan_versions WHERE valid_to IS NULL AND NOT is_deleted"
    agreed = store.query(
        f"SELECT customer_id, count(*) {current} AND status = 'agreed' GROUP BY customer_id HAVING count(*) > 1"
    ).rows
    found += [f"account {c}: {n} agreed plan versions" for c, n in agreed]
    numbers = store.query(
        f"SELECT customer_id, version_no, count(*) {current} GROUP BY customer_id, version_no HAVING count(*) > 1"
    ).rows
    found += [f"account {c}: plan version {v} {n} times" for c, v, n in numbers]
    return found


def _plan_numbers(store: Store, cid: str) -> list[int]:
    rows = store.query(
        "SELECT version_no FROM plan_versions WHERE customer_id = ? AND valid_to IS NULL AND NOT is_deleted",
        [cid],
    ).rows
    return sorted(r[0] for r in rows)


def _start_versions(store: Store, cid: str) -> str:
    before = _plan_numbers(store, cid)
    results, errors = run_together(THREADS, lambda i: start_plan_version(store, AM_BECKER, cid, title=f"Plan {i}"))
    assert errors == []
    after = _plan_numbers(store, cid)
    assert len(after) - len(before) == len(results)
    assert after == list(range(after[0], after[0] + len(after)))  # distinct and without gaps
    return f"{len(results)} started, {THREADS - len(results)} refused; numbers {after[-len(results) :]}"


def _agree_drafts(store: Store, cid: str) -> str:
    drafts = [start_plan_version(store, AM_BECKER, cid, title=f"Draft {i}") for i in range(THREADS)]
    results, errors = run_together(THREADS, lambda i: agree_plan_version(store, AM_BECKER, drafts[i], DEMO_TODAY))
    assert errors == []
    agreed = store.query(
        "SELECT count(*) FROM plan_versions WHERE customer_id = ? AND valid_to IS NULL AND status = 'agreed'", [cid]
    ).single_value()
    assert agreed == 1
    return f"{len(results)} agreed one after the other, {THREADS - len(results)} refused; 1 agreed at the end"


def _import_kpi_file(store: Store, cid: str) -> str:
    kpi = store.query(
        "SELECT id FROM kpi_definitions WHERE customer_id = ? AND valid_to IS NULL AND NOT is_deleted ORDER BY id",
        [cid],
    ).single_value()
    period = DEMO_TODAY.replace(day=1).strftime("%Y-%m")
    raw = f"customer_id,kpi,period,value,comment\n{cid},{kpi},{period},42.5,concurrent\n".encode()
    results, errors = run_together(
        THREADS, lambda i: import_file(store, AM_BECKER, "kpis", raw, name="k.csv", today=DEMO_TODAY)
    )
    assert errors == [] and all(r.ok for r in results)
    stored = store.query("SELECT count(*) FROM kpi_entries WHERE comment = 'concurrent'").single_value()
    assert stored == 1
    added = sum(r.added + r.changed for r in results)
    return f"{len(results)} imports ran, {added} added a value; 1 entry stored"


def _edit_one_item(store: Store, cid: str) -> str:
    sid = store.query(
        "SELECT id FROM stakeholders WHERE customer_id = ? AND valid_to IS NULL AND NOT is_deleted LIMIT 1", [cid]
    ).single_value()
    results, errors = run_together(
        THREADS, lambda i: save_item(store, AM_BECKER, "stakeholders", {"id": sid, "job_title": f"Rolle {i}"})
    )
    assert errors == []
    return f"{len(results)} edits saved, {THREADS - len(results)} refused; 1 current version"


def _create_one_item(store: Store, cid: str) -> str:
    def work(i: int) -> object:
        values = {
            "id": "concurrent-new",
            "customer_id": cid,
            "name": f"Neu {i}",
            "function": "it",
            "influence": 3,
            "attitude": 0,
        }
        return save_item(store, ADMIN if i % 2 else AM_BECKER, "stakeholders", values)

    results, errors = run_together(THREADS, work)
    assert errors == []
    versions = store.query("SELECT count(*) FROM stakeholders WHERE id = 'concurrent-new'").single_value()
    assert versions == len(results)  # each saved edit is one version of the one entity
    return f"{len(results)} saves of one new id, {THREADS - len(results)} refused; 1 entity, {versions} versions"


SCENARIOS = {
    "start a new plan version x20 on one account": _start_versions,
    "agree 20 different drafts of one account at once": _agree_drafts,
    "the same one-row KPI file imported 20 times at once": _import_kpi_file,
    "20 edits of one stakeholder at once": _edit_one_item,
    "20 creations of one new stakeholder id at once": _create_one_item,
}


@pytest.mark.parametrize("scenario", list(SCENARIOS), ids=list(SCENARIOS))
def test_twenty_concurrent_writers_break_no_invariant(demo_store, scenario):
    cid = key_account_of(demo_store, AM_BECKER.user_id, "implementation")
    assert broken_invariants(demo_store) == []
    outcome = SCENARIOS[scenario](demo_store, cid)
    assert broken_invariants(demo_store) == []
    print(f"{scenario}: {outcome}")
