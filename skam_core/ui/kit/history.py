"""An item's change history on the page: who changed what from which value to which, and when."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

import pandas as pd
import streamlit as st

from skam_core.domain.values import same_value
from skam_core.i18n import catalog
from skam_core.ui.kit.editing import display_name
from skam_core.ui.kit.page import PageContext
from skam_core.views import history as history_view

VERSION_COLUMNS = {"is_deleted", "valid_from", "valid_to", "changed_by"}  # shown as who/when, not as changes


def load_history(ctx: PageContext, table_name: str, key_values: Mapping[str, Any]) -> pd.DataFrame:
    return history_view.history(ctx.store, ctx.asof, table_name, key_values)


def changes(
    history: pd.DataFrame, labels: Mapping[str, str] | None = None, show: Callable[[Any], str] | None = None
) -> list[dict[str, Any]]:
    """Per version (newest first): when, who, and which fields changed from what to what."""
    show = show or _show
    out: list[dict[str, Any]] = []
    rows = history.sort_values("valid_from").to_dict("records")
    prev: dict[str, Any] | None = None
    for r in rows:
        if prev is None:
            diff = "created"
        elif r.get("is_deleted"):
            diff = "removed"
        else:
            parts = []
            for col, val in r.items():
                if col in VERSION_COLUMNS:
                    continue
                old = prev.get(col)
                if not same_value(old, val):
                    name = (labels or {}).get(col, col)
                    parts.append(f"{name}: {show(old)} → {show(val)}")
            diff = "; ".join(parts) or "—"
        out.append({"when": r["valid_from"], "who": r["changed_by"], "what": diff})
        prev = r
    return list(reversed(out))


def _show(v: Any) -> str:
    if v is None or (isinstance(v, float) and pd.isna(v)) or v is pd.NaT:
        return "–"
    if isinstance(v, pd.Timestamp):
        v = v.date()
    s = str(v)
    return s if len(s) <= 60 else s[:57] + "…"


def history_expander(
    ctx: PageContext,
    table_name: str,
    key_values: Mapping[str, Any],
    *,
    title: str | None = None,
    labels: Mapping[str, str] | None = None,
) -> None:
    """A short change history of one item: who changed what from which value to which, and when."""
    with st.expander(title or ctx.t("edit.history"), icon=":material/history:"):
        hist = load_history(ctx, table_name, key_values)
        if hist.empty:
            st.caption(ctx.t("edit.no_history"))
            return
        # Field names in the user's language, dates as the user writes them, people by name.
        cat = catalog()
        names = {c: ctx.t(f"field.{c}") for c in hist.columns if f"field.{c}" in cat}
        names.update(labels or {})

        def show(v: Any) -> str:
            if isinstance(v, (pd.Timestamp, datetime, date)) and not pd.isna(v):
                return ctx.fmt.day(v)
            if isinstance(v, bool):
                return ctx.t("edit.yes") if v else ctx.t("edit.no")
            if isinstance(v, float) and not pd.isna(v):
                return ctx.fmt.number(v, decimals=0 if v.is_integer() else 2)
            return _show(v)

        rows = changes(hist, names, show)
        for r in rows:
            r["who"] = display_name(ctx, r["who"])  # user names are cached: an expander's body runs on every rerun
        st.dataframe(
            pd.DataFrame(
                {
                    ctx.t("edit.when"): [ctx.fmt.timestamp(r["when"]) for r in rows],
                    ctx.t("edit.who"): [r["who"] for r in rows],
                    ctx.t("edit.what"): [
                        ctx.t("edit.created")
                        if r["what"] == "created"
                        else ctx.t("edit.removed")
                        if r["what"] == "removed"
                        else r["what"]
                        for r in rows
                    ],
                }
            ),
            hide_index=True,
            width="stretch",
        )
