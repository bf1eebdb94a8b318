"""Portfolio (/): the programme at a glance — key accounts per stage, their share of revenue, the SKAM
accounts' relative operating profit against all other customers, fit against size, and the key accounts."""

import streamlit as st

from skam_core.charts.bars import stage_bars_html
from skam_core.charts.bubbles import fit_size_svg
from skam_core.ui.kit import state as view_state
from skam_core.ui.kit.cards import card, card_row
from skam_core.ui.kit.page import setup_page
from skam_core.ui.kit.pickable import svg_chart
from skam_core.ui.kit.widgets import comparison_cards, empty_state, lazy_tabs
from skam_core.ui.portfolio.account_card import render_account_card
from skam_core.ui.portfolio.account_table import account_table
from skam_core.ui.portfolio.who_next import render_who_next
from skam_core.views import portfolio as portfolio_view

ctx = setup_page("portfolio")
t, f = ctx.t, ctx.fmt
data = ctx.read(portfolio_view.portfolio)
PORTFOLIO_TAB_KEY = "portfolio_tab"  # session key of the open tab below the charts


def open_account(picked: str | None) -> None:
    """A click on a bubble or a table row: that account's card, and its id in the address bar."""
    if picked and picked != ctx.account:
        view_state.set_value(view_state.ACCOUNT, picked)
        st.rerun()


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
    # Server-drawn SVG, not Plotly: the first screen's chart (skam_core.charts.svg says why).
    matrix = fit_size_svg(data.accounts, ctx.lang, ctx.account)
    if not matrix:
        empty_state(t("portfolio.no_fit"), t("portfolio.no_fit_next"))
    else:
        open_account(svg_chart(matrix, key="fit_size"))
        st.caption(t("portfolio.fit_size_hint"))
with right:
    st.html(stage_bars_html(data.stage_counts, ctx.lang))

if ctx.account:
    render_account_card(ctx, data)

# Below the fold, one tab at a time: the key-account table and "Who next" (two charts, a model) were built
# and drawn on every view (issue 15).
lazy_tabs(
    PORTFOLIO_TAB_KEY,
    [
        (ctx.t_plain("portfolio.table_title"), lambda: open_account(account_table(ctx, data.accounts))),
        (ctx.t_plain("candidates.title"), lambda: render_who_next(ctx)),
    ],
)
