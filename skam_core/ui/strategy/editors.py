"""Editors of step 1 (/strategy): the five forces, the customer's customers/markets, the distinguishing
components and the weighted priorities. Forms come from the table specs via skam_core.ui.kit.editing."""

from __future__ import annotations

from skam_core.analytics.strategy import FORCES
from skam_core.domain.enums import Trend
from skam_core.ui.kit.editing import FormField
from skam_core.ui.kit.page import PageContext
from skam_core.ui.strategy.common import item_editor

FORCE_FIELDS = (
    FormField("score", "strategy.field.score", help="strategy.field.score_help", widget="slider"),
    FormField("evidence", "strategy.field.evidence", help="strategy.field.evidence_help", widget="textarea"),
)
MARKET_FIELDS = (
    FormField("name", "strategy.field.market_name", help="strategy.field.market_name_help"),
    FormField("demand", "strategy.field.demand", help="strategy.field.demand_help", widget="textarea"),
    FormField("trend", "strategy.field.trend", options={t.value: f"enum.trend.{t.value}" for t in Trend}),
    FormField("share_pct", "strategy.field.share_pct", help="strategy.field.share_pct_help"),
)
COMPONENT_FIELDS = (
    FormField("component", "strategy.field.component", help="strategy.field.component_help"),
    FormField("description", "strategy.field.description", widget="textarea"),
    FormField("exclusive", "strategy.field.exclusive", help="strategy.field.exclusive_help"),
)
PRIORITY_FIELDS = (
    FormField("priority", "strategy.field.priority", help="strategy.field.priority_help"),
    FormField("weight", "strategy.field.weight", help="strategy.field.weight_help"),
    FormField("sort_order", "strategy.field.sort_order", help="strategy.field.sort_order_help"),
)


def _labels(ctx: PageContext, fields) -> dict[str, str]:
    return {ff.name: ctx.t(ff.label) for ff in fields}


def forces(ctx: PageContext, view, can_edit: bool) -> None:
    item_editor(
        ctx,
        table="competitive_forces",
        items=view.forces,
        key_cols=("customer_id", "force"),
        label_of=lambda r: ctx.t(f"enum.force.{r['force']}"),
        fields=FORCE_FIELDS,
        fixed_new={"customer_id": ctx.account},
        slots=[{"customer_id": ctx.account, "force": f} for f in FORCES],
        key="strategy.forces",
        can_edit=can_edit,
        history_labels=_labels(ctx, FORCE_FIELDS),
        allow_remove=False,
    )


def markets(ctx: PageContext, view, can_edit: bool) -> None:
    item_editor(
        ctx,
        table="customer_markets",
        items=view.markets,
        key_cols=("id",),
        label_of=lambda r: r["name"],
        fields=MARKET_FIELDS,
        fixed_new={"customer_id": ctx.account},
        key="strategy.markets",
        can_edit=can_edit,
        history_labels=_labels(ctx, MARKET_FIELDS),
    )


def components(ctx: PageContext, view, can_edit: bool) -> None:
    item_editor(
        ctx,
        table="strategy_components",
        items=view.components,
        key_cols=("id",),
        label_of=lambda r: r["component"],
        fields=COMPONENT_FIELDS,
        fixed_new={"customer_id": ctx.account},
        key="strategy.components",
        can_edit=can_edit,
        history_labels=_labels(ctx, COMPONENT_FIELDS),
        columns=1,
    )


def priorities(ctx: PageContext, view, can_edit: bool) -> None:
    item_editor(
        ctx,
        table="strategic_priorities",
        items=view.priorities,
        key_cols=("id",),
        label_of=lambda r: r["priority"],
        fields=PRIORITY_FIELDS,
        fixed_new={"customer_id": ctx.account},
        key="strategy.priorities",
        can_edit=can_edit,
        history_labels=_labels(ctx, PRIORITY_FIELDS),
        columns=3,
    )
