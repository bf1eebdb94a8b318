"""The strategy page's reads (step 1): one account's five forces, markets, components and priorities, and the
overview of every analysed account."""

from __future__ import annotations

import pandas as pd

from skam_core.analytics.strategy import StrategyView, completeness, force_profile, priority_shares
from skam_core.domain.asof import AsOf
from skam_core.storage.db import Store
from skam_core.storage.queries import strategy as sq


def strategy(store: Store, asof: AsOf, customer_id: str) -> StrategyView:
    forces = sq.forces(store, customer_id, asof)
    markets = sq.markets(store, customer_id, asof)
    comps = sq.components(store, customer_id, asof)
    prios = sq.account_priorities(store, customer_id, asof)
    return StrategyView(
        forces,
        force_profile(forces),
        markets,
        comps,
        priority_shares(prios),
        completeness(forces, markets, comps, prios),
    )


def overview(store: Store, asof: AsOf) -> pd.DataFrame:
    """Every account with a strategy analysis and how complete it is."""
    return sq.analysis_overview(store, asof)
