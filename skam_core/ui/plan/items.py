"""Editing a list of versioned items of one account: choose an item (or a new one), edit it in a form, remove it,
and see its change history. Permission is checked by the services; callers show this only to editors."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pandas as pd
import streamlit as st

from skam_core.services.items import new_item_id
from skam_core.ui.kit.editing import FormField, item_form, remove
from skam_core.ui.kit.history import history_expander
from skam_core.ui.kit.page import PageContext
from skam_core.ui.kit.widgets import next_round, round_key

NEW = "__new__"


def row_dict(df: pd.DataFrame, item_id: str) -> dict[str, Any] | None:
    part = df[df["id"] == item_id]
    if part.empty:
        return None
    return {k: (None if not isinstance(v, (list, dict)) and pd.isna(v) else v) for k, v in part.iloc[0].items()}


def item_editor(
    ctx: PageContext,
    *,
    table: str,
    items: pd.DataFrame,
    fields: Sequence[FormField],
    key: str,
    label_of: Callable[[dict], str],
    fixed: Mapping[str, Any],
    title: str,
    new_defaults: Mapping[str, Any] | None = None,
    new_template: Mapping[str, Any] | None = None,
    history_labels: Mapping[str, str] | None = None,
    columns: int = 2,
    expanded: bool = False,
) -> None:
    """An expander with a picker (new item or an existing one), the item's form, a remove button and its history,
    built only while it is open.

    ``new_defaults``: stored with a new item but not asked for; ``new_template``: shown in the form of a new item.
    """
    # Built when opened (on_change="rerun"): picker, form and history cost every run of the page otherwise,
    # and most visits only read (issue 15). Its open state is the session's, under ``{key}_box``.
    box = st.expander(title, icon=":material/edit_note:", expanded=expanded, key=f"{key}_box", on_change="rerun")
    if not box.open:
        return
    with box:
        labels = {r["id"]: label_of(r) for r in items.to_dict("records")} if not items.empty else {}
        choice = st.selectbox(
            ctx.t("plan.edit.choose"),
            [NEW, *labels],
            format_func=lambda v: ctx.t("plan.edit.new") if v == NEW else labels.get(v, v),
            key=f"{key}_pick",
        )
        current = None if choice == NEW else row_dict(items, choice)
        form_values = current
        if current is None:
            if new_defaults:  # values a new item needs that the form does not ask for
                fixed = {**new_defaults, **fixed}
            if new_template:  # what the form shows for a new item (e.g. attitude 0, not the minimum -2)
                form_values = {"id": new_item_id(), **new_template}
        form = f"{key}_form_{choice}"
        saved = item_form(
            ctx,
            table,
            fields,
            key=round_key(form),
            current=form_values,
            fixed=fixed,
            submit_label="edit.add" if current is None else "edit.save",
            columns=columns,
        )
        if saved:
            next_round(form)  # a fresh, empty form
            st.rerun()
        if current is not None:
            left, right = st.columns([1, 3])
            with left, st.popover(ctx.t("edit.remove"), icon=":material/delete:"):
                st.write(ctx.t("plan.edit.remove_confirm", item=labels.get(choice, choice)))
                if st.button(ctx.t("plan.edit.remove_yes"), key=f"{key}_remove_{choice}", type="primary"):
                    remove(ctx, table, {"id": choice}, rerun=True)
            with right:
                field_labels = history_labels or {ff.name: ctx.t(ff.label) for ff in fields}
                history_expander(ctx, table, {"id": choice}, labels=field_labels)
