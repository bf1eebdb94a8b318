"""Step 3, the value proposition quantified for both sides. Pure functions over value_items and opportunities.

A component of the proposition is a value item, usually drawn from an opportunity (new business). For the
customer it brings a benefit in EUR per year; for us the opportunity's revenue times its contribution margin,
net of the real internal effort it takes to deliver. The timing model, per component:

- delivery runs from ``start_month`` for ``duration_months``; the effort cost is spread evenly over those months;
- our revenue (and with it the contribution) starts the month after delivery ends, at revenue / 12 per month;
- profit = contribution - effort cost; payback is the first month (counted from the component's start) at
  whose end the cumulative profit is no longer negative.

Components the customer declined are left out of totals and economics. A component whose economics lack an
input (revenue, margin, effort cost, start or duration) is left out of the economics and named, so that the
profit shown is never silently gross of effort.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from skam_core.analytics.capacity import quarter_of, quarter_start
from skam_core.analytics.frames import records
from skam_core.domain.validation import month_add, months_between
from skam_core.domain.values import is_missing

HARD_TO_COPY = 2  # copy risk 1..5: up to 2 a competitor cannot easily offer the same
ACCEPTED = ("accepted", "partly_accepted")
ECONOMIC_INPUTS = ("our_revenue_eur", "our_margin_pct", "effort_cost_eur", "start_month", "duration_months")

COMPONENT_COLUMNS = [
    "id",
    "title",
    "status",
    "sequence_no",
    "note",
    "opportunity_id",
    "type",
    "customer_benefit_eur",
    "our_revenue_eur",
    "our_margin_pct",
    "contribution_eur",
    "effort_person_days",
    "effort_cost_eur",
    "start_month",
    "duration_months",
    "revenue_from",
    "copy_risk",
    "copy_risk_reason",
    "capability_id",
    "missing",
]


def _month(v) -> date | None:
    return None if is_missing(v) else pd.Timestamp(v).date().replace(day=1)


def components(value_items: pd.DataFrame, opportunities: pd.DataFrame) -> pd.DataFrame:
    """One row per component, with the economics of the opportunity it is drawn from.

    The customer benefit is the component's own figure, else the opportunity's customer value. ``missing`` lists
    the economic inputs that are not known (see ECONOMIC_INPUTS). Sorted by the proposed sequence.
    """
    opp = {r["id"]: r for r in records(opportunities)} if not opportunities.empty else {}
    rows = []
    for item in records(value_items):
        o = opp.get(item.get("opportunity_id")) or {}
        benefit: Any = item.get("customer_benefit_eur")
        if is_missing(benefit):
            benefit = o.get("customer_value_eur")
        revenue: Any = o.get("our_revenue_eur")
        margin: Any = o.get("our_margin_pct")
        start = _month(o.get("start_month"))
        duration: Any = o.get("duration_months")
        days: Any = o.get("effort_person_days")
        cost: Any = o.get("effort_cost_eur")
        contribution = np.nan if is_missing(revenue) or is_missing(margin) else float(revenue) * float(margin) / 100.0
        rows.append(
            {
                "id": item["id"],
                "title": item["title"],
                "status": item["status"],
                "sequence_no": item.get("sequence_no"),
                "note": item.get("note"),
                "opportunity_id": item.get("opportunity_id") if o else None,
                "type": o.get("type"),
                "customer_benefit_eur": np.nan if is_missing(benefit) else float(benefit),
                "our_revenue_eur": np.nan if is_missing(revenue) else float(revenue),
                "our_margin_pct": np.nan if is_missing(margin) else float(margin),
                "contribution_eur": contribution,
                "effort_person_days": np.nan if is_missing(days) else float(days),
                "effort_cost_eur": np.nan if is_missing(cost) else float(cost),
                "start_month": start,
                "duration_months": None if is_missing(duration) else int(duration),
                "revenue_from": None if start is None or is_missing(duration) else month_add(start, int(duration)),
                "copy_risk": None if is_missing(o.get("copy_risk")) else int(o["copy_risk"]),
                "copy_risk_reason": o.get("copy_risk_reason"),
                "capability_id": o.get("capability_id"),
                "missing": tuple(k for k in ECONOMIC_INPUTS if is_missing(o.get(k))),
            }
        )
    # In the proposed sequence (components without a number last), then by title: sorted as rows, before the
    # frame is built (a sort of the frame cost more than building it).
    rows.sort(key=_sequence_key)
    return pd.DataFrame(rows, columns=COMPONENT_COLUMNS)


def _sequence_key(row: dict[str, Any]) -> tuple[float, int, str]:
    try:
        seq = float(row["sequence_no"])
    except (TypeError, ValueError):
        seq = math.nan
    title = row["title"]
    return (10_000.0 if math.isnan(seq) else seq, 0 if isinstance(title, str) else 1, str(title))


def active(comps: pd.DataFrame) -> pd.DataFrame:
    """Components still in play (everything but declined)."""
    return comps[comps["status"] != "declined"] if not comps.empty else comps


def economic(comps: pd.DataFrame) -> pd.DataFrame:
    """Active components whose economics are complete."""
    a = active(comps)
    return a[[len(m) == 0 for m in a["missing"]]] if not a.empty else a


def proposal_start(comps: pd.DataFrame, today: date) -> date:
    """Where the economics start: the earliest start of an active component, else this month."""
    starts = [s for s in active(comps)["start_month"] if s is not None] if not comps.empty else []
    return min(starts) if starts else today.replace(day=1)


def monthly_economics(comps: pd.DataFrame, start: date, months: int) -> pd.DataFrame:
    """Per component and month from ``start`` for ``months`` months: revenue, contribution, effort cost, profit.

    Only components with complete economics take part (see ``economic``)."""
    rows = []
    horizon = [month_add(start, k) for k in range(months)]
    for c in economic(comps).itertuples(index=False):
        dur = int(c.duration_months)
        effort_pm = float(c.effort_cost_eur) / dur if dur > 0 else 0.0
        rev_pm = float(c.our_revenue_eur) / 12.0
        contrib_pm = float(c.contribution_eur) / 12.0
        for m in horizon:
            k = months_between(c.start_month, m)
            delivering = 0 <= k < dur
            earning = k >= dur
            effort = effort_pm if delivering else 0.0
            revenue = rev_pm if earning else 0.0
            contribution = contrib_pm if earning else 0.0
            rows.append((c.id, c.sequence_no, m, revenue, contribution, effort, contribution - effort))
    return pd.DataFrame(
        rows, columns=["id", "sequence_no", "month", "revenue", "contribution", "effort_cost", "profit"]
    )


def by_period(monthly: pd.DataFrame, period: str = "quarter") -> pd.DataFrame:
    """Monthly economics summed per quarter ('2026-Q3') or year ('2026'), with the cumulative profit."""
    cols = ["period", "revenue", "contribution", "effort_cost", "profit", "cumulative_profit"]
    if monthly.empty:
        return pd.DataFrame(columns=cols)
    df = monthly.copy()
    if period == "year":
        df["period"] = [str(m.year) for m in df["month"]]
    else:
        df["period"] = [quarter_of(m) for m in df["month"]]
    out = df.groupby("period", sort=True)[["revenue", "contribution", "effort_cost", "profit"]].sum().reset_index()
    out["cumulative_profit"] = out["profit"].cumsum()
    return out[cols]


def _payback(monthly_one: pd.DataFrame, start: date | None) -> int | None:
    """Months from the component's start until its cumulative profit is no longer negative (None: not within)."""
    if monthly_one.empty or start is None:
        return None
    df = monthly_one.sort_values("month")
    cum = df["profit"].cumsum().to_numpy()
    months = list(df["month"])
    earning = (df["contribution"] > 0).to_numpy() | (df["effort_cost"] == 0).to_numpy()
    for i, (c, m) in enumerate(zip(cum, months, strict=True)):
        if months_between(start, m) < 0:
            continue
        if c >= -1e-9 and earning[i]:
            return months_between(start, m) + 1
    return None


def stage_economics(comps: pd.DataFrame, monthly: pd.DataFrame) -> pd.DataFrame:
    """Per stage of the proposed sequence (one active component each): what it brings over the horizon.

    Columns: id, sequence_no, title, status, customer_benefit_eur, contribution_eur (per year), revenue,
    contribution, effort_cost, profit (over the horizon), cumulative_profit (this stage and all before it),
    payback_months, complete (economics known).
    """
    a = active(comps)
    cols = [
        "id",
        "sequence_no",
        "title",
        "status",
        "customer_benefit_eur",
        "contribution_eur",
        "revenue",
        "contribution",
        "effort_cost",
        "profit",
        "cumulative_profit",
        "payback_months",
        "complete",
    ]
    if a.empty:
        return pd.DataFrame(columns=cols)
    sums = (
        monthly.groupby("id")[["revenue", "contribution", "effort_cost", "profit"]].sum()
        if not monthly.empty
        else pd.DataFrame(columns=["revenue", "contribution", "effort_cost", "profit"])
    )
    out = a[["id", "sequence_no", "title", "status", "customer_benefit_eur", "contribution_eur", "start_month"]].copy()
    out["complete"] = [len(m) == 0 for m in a["missing"]]
    for col in ("revenue", "contribution", "effort_cost", "profit"):
        out[col] = [
            float(sums.loc[i, col]) if ok and i in sums.index else np.nan
            for i, ok in zip(out["id"], out["complete"], strict=True)
        ]
    out["cumulative_profit"] = out["profit"].fillna(0.0).cumsum().where(out["complete"])
    out["payback_months"] = [
        _payback(monthly[monthly["id"] == i], s) if ok else None
        for i, s, ok in zip(out["id"], out["start_month"], out["complete"], strict=True)
    ]
    return out[cols].reset_index(drop=True)


@dataclass(frozen=True)
class Summary:
    components: int  # active components
    declined: int
    benefit_per_year: float  # customer benefit per year of the active components (EUR)
    benefit_accepted: float  # of those, accepted or partly accepted
    benefit_partly: float  # of the accepted, only partly accepted (so "100 %" never hides a partial acceptance)
    contribution_per_year: float  # our contribution per year once delivered (complete economics only)
    effort_cost: float  # our one-off internal effort (complete economics only)
    profit: float  # our profit over the horizon, net of the effort
    horizon_months: int
    incomplete: tuple[str, ...]  # titles of active components whose economics lack an input
    hard_to_copy_share: float | None  # share of the benefit in components with copy risk <= HARD_TO_COPY

    @property
    def value_ratio(self) -> float | None:
        """Customer benefit per year for each euro of our yearly contribution (how the value is shared)."""
        return self.benefit_per_year / self.contribution_per_year if self.contribution_per_year > 0 else None


def summarise(comps: pd.DataFrame, stages: pd.DataFrame, horizon_months: int) -> Summary:
    a = active(comps)
    declined = 0 if comps.empty else int((comps["status"] == "declined").sum())
    if a.empty:
        return Summary(0, declined, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, horizon_months, (), None)
    benefit = a["customer_benefit_eur"].fillna(0.0)
    complete = stages["complete"].to_numpy(dtype=bool)
    known_risk = a["copy_risk"].notna()
    risk_benefit = float(benefit[known_risk].sum())
    hard = float(benefit[known_risk & (a["copy_risk"].fillna(99) <= HARD_TO_COPY)].sum())
    return Summary(
        components=len(a),
        declined=declined,
        benefit_per_year=float(benefit.sum()),
        benefit_accepted=float(benefit[a["status"].isin(ACCEPTED)].sum()),
        benefit_partly=float(benefit[a["status"] == "partly_accepted"].sum()),
        contribution_per_year=float(a.loc[complete, "contribution_eur"].sum()),
        effort_cost=float(stages.loc[complete, "effort_cost"].sum()),
        profit=float(stages.loc[complete, "profit"].sum()),
        horizon_months=horizon_months,
        incomplete=tuple(a.loc[~complete, "title"]),
        hard_to_copy_share=hard / risk_benefit if risk_benefit > 0 else None,
    )


@dataclass(frozen=True)
class ValueView:
    value_items: pd.DataFrame  # stored rows with version columns
    opportunities: pd.DataFrame
    components: pd.DataFrame  # see components()
    feedback: pd.DataFrame  # customer feedback about components, newest first
    capabilities: pd.DataFrame
    # economics() per horizon in HORIZONS, computed once in views.value (not on every rerun of the page)
    economics: dict[int, Economics] = field(default_factory=dict)

    @property
    def unused_opportunities(self) -> pd.DataFrame:
        """Opportunities no component of the proposition is drawn from yet."""
        if self.opportunities.empty:
            return self.opportunities
        used = set(self.value_items["opportunity_id"].dropna()) if not self.value_items.empty else set()
        return self.opportunities[~self.opportunities["id"].isin(used)]


@dataclass(frozen=True)
class Economics:
    start: date
    months: int
    monthly: pd.DataFrame
    periods: pd.DataFrame
    stages: pd.DataFrame
    summary: Summary


HORIZONS = (1, 2, 3, 5)  # the years the value page offers to look ahead


def economics(comps: pd.DataFrame, today: date, years: int, period: str = "quarter") -> Economics:
    """The proposition's economics over ``years`` years from the quarter of its first start (see the module doc)."""
    first = proposal_start(comps, today)
    start = quarter_start(quarter_of(first))  # whole quarters, so no period is cut short
    months = 12 * years
    monthly = monthly_economics(comps, start, months) if not comps.empty else monthly_economics(comps, start, 0)
    stages = stage_economics(comps, monthly)
    return Economics(start, months, monthly, by_period(monthly, period), stages, summarise(comps, stages, months))
