"""Account plan (/plan), step 4: the stakeholders who judge the offer and whether we reach them, the customer's
feedback, and the Strategic Key Account Plan — objectives, team with RACI, KPIs, and its versions."""

import streamlit as st

from skam_core.analytics import plan as rules
from skam_core.analytics.plan_facts import facts_of
from skam_core.ui.kit.page import edit_notice, require_account, setup_page
from skam_core.ui.kit.widgets import empty_state
from skam_core.ui.plan.common import account_caption
from skam_core.ui.plan.content import (
    render_header,
    render_milestones_brief,
    render_objectives,
    render_raci,
    render_team,
    render_versions,
)
from skam_core.ui.plan.kpis import render_kpis
from skam_core.ui.plan.stakeholders import render_feedback, render_stakeholders
from skam_core.views import plan as plan_view

ctx = setup_page("plan")
t = ctx.t
st.title(t("page.plan"))
cust = require_account(ctx, t("plan.no_account"))
account_caption(ctx, cust)
editable = edit_notice(ctx, cust)
view = ctx.read(plan_view.plan, ctx.account)

if view.is_empty:
    empty_state(t("plan.empty"), t("plan.empty_next" if editable else "plan.empty_viewer"))
    if not editable:
        st.stop()

customer_view = not view.is_empty and st.toggle(
    t("plan.customer_view"), help=t("plan.customer_view_help"), key="plan_customer_view"
)
shared = rules.parse_parts((view.current or {}).get("customer_sees")) if customer_view else list(rules.PLAN_PARTS)
if customer_view:
    st.info(t("plan.customer_view_on"), icon=":material/visibility:")
    editable = False

if not customer_view and not view.is_empty:
    render_header(ctx, view, facts_of(view, ctx.asof.day).checks)

sections = [] if customer_view else ["stakeholders", "feedback"]
if not customer_view or {"objectives", "team", "raci", "milestones"} & set(shared):
    sections.append("plan")
if "kpis" in shared:
    sections.append("kpis")
if not customer_view:
    sections.append("versions")
if not sections:
    empty_state(t("plan.customer_view_nothing"), t("plan.customer_view_nothing_next"))
    st.stop()

# Only the chosen tab is built (on_change="rerun" reports a change of tab): drawing all five on every run was
# most of the page's server time (issue 15). One key per mode, as the customer view shows other tabs.
labels = [t(f"plan.tab.{s}") for s in sections]
tabs = dict(zip(sections, st.tabs(labels, key=f"plan_tab_{int(customer_view)}", on_change="rerun"), strict=True))
section = next((s for s in sections if tabs[s].open), sections[0])
with tabs[section]:
    if section == "stakeholders":
        render_stakeholders(ctx, view, cust, editable)
    elif section == "feedback":
        render_feedback(ctx, view, cust, editable)
    elif section == "plan":
        if "objectives" in shared:
            render_objectives(ctx, view, cust, editable, customer_view)
        if "team" in shared:
            render_team(ctx, view, cust, editable, customer_view)
        if "raci" in shared:
            render_raci(ctx, view, cust, editable, customer_view)
        if customer_view and "milestones" in shared:
            render_milestones_brief(ctx, view)
    elif section == "kpis":
        render_kpis(ctx, view, cust, editable)
    else:
        render_versions(ctx, view, cust, editable)
