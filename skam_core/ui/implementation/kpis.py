"""The /implementation page's KPI part: per KPI the latest value against its target with a traffic light that
respects the KPI's direction, the trend, and actual against target over time."""

from __future__ import annotations

from typing import Literal

import pandas as pd
import streamlit as st

from skam_core.analytics.plan import ImplementationView
from skam_core.charts import implementation as charts
from skam_core.ui.kit.editing import display_name
from skam_core.ui.kit.figures import figure
from skam_core.ui.kit.page import PageContext
from skam_core.ui.kit.widgets import chart, empty_state, page_link

BadgeColor = Literal["green", "orange", "red", "gray"]
BADGE: dict[str, BadgeColor] = {"green": "green", "amber": "orange", "red": "red", "grey": "gray"}
TREND_ICON = {
    "better": ":material/trending_up:",
    "worse": ":material/trending_down:",
    "flat": ":material/trending_flat:",
}


def entry_link(ctx: PageContext, label_key: str = "impl.kpi.enter") -> None:
    page_link(ctx, "kpis", label=ctx.t(label_key))


def render_kpi_summary(ctx: PageContext, view: ImplementationView) -> None:
    """The KPIs' traffic lights in one line (under the milestone counts, above the tabs); nothing without KPIs."""
    if view.kpi_status.empty:
        return
    counts = view.light_counts
    st.caption(
        ctx.t("impl.kpi.title")
        + " · "
        + ctx.t(
            "impl.kpi.summary",
            green=counts["green"],
            amber=counts["amber"],
            red=counts["red"],
            grey=counts["grey"],
        ),
        help=ctx.t("impl.kpi.help"),
    )


def render_kpis(ctx: PageContext, view: ImplementationView, editable: bool) -> None:
    t = ctx.t
    st.subheader(t("impl.kpi.title"), help=t("impl.kpi.help"))
    status = view.kpi_status
    if status.empty:
        empty_state(t("impl.kpi.empty"), t("impl.kpi.empty_next"))
        return
    st.caption(t("impl.kpi.markers"))
    if editable:
        entry_link(ctx)
    defs = {d["id"]: d for d in view.kpi_definitions.to_dict("records")}
    rows = status.to_dict("records")
    for start in range(0, len(rows), 2):
        cols = st.columns(2)
        for col, r in zip(cols, rows[start : start + 2], strict=False):
            with col, st.container(border=True):
                _kpi_card(ctx, r, defs[r["kpi_id"]], view.kpi_series)


def _kpi_card(ctx: PageContext, r: dict, kpi: dict, series: pd.DataFrame) -> None:
    t = ctx.t
    unit = r["unit"]
    light = r["light"]
    head, badge = st.columns([3, 1.3])
    with head:
        latest = charts.value_text(r["latest_value"], unit, ctx.lang)
        delta = None
        if r["trend_change"] is not None and not pd.isna(r["trend_change"]):
            sign = "+" if r["trend_change"] > 0 else ""
            delta = f"{sign}{charts.gap_text(r['trend_change'], unit, ctx.lang)}"
        st.metric(
            t("impl.kpi.latest", name=r["name"], period=ctx.fmt.month(r["latest_period"])),
            latest,
            delta=delta,
            delta_color="inverse" if r["direction"] == "lower" else "normal",
            delta_description=t("impl.kpi.delta_since", since=ctx.fmt.month(r["trend_since"]))
            if r["trend_since"] is not None
            else None,
            help=t(
                "impl.kpi.latest_help",
                direction=t(f"enum.direction.{r['direction']}"),
                source=r.get("source") or "–",
            ),
        )
    with badge:
        st.badge(t(f"impl.light.{light}"), color=BADGE[light], icon=":material/circle:", help=t("impl.light.help"))
        if r["trend"]:
            st.badge(
                t(f"impl.trend.{r['trend']}"), color="gray", icon=TREND_ICON[r["trend"]], help=t("impl.trend.help")
            )
    target = charts.value_text(r["target"], unit, ctx.lang)
    facts = [t("impl.kpi.target_is", target=target)]
    if r["shortfall"]:
        facts.append(t("impl.kpi.shortfall", gap=charts.gap_text(r["shortfall"], unit, ctx.lang)))
    if r["entered_by"]:
        facts.append(
            t("impl.kpi.entered", who=display_name(ctx, r["entered_by"]), when=ctx.fmt.timestamp(r["entered_at"]))
        )
        if r["entries"] and r["entries"] > 1:
            facts.append(t("impl.kpi.corrected", n=int(r["entries"]) - 1))
    st.caption(" · ".join(facts))
    if r["periods_with_value"] == 0 and series[series["kpi_id"] == r["kpi_id"]]["target"].notna().sum() == 0:
        st.caption(t("impl.kpi.no_data"))
        return
    chart(figure(charts.kpi_chart, series, kpi, ctx.lang, today=ctx.asof.day), key=f"kpi_chart_{r['kpi_id']}")
