"""KPI entry: the audit trail of entries (who changed what from which value to which, and when)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from skam_core.analytics.plan import KpiEntryView
from skam_core.charts.implementation import value_text
from skam_core.ui.kit.editing import display_name
from skam_core.ui.kit.page import PageContext

K_TAB = "kpis_tab"  # session key of the page's tabs: the label of the open one


@st.fragment
def history(ctx: PageContext, view: KpiEntryView, limit: int = 300) -> None:
    """The entries, newest first, filtered by KPI and to corrections; a filter reruns only this part."""
    t = ctx.t
    h = view.history
    if h.empty:
        st.caption(t("kpis.hist.empty"))
        return
    defs = {d["id"]: d for d in view.definitions.to_dict("records")}
    options = [None, *defs]
    which = st.selectbox(
        t("kpis.hist.filter"),
        options,
        format_func=lambda v: t("kpis.hist.all") if v is None else defs[v]["name"],
        key="kpis_hist_kpi",
    )
    only_corr = st.toggle(t("kpis.hist.only_corrections"), key="kpis_hist_corr")
    if which is not None:
        h = h[h["kpi_id"] == which]
    if only_corr:
        h = h[h["is_correction"]]
    h = h[h["kpi_id"].isin(defs)].head(limit)
    units = {k: d["unit"] for k, d in defs.items()}
    out = pd.DataFrame(
        {
            t("kpis.hist.col.when"): [ctx.fmt.timestamp(v) for v in h["entered_at"]],
            t("kpis.hist.col.who"): [display_name(ctx, w) for w in h["entered_by"]],
            t("kpis.hist.col.kpi"): [defs[k]["name"] for k in h["kpi_id"]],
            t("kpis.hist.col.period"): [ctx.fmt.month(p) for p in h["period"]],
            t("kpis.hist.col.change"): [
                (f"{value_text(o, units[k], ctx.lang)} → " if not pd.isna(o) else "")
                + value_text(v, units[k], ctx.lang)
                for k, o, v in zip(h["kpi_id"], h["previous_value"], h["value"], strict=True)
            ],
            t("kpis.hist.col.kind"): [
                t("kpis.hist.correction") if c else t("kpis.hist.first") for c in h["is_correction"]
            ],
            t("kpis.hist.col.comment"): h["comment"].fillna(""),
        }
    )
    st.dataframe(out, hide_index=True, width="stretch")
    st.caption(t("kpis.hist.caption", n=len(out)))
