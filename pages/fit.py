"""Strategic fit (/fit), step 2: the customer's weighted priorities against our capabilities (the fit matrix and
the overall fit score), fit against size across the portfolio, the new business that follows, and whether we can
deliver it (our effort per quarter across all accounts against our capacity). Admins maintain our capabilities
and capacity here."""

import pandas as pd
import streamlit as st

from skam_core.analytics.capacity import quarter_of, quarter_start
from skam_core.charts import fit as charts
from skam_core.charts.bars import breakdown_bars_html
from skam_core.charts.fit_grid import fit_grid_html
from skam_core.ui.fit import editors, sections
from skam_core.ui.kit.cards import Lines, card, card_row, lines_html, split_html
from skam_core.ui.kit.editing import last_changes
from skam_core.ui.kit.figures import figure
from skam_core.ui.kit.page import require_account, setup_page
from skam_core.ui.kit.widgets import chart, empty_state, lazy_expander, metric, page_link
from skam_core.ui.strategy.common import account_picker, header, may_administer, options_map
from skam_core.ui.strategy.prediction import render_own_prediction
from skam_core.views import fit as fit_view
from skam_core.views import value as value_view

ctx = setup_page("fit")
t, f = ctx.t, ctx.fmt
# Session keys: the expanders (sections 2, 3 and 5) open or closed.
FIT_SIZE_BOX, FIT_OPPS_BOX, FIT_OURS_BOX = "fit_size_box", "fit_opps_box", "fit_ours_box"
cust = require_account(
    ctx, t("strategy.shared.no_account"), t("strategy.shared.no_account_next"), title=True, picker=account_picker
)
can_edit = header(ctx, cust)
view = ctx.read(fit_view.fit, ctx.account)
portfolio = ctx.read(fit_view.fit_portfolio)
opps = ctx.read(value_view.value, ctx.account).opportunities
caps = view.capabilities
cap_names = options_map(caps, "id", "name")

# -- headline ---------------------------------------------------------------------------------------------------
ranked = portfolio.accounts[portfolio.accounts["fit_score"].notna()].sort_values("fit_score", ascending=False)
rank = list(ranked["customer_id"]).index(ctx.account) + 1 if ctx.account in set(ranked["customer_id"]) else None
n_prio = len(view.breakdown)
card_row(
    [
        card(t("fit.m.score"), f.number(view.score) if view.score is not None else "–", help=t("fit.m.score_help")),
        card(
            t("fit.m.rank"),
            t("fit.m.rank_value", rank=rank, n=len(ranked)) if rank else "–",
            help=t("fit.m.rank_help"),
        ),
        card(
            t("fit.m.scored"),
            t("fit.m.scored_value", n=n_prio - len(view.unscored), total=n_prio) if n_prio else "–",
            help=t("fit.m.scored_help"),
        ),
        card(
            t("fit.m.new_business"),
            f.eur_compact(opps["customer_value_eur"].sum(min_count=1)) if not opps.empty else "–",
            help=t("fit.m.new_business_help"),
            caption=t("fit.m.new_business_caption", revenue=f.eur_compact(opps["our_revenue_eur"].sum(min_count=1)))
            if not opps.empty
            else None,
        ),
    ]
)

# -- 1. the fit matrix ------------------------------------------------------------------------------------------
st.subheader(t("fit.matrix_title"))
st.caption(t("fit.matrix_caption"))
if view.priorities.empty:
    empty_state(t("fit.no_priorities"), t("fit.no_priorities_next"))
    page_link(ctx, "strategy", label=t("fit.to_strategy"))
elif caps.empty:
    empty_state(t("fit.no_capabilities"), t("fit.no_capabilities_next"))
else:
    if not view.unscored.empty:
        st.warning(
            t("fit.unscored", items=", ".join(view.unscored["priority"]), n=len(view.unscored)),
            icon=":material/rule:",
        )
    # The matrix and the points per priority as HTML, not Plotly: they are the first screen (charts.svg says why).
    st.html(
        fit_grid_html(
            view.matrix,
            sections.cell_notes(view),
            options_map(view.priorities, "id", "priority"),
            dict(zip(view.breakdown["id"], view.breakdown["share"], strict=True)),
            cap_names,
            ctx.lang,
        )
    )
    # The points per priority and how they come about side by side, one element (kit.cards.split_html): in the
    # browser every element costs each load (issue 12).
    best = view.breakdown.sort_values("points", ascending=False)
    lines = [
        ctx.t_plain(
            "fit.best_match",
            priority=r.priority,
            share=f.pct(r.share, decimals=0).replace(" ", "\u00a0"),  # "(20 %)" never wraps before the %
            score=r.best_score,
            capability=cap_names.get(r.best_capability, "–") if isinstance(r.best_capability, str) else "–",
            points=f.number(r.points, decimals=1),
        )
        for r in best.itertuples()
    ]
    formula = Lines(ctx.t_plain("fit.formula_title"), lines, intro=ctx.t_plain("fit.formula"))
    st.html(split_html(breakdown_bars_html(view.breakdown, ctx.lang), lines_html([formula])))
    editors.cells(ctx, view, can_edit)

# -- 2. fit against size across the portfolio --------------------------------------------------------------------
# The portfolio-wide comparison (section 2) and our own, company-wide side (5) are closed expanders drawn once
# opened: below the fold they were built and drawn on every load (a chart, two tables), and in the browser every
# element costs each load (issue 12, docs/performance.md).


def _fit_and_size() -> None:
    res = portfolio.result
    if portfolio.window_start is None:
        empty_state(t("fit.size_no_financials"), t("fit.size_no_financials_next"))
    else:
        st.caption(t("fit.size_caption", start=f.month(portfolio.window_start), end=f.month(portfolio.window_end)))
        left, right = st.columns([1.7, 1])
        with left:
            chart(figure(charts.fit_size_scatter, portfolio.accounts, ctx.account, ctx.lang, res.rho))
        with right:
            metric(
                t("fit.m.rho"),
                f.number(res.rho, decimals=2) if res.rho is not None else "–",
                help=t("fit.m.rho_help"),
                caption=t("fit.m.rho_caption", n=res.n, p=f.number(res.p_value, decimals=2))
                if res.p_value is not None
                else t("fit.m.rho_caption_n", n=res.n),
            )
            direction = "pos" if (res.rho or 0) >= 0 else "neg"
            verdict = t(f"fit.verdict.{res.verdict}", n=res.n) + (
                " " + t(f"fit.verdict.direction_{direction}") if res.verdict in ("moderate", "strong") else ""
            )
            if res.verdict in ("moderate", "strong") and not res.significant:
                verdict += " " + t("fit.verdict.not_significant")
            (st.info if res.verdict in ("none", "too_few") else st.warning)(verdict, icon=":material/scatter_plot:")


lazy_expander(ctx.t_plain("fit.size_title"), FIT_SIZE_BOX, _fit_and_size)

# -- 3. new business, 4. can we deliver? ------------------------------------------------------------------------
# Section 3 is an expander built once opened, like 2 and 5: its chart, table and editor on every view made the
# page the slowest in the browser (issue 12). Section 4 stays open: it flags the quarters we cannot deliver in.
lazy_expander(
    ctx.t_plain("fit.opps_title"), FIT_OPPS_BOX, lambda: sections.new_business(ctx, opps, caps, cap_names, can_edit)
)
st.subheader(t("fit.capacity_title"))
sections.delivery_capacity(ctx, cust, caps, cap_names, can_edit)
now = quarter_of(ctx.asof.day)

# -- 5. our side: capabilities and capacity (maintained by admins) -----------------------------------------------


def _our_side() -> None:
    admin = may_administer(ctx)
    st.caption(t("fit.ours_caption_admin" if admin else "fit.ours_caption"))
    left, right = st.columns([1.6, 1])
    with left:
        if caps.empty:
            empty_state(t("fit.no_capabilities"), t("fit.no_capabilities_next"))
        else:
            st.dataframe(
                pd.DataFrame(
                    {
                        t("fit.col.cap"): caps["name"],
                        t("fit.col.strength"): [
                            f.number(v) + " / 5" if not pd.isna(v) else "–" for v in caps["strength"]
                        ],
                        t("fit.col.project"): [
                            t("fit.yes") if v else t("fit.no") for v in caps["is_project_capability"]
                        ],
                        t("fit.col.cap_description"): caps["description"].fillna("–"),
                        t("fit.col.changed"): last_changes(ctx, caps),
                    }
                ),
                hide_index=True,
                width="stretch",
            )
        editors.capabilities(ctx, caps, admin)
    with right:
        cap_rows = ctx.read(fit_view.capacity, ctx.account).capacity  # as section 4 reads it (cached)
        upcoming = cap_rows[[quarter_start(q) >= quarter_start(now) for q in cap_rows["quarter"]]].head(8)
        if cap_rows.empty:
            empty_state(t("fit.capacity_none"), t("fit.capacity_none_next"))
        else:
            st.dataframe(
                pd.DataFrame(
                    {
                        t("fit.col.quarter"): [f.quarter(q) for q in upcoming["quarter"]],
                        t("fit.col.capacity"): [f.number(v) for v in upcoming["person_days"]],
                        t("fit.col.capacity_note"): upcoming["note"].fillna("–"),
                    }
                ),
                hide_index=True,
                width="stretch",
            )
        editors.capacity(ctx, cap_rows, admin)


lazy_expander(ctx.t_plain("fit.ours_title"), FIT_OURS_BOX, _our_side)
render_own_prediction(ctx)
st.divider()
page_link(ctx, "value", label=t("fit.next_step"))
