"""The KPI entry page's reads: one account's KPI definitions, targets, values and the history of entries, and
the overview of the accounts a manager can enter values for."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from skam_core.analytics import kpi_entry as kpi_entry_rules
from skam_core.analytics import kpis as kpi_rules
from skam_core.analytics.plan import KpiEntryView
from skam_core.domain.asof import AsOf
from skam_core.storage.db import Store
from skam_core.storage.queries import kpis as kq


def kpi_entry(store: Store, asof: AsOf, customer_id: str) -> KpiEntryView:
    definitions = kq.definitions(store, customer_id, asof)
    targets = kq.targets(store, customer_id, asof)
    actuals = kq.actuals(store, customer_id, asof)
    return KpiEntryView(
        definitions=definitions,
        targets=targets,
        actuals=actuals,
        history=kpi_rules.entry_history(kq.entries(store, customer_id, asof)),
        # once per data version: both entry tabs need it on every run of the page
        series=kpi_rules.series(definitions, targets, actuals),
    )


def kpi_overview(store: Store, asof: AsOf, customer_ids: Sequence[str]) -> pd.DataFrame:
    """Per account: how many KPIs, the latest period with a value, when the last value was entered, and how many
    KPIs already have last month's value (the month that is due now)."""
    return kq.account_overview(store, sorted(customer_ids), asof, kpi_entry_rules.due_period(asof.day))
