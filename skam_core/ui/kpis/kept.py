"""What the KPI page's entry tabs held, kept while another tab is open (entry.py builds only the open one): the
single value's fields and the bulk table's edits, given back when their tab is drawn again."""

from __future__ import annotations

import streamlit as st

from skam_core.ui.kit.widgets import round_key
from skam_core.ui.kpis.accounts import K_BULK_PERIOD, K_COMMENT, K_KEPT, K_KPI, K_PERIOD, K_VALUE

# A widget not drawn in a run loses its value at the end of that run. At the start of a run the values of the
# last one are still there: they are put aside then, and given back when their tab is drawn again.
SINGLE_KEYS = (K_KPI, K_PERIOD, K_VALUE, K_COMMENT)
_BULK_EDITS = "bulk_edits"  # (editor key, its edited rows)


def keep_typed() -> None:
    kept = st.session_state.setdefault(K_KEPT, {})
    for k in (*SINGLE_KEYS, K_BULK_PERIOD):
        if k in st.session_state:
            kept[k] = st.session_state[k]
    period = st.session_state.get(K_BULK_PERIOD)
    if period is not None:
        editor = round_key(f"kpis_bulk_{period.isoformat()}")
        edits = (st.session_state.get(editor) or {}).get("edited_rows")
        if edits:  # on top of what was given back to this table before (its values are its data now)
            key, before = kept.get(_BULK_EDITS, (None, {}))
            merged = {r: dict(cols) for r, cols in before.items()} if key == editor else {}
            for r, cols in edits.items():
                merged.setdefault(int(r), {}).update(cols)
            kept[_BULK_EDITS] = (editor, merged)


def restore_typed(keys: tuple[str, ...]) -> None:
    kept = st.session_state.get(K_KEPT) or {}
    for k in keys:
        if k in kept and k not in st.session_state:
            st.session_state[k] = kept.pop(k)


def bulk_edits_kept(editor: str) -> dict[int, dict]:
    """The rows typed into this bulk table (kept until it is saved: saving starts a table with another key)."""
    key, edits = (st.session_state.get(K_KEPT) or {}).get(_BULK_EDITS, (None, {}))
    return edits if key == editor else {}


def forget_bulk_edits() -> None:
    (st.session_state.get(K_KEPT) or {}).pop(_BULK_EDITS, None)
