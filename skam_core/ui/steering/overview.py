"""The chair's overview: every steering committee in one table, KPI lights and overdue items coloured with the
status palette of charts/theme.py, full column names, sorted by what needs attention (views.steering)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from skam_core.charts.theme import STATUS_COLORS, TRAFFIC
from skam_core.ui.kit.page import PageContext

# Which colour a count > 0 gets (the same colour means the same thing on every page).
_COLOURED = {
    "kpi_green": TRAFFIC["green"],
    "kpi_amber": TRAFFIC["amber"],
    "kpi_red": TRAFFIC["red"],
    "overdue_escalations": STATUS_COLORS["delayed"],
    "ms_delayed": STATUS_COLORS["delayed"],
    "ms_at_risk": STATUS_COLORS["at_risk"],
}


def _count(df: pd.DataFrame, col: str) -> pd.Series:
    return pd.to_numeric(df[col], errors="coerce").fillna(0).astype(int) if col in df else pd.Series(0, df.index)


def overview_table(ctx: PageContext, accounts: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, str]]:
    """The table (formatted, headers translated; for screen and exports) and which header gets which colour."""
    t, f = ctx.t, ctx.fmt
    cols = {
        t("col.account"): accounts["name"],
        t("col.stage"): [t("stage." + s) for s in accounts["skam_stage"]],
    }
    colours = {}
    for key in ("kpi_red", "kpi_amber", "kpi_green", "overdue_escalations", "ms_delayed", "ms_at_risk"):
        label = t("steering.ov." + key)
        cols[label] = _count(accounts, key)
        colours[label] = _COLOURED[key]
    cols[t("steering.overview.open_escalations")] = _count(accounts, "open_escalations")
    cols[t("steering.overview.last_meeting")] = [f.day(d) for d in accounts["last_meeting"]]
    cols[t("steering.overview.next_meeting")] = [f.day(d) for d in accounts["next_meeting"]]
    cols[t("steering.ov.margin")] = [f.pct(m) for m in accounts["margin"]]
    cols[t("steering.ov.rules")] = [f.number(x, 1) if not pd.isna(x) else "–" for x in accounts["rules_score"]]
    return pd.DataFrame(cols), colours


def _cell_style(colour: str):
    def style(v: object) -> str:
        return f"background-color: {colour}; color: white; font-weight: 600" if isinstance(v, int) and v > 0 else ""

    return style


def render_overview(ctx: PageContext, table: pd.DataFrame, colours: dict[str, str]):
    """The coloured table with a row selection (returns the selection event)."""
    t = ctx.t
    styled = table.style
    for label, colour in colours.items():
        styled = styled.map(_cell_style(colour), subset=[label])
    help_ = {
        t("steering.ov.kpi_red"): t("steering.ov.kpi_help"),
        t("steering.ov.kpi_amber"): t("steering.ov.kpi_help"),
        t("steering.ov.kpi_green"): t("steering.ov.kpi_help"),
        t("steering.ov.overdue_escalations"): t("steering.ov.overdue_help"),
        t("steering.ov.ms_delayed"): t("col.ms_delayed_help"),
    }
    st.caption(t("steering.ov.sorted"))
    return st.dataframe(
        styled,
        hide_index=True,
        width="stretch",
        on_select="rerun",
        selection_mode="single-row",
        key="steer_overview",
        column_config={k: st.column_config.NumberColumn(k, help=v) for k, v in help_.items()},
    )
