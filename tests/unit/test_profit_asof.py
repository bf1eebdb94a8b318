"""The as-of pre-aggregates of the profit page (storage.queries.profit_asof) on small stores built in code, on
both engines: what a view of older knowledge reads from an epoch's entry equals what the rows visible then
give, also after corrections, after a back-dated history load that arrived once the entries were built, and
with customers who come and go."""

from __future__ import annotations

import math
from datetime import date, datetime

import numpy as np
import pandas as pd
import pytest

from skam_core.domain.asof import AsOf
from skam_core.domain.periods import window_for
from skam_core.io.known_since import KnownSince
from skam_core.services.imports import import_file as run_import
from skam_core.storage import versioned
from skam_core.storage.queries import profit as pq
from skam_core.storage.queries import profit_asof as pa
from skam_core.storage.queries import profit_fe as pfq
from skam_core.views import profit as profit_view
from skam_core.views.profit import profit
from tests.conftest import ADMIN, DEMO_TODAY
from tests.unit.test_profit_comparison import MONTHS, TODAY, add_customers, add_financials, panel_store

# As-of days around the bookings (each month known from the 10th of the next): mid-month, the day before and the
# day of a booking, month-ends (the eagerly filled ones).
DAYS = [date(2026, 9, 2), date(2026, 9, 9), date(2026, 9, 10), date(2026, 8, 31), date(2026, 6, 30)]


def entries(store) -> int:
    return store.query("SELECT count(*) FROM agg_asof_epochs").single_value()


def close(a: np.ndarray, b: np.ndarray, floor: float = 0.0) -> None:
    """Equal to 1e-9 of the largest value (sums over thousands of rows differ in their last bits only), or to
    ``floor`` where all values are rounding noise around 0 (the scores of a single month's panel)."""
    scale = float(np.max(np.abs(b))) if b.size else 0.0
    np.testing.assert_allclose(a, b, rtol=1e-9, atol=max(1e-9 * scale, floor))


def assert_entry_equals_rows(store, asof: AsOf) -> str:
    """The entry of ``asof`` (built if needed) holds the effect sums, window sums and margin spread that the
    rows visible at ``asof`` give; returns its id."""
    pq.ensure_aggregates(store, TODAY)
    window = window_for(pq.latest_month(store, asof))
    entry = pa.ensure(store, asof, window)
    assert entry is not None
    kept, rows = pa.effect_sums(store, entry), pfq.effect_sums(store, asof, window.end, False)
    assert kept.first == rows.first
    unit = float(np.max(np.abs(rows.revenue))) if rows.revenue.size else 0.0  # a month's revenue
    for name in ("revenue", "operating_profit", "adjusted", "gram", "meat"):
        # gram and meat are sums of products of revenues and scores: their noise is far below 1e-12 unit²
        close(getattr(kept, name), getattr(rows, name), 1e-12 * unit**2 if name in ("gram", "meat") else 0.0)
    cached = pq.window_sums(store, asof, window.start, window.end, epoch=entry).sort_values("customer_id")
    summed = pq.window_sums(store, asof, window.start, window.end).sort_values("customer_id")
    assert cached["customer_id"].tolist() == summed["customer_id"].tolist()
    for col in ("revenue", "operating_profit"):
        close(cached[col].to_numpy(), summed[col].to_numpy())
    ids = pq.skam_accounts(store, asof)["customer_id"].tolist()
    unlisted = pq.unlisted_customers(store, asof)
    a = pq.margin_spread(store, asof, window.start, window.end, ids, unlisted, epoch=entry)
    b = pq.margin_spread(store, asof, window.start, window.end, ids, unlisted)
    assert a["customers"].tolist() == b["customers"].tolist()
    close(a["mean"].to_numpy(), b["mean"].to_numpy())
    close(np.vstack(a["q"].map(np.asarray)), np.vstack(b["q"].map(np.asarray)))
    return entry


def approx_json(a, b, path="") -> None:
    if isinstance(a, dict):
        assert a.keys() == b.keys(), path
        for k in a:
            approx_json(a[k], b[k], f"{path}.{k}")
    elif isinstance(a, list):
        assert len(a) == len(b), path
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            approx_json(x, y, f"{path}[{i}]")
    elif isinstance(a, float) and isinstance(b, float) and not (math.isnan(a) and math.isnan(b)):
        assert a == pytest.approx(b, rel=1e-9, abs=1e-12), path
    else:
        assert a == b, path


def page_from_rows(store, asof: AsOf, monkeypatch) -> dict:
    """The profit page as of a past day with every all-customer sum taken from the rows (no as-of entry)."""
    with monkeypatch.context() as m:
        m.setattr(profit_view, "sources", lambda *_: profit_view.Sources(False, None))
        return profit(store, asof).as_json()


def test_as_of_sums_from_the_epoch_aggregate_equal_the_sums_over_the_rows(store):
    panel_store(store, skam={"S1": "2025-03-15", "S2": "2025-06-02"}, others=12)
    for day in DAYS:
        assert_entry_equals_rows(store, AsOf.at(day, TODAY))


def test_every_day_of_an_epoch_reads_one_entry_and_a_booking_day_starts_the_next(store):
    panel_store(store, skam={"S1": "2025-03-15"}, others=6)
    mid, eve, booking = (assert_entry_equals_rows(store, AsOf.at(d, TODAY)) for d in DAYS[:3])
    assert mid == eve  # 2026-09-02 and 2026-09-09 see the same rows (August is booked on the 10th)
    assert booking != mid


def test_the_profit_page_as_of_a_past_day_equals_its_computation_from_the_rows(store, monkeypatch):
    panel_store(store, skam={"S1": "2025-03-15", "S2": "2025-06-02"}, others=12)
    asof = AsOf.at(date(2026, 9, 2), TODAY)
    first, again = profit(store, asof).as_json(), profit(store, asof).as_json()  # builds the entry, then reads it
    approx_json(first, page_from_rows(store, asof, monkeypatch))
    approx_json(again, first)


def test_a_correction_imported_later_changes_no_earlier_entry_and_shows_after_it(store):
    panel_store(store, skam={"S1": "2025-03-15"}, others=8)
    before = AsOf.at(date(2026, 11, 20), TODAY)
    kept = assert_entry_equals_rows(store, before)
    csv = "customer_id,month,revenue,operating_profit\nP001,2026-09,10000,5000\n"
    assert run_import(store, ADMIN, "financials", csv.encode(), name="fix.csv", today=TODAY).ok
    assert assert_entry_equals_rows(store, before) == kept  # nothing known by then changed
    now = AsOf.now(TODAY)
    window = window_for(pq.latest_month(store, now))
    sums = pq.window_sums(store, now, window.start, window.end).set_index("customer_id")
    assert sums.loc["P001", "operating_profit"] > 5000  # the correction is in the current figures


@pytest.mark.parametrize("cleanup", [True, False], ids=["rebuild drops stale entries", "stale entries left"])
def test_a_back_dated_history_load_after_the_entries_were_built_is_never_served_stale(store, monkeypatch, cleanup):
    # The entries of past days are built from the rows known then; a history load that declares rows known
    # before those days (the same booking days as the rows already there) must replace them, not be hidden —
    # also where the stale entries are still there (the lookup checks them itself).
    if not cleanup:
        monkeypatch.setattr(pa, "drop_stale", lambda cur: None)
    panel_store(store, skam={"S1": "2025-03-15"}, others=8)
    days = [AsOf.at(d, TODAY) for d in DAYS]
    built = {d: assert_entry_equals_rows(store, d) for d in days}
    page = profit(store, days[0]).as_json()
    add_customers(store, [("H1", None), ("H2", None)])
    csv = "customer_id,month,revenue,operating_profit\n" + "".join(
        f"{c},{m:%Y-%m},{20_000 + i},{-3_000 - i}\n" for i, m in enumerate(MONTHS[:-1]) for c in ("H1", "H2")
    )
    history = KnownSince(days_after_month_end=9)  # each month known from the 10th of the next, as the others
    result = run_import(store, ADMIN, "financials", csv.encode(), name="h.csv", today=TODAY, known_since=history)
    assert result.ok and result.added == 2 * (len(MONTHS) - 1)
    for d in days:
        assert assert_entry_equals_rows(store, d) != built[d]
    after = profit(store, days[0]).as_json()
    assert after["others"]["customers"] == page["others"]["customers"] + 2
    approx_json(after, page_from_rows(store, days[0], monkeypatch))


def test_a_back_dated_correction_replaces_the_entries_of_the_days_after_it_only(store):
    panel_store(store, skam={"S1": "2025-03-15"}, others=8)
    early, late = AsOf.at(date(2026, 7, 20), TODAY), AsOf.at(date(2026, 9, 20), TODAY)
    kept_early, kept_late = assert_entry_equals_rows(store, early), assert_entry_equals_rows(store, late)
    csv = "customer_id,month,revenue,operating_profit,known_since\nP002,2026-06,9000,-4000,2026-08-01\n"
    assert run_import(store, ADMIN, "financials", csv.encode(), name="c.csv", today=TODAY).ok
    assert assert_entry_equals_rows(store, early) == kept_early
    assert assert_entry_equals_rows(store, late) != kept_late


def test_customers_who_come_and_go_give_the_same_page_from_the_entry_and_from_the_rows(store, monkeypatch):
    rng = np.random.default_rng(5)
    add_customers(store, [("S1", "2025-04-10"), ("S2", "2025-09-01")] + [(f"P{i:02d}", None) for i in range(14)])
    rows = []
    for i, cid in enumerate(["S1", "S2"] + [f"P{i:02d}" for i in range(14)]):
        first, last = (int(rng.integers(0, 12)), int(rng.integers(24, 34))) if i % 3 else (0, 34)
        for m in MONTHS[first:last]:
            rev = float(rng.uniform(2_000, 9_000))
            rows.append((cid, m, round(rev, 2), round(rev * rng.normal(0.05, 0.02), 2)))
    add_financials(store, rows)
    # One customer removed from the master data in between (its rows count in neither group from then on).
    removed = datetime(2026, 8, 15)
    store.transaction(
        lambda cur: versioned.save_version(
            cur, "customers", {"customer_id": "P04"}, user_id="test", deleted=True, now=removed
        )
    )
    for day in (date(2026, 7, 31), date(2026, 9, 2), date(2026, 10, 31)):
        asof = AsOf.at(day, TODAY)
        assert_entry_equals_rows(store, asof)
        approx_json(profit(store, asof).as_json(), page_from_rows(store, asof, monkeypatch))


def test_a_rebuild_fills_the_recent_month_ends_and_their_views_build_nothing(store, monkeypatch):
    monkeypatch.setattr(pa, "EAGER_ON_POSTGRES", True)  # the rule is the same on both engines; only the cost differs
    panel_store(store, skam={"S1": "2025-03-15"}, others=6)
    pq.ensure_aggregates(store, TODAY)
    built = entries(store)
    assert built == pa.EAGER_MONTHS  # one epoch per month-end here: each month is booked on its own day
    for day in pa.month_ends(TODAY, pa.EAGER_MONTHS):
        assert_entry_equals_rows(store, AsOf.at(day, TODAY))
    assert entries(store) == built


def test_a_rebuild_on_postgresql_builds_no_entry_until_one_is_viewed(store):
    panel_store(store, skam={"S1": "2025-03-15"}, others=6)
    pq.ensure_aggregates(store, TODAY)
    assert entries(store) == (0 if store.dialect.is_postgres else pa.EAGER_MONTHS)


def test_entries_of_an_older_definition_are_never_served(store, monkeypatch):
    panel_store(store, skam={"S1": "2025-03-15"}, others=6)
    asof = AsOf.at(date(2026, 9, 2), TODAY)
    kept = assert_entry_equals_rows(store, asof)
    monkeypatch.setattr(pa, "DEFINITION", pa.DEFINITION + "-next")
    assert assert_entry_equals_rows(store, asof) != kept


def test_the_demo_profit_page_as_of_a_past_day_is_the_one_computed_from_the_rows(demo_store, monkeypatch):
    asof = AsOf.at(DEMO_TODAY - pd.Timedelta(days=90), DEMO_TODAY)
    approx_json(profit(demo_store, asof).as_json(), page_from_rows(demo_store, asof, monkeypatch))


def test_the_portfolio_of_a_past_day_reads_the_stored_window_sums_when_they_exist_and_builds_none(store):
    from skam_core.storage.queries import portfolio as portq
    from skam_core.views import portfolio as portfolio_view

    panel_store(store, skam={"S1": "2025-03-15", "S2": "2025-06-02"}, others=12)
    asof = AsOf.at(date(2026, 6, 5), TODAY)  # an epoch older than the month-ends a rebuild fills
    pq.ensure_aggregates(store, TODAY)
    win, span, current = portfolio_view.window(store, asof)
    assert win is not None and not current
    before = entries(store)
    assert portfolio_view.stored_entry(store, asof, win, current) is None
    portfolio_view.portfolio(store, asof)
    assert entries(store) == before  # the portfolio alone builds no entry
    summed = portq.portfolio_frames(store, asof, span.start, span.end, False)
    rank_summed = portq.standing(store, asof, span.start, span.end, False, "S1")
    entry = pa.ensure(store, asof, win)  # as the profit page's first view of the epoch does
    assert portfolio_view.stored_entry(store, asof, win, current) == entry
    kept = portq.portfolio_frames(store, asof, span.start, span.end, False, entry)
    for a, b in zip(kept, summed, strict=True):
        a, b = (f.sort_values(list(f.columns[:3])).reset_index(drop=True) for f in (a, b))
        assert a.columns.tolist() == b.columns.tolist()
        for col in a.columns:
            if pd.api.types.is_float_dtype(a[col]):
                close(a[col].to_numpy(), b[col].to_numpy())
            else:
                assert a[col].tolist() == b[col].tolist(), col
    groups, rank = portq.standing(store, asof, span.start, span.end, False, "S1", entry)
    assert rank == rank_summed[1]
    kept_groups, summed_groups = (g.sort_values("is_skam") for g in (groups, rank_summed[0]))  # no row order
    assert kept_groups["customers"].tolist() == summed_groups["customers"].tolist()
    close(kept_groups["revenue"].to_numpy(), summed_groups["revenue"].to_numpy())
