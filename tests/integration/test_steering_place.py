"""The pack's place in the portfolio comes from the monthly totals, its size rank apart: both must say what the
portfolio page says, today and as of an earlier day, also right after a write."""

from datetime import timedelta

import pytest

from skam_core.analytics.golden_rules import with_size_rank
from skam_core.domain.asof import AsOf
from skam_core.services.items import save_item
from skam_core.views.portfolio import portfolio
from skam_core.views.steering import pack, place, size_rank
from tests.conftest import ADMIN, AM_BECKER, DEMO_TODAY, key_account_of


@pytest.mark.parametrize("days_back", [None, 120])
def test_the_packs_place_equals_the_portfolios_figures(demo_store, days_back):
    asof = AsOf.at(None if days_back is None else DEMO_TODAY - timedelta(days=days_back), DEMO_TODAY)
    p = portfolio(demo_store, asof)
    where = place(demo_store, asof)
    assert where.window == p.window
    assert where.customers == p.total_customers
    assert where.others_margin == pytest.approx(p.comparison.others.relative_operating_profit, rel=1e-9)
    assert where.size_rank is None  # read apart, where it is shown
    for row in p.accounts.head(5).itertuples():
        assert size_rank(demo_store, asof, row.customer_id) == int(row.size_rank), row.customer_id


def test_the_pack_judges_the_rules_without_the_rank_and_the_rank_only_adds_evidence(demo_store):
    cid = key_account_of(demo_store, AM_BECKER.user_id, "implementation")
    asof = AsOf.now(DEMO_TODAY)
    p = pack(demo_store, asof, cid)
    rank = size_rank(demo_store, asof, cid)
    ranked = with_size_rank(p.rules, rank)
    assert [(r.rule, r.status) for r in ranked] == [(r.rule, r.status) for r in p.rules]
    fit = next(r for r in ranked if r.rule == "fit")
    assert any(kw.get("rank") == rank for _, kw in fit.evidence), fit.evidence
    assert isinstance(rank, int) and rank >= 1


def test_a_customer_who_joins_the_programme_leaves_the_others_at_once(demo_store):
    # A write moves a customer from the others to the SKAM accounts: the others' margin read next must follow.
    asof = AsOf.now(DEMO_TODAY)
    p = portfolio(demo_store, asof)
    before = place(demo_store, asof)
    outsider = demo_store.query(
        "SELECT customer_id FROM customers WHERE valid_to IS NULL AND skam_start IS NULL ORDER BY customer_id LIMIT 1"
    ).single_value()
    save_item(
        demo_store,
        ADMIN,
        "customers",
        {"customer_id": outsider, "skam_stage": "implementation", "skam_start": p.window.start},
    )
    after = place(demo_store, AsOf.now(DEMO_TODAY))
    assert after.others_margin != pytest.approx(before.others_margin, rel=1e-12)
    assert after.others_margin == pytest.approx(
        portfolio(demo_store, AsOf.now(DEMO_TODAY)).comparison.others.relative_operating_profit, rel=1e-9
    )
