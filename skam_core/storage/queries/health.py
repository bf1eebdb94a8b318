"""Per-account facts the five golden rules are judged from, as of a date (one row per account)."""

from __future__ import annotations

import pandas as pd

from skam_core.domain.asof import AsOf
from skam_core.storage.db import Store
from skam_core.storage.queries.kpis import entered_before
from skam_core.storage.versioned import visible_clause


def account_facts(store: Store, asof: AsOf, customer_ids: list[str]) -> pd.DataFrame:
    """Counts and dates per account: strategy analysis, value proposition, stakeholders, plan, KPIs, meetings
    (what analytics.golden_rules judges, nothing more: the pack and the portfolio read it on every view)."""
    if not customer_ids:
        return pd.DataFrame()
    clauses: dict[str, str] = {}
    params: dict[str, list] = {}
    for alias in ("fo", "co", "mk", "vi", "op", "sh", "pv", "kd", "ms", "sm"):
        clauses[alias], params[alias] = visible_clause(asof, alias)
    kpi_cond, kpi_params = entered_before(asof, "ke")
    sql = f"""
    WITH ids AS (SELECT unnest(?::VARCHAR[]) AS customer_id),
    fo AS (SELECT customer_id, count(DISTINCT force) AS forces_scored FROM competitive_forces fo
           WHERE {clauses["fo"]} AND NOT is_deleted GROUP BY 1),
    co AS (SELECT customer_id, count(*) AS components FROM strategy_components co
           WHERE {clauses["co"]} AND NOT is_deleted GROUP BY 1),
    mk AS (SELECT customer_id, count(*) AS markets FROM customer_markets mk
           WHERE {clauses["mk"]} AND NOT is_deleted GROUP BY 1),
    op AS (SELECT id, customer_id, our_revenue_eur, effort_cost_eur FROM opportunities op
           WHERE {clauses["op"]} AND NOT is_deleted),
    vi AS (SELECT vi.customer_id, count(*) AS value_items,
                  count(*) FILTER (WHERE vi.customer_benefit_eur > 0) AS value_customer_side,
                  count(*) FILTER (WHERE op.our_revenue_eur > 0 AND op.effort_cost_eur IS NOT NULL)
                      AS value_our_side,
                  count(*) FILTER (WHERE vi.customer_benefit_eur > 0 AND op.our_revenue_eur > 0
                                    AND op.effort_cost_eur IS NOT NULL) AS value_both_sides
           FROM value_items vi LEFT JOIN op ON op.id = vi.opportunity_id
           WHERE {clauses["vi"]} AND NOT vi.is_deleted GROUP BY 1),
    sh AS (SELECT customer_id, count(*) AS stakeholders,
                  count(*) FILTER (WHERE long_term_responsibility) AS longterm,
                  count(*) FILTER (WHERE long_term_responsibility AND attitude > 0) AS longterm_supportive,
                  count(*) FILTER (WHERE long_term_responsibility AND attitude = 0) AS longterm_neutral,
                  count(*) FILTER (WHERE long_term_responsibility AND attitude < 0) AS longterm_opposed,
                  max(last_contact) FILTER (WHERE long_term_responsibility) AS longterm_last_contact,
                  max(last_contact) FILTER (WHERE long_term_responsibility AND attitude > 0)
                      AS longterm_supportive_contact,
                  count(*) FILTER (WHERE function <> 'purchasing') AS beyond_purchasing
           FROM stakeholders sh WHERE {clauses["sh"]} AND NOT is_deleted GROUP BY 1),
    pv AS (SELECT customer_id, count(*) FILTER (WHERE status = 'agreed') AS plans_agreed
           FROM plan_versions pv WHERE {clauses["pv"]} AND NOT is_deleted GROUP BY 1),
    kd AS (SELECT customer_id, count(*) AS kpis FROM kpi_definitions kd
           WHERE {clauses["kd"]} AND NOT is_deleted GROUP BY 1),
    ke AS (SELECT customer_id, max(period) AS last_kpi_period FROM kpi_entries ke WHERE {kpi_cond} GROUP BY 1),
    ms AS (SELECT customer_id, count(*) AS milestones FROM milestones ms
           WHERE {clauses["ms"]} AND NOT is_deleted GROUP BY 1),
    sm AS (SELECT customer_id, max(held_on) AS last_meeting
           FROM steering_meetings sm WHERE {clauses["sm"]} AND NOT is_deleted GROUP BY 1)
    SELECT ids.customer_id, fo.forces_scored, co.components, mk.markets,
           vi.value_items, vi.value_customer_side, vi.value_our_side, vi.value_both_sides,
           sh.stakeholders, sh.longterm, sh.longterm_supportive, sh.longterm_neutral, sh.longterm_opposed,
           sh.longterm_last_contact, sh.longterm_supportive_contact,
           sh.beyond_purchasing, pv.plans_agreed, kd.kpis, ke.last_kpi_period, ms.milestones, sm.last_meeting
    FROM ids
    LEFT JOIN fo USING (customer_id) LEFT JOIN co USING (customer_id) LEFT JOIN mk USING (customer_id)
    LEFT JOIN vi USING (customer_id) LEFT JOIN sh USING (customer_id)
    LEFT JOIN pv USING (customer_id) LEFT JOIN kd USING (customer_id) LEFT JOIN ke USING (customer_id)
    LEFT JOIN ms USING (customer_id) LEFT JOIN sm USING (customer_id)
    """
    # Parameters in the order their placeholders appear in the text above.
    flat: list = [customer_ids]
    for alias in ("fo", "co", "mk", "op", "vi", "sh", "pv", "kd"):
        flat += params[alias]
    flat += kpi_params
    for alias in ("ms", "sm"):
        flat += params[alias]
    return store.df(sql, flat)
