"""The KPI page builds only its open tab: what was typed into the bulk table is put aside at the start of each
run and given back when the table is drawn again, merged over several visits, and only to the same table."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def _script() -> None:
    from datetime import date

    import streamlit as st

    from skam_core.ui.kpis import kept

    period = date(2026, 11, 1)
    st.session_state[kept.K_BULK_PERIOD] = period
    editor = f"kpis_bulk_{period.isoformat()}_0"
    # What the data editor reported in the last run (two visits: its edits, then edits on what was given back).
    for edits in st.session_state.pop("visits"):
        st.session_state[editor] = {"edited_rows": edits, "added_rows": [], "deleted_rows": []}
        kept.keep_typed()
    st.session_state["given_back"] = kept.bulk_edits_kept(editor)
    st.session_state["other_table"] = kept.bulk_edits_kept("kpis_bulk_2026-10-01_0")


def test_bulk_edits_are_kept_merged_over_visits_and_given_back_only_to_their_table():
    at = AppTest.from_function(_script)
    at.session_state["visits"] = [{0: {"new_value": 5.0}, 2: {"comment": "Rückruf"}}, {"0": {"comment": "geprüft"}}]
    at.run()
    assert not at.exception
    assert at.session_state["given_back"] == {0: {"new_value": 5.0, "comment": "geprüft"}, 2: {"comment": "Rückruf"}}
    assert at.session_state["other_table"] == {}
