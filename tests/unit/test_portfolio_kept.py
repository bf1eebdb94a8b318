"""The portfolio's kept figures (migration 041: group sums and size ranks rebuilt with the aggregates) on small
stores built in code, on both engines: what a read takes from them equals what the join and rank at read time
give, an import or an edit of a customer changes them before the next read, and a view of older knowledge does
not use them."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd

from skam_core.domain.asof import AsOf
from skam_core.services.imports import import_file as run_import
from skam_core.storage import versioned
from skam_core.storage.queries import portfolio as portq
from skam_core.views import portfolio as portfolio_view
from tests.conftest import ADMIN, DEMO_TODAY
from tests.unit.test_profit_comparison import TODAY, panel_store


def _close(a: np.ndarray, b: np.ndarray) -> None:
    np.testing.assert_allclose(a, b, rtol=1e-9, atol=1e-6)


def _same_frame(a: pd.DataFrame, b: pd.DataFrame, keys: list[str]) -> None:
    a, b = (f.sort_values(keys).reset_index(drop=True) for f in (a, b))
    assert a.columns.tolist() == b.columns.tolist()
    for col in a.columns:
        if pd.api.types.is_float_dtype(a[col]):
            _close(a[col].to_numpy(), b[col].to_numpy())
        else:
            assert a[col].tolist() == b[col].tolist(), col


def _state_and_window(store, asof: AsOf):
    state, win, span, current = portfolio_view.aggregates_window(store, asof)
    return state, win, span, current


def assert_kept_equals_read_time(store, asof: AsOf, account: str) -> None:
    """The kept figures apply to ``asof`` and give what the join and rank at read time give."""
    state, win, span, current = _state_and_window(store, asof)
    assert portfolio_view._kept_applies(state, asof, win)
    kept = portq.portfolio_frames(store, asof, span.start, span.end, current, kept=True)
    joined = portq.portfolio_frames(store, asof, span.start, span.end, current, kept=False)
    _same_frame(kept[0], joined[0], ["is_skam", "skam_stage"])
    _same_frame(kept[1], joined[1], ["customer_id"])
    k_groups, k_rank = portq.standing(store, asof, span.start, span.end, current, account, kept=True)
    j_groups, j_rank = portq.standing(store, asof, span.start, span.end, current, account, kept=False)
    assert k_rank == j_rank
    _same_frame(k_groups, j_groups, ["is_skam"])
    _same_frame(
        portq.candidate_rows(store, asof, span.start, span.end, current, kept=True),
        portq.candidate_rows(store, asof, span.start, span.end, current, kept=False),
        ["customer_id"],
    )


def test_the_kept_portfolio_figures_equal_the_ones_joined_and_ranked_at_read_time(store):
    panel_store(store, skam={"S1": "2025-03-15", "S2": "2026-12-20"}, others=12)
    assert_kept_equals_read_time(store, AsOf.now(TODAY), "S1")
    # S2 counts as SKAM only from its start: the kept sums are grouped by the start, not by a flag of one day.
    later = AsOf.now(date(2026, 12, 21))  # the same window (no later figures), S2 now a SKAM account
    assert_kept_equals_read_time(store, later, "S2")
    groups = portq.portfolio_frames(store, later, date(2025, 11, 1), date(2026, 10, 1), True, kept=True)[0]
    assert groups.loc[groups["is_skam"], "customers"].sum() == 2


def test_an_import_of_financials_changes_the_kept_group_sums_before_the_next_read(store):
    panel_store(store, skam={"S1": "2025-03-15"}, others=6)
    asof = AsOf.now(TODAY)
    before = portfolio_view.portfolio(store, asof)
    csv = "customer_id,month,revenue,operating_profit\nP000,2026-10,90000,9000\n"
    result = run_import(store, ADMIN, "financials", csv.encode(), name="fix.csv", today=TODAY)
    assert result.ok and result.changed == 1
    after = portfolio_view.portfolio(store, asof)
    assert after.comparison.others.revenue > before.comparison.others.revenue + 70_000
    assert_kept_equals_read_time(store, asof, "S1")


def test_an_edit_of_a_customer_moves_it_in_the_kept_figures_before_the_next_read(store):
    panel_store(store, skam={"S1": "2025-03-15"}, others=6)
    asof = AsOf.now(TODAY)
    assert portfolio_view.portfolio(store, asof).stage_counts["fit"] == 0
    store.transaction(
        lambda cur: versioned.save_version(cur, "customers", {"customer_id": "P001", "skam_stage": "fit"}, user_id="t")
    )
    after = portfolio_view.portfolio(store, asof)
    assert after.stage_counts["fit"] == 1
    assert "P001" in set(after.accounts["customer_id"])
    assert_kept_equals_read_time(store, asof, "P001")


def test_a_view_of_the_customers_before_their_last_change_is_joined_at_read_time(store):
    panel_store(store, skam={"S1": "2025-03-15"}, others=6)
    store.transaction(
        lambda cur: versioned.save_version(cur, "customers", {"customer_id": "P001", "skam_stage": "fit"}, user_id="t")
    )
    # As of yesterday the window sums are current (no figures changed since), the customers are not.
    asof = AsOf.at(DEMO_TODAY - timedelta(days=1), DEMO_TODAY)
    state, win, span, current = _state_and_window(store, asof)
    assert current and not portfolio_view._kept_applies(state, asof, win)
    assert portfolio_view.portfolio(store, asof).stage_counts["fit"] == 0
    assert portfolio_view.portfolio(store, asof.current).stage_counts["fit"] == 1
