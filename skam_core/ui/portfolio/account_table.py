"""The portfolio's key-account table: stage, fit, golden rules, revenue, margin, account manager, SKAM start and
milestone status per account, sortable by a click on a header; a click on a row opens the account's card (as a
click on its bubble does). Drawn as HTML (charts.table), not as a grid: st.dataframe made up about a third of
the portfolio's full load in the browser (docs/performance.md, December 2026 (4)). The downloads keep the raw
values."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd
import streamlit as st

from skam_core.charts.table import Cell, Column, Row, day_cell, table_html
from skam_core.charts.theme import STAGE_COLORS
from skam_core.ui.kit.downloads import table_downloads
from skam_core.ui.kit.pickable import sortable_table

if TYPE_CHECKING:
    from skam_core.ui.kit.page import PageContext


def _value(v: object) -> float | None:
    return None if v is None or pd.isna(v) else float(v)  # type: ignore[arg-type]


def account_table(ctx: PageContext, accounts: pd.DataFrame) -> str | None:
    """Draw the table; the account whose row the user clicked, in the run that click started (else None)."""
    t, f = ctx.t_plain, ctx.fmt
    if accounts.empty:
        st.info(ctx.t("portfolio.no_accounts"), icon=":material/lightbulb:")
        return None
    on_track = accounts["ms_on_track"] + accounts["ms_open"]
    columns = [
        Column(t("col.account")),
        Column(t("col.customer_id")),
        Column(t("col.stage")),
        Column(t("col.fit"), t("col.fit_help"), numeric=True),
        Column(t("col.rules"), t("col.rules_help"), numeric=True),
        Column(t("col.revenue_12m"), numeric=True),
        Column(t("col.margin_12m"), numeric=True),
        Column(t("col.account_manager")),
        Column(t("col.skam_start")),
        Column(t("col.ms_done"), numeric=True),
        Column(t("col.ms_on_track"), t("col.ms_on_track_help"), numeric=True),
        Column(t("col.ms_at_risk"), numeric=True),
        Column(t("col.ms_delayed"), t("col.ms_delayed_help"), numeric=True),
    ]
    stages = {s: float(i) for i, s in enumerate(STAGE_COLORS)}  # the programme's order
    rows = []
    for r, track in zip(accounts.itertuples(), on_track, strict=True):
        fit, rules = _value(r.fit_score), _value(r.rules_score)
        manager = r.account_manager_name if isinstance(r.account_manager_name, str) else ""
        cells = [
            Cell(str(r.name), str(r.name)),
            Cell(str(r.customer_id), str(r.customer_id)),
            Cell(t("stage." + r.skam_stage), stages.get(r.skam_stage)),
            Cell(f.number(fit), fit, bar=fit / 100 if fit is not None else None),
            Cell(f"{f.number(rules, decimals=1)} / 5" if rules is not None else "–", rules),
            Cell(f.eur(r.revenue), _value(r.revenue)),
            Cell(f.pct(r.margin), _value(r.margin)),
            Cell(manager or "–", manager or None),
            day_cell(r.skam_start, f.day),
            Cell(f.number(r.ms_done), float(r.ms_done)),
            Cell(f.number(track), float(track)),
            Cell(f.number(r.ms_at_risk), float(r.ms_at_risk)),
            Cell(f.number(r.ms_delayed), float(r.ms_delayed)),
        ]
        rows.append(Row(cells, pick=str(r.customer_id), label=t("portfolio.table_open", name=str(r.name))))
    picked = sortable_table(
        table_html(columns, rows, caption=t("portfolio.table_caption"), lang=ctx.lang), key="account_table"
    )
    st.caption(ctx.t("portfolio.table_hint"))
    raw = pd.DataFrame(
        {
            t("col.account"): accounts["name"],
            t("col.customer_id"): accounts["customer_id"],
            t("col.stage"): [t("stage." + s) for s in accounts["skam_stage"]],
            t("col.fit"): accounts["fit_score"],
            t("col.rules"): accounts["rules_score"],
            t("col.revenue_12m"): accounts["revenue"],
            t("col.margin_12m"): accounts["margin"],
            t("col.account_manager"): accounts["account_manager_name"].fillna(""),
            t("col.skam_start"): pd.to_datetime(accounts["skam_start"]).dt.date,
            t("col.ms_done"): accounts["ms_done"],
            t("col.ms_on_track"): on_track,
            t("col.ms_at_risk"): accounts["ms_at_risk"],
            t("col.ms_delayed"): accounts["ms_delayed"],
        }
    )
    table_downloads(ctx, raw, t("portfolio.table_title"), key="portfolio_table")
    return picked
