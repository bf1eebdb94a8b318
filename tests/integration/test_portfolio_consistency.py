"""The portfolio and the profit analysis show the same SKAM/others figures (one definition, two pages)."""

from datetime import timedelta

import pytest

from skam_core.domain.asof import AsOf
from skam_core.views.portfolio import portfolio, standing
from skam_core.views.profit import profit
from tests.conftest import DEMO_TODAY


@pytest.mark.parametrize("days_back", [None, 120])
def test_portfolio_and_profit_page_agree_on_the_group_figures(demo_store, days_back):
    today = DEMO_TODAY
    as_of = None if days_back is None else today - timedelta(days=days_back)
    p, q = portfolio(demo_store, AsOf.at(as_of, today)), profit(demo_store, AsOf.at(as_of, today))
    assert p.window == q.window
    for a, b in ((p.comparison.skam, q.comparison.skam), (p.comparison.others, q.comparison.others)):
        assert a.customers == b.customers
        assert a.revenue == pytest.approx(b.revenue, rel=1e-9)
        assert a.operating_profit == pytest.approx(b.operating_profit, rel=1e-9)
    assert p.comparison.ratio == pytest.approx(q.ratio, rel=1e-9)


def test_size_rank_counts_the_customers_with_more_revenue(demo_store):
    p = portfolio(demo_store, AsOf.now(DEMO_TODAY))
    sums = demo_store.df(
        "SELECT customer_id, sum(revenue) AS r FROM financials WHERE valid_to IS NULL AND month BETWEEN ? AND ?"
        " GROUP BY 1",
        [p.window.start, p.window.end],
    )
    top = p.accounts.iloc[0]
    expected = 1 + int((sums["r"] > sums.loc[sums["customer_id"] == top["customer_id"], "r"].iloc[0]).sum())
    assert int(top["size_rank"]) == expected


@pytest.mark.parametrize("days_back", [None, 120])
def test_an_accounts_standing_equals_its_figures_in_the_portfolio(demo_store, days_back):
    # The steering pack reads the standing alone; the portfolio page shows the same account: they must agree.
    today = DEMO_TODAY
    as_of = None if days_back is None else today - timedelta(days=days_back)
    p = portfolio(demo_store, AsOf.at(as_of, today))
    assert len(p.accounts) >= 10
    for row in p.accounts.itertuples():
        st = standing(demo_store, AsOf.at(as_of, today), row.customer_id)
        assert st.size_rank == int(row.size_rank), row.customer_id
        assert st.customers == p.total_customers
        assert st.others_margin == pytest.approx(p.comparison.others.relative_operating_profit, rel=1e-12)


def test_a_customer_unknown_at_the_day_has_no_size_rank(demo_store):
    st = standing(demo_store, AsOf.now(DEMO_TODAY), "K-NOT-THERE")
    assert st.size_rank is None
    assert st.customers == portfolio(demo_store, AsOf.now(DEMO_TODAY)).total_customers
