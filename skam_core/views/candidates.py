"""The candidates read (the "Who next" section, the strategy and fit pages' own prediction, the ``candidates``
command): the measured per-account effects of the profit analysis, every customer with a fit score from the
portfolio read, and the internal effort recorded per customer, modelled by analytics.candidates."""

from __future__ import annotations

import pandas as pd

from skam_core.analytics.candidates import CandidateModel, build
from skam_core.domain.asof import AsOf
from skam_core.storage.db import Store
from skam_core.storage.queries import strategy as sq
from skam_core.views.portfolio import portfolio
from skam_core.views.profit import profit


def _effort_by_customer(opportunities: pd.DataFrame, items: pd.DataFrame) -> pd.Series:
    """The internal effort (EUR) recorded per customer: its opportunities' effort cost, leaving out those whose
    every value item the customer declined."""
    if opportunities.empty or "effort_cost_eur" not in opportunities:
        return pd.Series(dtype="float64")
    opps = opportunities[["id", "customer_id", "effort_cost_eur"]]
    if not items.empty:
        used = items[items["opportunity_id"].notna()]
        # Vectorised (a Python lambda per opportunity took a second at 100,000 customers).
        declined = (used["status"] == "declined").to_numpy(dtype=bool)
        declined_only = pd.Series(declined).groupby(used["opportunity_id"].to_numpy()).all()
        opps = opps[~opps["id"].map(declined_only).fillna(False).astype(bool)]
    cost = pd.to_numeric(opps["effort_cost_eur"], errors="coerce")
    sums = cost.groupby(opps["customer_id"]).sum(min_count=1)
    sums.index = sums.index.astype(object)
    return sums.astype("float64")


def candidates(store: Store, asof: AsOf) -> CandidateModel:
    """The candidate model as known at ``asof``."""
    analysis = profit(store, asof)
    effects = analysis.account_effects  # the profit analysis' per-account effects (issue 10)
    accounts = portfolio(store, asof).accounts
    effort = _effort_by_customer(sq.opportunities(store, asof), sq.value_items(store, asof))
    customers = pd.DataFrame(
        {
            "customer_id": accounts["customer_id"].astype(object).to_numpy(),
            "name": accounts["name"].to_numpy(),
            "skam_stage": accounts["skam_stage"].to_numpy(),
            "fit_score": accounts["fit_score"].to_numpy(dtype="float64"),
            "revenue": accounts["revenue"].fillna(0).to_numpy(dtype="float64"),
            "size_rank": accounts["size_rank"].to_numpy(),
        }
    )
    customers["effort_eur"] = customers["customer_id"].map(effort).astype("float64")
    return build(asof.day, effects, customers)
