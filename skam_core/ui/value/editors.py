"""Editors of step 3 (/value): the components of the value proposition, and a shortcut that turns an opportunity
into a component (title, benefit and link prefilled)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from skam_core.domain.enums import ValueStatus
from skam_core.services.items import new_item_id
from skam_core.ui.kit.editing import FormField, item_form
from skam_core.ui.kit.page import PageContext
from skam_core.ui.strategy.common import item_editor, options_map


def component_fields(opportunities: pd.DataFrame) -> tuple[FormField, ...]:
    return (
        FormField("title", "value.field.title"),
        FormField(
            "status",
            "value.field.status",
            help="value.field.status_help",
            options={s.value: f"enum.value_status.{s.value}" for s in ValueStatus},
        ),
        FormField("customer_benefit_eur", "value.field.benefit", help="value.field.benefit_help"),
        FormField("sequence_no", "value.field.sequence", help="value.field.sequence_help"),
        FormField(
            "opportunity_id",
            "value.field.opportunity",
            help="value.field.opportunity_help",
            options=options_map(opportunities, "id", "title"),
            translate_options=False,
        ),
        FormField("note", "value.field.note", widget="textarea"),
    )


def _labels(ctx: PageContext, fields) -> dict[str, str]:
    return {ff.name: ctx.t(ff.label) for ff in fields}


def components(ctx: PageContext, view, can_edit: bool) -> None:
    fields = component_fields(view.opportunities)

    def label(r) -> str:
        seq = r.get("sequence_no")
        prefix = f"{int(seq)} · " if seq is not None and not pd.isna(seq) else ""
        status = ctx.t(f"enum.value_status.{r['status']}")
        return f"{prefix}{r['title']} · {status}"

    item_editor(
        ctx,
        table="value_items",
        items=view.value_items,
        key_cols=("id",),
        label_of=label,
        fields=fields,
        fixed_new={"customer_id": ctx.account},
        new_defaults={"status": "draft", "sequence_no": _next_sequence(view.value_items)},
        key="value.items",
        can_edit=can_edit,
        history_labels=_labels(ctx, fields),
        columns=2,
    )


def _next_sequence(items: pd.DataFrame) -> int:
    seq = pd.to_numeric(items["sequence_no"], errors="coerce") if not items.empty else pd.Series(dtype=float)
    return int(seq.max()) + 1 if seq.notna().any() else 1


def from_opportunity(ctx: PageContext, view) -> None:
    """Pick an opportunity no component is drawn from yet; the form opens prefilled (editors only)."""
    unused = view.unused_opportunities
    if unused.empty:
        return
    box = st.expander(
        ctx.t("value.from_opp_title"), icon=":material/add_circle:", key="value.from_opp.box", on_change="rerun"
    )
    if not box.open:  # built when opened, not on every run (issue 15)
        return
    with box:
        titles = dict(zip(unused["id"], unused["title"], strict=True))
        opp_id = st.selectbox(
            ctx.t("value.field.opportunity"),
            list(titles),
            format_func=lambda i: titles[i],
            key="value.from_opp.pick",
        )
        opp = unused[unused["id"] == opp_id].iloc[0]
        fields = component_fields(view.opportunities)
        prefill = {
            "id": new_item_id(),
            "customer_id": ctx.account,
            "title": opp["title"],
            "opportunity_id": opp_id,
            "customer_benefit_eur": opp["customer_value_eur"],
            "status": "draft",
            "sequence_no": _next_sequence(view.value_items),
        }
        item_form(
            ctx,
            "value_items",
            fields,
            key=f"value.from_opp.form.{opp_id}",
            current=prefill,
            fixed={"id": prefill["id"], "customer_id": ctx.account},
            submit_label="edit.add",
            on_saved=st.rerun,
        )
