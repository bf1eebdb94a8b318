"""What the pages of steps 1-3 (/strategy, /fit, /value) share: the account picker for the empty state, the
page header with the edit rights, the item editor (pick an item, edit or add it in a form, remove it, see its
history) and small table helpers."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pandas as pd
import streamlit as st

from skam_core.i18n import vocabulary
from skam_core.services.items import new_item_id
from skam_core.ui.kit import state as view_state
from skam_core.ui.kit.editing import FormField, display_name, item_form, remove
from skam_core.ui.kit.history import history_expander
from skam_core.ui.kit.page import PageContext, edit_notice
from skam_core.ui.kit.text import md
from skam_core.views import strategy as strategy_view

NEW = "__new__"


def account_picker(ctx: PageContext) -> None:
    """The key accounts to pick from when none is open (kit.page.require_account's picker), with how far their
    steps 1-3 are; a click on a row opens that account."""
    t = ctx.t
    overview = ctx.read(strategy_view.overview)
    if overview.empty:
        st.caption(t("strategy.shared.no_key_accounts"))
        return
    st.subheader(t("strategy.shared.accounts_title"))
    table = pd.DataFrame(
        {
            t("strategy.shared.col.account"): overview["name"],
            t("strategy.shared.col.stage"): [t("stage." + s) for s in overview["skam_stage"]],
            t("strategy.shared.col.manager"): [display_name(ctx, m) for m in overview["account_manager"]],
            t("strategy.shared.col.forces"): [f"{int(n)}/5" for n in overview["n_competitive_forces"]],
            t("strategy.shared.col.components"): overview["n_strategy_components"],
            t("strategy.shared.col.priorities"): overview["n_strategic_priorities"],
            t("strategy.shared.col.fit_cells"): overview["n_fit_scores"],
            t("strategy.shared.col.opportunities"): overview["n_opportunities"],
            t("strategy.shared.col.value_items"): overview["n_value_items"],
        }
    )
    event = st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        on_select="rerun",
        selection_mode="single-row",
        key=f"{ctx.page_id}.pick_account",
        column_config={
            t("strategy.shared.col.components"): st.column_config.NumberColumn(
                help=t("strategy.shared.col.components_help")
            ),
        },
    )
    rows = event.selection.rows if event and event.selection else []
    if rows:
        view_state.set_value(view_state.ACCOUNT, str(overview["customer_id"].iloc[rows[0]]))
        st.rerun()
    st.caption(t("strategy.shared.pick_hint"))


def header(ctx: PageContext, cust: Mapping[str, Any]) -> bool:
    """Title, the account's facts, and whether this user may edit here (with the reason shown when not)."""
    t = ctx.t
    st.title(f"{t(f'page.{ctx.page_id}')}: {md(cust['name'])}")
    facts = [
        t("stage." + cust["skam_stage"]),
        md(vocabulary.industry(cust.get("industry"), ctx.lang)),
        md(vocabulary.country(cust.get("country"), ctx.lang)),
    ]
    if cust.get("account_manager"):
        facts.append(t("card.managed_by", who=display_name(ctx, cust["account_manager"])))
    st.caption(" · ".join(f for f in facts if f))
    return edit_notice(ctx, cust)


def may_administer(ctx: PageContext) -> bool:
    """Company-wide data (our capabilities, capacity): admins, and only on today's data."""
    return ctx.user.is_admin and not ctx.asof.is_snapshot


def item_editor(
    ctx: PageContext,
    *,
    table: str,
    items: pd.DataFrame,
    key_cols: Sequence[str],
    label_of: Callable[[Mapping[str, Any]], str],
    fields: Sequence[FormField],
    fixed_new: Mapping[str, Any],
    key: str,
    can_edit: bool,
    history_labels: Mapping[str, str] | None = None,
    slots: Sequence[Mapping[str, Any]] | None = None,
    allow_remove: bool = True,
    new_defaults: Mapping[str, Any] | None = None,
    columns: int = 2,
) -> None:
    """Pick an item; editors edit it (or add a new one) in a validated form and may remove it; everyone sees its
    history. Each save is a new version with who and when; permission is checked again by the service.

    ``slots`` lists the key values of items that are identified by what they describe (a force of the customer,
    a cell of the fit matrix): picking a slot edits its item or creates it. Without slots, editors get a "new
    item" entry and ``fixed_new`` (plus a fresh id) identifies the new item."""
    t = ctx.t

    def k_of(values: Mapping[str, Any]) -> str:
        return "|".join(str(values[c]) for c in key_cols)

    # The items' keys from whole columns; their records only once the expander is open (below).
    keys = (
        ["|".join(str(v) for v in vals) for vals in zip(*(items[c] for c in key_cols), strict=True)]
        if not items.empty
        else []
    )
    known = set(keys)
    if slots is not None:
        slot_by_key = {k_of(s): dict(s) for s in slots}
        options = [k for k in slot_by_key if can_edit or k in known]
    else:
        slot_by_key = {}
        options = ([NEW] if can_edit else []) + list(dict.fromkeys(keys))
    if not options:
        return

    def label(k: str) -> str:
        if k == NEW:
            return t("strategy.shared.new_item")
        return label_of(by_key.get(k) or slot_by_key[k])

    title = t("strategy.shared.edit") if can_edit else t("strategy.shared.history")
    # Built when opened (on_change="rerun"; open state under ``{key}.box``): picker, form and history cost every
    # run of the page otherwise, and most visits only read (issue 15). Open from the start where an editor has
    # nothing yet: the account manager starts right there.
    box = st.expander(
        title,
        expanded=can_edit and items.empty,
        icon=":material/edit:" if can_edit else ":material/history:",
        key=f"{key}.box",
        on_change="rerun",
    )
    if not box.open:
        return
    by_key = {k_of(r): r for r in items.to_dict("records")} if not items.empty else {}
    with box:
        choice = st.selectbox(t("strategy.shared.pick_item"), options, key=f"{key}.pick", format_func=label)
        current = by_key.get(choice)
        if can_edit:
            if current is not None:
                fixed = {c: current[c] for c in key_cols}
            elif choice in slot_by_key:
                fixed = {**fixed_new, **slot_by_key[choice]}
            else:
                fixed = dict(fixed_new)
                if "id" in key_cols:
                    fixed["id"] = new_item_id()
            item_form(
                ctx,
                table,
                fields,
                key=f"{key}.form.{choice}",
                current=current if current is not None else ({**new_defaults, **fixed} if new_defaults else None),
                fixed=fixed,
                submit_label="edit.add" if current is None else "edit.save",
                columns=columns,
                on_saved=st.rerun,  # item_form toasts "saved"; Streamlit keeps a toast across the rerun
            )
            if current is not None and allow_remove:
                with st.popover(t("edit.remove"), icon=":material/delete:"):
                    st.write(t("strategy.shared.remove_confirm", item=label(choice)))
                    if st.button(t("edit.remove"), key=f"{key}.remove.{choice}", type="primary"):
                        remove(
                            ctx, table, {c: current[c] for c in key_cols}, done=t("strategy.shared.removed"), rerun=True
                        )
        if current is not None:
            history_expander(ctx, table, {c: current[c] for c in key_cols}, labels=history_labels)


def options_map(df: pd.DataFrame, key: str, label: str) -> dict[str, str]:
    return dict(zip(df[key], df[label], strict=True)) if not df.empty else {}
