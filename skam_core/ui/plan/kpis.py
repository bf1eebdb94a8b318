"""The /plan page's KPI part: the KPIs the plan tracks (name, unit, direction, plausible range, source) and their
targets per period."""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st

from skam_core.analytics import kpi_entry
from skam_core.analytics.plan import PlanView
from skam_core.analytics.plan_facts import facts_of
from skam_core.charts.implementation import value_text
from skam_core.domain.enums import Direction
from skam_core.domain.validation import month_add
from skam_core.services.kpis import set_kpi_targets
from skam_core.ui.kit.editing import FormField, run_write
from skam_core.ui.kit.history import history_expander
from skam_core.ui.kit.page import PageContext
from skam_core.ui.kit.widgets import empty_state, next_round, round_key
from skam_core.ui.plan.common import range_text
from skam_core.ui.plan.items import item_editor

DIRECTION_OPTIONS = {d.value: f"enum.direction.{d.value}" for d in Direction}
KPI_FIELDS = (
    FormField("name", "plan.kpi.col.name"),
    FormField("unit", "plan.kpi.col.unit", help="plan.kpi.col.unit_help"),
    FormField("direction", "plan.kpi.col.direction", options=DIRECTION_OPTIONS, widget="radio"),
    FormField("source", "plan.kpi.col.source", help="plan.kpi.col.source_help"),
    FormField("min_value", "plan.kpi.col.min", help="plan.kpi.col.range_help"),
    FormField("max_value", "plan.kpi.col.max", help="plan.kpi.col.range_help"),
    FormField("description", "plan.kpi.col.description", widget="textarea"),
    FormField("sort_order", "plan.obj.col.order", help="plan.obj.col.order_help"),
)


def render_kpis(ctx: PageContext, view: PlanView, cust: dict, editable: bool) -> None:
    t = ctx.t
    st.subheader(t("plan.kpi.title"))
    defs = view.kpi_definitions
    if defs.empty:
        empty_state(t("plan.kpi.empty"), t("plan.kpi.empty_next" if editable else "plan.kpi.empty_viewer"))
    else:
        month = ctx.asof.day.replace(day=1)
        facts = facts_of(view, ctx.asof.day)
        now, last_target = facts.kpi_target_now, facts.kpi_targets_until
        out = pd.DataFrame(
            {
                t("plan.kpi.col.name"): defs["name"],
                t("plan.kpi.col.unit"): defs["unit"],
                t("plan.kpi.col.direction"): [t(f"enum.direction.{d}") for d in defs["direction"]],
                t("plan.kpi.col.target_now", month=ctx.fmt.month(month)): [
                    value_text(now.get(k), u, ctx.lang) for k, u in zip(defs["id"], defs["unit"], strict=True)
                ],
                t("plan.kpi.col.targets_until"): [ctx.fmt.month(last_target.get(k)) for k in defs["id"]],
                t("plan.kpi.col.range"): [range_text(ctx, d) for d in defs.to_dict("records")],
                t("plan.kpi.col.source"): defs["source"].fillna(""),
            }
        )
        st.dataframe(
            out,
            hide_index=True,
            width="stretch",
            column_config={
                t("plan.kpi.col.range"): st.column_config.TextColumn(help=t("plan.kpi.col.range_help")),
                t("plan.kpi.col.target_now", month=ctx.fmt.month(month)): st.column_config.TextColumn(
                    help=t("plan.kpi.col.target_now_help")
                ),
            },
        )
    if not editable:
        return
    item_editor(
        ctx,
        table="kpi_definitions",
        items=defs,
        fields=KPI_FIELDS,
        key="kpidef",
        label_of=lambda r: f"{r['name']} ({r['unit']})",
        fixed={"customer_id": cust["customer_id"]},
        title=t("plan.kpi.edit"),
    )
    if not defs.empty:
        _targets_editor(ctx, view)


def _targets_editor(ctx: PageContext, view: PlanView) -> None:
    t = ctx.t
    defs = view.kpi_definitions
    # An entry table, built when opened (on_change="rerun"), not on every run of the page.
    box = st.expander(t("plan.kpi.targets"), icon=":material/flag:", key="tg_box", on_change="rerun")
    if not box.open:
        return
    with box:
        names = {r["id"]: f"{r['name']} ({r['unit']})" for r in defs.to_dict("records")}
        kid = st.selectbox(t("plan.kpi.targets_pick"), list(names), format_func=lambda v: names[v], key="tg_pick")
        first = month_add(ctx.asof.today.replace(day=1), -6)
        periods = [month_add(first, k) for k in range(24)]
        frame = kpi_entry.target_frame(view.kpi_targets, kid, periods)
        shown = pd.DataFrame({"period": [ctx.fmt.month(p) for p in frame["period"]], "target": frame["target"]})
        edited = st.data_editor(
            shown,
            hide_index=True,
            width="stretch",
            placeholder="",
            disabled=["period"],
            column_config={
                "period": st.column_config.TextColumn(t("plan.kpi.col.period")),
                "target": st.column_config.NumberColumn(t("plan.kpi.col.target"), help=t("plan.kpi.targets_help")),
            },
            key=round_key(f"tg_editor_{kid}"),
        )
        changes = {}
        for p, old, new in zip(frame["period"], frame["target"], edited["target"], strict=True):
            old_v = None if pd.isna(old) else float(old)
            new_v = None if new is None or (isinstance(new, float) and math.isnan(new)) else float(new)
            if old_v != new_v:
                changes[p] = new_v
        if st.button(t("plan.kpi.targets_save", n=len(changes)), disabled=not changes, type="primary", key="tg_save"):
            n = run_write(ctx, set_kpi_targets, ctx.store, ctx.user, kid, changes, rerun=False)
            if n is not None:
                next_round(f"tg_editor_{kid}")  # a fresh editor showing what was stored
                st.toast(t("plan.kpi.targets_saved", n=n), icon=":material/check_circle:")
                st.rerun()
        history_expander(ctx, "kpi_definitions", {"id": kid}, title=t("plan.kpi.definition_history"))
