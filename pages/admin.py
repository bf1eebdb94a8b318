"""Administration (/admin): imports through the running dashboard, users and roles, programme membership."""

import streamlit as st

from skam_core.ui.admin.tabs import customers_tab, import_tab, users_tab
from skam_core.ui.kit.page import setup_page

ctx = setup_page("admin", admin_only=True)
st.title(ctx.t("page.admin"))
imports, users, customers = st.tabs([ctx.t("admin.tab.import"), ctx.t("admin.tab.users"), ctx.t("admin.tab.customers")])
with imports:
    import_tab(ctx)
with users:
    users_tab(ctx)
with customers:
    customers_tab(ctx)
