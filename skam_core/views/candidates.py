"""The candidates read (the "Who next" section, the strategy and fit pages' own prediction, the ``candidates``
command): the measured per-account effects of the profit analysis, every customer with a fit score from the
portfolio read, and the internal effort recorded per customer, modelled by analytics.candidates."""

from __future__ import annotations

import pandas as pd

from skam_core.analytics import account_effects as ae
from skam_core.analytics.candidates import CandidateModel, build
from skam_core.analytics.profit import ProfitAnalysis
from skam_core.domain.asof import AsOf
from skam_core.storage.db import Store
from skam_core.storage.queries import profit as pq
from skam_core.storage.queries import strategy as sq
from skam_core.views.portfolio import portfolio
from skam_core.views.profit import profit


def _account_effects(store: Store, asof: AsOf, analysis: ProfitAnalysis) -> pd.DataFrame:
    """The profit analysis' per-account effects when it has them (issue 10), else our own estimate from the same
    inputs. At merge, delete the fallback below the ``getattr``."""
    effects = getattr(analysis, "account_effects", None)
    if effects is not None:
        return effects
    if analysis.window is None:
        return ae.from_stacks(pd.DataFrame())
    skam = pq.skam_accounts(store, asof)
    rows = pq.key_account_months(store, skam["customer_id"].tolist(), asof, analysis.window.end)
    return ae.account_effects(skam, rows, analysis.monthly)


def _effort_by_customer(opportunities: pd.DataFrame, items: pd.DataFrame) -> pd.Series:
    """The internal effort (EUR) recorded per customer: its opportunities' effort cost, leaving out those whose
    every value item the customer declined."""
    if opportunities.empty or "effort_cost_eur" not in opportunities:
        return pd.Series(dtype="float64")
    opps = opportunities[["id", "customer_id", "effort_cost_eur"]]
    if not items.empty:
        used = items[items["opportunity_id"].notna()]
        declined_only = used.groupby("opportunity_id")["status"].agg(lambda s: bool((s == "declined").all()))
        opps = opps[~opps["id"].map(declined_only).fillna(False).astype(bool)]
    cost = pd.to_numeric(opps["effort_cost_eur"], errors="coerce")
    sums = cost.groupby(opps["customer_id"]).sum(min_count=1)
    sums.index = sums.index.astype(object)
    return sums.astype("float64")


def candidates(store: Store, asof: AsOf) -> CandidateModel:
    """The candidate model as known at ``asof``."""
    analysis = profit(store, asof)
    effects = _account_effects(store, asof, analysis)
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
