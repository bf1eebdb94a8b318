"""The fit page's reads (step 2): one account's fit matrix and score, fit against size across the customers,
and our delivery capacity per quarter against the opportunities' effort."""

from __future__ import annotations

import pandas as pd

from skam_core.analytics.capacity import CapacityView, capacity_check, deliverable, quarterly_demand, unplanned
from skam_core.analytics.fit import FitPortfolio, FitView, fit_breakdown, fit_matrix, fit_scores, fit_vs_size
from skam_core.domain.asof import AsOf
from skam_core.domain.periods import window_for
from skam_core.storage.db import Store
from skam_core.storage.queries import profit as profit_queries
from skam_core.storage.queries import strategy as sq


def fit(store: Store, asof: AsOf, customer_id: str) -> FitView:
    prios = sq.account_priorities(store, customer_id, asof)
    caps = sq.capabilities(store, asof)
    cells = sq.account_fit_cells(store, customer_id, asof)
    score = fit_scores(prios, cells).get(customer_id) if not prios.empty else None
    score = None if score is None or pd.isna(score) else float(score)
    return FitView(prios, caps, cells, fit_matrix(prios, caps, cells), fit_breakdown(prios, cells), score)


def fit_portfolio(store: Store, asof: AsOf) -> FitPortfolio:
    """Fit against size (revenue over the 12-month window) of every customer whose fit can be judged."""
    # The window's last month from the monthly aggregates (brought up to date first), not from the 6 M rows:
    # PostgreSQL has no index that answers max(month) among the visible versions (~0.8 s at 100,000 x 60).
    profit_queries.ensure_aggregates(store, asof.today)
    window = window_for(profit_queries.latest_month(store, asof))
    scores = fit_scores(sq.priorities(store, asof), sq.fit_cells(store, asof))
    if window is None:
        accounts = pd.DataFrame(columns=["customer_id", "name", "skam_stage", "revenue", "fit_score"])
        return FitPortfolio(None, None, accounts, fit_vs_size(accounts))
    accounts = sq.analysed_sizes(store, window.start, window.end, asof)
    accounts["fit_score"] = accounts["customer_id"].map(scores).astype("float64")
    return FitPortfolio(window.start, window.end, accounts, fit_vs_size(accounts))


def capacity(store: Store, asof: AsOf, account: str | None) -> CapacityView:
    """Delivery capacity per quarter against the effort of deliverable opportunities (``account``: its share)."""
    opps = deliverable(sq.opportunities(store, asof), sq.value_items(store, asof))
    recorded = sq.delivery_capacity(store, asof)
    check = capacity_check(quarterly_demand(opps, account), recorded)
    return CapacityView(check, recorded, unplanned(opps), len(opps))
