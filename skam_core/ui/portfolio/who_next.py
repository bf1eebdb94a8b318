"""The portfolio's "Who next" section: candidates ranked by predicted uplift with their prediction intervals,
the fit/size matrix coloured by the prediction, and the model's honest limits."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from skam_core.analytics.candidates import CandidateModel
from skam_core.charts import candidates as charts
from skam_core.ui.kit.figures import figure
from skam_core.ui.kit.page import PageContext
from skam_core.ui.kit.widgets import chart, empty_state, metric
from skam_core.views.candidates import candidates


def warning_texts(ctx: PageContext, model: CandidateModel) -> list[str]:
    """The model's warnings in the page's language."""
    out = []
    for w in model.warnings:
        params = dict(w.params)
        if w.code == "outside_range":
            params = {"n": params["n"], "low": ctx.fmt.number(params["low"]), "high": ctx.fmt.number(params["high"])}
        out.append(ctx.t(f"candidates.{w.code}", **params))
    return out


def candidates_table(ctx: PageContext, cands: pd.DataFrame) -> None:
    """The candidates with their predicted uplift, € per year and chance to pay, interval beside each figure."""
    t, f = ctx.t, ctx.fmt
    st.dataframe(
        pd.DataFrame(
            {
                t("candidates.col.customer"): cands["name"],
                t("candidates.col.stage"): [t("stage." + s) if s != "none" else "–" for s in cands["stage"]],
                t("candidates.col.fit"): [f.number(v) for v in cands["fit_score"]],
                t("candidates.col.uplift"): [
                    f"{f.pp(e, decimals=1)} ({f.pp(lo, decimals=1)} … {f.pp(hi, decimals=1)})"
                    for e, lo, hi in zip(cands["estimate"], cands["low"], cands["high"], strict=True)
                ],
                t("candidates.col.eur"): [
                    f"{f.eur_compact(e)} ({f.eur_compact(lo)} … {f.eur_compact(hi)})"
                    for e, lo, hi in zip(cands["eur"], cands["eur_low"], cands["eur_high"], strict=True)
                ],
                t("candidates.col.pays"): [f.pct(p, decimals=0) if p == p else "–" for p in cands["probability_pays"]],
                t("candidates.col.size_rank"): [f.number(r) for r in cands["size_rank"]],
                t("candidates.col.note"): [t("candidates.extrapolated") if x else "" for x in cands["extrapolated"]],
            }
        ),
        hide_index=True,
        width="stretch",
    )
    st.caption(t("candidates.pays_help"))


def render_who_next(ctx: PageContext) -> None:
    t, f = ctx.t, ctx.fmt
    model = ctx.read(candidates)
    st.subheader(t("candidates.title"))
    if not model.available:
        p = model.reason.params if model.reason else {"min": 5, "n": 0}
        empty_state(t("candidates.too_few", **p), t("candidates.too_few_next"))
        return
    st.caption(t("candidates.intro", n=len(model.accounts)))
    if model.candidates.empty:
        st.info(t("candidates.none"), icon=":material/info:")
        return
    lo, hi = model.slope_interval or (0.0, 0.0)
    c1, c2, c3 = st.columns(3)
    with c1:
        metric(
            t("candidates.m.slope"),
            f.pp(model.slope, decimals=2),
            help=t("candidates.m.slope_help"),
            caption=t("candidates.m.slope_ci", low=f.pp(lo, decimals=2), high=f.pp(hi, decimals=2)),
        )
    with c2:
        metric(
            t("candidates.m.tau"),
            f.pp(model.fit.tau if model.fit else None, sign=False),
            help=t("candidates.m.tau_help"),
        )
    with c3:
        rho = model.size_rank_correlation
        metric(
            t("candidates.m.size"),
            f.number(rho, decimals=2) if rho is not None else "–",
            help=t("candidates.m.size_help"),
        )
    for text in warning_texts(ctx, model):
        st.warning(text, icon=":material/warning:")
    left, right = st.columns([1.2, 1])
    with left:
        chart(figure(charts.ranking, model.candidates, ctx.lang))
    with right:
        chart(figure(charts.fit_size_uplift, model.candidates, model.accounts, ctx.lang))
    candidates_table(ctx, model.candidates)
    with st.expander(t("candidates.caveats")):
        for key in ("selection", "regression", "interval"):
            st.markdown(t(f"candidates.caveat.{key}"))
