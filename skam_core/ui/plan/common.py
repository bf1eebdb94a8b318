"""Pieces the plan, implementation and KPI pages share: the account line under the title, findings as coloured
boxes, the objectives the customer sees, and a KPI's plausible range as text."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import pandas as pd
import streamlit as st

from skam_core.analytics.kpi_entry import effective_range
from skam_core.charts.implementation import value_text
from skam_core.ui.kit.cards import notices
from skam_core.ui.kit.editing import display_name
from skam_core.ui.kit.page import PageContext
from skam_core.ui.kit.text import md


def account_caption(ctx: PageContext, cust: dict) -> None:
    t = ctx.t
    facts = [md(cust["name"]), t("stage." + cust["skam_stage"])]
    if cust.get("account_manager"):
        facts.append(t("card.managed_by", who=display_name(ctx, cust["account_manager"])))
    st.caption(" · ".join(facts))


def show_findings(ctx: PageContext, findings, render: Callable[[Any], str]) -> None:
    """The findings as coloured boxes in one element (kit.cards.notices): as an alert each they were four to six
    elements of the stakeholder tab's first screen."""
    notices([(f.level, render(f)) for f in findings])


def names_list(names) -> str:
    return ", ".join(str(n) for n in names)


def visible_to_customer(objectives: pd.DataFrame) -> pd.Series:
    """Per objective whether the customer sees it (not set: yes)."""
    return objectives["visible_to_customer"].fillna(True).astype(bool)


def shown_objectives(objectives: pd.DataFrame, customer_view: bool) -> pd.DataFrame:
    """The objectives to show: all of them, in the customer view only those the customer sees."""
    if not customer_view or objectives.empty:
        return objectives
    return objectives[visible_to_customer(objectives)]


def range_ends(ctx: PageContext, kpi: Mapping[str, Any]) -> tuple[str, str] | None:
    """A KPI's plausible range (its own min/max; a percentage 0-100) as two texts with the unit, '…' for an
    open end; None when it has no range at all."""
    lo, hi = effective_range(dict(kpi))
    if lo is None and hi is None:
        return None
    unit = kpi.get("unit")
    return (
        value_text(lo, unit, ctx.lang) if lo is not None else "…",
        value_text(hi, unit, ctx.lang) if hi is not None else "…",
    )


def range_text(ctx: PageContext, kpi: Mapping[str, Any]) -> str:
    """The plausible range for a table cell: '0 % – 100 %', 'ab 5 ppm', 'bis 100 %', or '–' without a range
    (an open end as '0 € – …' read as a cut-off figure in a narrow column)."""
    ends = range_ends(ctx, kpi)
    if not ends:
        return "–"
    lo, hi = ends
    if hi == "…":
        return ctx.t_plain("range.from", lo=lo)
    if lo == "…":
        return ctx.t_plain("range.to", hi=hi)
    return f"{lo} – {hi}"
