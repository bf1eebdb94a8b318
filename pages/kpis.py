"""KPI entry (/kpis): account managers record their accounts' KPI values — one value, or one month for all KPIs
at once — appended with who and when, visible at once on /implementation; corrections keep the history."""

import streamlit as st

from skam_core.ui.kit.page import setup_page
from skam_core.ui.kpis.entry import render

ctx = setup_page("kpis")
st.title(ctx.t("page.kpis"))
st.caption(ctx.t("kpis.intro"))
render(ctx)
