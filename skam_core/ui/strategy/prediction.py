"""The open account's own predicted uplift (from the candidates model), shown on the strategy and fit pages
while the account is not yet in implementation."""

from __future__ import annotations

import streamlit as st

from skam_core.ui.kit.page import PageContext
from skam_core.ui.kit.widgets import metric
from skam_core.views.candidates import candidates


def render_own_prediction(ctx: PageContext) -> None:
    """Nothing when the account has no prediction (no fit score, in implementation, or too few measured)."""
    if not ctx.account:
        return
    model = ctx.read(candidates)
    row = model.for_customer(ctx.account) if model.available else None
    if row is None:
        return
    t, f = ctx.t, ctx.fmt
    st.subheader(t("candidates.own.title"))
    c1, c2 = st.columns([1, 2])
    with c1:
        metric(
            t("candidates.col.uplift"),
            t(
                "candidates.own.value",
                est=f.pp(row["estimate"]),
                low=f.pp(row["low"]),
                high=f.pp(row["high"]),
            ),
            help=t("candidates.own.help"),
        )
    with c2:
        st.markdown(
            t(
                "candidates.own.eur",
                eur=f.eur(row["eur"]),
                revenue=f.eur(row["revenue"]),
                low=f.eur(row["eur_low"]),
                high=f.eur(row["eur_high"]),
            )
        )
        if row["probability_pays"] == row["probability_pays"]:
            st.markdown(
                t("candidates.own.pays", effort=f.eur(row["effort_eur"]), p=f.pct(row["probability_pays"], decimals=0))
            )
        if row["extrapolated"] and model.fit_range:
            lo, hi = model.fit_range
            st.warning(t("candidates.own.extrapolated", low=f.number(lo), high=f.number(hi)), icon=":material/warning:")
