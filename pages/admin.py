"""Administration (/admin): imports through the running dashboard, users and roles, programme membership."""

import streamlit as st

from skam_core.ui.admin.tabs import customers_tab, import_tab, users_tab
from skam_core.ui.kit.page import setup_page
from skam_core.ui.kit.widgets import lazy_tabs

ctx = setup_page("admin", admin_only=True)
st.title(ctx.t("page.admin"))
# One tab at a time: the three forms and the two tables were all built and drawn on every view.
lazy_tabs(
    "admin_tab",
    [
        (ctx.t_plain("admin.tab.import"), lambda: import_tab(ctx)),
        (ctx.t_plain("admin.tab.users"), lambda: users_tab(ctx)),
        (ctx.t_plain("admin.tab.customers"), lambda: customers_tab(ctx)),
    ],
)
