"""The as-of entries of past month-ends built in the background of a running dashboard (services.asof_fill), on
both engines: after it every month-end view reads a stored entry that equals the rows visible then; it only
adds rows, so an import committed while it builds goes through and what it made stale is never served."""

from __future__ import annotations

import threading
import time
from contextlib import contextmanager
from datetime import date

from skam_core.domain.asof import AsOf
from skam_core.io.known_since import KnownSince
from skam_core.services import asof_fill
from skam_core.services.imports import import_file as run_import
from skam_core.storage.queries import profit as pq
from skam_core.storage.queries import profit_asof as pa
from tests.conftest import ADMIN
from tests.unit.test_profit_asof import assert_entry_equals_rows, entries
from tests.unit.test_profit_comparison import MONTHS, TODAY, add_customers, panel_store


def month_end_views(store) -> list[AsOf]:
    """The as-of views of the month-ends the fill covers that have figures and are not the current view."""
    state = pq.ensure_aggregates(store, TODAY)
    out = []
    for day in pa.month_ends(TODAY, asof_fill.MONTHS):
        asof = AsOf.at(day, TODAY)
        latest = pq.latest_month(store, asof)
        if latest is not None and not (asof.instant > state.valid_after and latest == state.window_end):
            out.append(asof)
    return out


def history_csv() -> bytes:
    """Two more customers' whole history, each month known from the 10th of the next (as the rows there)."""
    return (
        "customer_id,month,revenue,operating_profit\n"
        + "".join(f"{c},{m:%Y-%m},{20_000 + i},{-3_000 - i}\n" for i, m in enumerate(MONTHS[:-1]) for c in ("H1", "H2"))
    ).encode()


def load_history(store):
    add_customers(store, [("H1", None), ("H2", None)])
    known = KnownSince(days_after_month_end=9)
    result = run_import(store, ADMIN, "financials", history_csv(), name="h.csv", today=TODAY, known_since=known)
    assert result.ok, result


def test_after_the_fill_every_month_end_view_reads_a_stored_entry_equal_to_its_rows(store):
    panel_store(store, skam={"S1": "2025-03-15"}, others=6)
    views = month_end_views(store)
    assert len(views) > 2 * pa.EAGER_MONTHS  # the history reaches further back than the rebuild's own fill
    before = entries(store)  # the rebuild's (DuckDB only)
    assert asof_fill.fill_once(store, TODAY) == len(views) - before
    kept = entries(store)
    for asof in views:
        assert_entry_equals_rows(store, asof)
    assert entries(store) == kept  # the views found every entry: none was built on view
    assert asof_fill.fill_once(store, TODAY) == 0


def test_the_fill_never_deletes_or_updates_a_row(store, monkeypatch):
    panel_store(store, skam={"S1": "2025-03-15"}, others=6)
    pq.ensure_aggregates(store, TODAY)
    seen: list[str] = []
    cursor = store.cursor

    class Recording:  # every statement the fill sends, through any cursor of the store
        def __init__(self, cur):
            self._cur = cur

        def execute(self, sql, *args):
            seen.append(" ".join(str(sql).split()).upper())
            return self._cur.execute(sql, *args)

        def __getattr__(self, name):
            return getattr(self._cur, name)

    @contextmanager
    def recording_cursor():
        with cursor() as cur:
            yield Recording(cur)

    monkeypatch.setattr(store, "cursor", recording_cursor)
    assert asof_fill.fill_once(store, TODAY) > 0
    writes = [s for s in seen if s.startswith(("DELETE", "UPDATE", "TRUNCATE", "DROP"))]
    assert writes == []
    assert any(s.startswith("INSERT INTO AGG_ASOF_EPOCHS") for s in seen)


def test_an_import_committed_while_the_fill_builds_lands_and_leaves_no_stale_entry_served(store, monkeypatch):
    panel_store(store, skam={"S1": "2025-03-15"}, others=6)
    pq.ensure_aggregates(store, TODAY)
    inside, imported = threading.Event(), threading.Event()
    fill, errors, built = pa.fill, [], []

    def fill_after_the_import(cur, targets, **kwargs):
        if not inside.is_set():  # the fill's first batch: its snapshot is taken; let the import commit now
            inside.set()
            assert imported.wait(120)
        return fill(cur, targets, **kwargs)

    monkeypatch.setattr(pa, "fill", fill_after_the_import)

    def background():
        try:
            built.append(pa.fill_missing(store, TODAY, None, None, months=asof_fill.MONTHS, batch=4))
        except Exception as exc:  # reported below
            errors.append(exc)

    worker = threading.Thread(target=background)
    worker.start()
    assert inside.wait(120)
    load_history(store)  # rebuilds the aggregates and drops stale entries in its own transaction
    imported.set()
    worker.join(120)
    assert not worker.is_alive() and errors == [] and built and built[0] > 0
    for asof in month_end_views(store):  # built before the import saw other rows: rebuilt, never served
        assert_entry_equals_rows(store, asof)


def test_the_background_thread_builds_after_start_and_again_after_a_history_load(store):
    panel_store(store, skam={"S1": "2025-03-15"}, others=6)
    filler = asof_fill.BackgroundFill(store, lambda: TODAY, poll_s=0.05, first_s=0.0).start()
    try:

        def wait_for(condition) -> None:
            deadline = time.monotonic() + 120
            while not condition():
                assert time.monotonic() < deadline, "the background fill did not get there"
                time.sleep(0.05)

        wait_for(lambda: filler.runs >= 1)
        first = filler.built
        assert first > 0
        runs = filler.runs
        wait_for(lambda: filler.runs >= runs + 3)
        assert filler.built == first  # nothing changed: nothing built again
        load_history(store)
        wait_for(lambda: filler.built > first)  # counted when the fill after the load has finished
    finally:
        filler.stop()
    for asof in month_end_views(store):
        assert_entry_equals_rows(store, asof)


def test_a_process_finding_another_one_building_skips_its_turn_without_waiting(store):
    panel_store(store, skam={"S1": "2025-03-15"}, others=6)
    pq.ensure_aggregates(store, TODAY)
    before = entries(store)
    with store.if_alone(asof_fill.LOCK) as alone:
        assert alone  # a DuckDB file has one process: always alone
        if store.dialect.is_postgres:  # the lock held on one connection, as by another app process
            assert asof_fill.fill_once(store, TODAY) is None
            assert entries(store) == before
    assert asof_fill.fill_once(store, TODAY) == len(month_end_views(store)) - before


def test_the_dashboard_starts_no_background_fill_when_switched_off(store, monkeypatch):
    monkeypatch.setenv(asof_fill.SWITCH, "0")
    assert asof_fill.start_for(store) is None


def test_the_month_ends_filled_are_the_last_three_years_latest_first():
    ends = asof_fill.month_ends(date(2026, 11, 27))
    assert ends[0] == date(2026, 10, 31) and ends[-1] == date(2023, 11, 30) and ends == sorted(ends, reverse=True)
