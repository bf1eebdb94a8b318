"""Value proposition (/value), step 3: component by component, the customer's benefit (EUR per year) and our
profit net of the real internal effort; the value to the customer as a waterfall; our economics per stage over
time; the proposed sequence; how hard each component is to copy; where each stands after customer feedback."""

import pandas as pd
import streamlit as st

from skam_core.analytics.value import ECONOMIC_INPUTS, HORIZONS, economics
from skam_core.charts import value as charts
from skam_core.ui.kit.cards import card, card_row
from skam_core.ui.kit.figures import figure
from skam_core.ui.kit.md_table import static_table
from skam_core.ui.kit.page import require_account, setup_page
from skam_core.ui.kit.text import md
from skam_core.ui.kit.widgets import chart, empty_state, lazy_expander, page_link
from skam_core.ui.strategy.common import account_picker, header
from skam_core.ui.value import editors
from skam_core.ui.value.captions import accepted_caption
from skam_core.views import value as value_view

ctx = setup_page("value")
t, f = ctx.t, ctx.fmt
VALUE_ECONOMICS_BOX, VALUE_SEQUENCE_BOX = "value_economics_box", "value_sequence_box"  # open or closed
cust = require_account(
    ctx, t("strategy.shared.no_account"), t("strategy.shared.no_account_next"), title=True, picker=account_picker
)
can_edit = header(ctx, cust)
view = ctx.read(value_view.value, ctx.account)
comps = view.components
INPUT_LABELS = {
    "our_revenue_eur": "fit.field.our_revenue",
    "our_margin_pct": "fit.field.margin",
    "effort_cost_eur": "fit.field.effort_cost",
    "start_month": "fit.field.start",
    "duration_months": "fit.field.duration",
}

if comps.empty:
    if view.opportunities.empty:
        empty_state(t("value.empty"), t("value.empty_no_opps"))
        page_link(ctx, "fit", label=t("value.to_fit"))
    else:
        empty_state(t("value.empty"), t("value.empty_next" if can_edit else "value.empty_viewer"))
    if can_edit:
        editors.from_opportunity(ctx, view)
        editors.components(ctx, view, can_edit)
    st.stop()

years = st.segmented_control(
    t("value.horizon"),
    options=list(HORIZONS),
    default=3,
    format_func=lambda y: t("value.horizon_years", n=y),
    help=t("value.horizon_help"),
    key="value.horizon",
)
years = years or 3
eco = view.economics.get(years) or economics(comps, ctx.asof.day, years)  # computed in views.value
s = eco.summary

# -- headline ---------------------------------------------------------------------------------------------------
card_row(
    [
        card(
            t("value.m.benefit"),
            f.eur_compact(s.benefit_per_year),
            help=t("value.m.benefit_help"),
            caption=t("value.m.components", n=s.components, declined=s.declined),
        ),
        card(
            t("value.m.accepted"),
            f.eur_compact(s.benefit_accepted),
            help=t("value.m.accepted_help"),
            caption=accepted_caption(ctx, s),
        ),
        card(
            t("value.m.contribution"),
            f.eur_compact(s.contribution_per_year),
            help=t("value.m.contribution_help"),
            caption=t("value.m.ratio", ratio=f.ratio(s.value_ratio)) if s.value_ratio else None,
        ),
        card(
            t("value.m.profit", n=years),
            f.eur_compact(s.profit),
            help=t("value.m.profit_help"),
            caption=t("value.m.effort", cost=f.eur_compact(s.effort_cost)),
        ),
        card(
            t("value.m.hard_to_copy"),
            f.pct(s.hard_to_copy_share, decimals=0),
            help=t("value.m.hard_to_copy_help"),
        ),
    ]
)
if s.incomplete:
    missing = []
    for r in comps[
        [len(m) > 0 and st_ != "declined" for m, st_ in zip(comps["missing"], comps["status"], strict=True)]
    ].itertuples():
        what = (
            t("value.no_opportunity")
            if r.opportunity_id is None
            else ", ".join(t(INPUT_LABELS[k]) for k in r.missing if k in ECONOMIC_INPUTS)
        )
        missing.append(f"{r.title} ({what})")
    st.warning(t("value.incomplete", items="; ".join(missing)), icon=":material/calculate:")

# -- 1. the components ------------------------------------------------------------------------------------------
st.subheader(t("value.components_title"))
st.caption(t("value.components_caption"))
latest = view.feedback.drop_duplicates("value_item_id").set_index("value_item_id") if not view.feedback.empty else None
stages = eco.stages.set_index("id")


def feedback_of(item_id: str) -> str | None:
    if latest is None or item_id not in latest.index:
        return None
    r = latest.loc[item_id]
    mood_key = {1: "pos", 0: "neu", -1: "neg"}.get(int(r["sentiment"]), "neu")
    mood = t(f"value.sentiment.{mood_key}")
    who = f", {r['from_name']}" if isinstance(r["from_name"], str) and r["from_name"] else ""
    return f"{f.day(r['received_on'])}{who} ({mood}): {r['text']}"


def payback(item_id: str) -> str:
    months = stages.loc[item_id, "payback_months"] if item_id in stages.index else None
    return f.number(months) if months is not None and not pd.isna(months) else "–"


table = pd.DataFrame(
    {
        t("value.col.seq"): [f.number(int(v)) if not pd.isna(v) else "–" for v in comps["sequence_no"]],
        t("value.col.component"): comps["title"],
        t("value.col.status"): [t(f"enum.value_status.{x}") for x in comps["status"]],
        t("value.col.benefit"): [f.eur(v) for v in comps["customer_benefit_eur"]],
        t("value.col.contribution"): [f.eur(v) for v in comps["contribution_eur"]],
        t("value.col.effort_cost"): [f.eur(v) for v in comps["effort_cost_eur"]],
        t("value.col.profit", n=years): [
            f.eur(stages.loc[i, "profit"]) if i in stages.index else "–" for i in comps["id"]
        ],
        t("value.col.payback"): [payback(i) for i in comps["id"]],
    }
)
# A handful of rows nobody sorts: one markdown table (kit.md_table), not a grid whose script and drawing cost
# every full load about half a blank page. What the computed columns mean stands under it.
money = [
    t("value.col.benefit"),
    t("value.col.contribution"),
    t("value.col.effort_cost"),
    t("value.col.profit", n=years),
]
static_table(table, right=[t("value.col.seq"), *money, t("value.col.payback")])
st.caption(
    f"{t('value.col.contribution')}: {t('value.col.contribution_help')} · "
    f"{t('value.col.profit', n=years)}: {t('value.col.profit_help')} · "
    f"{t('value.col.payback')}: {t('value.col.payback_help')}"
)
with_feedback = [(r.title, feedback_of(r.id)) for r in comps.itertuples() if feedback_of(r.id)]
if with_feedback:
    st.markdown(t("value.feedback_title"))
    for title, fb in with_feedback:
        st.caption(f"{md(title)} — {md(fb)}")
if can_edit:
    editors.from_opportunity(ctx, view)
editors.components(ctx, view, can_edit)


def component_charts() -> None:
    left, right = st.columns([1.4, 1])
    with left:
        if (comps["customer_benefit_eur"].notna() & (comps["status"] != "declined")).any():
            chart(figure(charts.benefit_waterfall, comps, ctx.lang))
        else:
            empty_state(t("value.benefit_empty"), t("value.benefit_empty_next"))
    with right:
        if comps["copy_risk"].notna().any():
            chart(figure(charts.copy_risk_bar, comps, ctx.lang))
        else:
            empty_state(t("value.copy_empty"), t("value.copy_empty_next"))


# The two charts draw the table's benefit and copy risk; below the fold they were the page's costliest part in
# the browser on every full load (issue 12): built once opened.
lazy_expander(ctx.t_plain("value.charts_title"), "value_charts_box", component_charts)
risky = comps[comps["copy_risk"].notna()]
if not risky.empty:
    st.markdown(t("value.copy_title"))
    for r in risky.itertuples():
        reason = r.copy_risk_reason if isinstance(r.copy_risk_reason, str) and r.copy_risk_reason else "–"
        st.caption(
            t("value.copy_line", component=r.title, risk=t(f"value.copy_risk.{int(r.copy_risk)}"), reason=reason)
        )

# -- 2. our economics per stage over time -----------------------------------------------------------------------


def _economics() -> None:
    st.caption(t("value.economics_caption", start=f.month(eco.start), n=years))
    if eco.periods.empty:
        empty_state(t("value.economics_empty"), t("value.economics_empty_next"))
    else:
        chart(figure(charts.economics_chart, eco.periods, ctx.lang, t("value.chart.quarter_axis")))
        stg = eco.stages
        st.dataframe(
            pd.DataFrame(
                {
                    t("value.col.stage"): [int(v) if not pd.isna(v) else None for v in stg["sequence_no"]],
                    t("value.col.component"): stg["title"],
                    t("value.col.status"): [t(f"enum.value_status.{x}") for x in stg["status"]],
                    t("value.col.revenue_h"): [f.eur(v) for v in stg["revenue"]],
                    t("value.col.effort_h"): [f.eur(v) for v in stg["effort_cost"]],
                    t("value.col.profit", n=years): [f.eur(v) for v in stg["profit"]],
                    t("value.col.cumulative"): [f.eur(v) for v in stg["cumulative_profit"]],
                }
            ),
            hide_index=True,
            width="stretch",
            column_config={t("value.col.cumulative"): st.column_config.TextColumn(help=t("value.col.cumulative_help"))},
        )


# -- 3. the proposed sequence -----------------------------------------------------------------------------------


def _sequence() -> None:
    st.caption(t("value.sequence_caption"))
    if comps["start_month"].notna().any():
        horizon_end = pd.Timestamp(eco.start) + pd.DateOffset(months=eco.months)
        chart(figure(charts.sequence_timeline, comps, ctx.lang, ctx.asof.day, horizon_end.date()))
    else:
        empty_state(t("value.sequence_empty"), t("value.sequence_empty_next"))


# Sections 2 and 3 each in a box built once opened, below the fold: each drew a chart (and 2 a table) on every
# load, and in the browser the charts are the costliest elements (issue 12, docs/performance.md). (As tabs, the
# first one was open, and built, on every load.)
lazy_expander(ctx.t_plain("value.economics_title"), VALUE_ECONOMICS_BOX, _economics)
lazy_expander(ctx.t_plain("value.sequence_title"), VALUE_SEQUENCE_BOX, _sequence)
st.divider()
page_link(ctx, "plan", label=t("value.next_step"))
