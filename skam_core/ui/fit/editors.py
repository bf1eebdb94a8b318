"""Editors of step 2 (/fit): fit-matrix cells and new business (account managers of the account, admins), our
capabilities and our delivery capacity (admins only: company-wide data)."""

from __future__ import annotations

import pandas as pd

from skam_core.analytics.capacity import quarter_add, quarter_of, quarter_start
from skam_core.charts.strategy import short
from skam_core.domain.enums import OpportunityType
from skam_core.ui.kit.editing import FormField
from skam_core.ui.kit.page import PageContext
from skam_core.ui.strategy.common import item_editor, options_map

CELL_FIELDS = (
    FormField(
        "score",
        "fit.field.score",
        help="fit.field.score_help",
        widget="radio",
        options={k: f"fit.cell.{k}" for k in range(4)},
    ),
    FormField("note", "fit.field.note", help="fit.field.note_help", widget="textarea"),
)
CAPABILITY_FIELDS = (
    FormField("name", "fit.field.cap_name"),
    FormField("description", "fit.field.cap_description", widget="textarea"),
    FormField("strength", "fit.field.strength", help="fit.field.strength_help"),
    FormField("is_project_capability", "fit.field.is_project", help="fit.field.is_project_help"),
    FormField("sort_order", "strategy.field.sort_order", help="strategy.field.sort_order_help"),
)
CAPACITY_FIELDS = (
    FormField("person_days", "fit.field.person_days", help="fit.field.person_days_help"),
    FormField("note", "fit.field.capacity_note"),
)


def _labels(ctx: PageContext, fields) -> dict[str, str]:
    return {ff.name: ctx.t(ff.label) for ff in fields}


def opportunity_fields(capabilities: pd.DataFrame) -> tuple[FormField, ...]:
    caps = options_map(capabilities, "id", "name")
    return (
        FormField("title", "fit.field.title"),
        FormField("type", "fit.field.type", options={o.value: f"enum.opportunity.{o.value}" for o in OpportunityType}),
        FormField("customer_value_eur", "fit.field.customer_value", help="fit.field.customer_value_help"),
        FormField("our_revenue_eur", "fit.field.our_revenue", help="fit.field.our_revenue_help"),
        FormField("our_margin_pct", "fit.field.margin", help="fit.field.margin_help"),
        FormField("effort_person_days", "fit.field.effort_days", help="fit.field.effort_days_help"),
        FormField("effort_cost_eur", "fit.field.effort_cost", help="fit.field.effort_cost_help"),
        FormField("start_month", "fit.field.start", help="fit.field.start_help"),
        FormField("duration_months", "fit.field.duration", help="fit.field.duration_help"),
        FormField(
            "capability_id",
            "fit.field.capability",
            help="fit.field.capability_help",
            options=caps,
            translate_options=False,
        ),
        FormField("copy_risk", "fit.field.copy_risk", help="fit.field.copy_risk_help"),
        FormField("copy_risk_reason", "fit.field.copy_reason", help="fit.field.copy_reason_help", widget="textarea"),
        FormField("description", "fit.field.description", widget="textarea"),
    )


def cells(ctx: PageContext, view, can_edit: bool) -> None:
    prios = options_map(view.priorities, "id", "priority")
    caps = options_map(view.capabilities, "id", "name")
    slots = [{"customer_id": ctx.account, "priority_id": p, "capability_id": c} for p in prios for c in caps]

    def label(r) -> str:
        score = r.get("score")
        mark = f" = {int(score)}" if score is not None and not pd.isna(score) else ""
        return f"{short(prios.get(r['priority_id'], '?'), 44)} × {short(caps.get(r['capability_id'], '?'), 34)}{mark}"

    item_editor(
        ctx,
        table="fit_scores",
        items=view.cells,
        key_cols=("customer_id", "priority_id", "capability_id"),
        label_of=label,
        fields=CELL_FIELDS,
        fixed_new={"customer_id": ctx.account},
        slots=slots,
        key="fit.cells",
        can_edit=can_edit,
        history_labels=_labels(ctx, CELL_FIELDS),
        columns=1,
    )


def opportunities(ctx: PageContext, opps: pd.DataFrame, capabilities: pd.DataFrame, can_edit: bool) -> None:
    fields = opportunity_fields(capabilities)
    item_editor(
        ctx,
        table="opportunities",
        items=opps,
        key_cols=("id",),
        label_of=lambda r: " · ".join((r["title"], ctx.t(f"enum.opportunity.{r['type']}"))),
        fields=fields,
        fixed_new={"customer_id": ctx.account},
        key="fit.opportunities",
        can_edit=can_edit,
        history_labels=_labels(ctx, fields),
        columns=3,
    )


def capabilities(ctx: PageContext, caps: pd.DataFrame, can_edit: bool) -> None:
    item_editor(
        ctx,
        table="capabilities",
        items=caps,
        key_cols=("id",),
        label_of=lambda r: r["name"],
        fields=CAPABILITY_FIELDS,
        fixed_new={"kind": "capability"},
        key="fit.capabilities",
        can_edit=can_edit,
        history_labels=_labels(ctx, CAPABILITY_FIELDS),
    )


def _now_first(quarters: set[str], now: str) -> list[str]:
    """This quarter and the ones ahead first (that is what gets planned), then past quarters, newest first."""
    ahead = sorted((q for q in quarters if quarter_start(q) >= quarter_start(now)), key=quarter_start)
    past = sorted((q for q in quarters if quarter_start(q) < quarter_start(now)), key=quarter_start, reverse=True)
    return ahead + past


def capacity(ctx: PageContext, capacity_rows: pd.DataFrame, can_edit: bool) -> None:
    """Quarters from a year back to three years ahead, plus every quarter already recorded."""
    now = quarter_of(ctx.asof.day)
    quarters = {quarter_add(now, k) for k in range(-4, 13)} | set(capacity_rows["quarter"])
    recorded = dict(zip(capacity_rows["quarter"], capacity_rows["person_days"], strict=True))

    def label(r) -> str:
        q = r["quarter"]  # stored as imported ("2026-Q3"), shown as people write it ("Q3 2026")
        if q in recorded:
            return f"{ctx.fmt.quarter(q)} · {ctx.fmt.number(recorded[q])} {ctx.t('fit.chart.pd_short')}"
        return f"{ctx.fmt.quarter(q)} · {ctx.t('fit.capacity.not_recorded')}"

    item_editor(
        ctx,
        table="delivery_capacity",
        items=capacity_rows,
        key_cols=("quarter",),
        label_of=label,
        fields=CAPACITY_FIELDS,
        fixed_new={},
        slots=[{"quarter": q} for q in _now_first(quarters, now)],
        key="fit.capacity",
        can_edit=can_edit,
        history_labels=_labels(ctx, CAPACITY_FIELDS),
    )
