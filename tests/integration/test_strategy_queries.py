"""Reads of steps 1-3 against the demo store: current and as-of versions, the analysis overview, sizes."""

from datetime import timedelta

from skam_core.analytics.fit import fit_scores
from skam_core.domain.asof import AsOf
from skam_core.services.items import save_item
from skam_core.storage.queries import strategy as sq
from skam_core.views import fit as fit_view
from skam_core.views import strategy as strategy_view
from skam_core.views import value as value_view
from tests.conftest import AM_BECKER, DEMO_TODAY, key_account_of

NOW = AsOf.now(DEMO_TODAY)


def test_item_reads_carry_who_changed_them_and_when(demo_store):
    cid = key_account_of(demo_store, AM_BECKER.user_id, "implementation")
    for df in (
        sq.forces(demo_store, cid, NOW),
        sq.markets(demo_store, cid, NOW),
        sq.components(demo_store, cid, NOW),
        sq.account_priorities(demo_store, cid, NOW),
        sq.account_fit_cells(demo_store, cid, NOW),
        sq.opportunities(demo_store, NOW, cid),
        sq.value_items(demo_store, NOW, cid),
    ):
        assert not df.empty
        assert {"valid_from", "changed_by"} <= set(df.columns)
        assert (df["customer_id"] == cid).all()


def test_an_edit_is_visible_now_and_invisible_as_of_yesterday(demo_store):
    cid = key_account_of(demo_store, AM_BECKER.user_id, "implementation")
    old = sq.forces(demo_store, cid, NOW).set_index("force").loc["substitutes", "score"]
    save_item(demo_store, AM_BECKER, "competitive_forces", {"customer_id": cid, "force": "substitutes", "score": 1})
    now = sq.forces(demo_store, cid, NOW).set_index("force")
    assert now.loc["substitutes", "score"] == 1 and now.loc["substitutes", "changed_by"] == AM_BECKER.user_id
    before = sq.forces(demo_store, cid, AsOf.at(DEMO_TODAY - timedelta(days=1), DEMO_TODAY)).set_index("force")
    assert before.loc["substitutes", "score"] == old


def test_analysis_overview_counts_per_account(demo_store):
    ov = sq.analysis_overview(demo_store, NOW).set_index("customer_id")
    assert len(ov) == 16  # 12 key accounts + 4 analysed big customers
    candidate = ov[ov["skam_stage"] == "candidate"].iloc[0]
    assert candidate["n_strategy_components"] == 0 and candidate["n_competitive_forces"] == 3
    impl = ov[ov["skam_stage"] == "implementation"]
    assert (impl["n_value_items"] > 0).all() and (impl["n_competitive_forces"] == 5).all()


def test_sizes_and_fit_across_the_portfolio_use_the_one_fit_computation(demo_store):
    portfolio = fit_view.fit_portfolio(demo_store, NOW)
    assert len(portfolio.accounts) == 16 and portfolio.accounts["fit_score"].notna().all()
    assert (portfolio.accounts["revenue"] > 0).all()
    same = fit_scores(sq.priorities(demo_store, NOW), sq.fit_cells(demo_store, NOW))
    for r in portfolio.accounts.itertuples():
        assert r.fit_score == same[r.customer_id]
        assert fit_view.fit(demo_store, NOW, r.customer_id).score == same[r.customer_id]
    assert portfolio.result.n == 16 and portfolio.result.rho is not None


def test_views_load_for_an_account_and_for_a_customer_without_analysis(demo_store):
    cid = key_account_of(demo_store, AM_BECKER.user_id, "implementation")
    assert strategy_view.strategy(demo_store, NOW, cid).completeness.understood
    assert not value_view.value(demo_store, NOW, cid).components.empty
    empty = strategy_view.strategy(demo_store, NOW, "K000001")
    assert empty.is_empty and not empty.completeness.understood
    fit = fit_view.fit(demo_store, NOW, "K000001")
    assert fit.score is None and fit.matrix.empty
    value = value_view.value(demo_store, NOW, "K000001")
    assert value.components.empty and value.unused_opportunities.empty


def test_capacity_view_counts_all_accounts(demo_store):
    cid = key_account_of(demo_store, AM_BECKER.user_id, "implementation")
    view = fit_view.capacity(demo_store, NOW, cid)
    assert view.opportunities > 0 and not view.capacity.empty
    assert view.check["demand"].sum() > view.check["account_demand"].sum() > 0
    assert set(view.check["status"]) <= {"ok", "tight", "over", "no_capacity"}


def test_value_feedback_belongs_to_components(demo_store):
    cid = key_account_of(demo_store, AM_BECKER.user_id, "implementation")
    fb = sq.value_feedback(demo_store, cid, NOW)
    items = set(sq.value_items(demo_store, NOW, cid)["id"])
    assert not fb.empty and set(fb["value_item_id"]) <= items
    assert list(fb["received_on"]) == sorted(fb["received_on"], reverse=True)
