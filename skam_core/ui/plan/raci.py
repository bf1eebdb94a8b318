"""The plan's RACI matrix: who is responsible, accountable, consulted and informed for each objective and milestone."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from skam_core.analytics import plan as rules
from skam_core.analytics.plan_facts import facts_of
from skam_core.services.plan import RaciCell, apply_raci
from skam_core.ui.kit.editing import run_write
from skam_core.ui.kit.page import PageContext
from skam_core.ui.kit.widgets import empty_state, next_round, round_key
from skam_core.ui.plan.common import names_list, shown_objectives

LETTERS = ["R", "A", "C", "I"]


def render_raci(ctx: PageContext, view: rules.PlanView, cust: dict, editable: bool, customer_view: bool) -> None:
    t = ctx.t
    st.subheader(t("plan.raci.title"), help=t("plan.raci.help"))
    facts = facts_of(view, ctx.asof.day)
    items = facts.raci_items
    if customer_view:  # only the objectives the customer sees
        shown = set(shown_objectives(view.objectives, customer_view)["id"])
        items = [i for i in items if i.kind != "objective" or i.item_id in shown]
    if not items or view.team.empty:
        empty_state(t("plan.raci.empty"), t("plan.raci.empty_next"))
        return
    letters = facts.raci_letters
    gaps = (
        facts.raci_gaps
        if len(items) == len(facts.raci_items)
        else rules.gaps_of({(i.kind, i.item_id): letters[(i.kind, i.item_id)] for i in items}, _labels(items))
    )
    members = view.team[["id", "name", "side", "role"]].to_dict("records")
    side_mark = {"ours": t("plan.raci.ours_short"), "customer": t("plan.raci.customer_short")}
    frame = pd.DataFrame(
        {
            "_kind": [i.kind for i in items],
            "_id": [i.item_id for i in items],
            "item": [f"{t('plan.raci.kind.' + i.kind)}: {i.label}" for i in items],
        }
    )
    for m in members:
        # A string column even where nobody has a letter yet, so that every member's column is editable.
        frame[m["id"]] = pd.array([letters[(i.kind, i.item_id)].get(m["id"]) or None for i in items], dtype="string")
    config = {"item": st.column_config.TextColumn(t("plan.raci.col.item"), width=300, disabled=True)}
    member_width = max(70, min(140, 700 // max(1, len(members))))
    for m in members:
        label = f"({side_mark.get(m['side'], '')}) {_short_name(m['name'])}"
        config[m["id"]] = st.column_config.SelectboxColumn(
            label, options=LETTERS, help=f"{m['name']} · {m.get('role') or ''}", width=member_width
        )
    height = min(38 + 35 * len(frame), 900)
    order = ["item"] + [m["id"] for m in members]
    if editable and not customer_view:
        edited = st.data_editor(
            frame,
            column_order=order,
            column_config=config,
            hide_index=True,
            width="stretch",
            height=height,
            placeholder="",
            key=round_key("raci_editor"),
        )
        changed = _raci_changes(frame, edited, [m["id"] for m in members])
        if st.button(t("plan.raci.save", n=len(changed)), disabled=not changed, type="primary", icon=":material/save:"):
            n = run_write(ctx, apply_raci, ctx.store, ctx.user, cust["customer_id"], changed, rerun=False)
            if n is not None:
                next_round("raci_editor")  # a fresh editor showing what was stored
                st.toast(t("plan.raci.saved", n=n), icon=":material/check_circle:")
                st.rerun()
    else:
        st.dataframe(frame, column_order=order, column_config=config, hide_index=True, width="stretch", placeholder="")
    st.caption(t("plan.raci.legend"))
    for g in gaps:
        st.warning(t(f"plan.raci.gap.{g.code}", n=len(g.items), items=names_list(g.items[:5])), icon=":material/rule:")


def _short_name(name: str) -> str:
    """Column headers stay narrow: without academic titles, at most 13 characters (full name on hover)."""
    n = str(name).replace("Dr. ", "").replace("Prof. ", "").strip()
    return n if len(n) <= 13 else n[:12] + "…"


def _labels(items: list[rules.RaciItem]) -> dict[tuple[str, str], str]:
    return {(i.kind, i.item_id): i.label for i in items}


def _raci_changes(before: pd.DataFrame, after: pd.DataFrame, member_ids: list[str]) -> list[RaciCell]:
    """The cells whose letter the editor changed (pd.NA and "" mean: no letter), row by row as plain lists."""

    def letter(v: object) -> str | None:
        return v if isinstance(v, str) and v else None

    cells = []
    old_cols = [before[mid].tolist() for mid in member_ids]
    new_cols = [after[mid].tolist() for mid in member_ids]
    for r, (kind, item_id) in enumerate(zip(before["_kind"].tolist(), before["_id"].tolist(), strict=True)):
        for mid, olds, news in zip(member_ids, old_cols, new_cols, strict=True):
            old, new = letter(olds[r]), letter(news[r])
            if old != new:
                cells.append(RaciCell(mid, kind, item_id, new))
    return cells
