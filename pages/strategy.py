"""Customer strategy (/strategy), step 1: Porter's five forces acting on the customer, the customer's own
customers and markets, what sets it apart from its competitors, its weighted priorities — and how complete the
analysis is (the customer is not understood until its distinguishing components are found)."""

import pandas as pd
import streamlit as st

from skam_core.analytics.strategy import competitive_pressure
from skam_core.charts import strategy as charts
from skam_core.ui.kit.cards import card, card_row
from skam_core.ui.kit.editing import last_changes
from skam_core.ui.kit.figures import figure
from skam_core.ui.kit.page import require_account, setup_page
from skam_core.ui.kit.widgets import chart, empty_state, lazy_expander, lazy_tabs, page_link
from skam_core.ui.strategy import editors
from skam_core.ui.strategy.common import account_picker, header
from skam_core.ui.strategy.prediction import render_own_prediction
from skam_core.views import strategy as strategy_view

ctx = setup_page("strategy")
t, f = ctx.t, ctx.fmt
cust = require_account(
    ctx, t("strategy.shared.no_account"), t("strategy.shared.no_account_next"), title=True, picker=account_picker
)
can_edit = header(ctx, cust)
data = ctx.read(strategy_view.strategy, ctx.account)
done = data.completeness

# -- how far the analysis is ------------------------------------------------------------------------------------
pressure = competitive_pressure(data.forces)
n_exclusive = int(data.components["exclusive"].sum()) if not data.components.empty else 0
card_row(
    [
        card(t("strategy.m.complete"), f.pct(done.share, decimals=0), help=t("strategy.m.complete_help")),
        card(
            t("strategy.m.pressure"),
            f.number(pressure, decimals=1) + " / 5" if pressure is not None else "–",
            help=t("strategy.m.pressure_help"),
        ),
        card(
            t("strategy.m.components"),
            f.number(len(data.components)),
            help=t("strategy.m.components_help"),
            caption=t("strategy.m.components_exclusive", n=n_exclusive) if len(data.components) else None,
        ),
        card(t("strategy.m.priorities"), f.number(len(data.priorities)), help=t("strategy.m.priorities_help")),
    ]
)

if done.understood:
    st.success(t("strategy.understood"), icon=":material/verified:")
elif not done.check("components").done:
    st.warning(t("strategy.not_understood_components"), icon=":material/travel_explore:")
else:
    st.warning(t("strategy.not_understood"), icon=":material/travel_explore:")
lines = []
for c in done.checks:
    missing = ", ".join(t(f"enum.force.{m}") for m in c.missing)
    text = t(f"strategy.check.{c.key}", found=c.found, needed=c.needed)
    if missing:
        text += " — " + t("strategy.check.missing", items=missing)
    if c.done:
        lines.append(f":green[:material/check_circle:] {text}")
    else:
        lines.append(f":{'red' if c.essential else 'orange'}[:material/radio_button_unchecked:] {text}")
st.markdown("  \n".join(lines))
if data.is_empty:
    empty_state(t("strategy.empty"), t("strategy.empty_next" if can_edit else "strategy.empty_next_viewer"))


# -- 1. the five forces -----------------------------------------------------------------------------------------
def _forces() -> None:
    st.subheader(t("strategy.forces_title"))
    st.caption(t("strategy.forces_caption"))
    lines = []
    for r in data.profile.itertuples():
        score = f"{f.number(r.score)} / 5" if not pd.isna(r.score) else t("strategy.not_scored")
        evidence = r.evidence if isinstance(r.evidence, str) and r.evidence.strip() else t("strategy.no_evidence")
        lines.append(t("strategy.force_line", force=t(f"enum.force.{r.force}"), score=score, evidence=evidence))
    st.markdown("\n\n".join(lines))  # one element: a paragraph per force
    if data.profile["score"].notna().any():
        # The radar draws the same five scores; as the tab's first sight it cost the page its first chart,
        # Plotly's script and its drawing on every full load (about 0.6x of a blank page): built once opened.
        lazy_expander(
            ctx.t_plain("strategy.forces_chart"),
            "strategy_radar_box",
            lambda: chart(figure(charts.forces_radar, data.profile, ctx.lang)),
        )
    else:
        empty_state(t("strategy.forces_empty"), t("strategy.forces_empty_next"))
    editors.forces(ctx, data, can_edit)


# -- 2. the customer's own customers and markets ----------------------------------------------------------------
def _markets() -> None:
    st.subheader(t("strategy.markets_title"))
    st.caption(t("strategy.markets_caption"))
    if data.markets.empty:
        empty_state(t("strategy.markets_empty"), t("strategy.markets_empty_next"))
    else:
        left, right = st.columns([1, 1.6])
        with left:
            if data.markets["share_pct"].notna().any():
                chart(figure(charts.markets_bar, data.markets, ctx.lang))
            else:
                st.caption(t("strategy.markets_no_share"))
        with right:
            m = data.markets
            st.dataframe(
                pd.DataFrame(
                    {
                        t("strategy.col.market"): m["name"],
                        t("strategy.col.demand"): m["demand"].fillna("–"),
                        t("strategy.col.trend"): [
                            t(f"enum.trend.{x}") if isinstance(x, str) else "–" for x in m["trend"]
                        ],
                        t("strategy.col.share"): [
                            f.number(v) + (" %" if ctx.lang == "de" else "%") if not pd.isna(v) else "–"
                            for v in m["share_pct"]
                        ],
                    }
                ),
                hide_index=True,
                width="stretch",
            )
    editors.markets(ctx, data, can_edit)


# -- 3. what sets the customer apart ----------------------------------------------------------------------------
def _components() -> None:
    st.subheader(t("strategy.components_title"))
    st.caption(t("strategy.components_caption"))
    if data.components.empty:
        st.warning(t("strategy.components_empty"), icon=":material/priority_high:")
    else:
        comp = data.components
        st.dataframe(
            pd.DataFrame(
                {
                    t("strategy.col.component"): comp["component"],
                    t("strategy.col.description"): comp["description"].fillna("–"),
                    t("strategy.col.kind"): [
                        t("strategy.exclusive") if x else t("strategy.superior") for x in comp["exclusive"]
                    ],
                    t("strategy.col.changed"): last_changes(ctx, comp),
                }
            ),
            hide_index=True,
            width="stretch",
            column_config={t("strategy.col.description"): st.column_config.TextColumn(width="large")},
        )
    editors.components(ctx, data, can_edit)


# -- 4. weighted priorities -------------------------------------------------------------------------------------
def _priorities() -> None:
    st.subheader(t("strategy.priorities_title"))
    st.caption(t("strategy.priorities_caption"))
    if data.priorities.empty:
        empty_state(t("strategy.priorities_empty"), t("strategy.priorities_empty_next"))
    else:
        pr = data.priorities
        left, right = st.columns([1, 1])
        with left:
            chart(figure(charts.priorities_bar, pr, ctx.lang))
        with right:
            st.dataframe(
                pd.DataFrame(
                    {
                        t("strategy.col.priority"): pr["priority"],
                        t("strategy.col.weight"): [f.number(w, decimals=1) for w in pr["weight"]],
                        t("strategy.col.weight_share"): [f.pct(s, decimals=0) for s in pr["share"]],
                    }
                ),
                hide_index=True,
                width="stretch",
            )
    editors.priorities(ctx, data, can_edit)


# The four parts of the analysis in tabs of which only the open one is built: all four, with their charts,
# tables and editors, made the page the slowest to draw after the portfolio (issue 12).
STRATEGY_TAB_KEY = "strategy_tab"
lazy_tabs(
    STRATEGY_TAB_KEY,
    [
        (ctx.t_plain("strategy.tab.forces"), _forces),
        (ctx.t_plain("strategy.tab.markets"), _markets),
        (ctx.t_plain("strategy.tab.components"), _components),
        (ctx.t_plain("strategy.tab.priorities"), _priorities),
    ],
)

render_own_prediction(ctx)
st.divider()
page_link(ctx, "fit", label=t("strategy.next_step"))
