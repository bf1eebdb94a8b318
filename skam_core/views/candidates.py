"""The candidates read (the "Who next" section, the strategy and fit pages' own prediction, the ``candidates``
command): the profit analysis' measured per-account effects, the customers a fit score can be computed for with
their window revenue and size rank (as the portfolio ranks them), and the internal effort recorded per customer,
modelled by analytics.candidates.

Only what the model uses is read and computed: the per-account effects without the rest of the profit analysis
(analytics.account_effects), the candidates' rows without the rest of the portfolio. The numbers are the same as
from the full profit analysis and portfolio (tests/integration/test_candidates_view.py holds them equal).
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pandas as pd

from skam_core.analytics.account_effects import measured_account_effects, no_effects
from skam_core.analytics.candidates import CandidateModel, build
from skam_core.analytics.fit import fit_scores
from skam_core.domain.asof import AsOf
from skam_core.storage.db import Store
from skam_core.storage.queries import portfolio as portq
from skam_core.storage.queries import portfolio_asof
from skam_core.storage.queries import profit as profit_queries
from skam_core.storage.queries import strategy as sq
from skam_core.views.portfolio import aggregates_window, stored_entry
from skam_core.views.profit import effect_inputs


def _effort_by_customer(opportunities: pd.DataFrame, items: pd.DataFrame) -> pd.Series:
    """The internal effort (EUR) recorded per customer: its opportunities' effort cost, leaving out those whose
    every value item the customer declined."""
    if opportunities.empty or "effort_cost_eur" not in opportunities:
        return pd.Series(dtype="float64")
    opps = opportunities[["id", "customer_id", "effort_cost_eur"]]
    if not items.empty:
        used = items[items["opportunity_id"].notna()]
        # Sets of ids (a Python lambda per opportunity took a second at 100,000 customers; a group-by and a map
        # over Arrow strings still ~7 ms under load): an opportunity with items, none of them not declined.
        ids = used["opportunity_id"].to_numpy(dtype=object)
        declined = (used["status"] == "declined").to_numpy(dtype=bool)
        declined_only = set(ids) - set(ids[~declined])
        opps = opps[~np.array([c in declined_only for c in opps["id"].to_numpy(dtype=object)], dtype=bool)]
    cost = pd.to_numeric(opps["effort_cost_eur"], errors="coerce")
    sums = cost.groupby(opps["customer_id"]).sum(min_count=1)
    sums.index = sums.index.astype(object)
    return sums.astype("float64")


def _fit_scores(store: Store, asof: AsOf) -> pd.Series:
    return fit_scores(sq.priorities(store, asof), sq.fit_cells(store, asof))


def _effort(store: Store, asof: AsOf) -> pd.Series:
    return _effort_by_customer(sq.opportunity_efforts(store, asof), sq.value_item_statuses(store, asof))


def candidates(store: Store, asof: AsOf) -> CandidateModel:
    """The candidate model as known at ``asof``."""
    # The reads are independent and each runs on its own cursor (DuckDB works outside the GIL). The fit scores
    # and efforts do not depend on the aggregates: they start first and load while this thread checks those (a
    # scan in DuckDB); the customers' rows load while it reads the effect's inputs and computes the effects.
    with ThreadPoolExecutor(max_workers=3) as pool:
        fit = pool.submit(_fit_scores, store, asof)
        effort = pool.submit(_effort, store, asof)
        state, win, span, current = aggregates_window(store, asof)
        entry = stored_entry(store, asof, win, current)
        # The current portfolio's size ranks are kept with the aggregates (views.portfolio reads them too).
        kept = win is not None and profit_queries.portfolio_is_current(state, asof, win.end)
        # An older day's, when the portfolio kept them for that day (migration 043; it builds them, not this).
        kept_asof = None if kept else portfolio_asof.existing(store, asof, entry)
        rows = pool.submit(
            portq.candidate_rows, store, asof, span.start, span.end, current, entry, kept=kept, kept_asof=kept_asof
        )
        effects = measured_account_effects(*effect_inputs(store, asof, win, state).args()) if win else no_effects()
        frame = rows.result()
    customers = pd.DataFrame(
        {
            "customer_id": frame["customer_id"].astype(object).to_numpy(),
            "name": frame["name"].to_numpy(),
            "skam_stage": frame["skam_stage"].to_numpy(),
            "revenue": frame["revenue"].to_numpy(dtype="float64"),
            "size_rank": frame["size_rank"].to_numpy(dtype="int64"),
        }
    )
    customers.insert(3, "fit_score", customers["customer_id"].map(fit.result()).to_numpy(dtype="float64"))
    customers["effort_eur"] = customers["customer_id"].map(effort.result()).astype("float64")
    return build(asof.day, effects, customers)
