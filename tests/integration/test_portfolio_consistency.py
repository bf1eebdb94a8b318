"""The portfolio and the profit analysis show the same SKAM/others figures (one definition, two pages)."""

from datetime import date, timedelta

import pytest

from skam_core.analytics.portfolio import load_portfolio
from skam_core.analytics.profit import load_profit


@pytest.mark.parametrize("days_back", [None, 120])
def test_portfolio_and_profit_page_agree_on_the_group_figures(demo_store, days_back):
    today = date.today()
    as_of = None if days_back is None else today - timedelta(days=days_back)
    p, q = load_portfolio(demo_store, as_of, today), load_profit(demo_store, as_of, today)
    assert p.window == q.window
    for a, b in ((p.comparison.skam, q.comparison.skam), (p.comparison.others, q.comparison.others)):
        assert a.customers == b.customers
        assert a.revenue == pytest.approx(b.revenue, rel=1e-9)
        assert a.operating_profit == pytest.approx(b.operating_profit, rel=1e-9)
    assert p.comparison.ratio == pytest.approx(q.ratio, rel=1e-9)


def test_size_rank_counts_the_customers_with_more_revenue(demo_store):
    p = load_portfolio(demo_store, None, date.today())
    sums = demo_store.df(
        "SELECT customer_id, sum(revenue) AS r FROM financials WHERE valid_to IS NULL AND month BETWEEN ? AND ?"
        " GROUP BY 1",
        [p.window.start, p.window.end],
    )
    top = p.accounts.iloc[0]
    expected = 1 + int((sums["r"] > sums.loc[sums["customer_id"] == top["customer_id"], "r"].iloc[0]).sum())
    assert int(top["size_rank"]) == expected
