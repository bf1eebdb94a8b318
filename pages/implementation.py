"""Implementation (/implementation), step 5: are the milestones on track, are the KPIs moving? Milestone status
(past due and not done counts as delayed), the timeline, status updates with a comment, and KPI tracking."""

import streamlit as st

from skam_core.ui.implementation.kpis import render_kpi_summary, render_kpis
from skam_core.ui.implementation.milestones import render_counts, render_maintenance, render_milestones
from skam_core.ui.kit.page import edit_notice, require_account, setup_page
from skam_core.ui.kit.widgets import empty_state, lazy_tabs
from skam_core.ui.plan.common import account_caption
from skam_core.views import implementation as impl_view

ctx = setup_page("implementation")
IMPL_TAB_KEY = "impl_tab"  # session key of the open tab: milestones or KPIs
t = ctx.t
st.title(t("page.implementation"))
cust = require_account(ctx, t("impl.no_account"))
account_caption(ctx, cust)
editable = edit_notice(ctx, cust)
view = ctx.read(impl_view.implementation, ctx.account)

if view.milestones.empty and view.kpi_definitions.empty:
    empty_state(t("impl.empty"), t("impl.empty_next" if editable else "impl.empty_viewer"))
    if editable:
        render_maintenance(ctx, view, cust, editable, first_milestone=True)
    st.stop()

render_counts(ctx, view)


def _milestones() -> None:
    render_milestones(ctx, view, cust, editable)
    st.divider()
    render_maintenance(ctx, view, cust, editable)


# Milestones and KPIs one tab at a time: the KPI cards (a metric, badges and a Plotly chart per KPI) sat below the
# milestones' timeline, table and status form, out of sight, yet were drawn on every load; in the browser the
# charts are the costliest elements (issue 12, docs/performance.md). The traffic lights stay in sight above.
render_kpi_summary(ctx, view)
lazy_tabs(
    IMPL_TAB_KEY,
    [
        (ctx.t_plain("impl.ms.title"), _milestones),
        (ctx.t_plain("impl.kpi.title"), lambda: render_kpis(ctx, view, editable)),
    ],
)
