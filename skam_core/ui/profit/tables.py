"""The profit page's per-account sections (below its charts): every SKAM account before and after its start, and
the measured uplift per account — each drawn only while its tab is open (pages/profit.py)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from skam_core.analytics.profit import ProfitAnalysis
from skam_core.charts import profit as charts
from skam_core.ui.kit.figures import figure
from skam_core.ui.kit.page import PageContext
from skam_core.ui.kit.widgets import chart


def accounts_section(ctx: PageContext, data: ProfitAnalysis) -> None:
    t, f = ctx.t, ctx.fmt
    st.caption(t("profit.accounts_caption"))
    left, right = st.columns([1.2, 1])
    with left:
        chart(figure(charts.before_after, data.accounts, ctx.lang))
    with right:
        chart(figure(charts.size_uplift, data.accounts, data.size_uplift_correlation, ctx.lang))
        r = data.size_uplift_correlation
        if r is None:
            st.caption(t("profit.correlation_none"))
        else:
            n = int(data.accounts["uplift"].notna().sum())
            verdict = t("profit.correlation_weak") if abs(r) < 0.3 else t("profit.correlation_strong")
            st.caption(t("profit.correlation", r=f.number(r, decimals=2), n=n, verdict=verdict))
    a = data.accounts
    table = pd.DataFrame(
        {
            t("profit.col.account"): a["name"],
            t("profit.col.start"): pd.to_datetime(a["skam_start"]).dt.date,
            t("profit.col.months_since"): a["months_since_start"],
            t("profit.col.months_before"): a["months_before"],
            t("profit.col.revenue_before"): a["revenue_before"],
            t("profit.col.margin_before"): a["margin_before"],
            t("profit.col.margin_last"): a["margin_last"],
            t("profit.col.uplift"): a["uplift"],
        }
    )
    styled = table.style.format(
        {
            t("profit.col.start"): lambda v: f.day(v),
            t("profit.col.revenue_before"): lambda v: f.eur(v),
            t("profit.col.margin_before"): lambda v: f.pct(v),
            t("profit.col.margin_last"): lambda v: f.pct(v),
            t("profit.col.uplift"): lambda v: f.pp(v),
        }
    )
    st.dataframe(
        styled,
        hide_index=True,
        width="stretch",
        column_config={t("profit.col.uplift"): st.column_config.Column(help=t("profit.col.uplift_help"))},
    )


def effects_section(ctx: PageContext, data: ProfitAnalysis) -> None:
    t, f = ctx.t, ctx.fmt
    effects = data.account_effects
    st.caption(t("profit.effects_caption"))
    names = dict(zip(data.accounts["customer_id"], data.accounts["name"], strict=False))
    table = pd.DataFrame(
        {
            t("profit.col.account"): [names.get(c, c) for c in effects["customer_id"]],
            t("profit.col.effect"): effects["estimate"],
            t("profit.col.effect_low"): effects["ci_low"],
            t("profit.col.effect_high"): effects["ci_high"],
            t("profit.col.months_before"): effects["months_before"],
            t("profit.col.months_after"): effects["months_after"],
        }
    )
    pp_cols = [t("profit.col.effect"), t("profit.col.effect_low"), t("profit.col.effect_high")]
    st.dataframe(
        table.style.format({c: (lambda v: f.pp(v)) for c in pp_cols}),
        hide_index=True,
        width="stretch",
    )
