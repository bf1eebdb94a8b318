"""The chair's overview: the few customers the committee should consider next, from the same model as the
portfolio's "Who next" section (one source), with a link to the full ranking and its limits."""

from __future__ import annotations

import streamlit as st

from skam_core.ui.kit.page import PageContext
from skam_core.ui.kit.widgets import page_link
from skam_core.ui.portfolio.who_next import candidates_table, warning_texts
from skam_core.views.candidates import candidates

TOP = 5  # a committee discusses a handful, not the ranking


def render_next_candidates(ctx: PageContext) -> None:
    t = ctx.t
    model = ctx.read(candidates)
    st.subheader(t("candidates.title"))
    if not model.available or model.candidates.empty:
        st.caption(t("steering.next_candidates.none"))
        return
    st.caption(t("steering.next_candidates.intro", n=min(TOP, len(model.candidates)), total=len(model.candidates)))
    for text in warning_texts(ctx, model):
        st.warning(text, icon=":material/warning:")
    candidates_table(ctx, model.candidates.head(TOP))
    page_link(ctx, "portfolio", label=t("steering.next_candidates.all"))
