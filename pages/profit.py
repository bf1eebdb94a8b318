"""Profit effect (/profit): do SKAM accounts earn more, and did SKAM cause it? The group margins and their ratio,
the margins by month and their spread, the measured effect with its event study, and every account before and
after its start. Numbers from skam_core.analytics.profit (the same as `python -m skam_core profit`)."""

import streamlit as st

from skam_core.charts import profit as charts
from skam_core.ui.kit.cards import card, card_row
from skam_core.ui.kit.figures import figure
from skam_core.ui.kit.page import setup_page
from skam_core.ui.kit.widgets import chart, comparison_cards, empty_state, lazy_expander
from skam_core.ui.profit.tables import accounts_section, effects_section
from skam_core.views import profit as profit_view

ctx = setup_page("profit")
t, f = ctx.t, ctx.fmt
data = ctx.read(profit_view.profit)
CHARTS_BOX = "profit_charts_box"
ACCOUNTS_BOX, EFFECTS_BOX = "profit_accounts_box", "profit_effects_box"  # session keys: open or closed

st.title(t("page.profit"))
if data.window is None:
    empty_state(t("profit.no_financials"), t("profit.no_financials_next"))
    st.stop()
cmp, effect = data.comparison, data.effect
st.caption(
    t(
        "profit.window",
        start=f.month(data.window.start),
        end=f.month(data.window.end),
        skam=f.number(cmp.skam.customers),
        others=f.number(cmp.others.customers),
    )
)
if cmp.skam.customers == 0:
    empty_state(t("profit.no_skam"), t("profit.no_skam_next"))

months = data.months_to_improvement
card_row(
    [
        *comparison_cards(ctx, cmp, prefix="profit", others_caption="profit.m.customers"),
        card(
            t("profit.m.effect"),
            f.pp(effect.estimate) if effect.available else "–",
            help=t("profit.m.effect_help"),
            caption=t("profit.m.effect_ci", low=f.pp(effect.ci_low), high=f.pp(effect.ci_high))
            if effect.available
            else t("profit.m.no_estimate") + ": " + t(f"profit.reason.{effect.reason}"),
        ),
        card(
            t("profit.m.months"),
            t("profit.m.months_value", k=months)
            if months is not None
            else (t("profit.m.months_none") if effect.available else "–"),
            help=t("profit.m.months_help"),
            caption=t("profit.m.months_caption"),
        ),
    ]
)

if cmp.skam.customers > 0:
    with st.container(border=True):
        st.subheader(t("profit.explain_title"))
        parts = []
        if cmp.ratio is not None:
            parts.append(
                t(
                    "profit.explain_ratio",
                    n=f.number(cmp.skam.customers),
                    skam=f.pct(cmp.skam.relative_operating_profit),
                    others=f.pct(cmp.others.relative_operating_profit),
                    ratio=f.number(cmp.ratio, decimals=1),
                )
            )
        if effect.available:
            text = t(
                "profit.explain_effect",
                effect=f.pp(effect.estimate),
                low=f.pp(effect.ci_low),
                high=f.pp(effect.ci_high),
            )
            if effect.ci_low <= 0 <= effect.ci_high:
                text += t("profit.explain_effect_unclear")
            parts.append(text)
            if months is not None:
                parts.append(t("profit.explain_months", k=months))
            else:
                parts.append(t("profit.explain_months_none"))
        else:
            parts.append(t(f"profit.reason.{effect.reason}"))
        st.markdown(" ".join(parts))
        if effect.available:
            st.caption(t(f"profit.inference.{effect.inference}", n=f.number(effect.accounts)))
            yearly = effect.estimate * cmp.skam.revenue
            verdict = t(
                "profit.verdict",
                pp=f.pp(effect.estimate),
                low=f.pp(effect.ci_low),
                high=f.pp(effect.ci_high),
                eur=f.eur(yearly),
                eur_account=f.eur(yearly / max(cmp.skam.customers, 1)),
            )
            if effect.ci_low <= 0 <= effect.ci_high:
                verdict += t("profit.verdict_unclear")
            st.markdown(verdict)
            w = data.effect_windows
            if w:
                st.caption(t("profit.windows", **{f"w{i}": f.pp(w[n].estimate) for i, n in enumerate(w)}))
            if data.pretrend_p is not None:
                p_text = f.number(data.pretrend_p, decimals=3)
                if data.pretrend_p < 0.05:
                    st.warning(t("profit.pretrend_fails", p=p_text))
                else:
                    st.caption(t("profit.pretrend_ok", p=p_text))
        with st.expander(t("profit.caveats_title")):
            st.markdown(t("profit.caveats"))


def margin_charts() -> None:
    left, right = st.columns([1.6, 1])
    with left:
        chart(figure(charts.trailing_margins, data.monthly, ctx.lang))
        st.caption(t("profit.chart.trend_hint"))
    with right:
        chart(figure(charts.margin_spread, data.spread, data.accounts, ctx.lang))
        st.caption(t("profit.chart.spread_hint"))
    if not data.event_study.empty:
        chart(figure(charts.event_study, data.event_study, months, ctx.lang))
        st.caption(t("profit.chart.event_hint"))


# The three charts show the figures above over time, per customer and per month since the start. Drawn on every
# full load they were most of the page's time in the browser (Plotly's script and three drawings, about 1x of a
# blank page), below the fold of every screen: built once opened, like the sections below.
lazy_expander(ctx.t_plain("profit.charts_title"), CHARTS_BOX, margin_charts)

# Below the charts, each opened on demand: the accounts' two charts and their table, and the uplift per account,
# were built and drawn on every view (issue 15).
if not data.accounts.empty:
    lazy_expander(ctx.t_plain("profit.accounts_title"), ACCOUNTS_BOX, lambda: accounts_section(ctx, data))
if not data.account_effects.empty:
    lazy_expander(ctx.t_plain("profit.effects_title"), EFFECTS_BOX, lambda: effects_section(ctx, data))
