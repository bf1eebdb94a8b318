"""The profit comparison on small stores built in code: group sums, ratio, as-of, edge cases, aggregates."""

from __future__ import annotations

from datetime import date, datetime

import numpy as np
import pandas as pd
import pytest

from skam_core.domain.asof import AsOf
from skam_core.domain.validation import month_add
from skam_core.services.imports import import_file as run_import
from skam_core.storage import bulk, versioned
from skam_core.storage.queries import profit as pq
from skam_core.views.portfolio import portfolio
from skam_core.views.profit import customer_window_sums, profit
from tests.conftest import ADMIN, DEMO_TODAY

TODAY = date(2026, 11, 27)
FIRST = date(2024, 1, 1)  # 34 months of data: 2024-01 .. 2026-10
MONTHS = [month_add(FIRST, t) for t in range(34)]
CREATED = datetime(2023, 6, 1)


def booked(month: date) -> datetime:
    """A month's figures become known on the 10th of the following month."""
    return datetime.combine(month_add(month, 1).replace(day=10), datetime.min.time())


def add_customers(store, rows: list[tuple[str, str | None]]) -> None:
    """(customer_id, skam_start ISO date or None)."""
    df = pd.DataFrame(
        {
            "customer_id": [c for c, _ in rows],
            "name": [f"Kunde {c}" for c, _ in rows],
            "skam_stage": ["implementation" if s else "none" for _, s in rows],
            "skam_start": [date.fromisoformat(s) if s else None for _, s in rows],
        }
    )
    store.transaction(lambda cur: versioned.insert_versions(cur, "customers", df, user_id="test", valid_from=CREATED))


def add_financials(store, rows: list[tuple[str, date, float, float]], known: datetime | None = None) -> None:
    df = pd.DataFrame(rows, columns=["customer_id", "month", "revenue", "operating_profit"])
    df["valid_from"] = [known or booked(m) for m in df["month"]]
    df["month"] = pd.to_datetime(df["month"])
    store.transaction(lambda cur: bulk.insert_financials(cur, df, changed_by="test"))


def panel_store(store, *, skam: dict[str, str], others: int, seed: int = 1, effect: float = 0.03):
    """SKAM accounts (id -> start) and ``others`` plain customers with monthly rows for every month."""
    rng = np.random.default_rng(seed)
    add_customers(store, [(c, s) for c, s in skam.items()] + [(f"P{i:03d}", None) for i in range(others)])
    rows = []
    for cid, start in [(c, date.fromisoformat(s)) for c, s in skam.items()] + [
        (f"P{i:03d}", None) for i in range(others)
    ]:
        base = rng.normal(0.06, 0.015)
        for m in MONTHS:
            rev = float(rng.uniform(8_000, 12_000))
            margin = base + rng.normal(0, 0.005) + (effect if start and m >= start.replace(day=1) else 0.0)
            rows.append((cid, m, round(rev, 2), round(rev * margin, 2)))
    add_financials(store, rows)
    return rows


def test_group_sums_and_ratio_equal_a_hand_computation(store):
    rows = panel_store(store, skam={"S1": "2025-03-15", "S2": "2025-06-02"}, others=30)
    a = profit(store, AsOf.now(TODAY))
    assert a.window.label() == {"start": "2025-11", "end": "2026-10"}
    df = pd.DataFrame(rows, columns=["customer_id", "month", "revenue", "operating_profit"])
    win = df[(df["month"] >= date(2025, 11, 1)) & (df["month"] <= date(2026, 10, 1))]
    skam = win[win["customer_id"].isin(["S1", "S2"])]
    others = win[~win["customer_id"].isin(["S1", "S2"])]
    rop_s = skam["operating_profit"].sum() / skam["revenue"].sum()
    rop_o = others["operating_profit"].sum() / others["revenue"].sum()
    out = a.as_json()
    assert out["skam"]["customers"] == 2 and out["others"]["customers"] == 30
    assert out["skam"]["revenue"] == pytest.approx(skam["revenue"].sum(), abs=0.01)
    assert out["others"]["operating_profit"] == pytest.approx(others["operating_profit"].sum(), abs=0.01)
    assert a.comparison.skam.relative_operating_profit == pytest.approx(rop_s, rel=1e-9)
    assert a.ratio == pytest.approx(rop_s / rop_o, rel=1e-9)
    assert out["ratio"] == pytest.approx(rop_s / rop_o, abs=1e-4)


def test_contract_json_has_exactly_the_documented_fields(store):
    panel_store(store, skam={"S1": "2025-03-15", "S2": "2025-06-02", "S3": "2024-11-20"}, others=40)
    out = profit(store, AsOf.now(TODAY)).as_json()
    assert list(out) == [
        "as_of",
        "window",
        "skam",
        "others",
        "ratio",
        "effect",
        "months_to_improvement",
        "effect_windows",
        "pretrend",
        "accounts",
    ]
    assert list(out["skam"]) == ["customers", "revenue", "operating_profit", "relative_operating_profit"]
    effect_keys = ["estimate", "ci_low", "ci_high", "std_error", "accounts", "inference", "estimand"]
    assert list(out["effect"]) == effect_keys
    assert out["effect"]["inference"] == "placebo" and out["effect"]["accounts"] == 3
    assert list(out["effect_windows"]) == ["0-8", "9-18", "19-24"]
    assert list(out["pretrend"]) == ["p_value", "months"]
    assert [a["customer_id"] for a in out["accounts"]] == ["S1", "S2", "S3"]
    assert list(out["accounts"][0]) == ["customer_id", "estimate", "ci_low", "ci_high", "months_before", "months_after"]
    assert out["as_of"] == "2026-11-27"
    assert out["effect"]["ci_low"] <= 0.03 <= out["effect"]["ci_high"]


def test_the_numbers_agree_with_the_portfolio_page(demo_store):
    today = DEMO_TODAY
    a = profit(demo_store, AsOf.now(today))
    p = portfolio(demo_store, AsOf.now(today))
    assert a.window == p.window
    assert a.comparison.skam.customers == p.comparison.skam.customers
    assert a.comparison.others.customers == p.comparison.others.customers
    assert a.comparison.skam.revenue == pytest.approx(p.comparison.skam.revenue, rel=1e-12)
    assert a.comparison.others.operating_profit == pytest.approx(p.comparison.others.operating_profit, rel=1e-12)
    assert a.ratio == pytest.approx(p.comparison.ratio, rel=1e-12)


def test_the_demo_company_shows_about_twice_the_margin_and_improvement_within_9_to_18_months(demo_store):
    a = profit(demo_store, AsOf.now(DEMO_TODAY))
    assert 1.8 <= a.ratio <= 2.5
    assert a.effect.available and a.effect.ci_low > 0
    assert a.months_to_improvement is not None and 9 <= a.months_to_improvement <= 18


def test_as_of_leaves_out_figures_booked_later_and_later_corrections(store):
    panel_store(store, skam={"S1": "2025-03-15", "S2": "2025-06-02"}, others=20)
    # 2026-10 is booked on 2026-11-10: as of 2026-11-09 the window ends with 2026-09.
    early = profit(store, AsOf.at(date(2026, 11, 9), TODAY))
    assert early.window.label()["end"] == "2026-09"
    late = profit(store, AsOf.at(date(2026, 11, 10), TODAY))
    assert late.window.label()["end"] == "2026-10"
    # A correction of S1's 2026-09 figures, imported later, is invisible as of before that import.
    before = profit(store, AsOf.now(TODAY)).comparison.skam.operating_profit
    csv = "customer_id,month,revenue,operating_profit\nS1,2026-09,10000,5000\n"
    result = run_import(store, ADMIN, "financials", csv.encode(), name="fix.csv", today=TODAY)
    assert result.ok and result.changed == 1
    after = profit(store, AsOf.now(TODAY)).comparison.skam.operating_profit
    assert after > before + 3000
    as_of_yesterday = profit(store, AsOf.at(DEMO_TODAY - pd.Timedelta(days=1), TODAY))
    assert as_of_yesterday.comparison.skam.operating_profit == pytest.approx(before, abs=0.01)


def test_skam_membership_follows_the_as_of_date(store):
    panel_store(store, skam={"S1": "2025-03-15", "S2": "2026-06-02"}, others=20)
    assert profit(store, AsOf.at(date(2026, 5, 31), TODAY)).comparison.skam.customers == 1
    assert profit(store, AsOf.at(date(2026, 6, 2), TODAY)).comparison.skam.customers == 2


def test_no_skam_accounts_gives_null_ratio_and_effect_with_a_reason(store):
    panel_store(store, skam={}, others=10)
    out = profit(store, AsOf.now(TODAY)).as_json()
    assert out["skam"]["customers"] == 0 and out["skam"]["relative_operating_profit"] is None
    assert out["ratio"] is None and out["months_to_improvement"] is None
    assert out["effect"]["estimate"] is None and "no SKAM accounts" in out["effect"]["reason"]


def test_no_financials_gives_an_empty_window_and_a_reason(store):
    add_customers(store, [("S1", "2025-01-10"), ("P1", None)])
    out = profit(store, AsOf.now(TODAY)).as_json()
    assert out["window"] is None and out["ratio"] is None
    assert out["skam"] == {"customers": 1, "revenue": 0.0, "operating_profit": 0.0, "relative_operating_profit": None}
    assert "no financial figures" in out["effect"]["reason"]


def test_a_month_with_zero_revenue_counts_in_the_sums_but_not_in_the_margins(store):
    panel_store(store, skam={"S1": "2025-03-15", "S2": "2025-06-02"}, others=10)
    base = profit(store, AsOf.now(TODAY))
    csv = "customer_id,month,revenue,operating_profit\nS1,2026-05,0,-250\nP001,2026-04,0,-100\n"
    assert run_import(store, ADMIN, "financials", csv.encode(), name="zero.csv", today=TODAY).ok
    a = profit(store, AsOf.now(TODAY))
    assert np.isfinite(a.effect.estimate)
    stacks_months = a.effect.observations
    assert stacks_months == base.effect.observations - 1  # S1's month without revenue left out
    control = a.monthly.set_index("month")["control_margin"]
    assert np.isfinite(control).all()


def test_an_account_started_last_month_counts_as_skam_with_one_month_after(store):
    panel_store(store, skam={"S1": "2025-03-15", "S2": "2025-06-02", "S3": "2026-10-20"}, others=15)
    a = profit(store, AsOf.now(TODAY))
    assert a.comparison.skam.customers == 3
    row = a.accounts.set_index("customer_id").loc["S3"]
    assert row["months_since_start"] == 0 and row["months_before"] == 12
    assert a.effect.accounts == 3
    assert a.event_study.loc[a.event_study["k"] == 0, "accounts"].iloc[0] == 3


def test_aggregates_equal_direct_sums_and_notice_rows_written_behind_their_back(store):
    panel_store(store, skam={"S1": "2025-03-15"}, others=5)
    profit(store, AsOf.now(TODAY))
    with store.cursor() as cur:
        assert pq.aggregate_state(cur).fresh_financials
    add_financials(store, [("P001", date(2026, 10, 1), 1.0, 1.0)], known=datetime(2026, 11, 20))  # a duplicate
    with store.cursor() as cur:
        assert not pq.aggregate_state(cur).fresh_financials
    pq.ensure_aggregates(store, TODAY)
    for as_of in (None, date(2026, 11, 15), date(2026, 11, 25)):
        totals = pq.monthly_totals(store, AsOf.at(as_of, TODAY), date(2026, 10, 1))
        vis, params = versioned.visible_clause(AsOf.at(as_of, TODAY))
        direct = store.df(
            f"SELECT month, count(*) AS n, sum(revenue) AS revenue FROM financials WHERE {vis}"
            " GROUP BY month ORDER BY month",
            params,
        )
        assert totals["rows_n"].tolist() == direct["n"].tolist()
        assert np.allclose(totals["revenue"], direct["revenue"])


def test_aggregates_built_under_an_older_definition_are_rebuilt(store, monkeypatch):
    # A migration that adds an aggregate table leaves it empty: the stored state must not look fresh then.
    panel_store(store, skam={"S1": "2025-03-15"}, others=5)
    profit(store, AsOf.now(TODAY))
    store.transaction(lambda cur: cur.execute("DELETE FROM agg_financial_customers"))  # as a new migration leaves it
    monkeypatch.setattr(pq, "AGGREGATES_VERSION", pq.AGGREGATES_VERSION + "-next")
    with store.cursor() as cur:
        state = pq.aggregate_state(cur)
    assert not state.fresh_financials and not state.fresh_customers
    pq.ensure_aggregates(store, TODAY)
    with store.cursor() as cur:
        assert pq.aggregate_state(cur).fresh_financials
        assert cur.execute("SELECT count(*) FROM agg_financial_customers").fetchall()[0][0] == 6


def test_removed_customers_count_in_neither_group(store):
    panel_store(store, skam={"S1": "2025-03-15"}, others=5)
    before = profit(store, AsOf.now(TODAY))
    store.transaction(
        lambda cur: versioned.save_version(cur, "customers", {"customer_id": "P002"}, user_id="test", deleted=True)
    )
    after = profit(store, AsOf.now(TODAY))
    assert after.comparison.others.customers == before.comparison.others.customers - 1
    assert after.comparison.others.revenue < before.comparison.others.revenue
    assert portfolio(store, AsOf.now(TODAY)).comparison.others.revenue == pytest.approx(
        after.comparison.others.revenue, rel=1e-12
    )
    # As of before the removal, P002 still counts.
    assert profit(store, AsOf.at(date(2026, 11, 20), TODAY)).comparison.others.customers == 5


def test_pre_aggregated_window_sums_equal_the_summed_rows(store):
    from skam_core.domain.periods import window_for
    from skam_core.storage.queries import financials as fq

    panel_store(store, skam={"S1": "2025-03-15"}, others=8)
    for as_of in (None, date(2026, 9, 20)):
        asof = AsOf.at(as_of, DEMO_TODAY)
        window = window_for(fq.latest_month(store, asof))
        fast = customer_window_sums(store, asof, window).sort_values("customer_id")
        rows = fq.customer_sums(store, window.start, window.end, asof).sort_values("customer_id")
        assert fast["customer_id"].tolist() == rows["customer_id"].tolist()
        assert np.allclose(fast["revenue"], rows["revenue"]) and np.allclose(
            fast["operating_profit"], rows["operating_profit"]
        )


def test_pre_aggregated_effect_sums_equal_the_sums_over_the_rows(store):
    from skam_core.storage.queries import profit_fe as pfq

    panel_store(store, skam={"S1": "2025-03-15"}, others=12)
    asof = AsOf.now(TODAY)
    state = pq.ensure_aggregates(store, TODAY)
    end = pq.latest_month(store, asof)
    assert pq.window_is_current(state, asof, end)
    kept, scanned = pfq.effect_sums(store, asof, end, True), pfq.effect_sums(store, asof, end, False)
    assert kept.first == scanned.first == FIRST
    np.testing.assert_allclose(kept.gram, scanned.gram, rtol=1e-9)
    np.testing.assert_allclose(kept.adjusted, scanned.adjusted, rtol=1e-9)
    np.testing.assert_allclose(kept.revenue, scanned.revenue, rtol=1e-12)
