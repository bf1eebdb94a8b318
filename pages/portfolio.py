"""Portfolio (/): the programme at a glance — key accounts per stage, their share of revenue, the SKAM
accounts' relative operating profit against all other customers, fit against size, and the key accounts."""

import streamlit as st

from skam_core.charts import portfolio as charts
from skam_core.ui.kit import state as view_state
from skam_core.ui.kit.cards import card, card_row
from skam_core.ui.kit.figures import figure
from skam_core.ui.kit.page import setup_page
from skam_core.ui.kit.widgets import account_table, chart, comparison_cards, empty_state, lazy_tabs
from skam_core.ui.portfolio.account_card import render_account_card
from skam_core.ui.portfolio.who_next import render_who_next
from skam_core.views import portfolio as portfolio_view

ctx = setup_page("portfolio")
t, f = ctx.t, ctx.fmt
data = ctx.read(portfolio_view.portfolio)
PORTFOLIO_TAB_KEY = "portfolio_tab"  # session key of the open tab below the charts

st.title(t("page.portfolio"))
if data.window is None:
    empty_state(t("portfolio.no_financials"), t("portfolio.no_financials_next"))
    st.stop()
st.caption(
    t(
        "portfolio.window",
        start=f.month(data.window.start),
        end=f.month(data.window.end),
        customers=f.number(data.total_customers),
    )
)

cmp = data.comparison
key_total = int(data.stage_counts.sum())
card_row(
    [
        card(
            t("portfolio.m.key_accounts"),
            f.number(key_total),
            help=t("portfolio.m.key_accounts_help"),
            caption=t("portfolio.m.in_implementation", n=int(data.stage_counts.get("implementation", 0))),
        ),
        card(t("portfolio.m.revenue_share"), f.pct(data.key_revenue_share), help=t("portfolio.m.revenue_share_help")),
        *comparison_cards(ctx, cmp, prefix="portfolio", others_caption="portfolio.m.accounts"),
    ]
)

left, right = st.columns([2.2, 1])
with left:
    fig = figure(charts.fit_size_matrix, data.accounts, ctx.lang)
    if not fig.has_points():
        empty_state(t("portfolio.no_fit"), t("portfolio.no_fit_next"))
    else:
        event = chart(fig, key="fit_size", on_select="rerun", selection_mode="points")
        points = event.selection.points if event and event.selection else []
        picked = points[0].get("customdata", [None])[0] if points else None
        # Act on a new selection only: the chart keeps reporting it while the user picks other accounts.
        if picked != st.session_state.get("_fit_size_picked"):
            st.session_state["_fit_size_picked"] = picked
            if picked and picked != ctx.account:
                view_state.set_value(view_state.ACCOUNT, picked)
                st.rerun()
        st.caption(t("portfolio.fit_size_hint"))
with right:
    chart(figure(charts.stage_bars, data.stage_counts, ctx.lang))

if ctx.account:
    render_account_card(ctx, data)

# Below the fold, one tab at a time: the key-account table and "Who next" (two charts, a model) were built
# and drawn on every view (issue 15).
lazy_tabs(
    PORTFOLIO_TAB_KEY,
    [
        (ctx.t_plain("portfolio.table_title"), lambda: account_table(ctx, data.accounts)),
        (ctx.t_plain("candidates.title"), lambda: render_who_next(ctx)),
    ],
)
