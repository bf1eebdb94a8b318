"""The /implementation page's milestone list: the filters (in a box) and the sortable table drawn on the server,
whose rows an editor clicks to report a milestone's status."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from skam_core.analytics.plan import ImplementationView
from skam_core.charts.table import Cell, Column, Row, day_cell, table_html
from skam_core.domain.enums import MilestoneStatus
from skam_core.ui.kit.editing import last_changes
from skam_core.ui.kit.page import PageContext
from skam_core.ui.kit.pickable import sortable_table

STATUSES = [s.value for s in MilestoneStatus]
# The status order of the table's sort and of the status update's list: what needs attention first.
STATUS_ORDER = {"delayed": 0, "at_risk": 1, "on_track": 2, "open": 3, "done": 4}
FILTER_BOX, FILTER_OWNER, FILTER_STATUS = "impl_filter_box", "impl_owner", "impl_status"  # the filters' box
KEPT_OWNER, KEPT_STATUS = "impl_owner_kept", "impl_status_kept"  # their choice, kept while the box is closed


def _keep_filter(widget: str, kept: str) -> None:
    st.session_state[kept] = list(st.session_state.get(widget) or [])


def milestone_filters(ctx: PageContext, ms: pd.DataFrame) -> tuple[list[str], list[str]]:
    """The owners and statuses chosen (empty: all)."""
    t = ctx.t
    # The filters wait in a box (two widgets on every full load, for a list that sorts by a click on a
    # header anyway); it says which filters are on, and stays open while any is.
    # The choice lives in keys of its own: a widget not drawn (the box closed) would lose it.
    chosen_owners = st.session_state.get(KEPT_OWNER) or []
    chosen_status = st.session_state.get(KEPT_STATUS) or []
    on = len(chosen_owners) + len(chosen_status)
    box = st.expander(
        t("impl.filter.title_on", n=on) if on else t("impl.filter.title"),
        icon=":material/filter_alt:",
        expanded=bool(on),
        key=FILTER_BOX,
        on_change="rerun",
    )
    if box.open:
        with box:
            f1, f2 = st.columns([1, 2])
            owners = sorted({o for o in ms["owner"].dropna() if str(o).strip()})
            chosen_owners = [o for o in chosen_owners if o in owners]
            st.session_state[FILTER_OWNER] = chosen_owners
            st.session_state[FILTER_STATUS] = chosen_status
            with f1:
                chosen_owners = st.multiselect(
                    t("impl.filter.owner"),
                    owners,
                    key=FILTER_OWNER,
                    placeholder=t("impl.filter.all_owners"),
                    on_change=_keep_filter,
                    args=(FILTER_OWNER, KEPT_OWNER),
                )
            with f2:
                chosen_status = st.pills(
                    t("impl.filter.status"),
                    STATUSES,
                    selection_mode="multi",
                    format_func=lambda s: t(f"status.{s}"),
                    key=FILTER_STATUS,
                    help=t("impl.filter.status_help"),
                    on_change=_keep_filter,
                    args=(FILTER_STATUS, KEPT_STATUS),
                )
    return chosen_owners, chosen_status


def milestone_table(ctx: PageContext, view: ImplementationView, ms: pd.DataFrame, *, pickable: bool) -> str | None:
    """The milestones as a sortable table drawn on the server (charts.table: a grid component cost the page's full
    load about a third, docs/performance.md); with ``pickable`` a click on a row reports that milestone's id."""
    t = ctx.t_plain
    opps = dict(zip(view.opportunities["id"], view.opportunities["title"], strict=True))
    columns = [
        Column(t("impl.col.title"), wrap=True),
        Column(t("impl.col.owner")),
        Column(t("impl.col.due")),
        Column(t("impl.col.status"), t("impl.col.status_help")),
        Column(t("impl.col.overdue"), t("impl.col.overdue_help"), numeric=True),
        Column(t("impl.col.completed_on")),
        Column(t("impl.col.opportunity"), wrap=True),
        Column(t("impl.col.comment"), wrap=True),
        Column(t("impl.col.changed")),
    ]
    changed = last_changes(ctx, ms) or [""] * len(ms)
    rows = []
    for r, when in zip(ms.itertuples(), changed, strict=True):
        status = t(f"status.{r.effective_status}")
        if r.effective_status != r.status:
            status += " " + t("impl.ms.auto_marker")
        owner = r.owner if isinstance(r.owner, str) else ""
        opp = opps.get(r.opportunity_id, "") if isinstance(r.opportunity_id, str) else ""
        comment = r.comment if isinstance(r.comment, str) else ""
        cells = [
            Cell(str(r.title), str(r.title)),
            Cell(owner, owner or None),
            day_cell(r.due, ctx.fmt.day),
            Cell(status, float(STATUS_ORDER[r.effective_status])),
            Cell(ctx.fmt.number(int(r.overdue_days)), float(r.overdue_days)),
            day_cell(r.completed_on, ctx.fmt.day),
            Cell(opp, opp or None),
            Cell(comment, comment or None),
            Cell(when, pd.Timestamp(r.valid_from).isoformat() if when else None),
        ]
        pick = str(r.id) if pickable else None
        rows.append(Row(cells, pick=pick, label=t("impl.ms.table_pick", title=str(r.title)) if pick else ""))
    picked = sortable_table(
        table_html(columns, rows, caption=t("impl.ms.table_caption"), lang=ctx.lang), key="impl_ms_table"
    )
    st.caption(ctx.t("impl.ms.table_hint" if pickable else "table.sort_hint"))
    return picked
