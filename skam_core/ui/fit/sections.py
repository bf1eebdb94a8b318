"""Sections of the fit page (/fit): the new business that follows from the fit, and whether we can deliver it."""

import pandas as pd
import streamlit as st

from skam_core.analytics.capacity import problem_quarters, quarter_add, quarter_of, quarter_start
from skam_core.analytics.fit import delivery_readiness
from skam_core.charts import fit as charts
from skam_core.domain.enums import OpportunityType
from skam_core.ui.fit import editors
from skam_core.ui.kit.cards import card, card_row, notices
from skam_core.ui.kit.figures import figure
from skam_core.ui.kit.md_table import static_table
from skam_core.ui.kit.page import PageContext
from skam_core.ui.kit.widgets import chart, empty_state, lazy_expander, metric
from skam_core.views import fit as fit_view


def cell_notes(view) -> pd.DataFrame:
    """The fit matrix's notes (priorities x capabilities, None where a cell has none), for the heatmap's hover:
    built from a dict of the cells, not a .loc assignment per cell (that was a tenth of the page's run)."""
    matrix = view.matrix
    note_of = {
        (p, c): n
        for p, c, n in zip(view.cells["priority_id"], view.cells["capability_id"], view.cells["note"], strict=True)
    }
    rows = [[note_of.get((p, c)) for c in matrix.columns] for p in matrix.index]
    return pd.DataFrame(rows, index=matrix.index, columns=matrix.columns, dtype=object)


def new_business(ctx: PageContext, opps: pd.DataFrame, caps: pd.DataFrame, cap_names: dict, can_edit: bool) -> None:
    """New business by type, with what it takes to deliver it (inside its section's expander, which has the
    title)."""
    t, f = ctx.t, ctx.fmt
    st.caption(t("fit.opps_caption"))
    if opps.empty:
        empty_state(t("fit.opps_empty"), t("fit.opps_empty_next" if can_edit else "fit.opps_empty_viewer"))
    else:
        strength = dict(zip(caps["id"], caps["strength"], strict=True)) if not caps.empty else {}
        opps = opps.assign(_order=opps["type"].map({k.value: i for i, k in enumerate(OpportunityType)}))
        opps = opps.sort_values(["_order", "start_month"], na_position="last").reset_index(drop=True)
        ready = delivery_readiness(opps["capability_id"], caps)
        ready_text = [
            t(
                f"fit.ready.{r}",
                cap=cap_names.get(c, "–") if isinstance(c, str) else "–",
                s=f.number(strength.get(c)) if isinstance(c, str) else "–",
            )
            for r, c in zip(ready, opps["capability_id"], strict=True)
        ]

        def period(start, months) -> str:
            if pd.isna(start):
                return "–"
            first = pd.Timestamp(start)
            if pd.isna(months):
                return f.month(first.date())
            last = first + pd.DateOffset(months=int(months)) - pd.Timedelta(days=1)
            return f"{first:%m/%Y}–{last:%m/%Y} ({int(months)} {t('fit.months_short')})"

        table = pd.DataFrame(
            {
                t("fit.col.type"): [t(f"enum.opportunity.{x}") for x in opps["type"]],
                t("fit.col.title"): opps["title"],
                t("fit.col.customer_value"): [f.eur(v) for v in opps["customer_value_eur"]],
                t("fit.col.our_revenue"): [f.eur(v) for v in opps["our_revenue_eur"]],
                t("fit.col.effort"): [
                    f"{f.number(d)} {t('fit.chart.pd_short')} · {f.eur(c)}"
                    for d, c in zip(opps["effort_person_days"], opps["effort_cost_eur"], strict=True)
                ],
                t("fit.col.period"): [
                    period(a, m) for a, m in zip(opps["start_month"], opps["duration_months"], strict=True)
                ],
                t("fit.col.readiness"): ready_text,
            }
        )
        st.dataframe(
            table,
            hide_index=True,
            width="stretch",
            column_config={
                t("fit.col.readiness"): st.column_config.TextColumn(width="large", help=t("fit.col.readiness_help")),
                t("fit.col.effort"): st.column_config.TextColumn(help=t("fit.col.effort_help")),
            },
        )
        left, right = st.columns([1, 1.6])
        with left:
            metric(
                t("fit.m.customer_value"),
                f.eur_compact(opps["customer_value_eur"].sum(min_count=1)),
                help=t("fit.m.customer_value_help"),
            )
            metric(
                t("fit.m.our_revenue"),
                f.eur_compact(opps["our_revenue_eur"].sum(min_count=1)),
                help=t("fit.m.our_revenue_help"),
            )
            metric(
                t("fit.m.effort"),
                f"{f.number(opps['effort_person_days'].sum(min_count=1))} {t('fit.chart.pd_short')}",
                help=t("fit.m.effort_help"),
                caption=t("fit.m.effort_caption", cost=f.eur(opps["effort_cost_eur"].sum(min_count=1))),
            )
        with right:
            chart(figure(charts.opportunities_by_type, opps, ctx.lang))
        not_ready = sum(r != "ok" for r in ready)
        if not_ready:
            st.warning(t("fit.not_ready", n=not_ready), icon=":material/engineering:")
    editors.opportunities(ctx, opps, caps, can_edit)


def delivery_capacity(ctx: PageContext, cust: dict, caps: pd.DataFrame, cap_names: dict, can_edit: bool):
    """Our internal effort per quarter across all accounts against the capacity we have; returns the capacity
    view (the page's admin section lists the capacity rows)."""
    t, t_plain, f = ctx.t, ctx.t_plain, ctx.fmt
    st.caption(t("fit.capacity_caption"))
    cap_view = ctx.read(fit_view.capacity, ctx.account)
    now = quarter_of(ctx.asof.day)
    check = cap_view.check
    if not check.empty:
        first = quarter_add(now, -4)
        check = check[[quarter_start(q) >= quarter_start(first) for q in check["quarter"]]].reset_index(drop=True)
    if check.empty:
        empty_state(t("fit.capacity_empty"), t("fit.capacity_empty_next"))
    else:
        problems = problem_quarters(check, now)
        ahead = check[[quarter_start(q) >= quarter_start(now) for q in check["quarter"]]]
        peak = ahead.loc[ahead["utilisation"].idxmax()] if ahead["utilisation"].notna().any() else None
        mine = float(ahead["account_demand"].sum())
        card_row(
            [
                card(t("fit.m.problem_quarters"), f.number(len(problems)), help=t("fit.m.problem_quarters_help")),
                card(
                    t("fit.m.peak"),
                    f.pct(peak["utilisation"], decimals=0) if peak is not None else "–",
                    help=t("fit.m.peak_help"),
                    caption=f.quarter(peak["quarter"]) if peak is not None else None,
                ),
                card(
                    t("fit.m.account_load"),
                    f"{f.number(mine)} {t('fit.chart.pd_short')}",
                    help=t("fit.m.account_load_help"),
                    caption=t(
                        "fit.m.account_load_caption",
                        share=f.pct(mine / ahead["demand"].sum() if ahead["demand"].sum() else None, decimals=0),
                    ),
                ),
                card(t("fit.m.unplanned"), f.number(len(cap_view.unplanned)), help=t("fit.m.unplanned_help")),
            ]
        )
        # The cards and the message under them flag the quarters; the chart draws every quarter, built once
        # opened (as the section's first sight it cost every full load a Plotly drawing, issue 12).
        lazy_expander(
            t_plain("fit.capacity_chart"),
            "fit_capacity_chart_box",
            lambda: chart(figure(charts.capacity_chart, check, now, ctx.lang, cust["name"])),
        )
        # The verdict as one element of coloured boxes (kit.cards.notices), not an alert per finding (issue 12).
        if problems.empty:
            notices([("ok", t("fit.capacity_ok"))])
        else:
            over = problems[problems["status"] == "over"]
            unplanned_capacity = problems[problems["status"] == "no_capacity"]
            found = []
            if not over.empty:
                found.append(
                    ("problem", t("fit.capacity_problem", quarters=", ".join(map(f.quarter, over["quarter"]))))
                )
            if not unplanned_capacity.empty:
                quarters = ", ".join(map(f.quarter, unplanned_capacity["quarter"]))
                found.append(("warning", t("fit.capacity_missing", quarters=quarters)))
            notices(found)
            static_table(  # a few quarters, nothing to sort: one markdown block, not a grid (kit.md_table)
                pd.DataFrame(
                    {
                        t("fit.col.quarter"): [f.quarter(q) for q in problems["quarter"]],
                        t("fit.col.demand"): [f.number(v) for v in problems["demand"]],
                        t("fit.col.this_account"): [f.number(v) for v in problems["account_demand"]],
                        t("fit.col.capacity"): [f.number(v) for v in problems["capacity"]],
                        t("fit.col.utilisation"): [f.pct(v, decimals=0) for v in problems["utilisation"]],
                        t("fit.col.status"): [t_plain(f"fit.capacity.status.{s}") for s in problems["status"]],
                    }
                ),
                right=(t("fit.col.demand"), t("fit.col.this_account"), t("fit.col.capacity"), t("fit.col.utilisation")),
            )
        if not cap_view.unplanned.empty:
            st.caption(t("fit.unplanned_list", items=", ".join(cap_view.unplanned["title"].head(8))))
    return cap_view
