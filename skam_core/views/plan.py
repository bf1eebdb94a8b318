"""The plan page's read (step 4): stakeholders, feedback, plan versions, objectives, team, RACI, milestones and
KPI definitions of one account, the titles plan content links to, and what the page derives from them
(analytics.plan_facts)."""

from __future__ import annotations

from skam_core.analytics.plan import PlanView, current_version
from skam_core.analytics.plan_facts import with_facts
from skam_core.domain.asof import AsOf
from skam_core.storage.db import Store
from skam_core.storage.queries import kpis as kq
from skam_core.storage.queries import milestones as mq
from skam_core.storage.queries import plan as pq


def plan(store: Store, asof: AsOf, customer_id: str) -> PlanView:
    versions = pq.plan_versions(store, customer_id, asof)
    view = PlanView(
        stakeholders=pq.stakeholders(store, customer_id, asof),
        feedback=pq.feedback(store, customer_id, asof),
        versions=versions,
        current=current_version(versions),
        objectives=pq.objectives(store, customer_id, asof),
        team=pq.team(store, customer_id, asof),
        raci=pq.raci(store, customer_id, asof),
        milestones=mq.milestones(store, asof, customer_id),
        kpi_definitions=kq.definitions(store, customer_id, asof),
        kpi_targets=kq.targets(store, customer_id, asof),
        opportunities=pq.opportunity_titles(store, customer_id, asof),
        value_items=pq.value_item_titles(store, customer_id, asof),
    )
    # Derived once per data version here, not on every rerun of the page (issue 15).
    return with_facts(view, asof.day)
