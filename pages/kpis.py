"""KPI entry (/kpis): account managers record their accounts' KPI values — one value, or one month for all KPIs
at once — appended with who and when, visible at once on /implementation; corrections keep the history."""

import streamlit as st

from skam_core.ui.kpis_entry import render
from skam_core.ui.page import setup_page

ctx = setup_page("kpis")
st.title(ctx.t("page.kpis"))
st.caption(ctx.t("kpis.intro"))
render(ctx)
