"""The portfolio's figures kept for a view of older knowledge (migration 043, storage.queries.portfolio_asof) on
small stores built in code, on both engines: what a read takes from them equals the join and rank at read time
over the as-of entry, a later view of the same day reads them without building again, and a change of the
customers (even one back-dated before the day shown) is never answered from figures kept before it."""

from __future__ import annotations

from datetime import date, datetime

from skam_core.domain.asof import AsOf
from skam_core.storage import versioned
from skam_core.storage.queries import portfolio as portq
from skam_core.storage.queries import portfolio_asof
from skam_core.storage.queries import profit as pq
from skam_core.storage.queries import profit_asof as pa
from skam_core.views import portfolio as portfolio_view
from tests.unit.test_portfolio_kept import _same_frame
from tests.unit.test_profit_comparison import TODAY, panel_store

PAST = date(2026, 6, 5)  # an epoch older than the month-ends a rebuild fills


def kept_count(store) -> int:
    return store.query("SELECT count(*) FROM agg_asof_portfolio").single_value()


def _entry(store, asof: AsOf) -> tuple[str, object]:
    """The as-of entry of ``asof`` (built as the profit page's first view of the epoch builds it) and its span."""
    pq.ensure_aggregates(store, TODAY)
    win, span, current = portfolio_view.window(store, asof)
    assert win is not None and not current
    entry = pa.ensure(store, asof, win)
    assert entry is not None and portfolio_view.stored_entry(store, asof, win, current) == entry
    return entry, span


def assert_kept_equals_read_time(store, asof: AsOf, account: str) -> str:
    """The kept portfolio of ``asof`` (built if needed) gives what the join and rank over its entry give."""
    entry, span = _entry(store, asof)
    kept = portfolio_asof.ensure(store, asof, entry)
    assert kept is not None
    a = portq.portfolio_frames(store, asof, span.start, span.end, False, entry, kept_asof=kept)
    b = portq.portfolio_frames(store, asof, span.start, span.end, False, entry)
    _same_frame(a[0], b[0], ["is_skam", "skam_stage"])
    _same_frame(a[1], b[1], ["customer_id"])
    a_groups, a_rank = portq.standing(store, asof, span.start, span.end, False, account, entry, kept_asof=kept)
    b_groups, b_rank = portq.standing(store, asof, span.start, span.end, False, account, entry)
    assert a_rank == b_rank
    _same_frame(a_groups, b_groups, ["is_skam"])
    _same_frame(
        portq.candidate_rows(store, asof, span.start, span.end, False, entry, kept_asof=kept),
        portq.candidate_rows(store, asof, span.start, span.end, False, entry),
        ["customer_id"],
    )
    return kept


def test_the_kept_portfolio_of_a_past_day_equals_the_join_and_rank_over_its_entry(store):
    panel_store(store, skam={"S1": "2025-03-15", "S2": "2026-12-20"}, others=12)
    # A customer removed before the day shown counts nowhere that day, one removed after it still does.
    for cid, when in (("P003", datetime(2026, 5, 1)), ("P007", datetime(2026, 8, 1))):
        store.transaction(
            lambda cur, cid=cid, when=when: versioned.save_version(
                cur, "customers", {"customer_id": cid}, user_id="t", deleted=True, now=when
            )
        )
    asof = AsOf.at(PAST, TODAY)
    assert_kept_equals_read_time(store, asof, "S1")
    assert_kept_equals_read_time(store, asof, "P007")
    ids = set(portfolio_view.portfolio(store, asof).accounts["customer_id"]) | {"P007"}
    assert "P003" not in ids


def test_the_portfolio_page_builds_the_kept_figures_of_a_past_day_once_and_the_standing_reads_them(store):
    panel_store(store, skam={"S1": "2025-03-15"}, others=8)
    asof = AsOf.at(PAST, TODAY)
    _entry(store, asof)
    assert kept_count(store) == 0
    first = portfolio_view.portfolio(store, asof)
    assert kept_count(store) == 1
    again = portfolio_view.portfolio(store, asof)
    assert kept_count(store) == 1
    assert again.comparison == first.comparison
    standing = portfolio_view.standing(store, asof, "S1")
    assert kept_count(store) == 1
    row = first.accounts.set_index("customer_id").loc["S1"]
    assert standing.size_rank == row["size_rank"]


def test_a_back_dated_change_of_a_customer_is_never_answered_from_figures_kept_before_it(store):
    panel_store(store, skam={"S1": "2025-03-15"}, others=8)
    asof = AsOf.at(PAST, TODAY)
    before = assert_kept_equals_read_time(store, asof, "S1")
    assert portfolio_view.portfolio(store, asof).stage_counts["fit"] == 0
    # Known from a day before the one shown: the past view itself changes.
    store.transaction(
        lambda cur: versioned.save_version(
            cur, "customers", {"customer_id": "P001", "skam_stage": "fit"}, user_id="t", now=datetime(2026, 5, 2)
        )
    )
    assert portfolio_view.portfolio(store, asof).stage_counts["fit"] == 1
    after = assert_kept_equals_read_time(store, asof, "P001")
    assert after != before
    remaining = set(store.df("SELECT id FROM agg_asof_portfolio")["id"])
    assert remaining == {after}  # the one kept before the change was dropped when the next was built


def test_no_more_than_the_most_recent_kept_portfolios_stay(store, monkeypatch):
    monkeypatch.setattr(portfolio_asof, "MAX_KEPT", 2)
    panel_store(store, skam={"S1": "2025-03-15"}, others=6)
    days = [date(2026, 6, 2), date(2026, 6, 3), date(2026, 6, 4), date(2026, 6, 5)]
    for day in days:
        assert_kept_equals_read_time(store, AsOf.at(day, TODAY), "S1")
    assert kept_count(store) == 2
    for table in ("agg_asof_portfolio_customers", "agg_asof_portfolio_groups"):
        orphans = store.query(f"SELECT count(*) FROM {table} WHERE id NOT IN (SELECT id FROM agg_asof_portfolio)")
        assert orphans.single_value() == 0


def test_a_kept_portfolio_dropped_between_its_lookup_and_the_read_is_read_joined_instead(store, monkeypatch):
    panel_store(store, skam={"S1": "2025-03-15"}, others=6)
    asof = AsOf.at(PAST, TODAY)
    _entry(store, asof)
    expected = portfolio_view.portfolio(store, asof)
    rank = portfolio_view.standing(store, asof, "S1").size_rank
    # Another session's build evicts it right after this view found it.
    monkeypatch.setattr(portfolio_asof, "ensure", lambda *_a: "dropped-meanwhile")
    monkeypatch.setattr(portfolio_asof, "existing", lambda *_a: "dropped-meanwhile")
    again = portfolio_view.portfolio(store, asof)
    assert again.comparison == expected.comparison
    assert again.accounts["customer_id"].tolist() == expected.accounts["customer_id"].tolist()
    assert portfolio_view.standing(store, asof, "S1").size_rank == rank
