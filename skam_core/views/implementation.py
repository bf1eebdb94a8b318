"""The implementation page's read (step 5): one account's milestones with their effective status, the status
log, and the KPIs with their traffic lights, judged against the day shown (the as-of day when looking back)."""

from __future__ import annotations

from skam_core.analytics import kpis as kpi_rules
from skam_core.analytics import milestones as ms_rules
from skam_core.analytics.plan import ImplementationView
from skam_core.domain.asof import AsOf
from skam_core.storage.db import Store
from skam_core.storage.queries import kpis as kq
from skam_core.storage.queries import milestones as mq
from skam_core.storage.queries import plan as pq


def implementation(store: Store, asof: AsOf, customer_id: str) -> ImplementationView:
    day = asof.day
    ms = mq.milestones(store, asof, customer_id)
    defs = kq.definitions(store, customer_id, asof)
    targets = kq.targets(store, customer_id, asof)
    actuals = kq.actuals(store, customer_id, asof)
    timeline = ms_rules.for_timeline(ms, day)
    status = kpi_rules.status(defs, targets, actuals, upto=day)
    return ImplementationView(
        milestones=timeline,
        counts=ms_rules.account_counts(ms, day),
        log=ms_rules.status_log(mq.milestone_versions(store, customer_id, asof)),
        kpi_definitions=defs,
        kpi_series=kpi_rules.series(defs, targets, actuals),
        kpi_status=status,
        opportunities=pq.opportunity_titles(store, customer_id, asof),
        objectives=pq.objectives(store, customer_id, asof),
        team=pq.team(store, customer_id, asof),
        auto_delayed=[str(x) for x in ms_rules.auto_delayed(timeline, day)["title"]] if not timeline.empty else [],
        light_counts=kpi_rules.light_counts(status),
    )
