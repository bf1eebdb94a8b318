"""The /implementation page's milestone part: counts per status, the Gantt timeline, the status update with a
comment, adding and editing milestones, and the status log (the filters and the list: milestone_list.py)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from skam_core.analytics import milestones as rules
from skam_core.analytics.plan import ImplementationView
from skam_core.charts import implementation as charts
from skam_core.domain.enums import MilestoneStatus
from skam_core.services.milestones import COMMENT_REQUIRED, update_milestone_status
from skam_core.ui.implementation.milestone_list import STATUS_ORDER, STATUSES, milestone_filters, milestone_table
from skam_core.ui.kit.cards import card, card_row
from skam_core.ui.kit.editing import FormField, display_name, run_write
from skam_core.ui.kit.figures import figure
from skam_core.ui.kit.page import PageContext
from skam_core.ui.kit.widgets import chart, empty_state, lazy_expander
from skam_core.ui.plan.common import names_list
from skam_core.ui.plan.items import item_editor, row_dict

PICK_KEY = "upd_pick"  # the status update's choice of milestone (a click on a table row sets it)
UPDATE_BOX = "impl_update_box"  # the status update's expander (a click on a table row opens it)


def render_counts(ctx: PageContext, view: ImplementationView) -> None:
    t = ctx.t
    card_row(
        [
            card(t(f"status.{status}"), ctx.fmt.number(view.counts[status]), help=t(f"impl.m.{status}_help"))
            for status in STATUSES
        ]
    )
    auto = view.auto_delayed
    if auto:
        st.warning(
            t("impl.auto_delayed", n=len(auto), titles=names_list(auto[:5])),
            icon=":material/schedule:",
        )


def render_milestones(ctx: PageContext, view: ImplementationView, cust: dict, editable: bool) -> None:
    t = ctx.t
    ms = view.milestones
    st.subheader(t("impl.ms.title"))
    if ms.empty:
        empty_state(t("impl.ms.empty"), t("impl.ms.empty_next" if editable else "impl.ms.empty_viewer"))
    else:
        chosen_owners, chosen_status = milestone_filters(ctx, ms)
        shown = rules.filter_milestones(ms, owners=chosen_owners, statuses=chosen_status)
        if shown.empty:
            st.info(t("impl.filter.nothing"), icon=":material/filter_alt_off:")
        else:
            # The timeline draws the table's due dates and status; as the tab's first sight it cost every full
            # load Plotly's script and a drawing (about 0.7x of a blank page): built once opened (issue 12).
            lazy_expander(
                ctx.t_plain("impl.ms.gantt"),
                "impl_gantt_box",
                lambda: chart(figure(charts.milestone_gantt, shown, ctx.asof.day, ctx.lang), key="impl_gantt"),
            )
            picked = milestone_table(ctx, view, shown, pickable=editable)
            chosen = next((i for i in ms["id"] if str(i) == picked), None) if picked else None
            if chosen is not None:  # set before the status update is drawn: its list may still take the value
                st.session_state[PICK_KEY] = chosen
                st.session_state[UPDATE_BOX] = True
    if editable and not ms.empty:
        _status_update(ctx, view)


def render_maintenance(
    ctx: PageContext, view: ImplementationView, cust: dict, editable: bool, *, first_milestone: bool = False
) -> None:
    """Adding and editing milestones (editors) and the status log (everyone). ``first_milestone``: the account
    has none yet, so the form is open and there is no log to show."""
    if editable:
        _milestone_editor(ctx, view, cust, expanded=first_milestone)
    if not first_milestone:
        _status_log(ctx, view)


def _status_update(ctx: PageContext, view: ImplementationView) -> None:
    t = ctx.t
    ms = view.milestones
    # Closed until opened or until a row of the table is clicked: its five fields (a date field the costliest)
    # were a third of the page's full load in the browser, for the one visit in many that changes a status.
    box = st.expander(t("impl.update.title"), icon=":material/edit_note:", key=UPDATE_BOX, on_change="rerun")
    if not box.open:
        return
    with box:
        labels = {  # from whole columns: to_dict per run was a tenth of this part
            i: f"{title} · {t('status.' + status)} · {ctx.fmt.day(due)}"
            for i, title, status, due in zip(ms["id"], ms["title"], ms["effective_status"], ms["due"], strict=True)
        }
        open_first = list(ms.sort_values(["effective_status", "due"], key=_open_first)["id"])
        mid = st.selectbox(t("impl.update.milestone"), open_first, format_func=lambda v: labels[v], key=PICK_KEY)
        current = row_dict(ms, mid)
        assert current is not None  # mid is picked from the open milestones of ms
        with st.form(f"upd_form_{mid}", clear_on_submit=False, border=False):
            c1, c2 = st.columns([2, 1])
            with c1:
                status = st.segmented_control(
                    t("impl.update.status"),
                    STATUSES,
                    default=current["status"],
                    format_func=lambda s: t(f"status.{s}"),
                    key=f"upd_status_{mid}",
                )
            with c2:
                done_on = st.date_input(
                    t("impl.update.completed_on"),
                    value=pd.Timestamp(current["completed_on"]).date()
                    if current.get("completed_on")
                    else ctx.asof.today,
                    max_value=ctx.asof.today,
                    key=f"upd_done_{mid}",
                    help=t("impl.update.completed_on_help"),
                    format=ctx.fmt.date_input_format,
                )
            comment = st.text_area(
                t("impl.update.comment"),
                key=f"upd_comment_{mid}",
                height=80,
                help=t("impl.update.comment_help"),
                placeholder=t("impl.update.comment_placeholder"),
            )
            submitted = st.form_submit_button(t("impl.update.save"), type="primary", icon=":material/save:")
        if current["effective_status"] == "delayed" and current["status"] != "delayed":
            st.caption(t("impl.update.overdue_note", day=ctx.fmt.day(current["due"])))
        if submitted:
            status = status or current["status"]
            if status in COMMENT_REQUIRED and not (comment or "").strip():
                st.error(t("impl.update.comment_required", status=t(f"status.{status}")), icon=":material/error:")
                return
            run_write(
                ctx,
                update_milestone_status,
                ctx.store,
                ctx.user,
                mid,
                status,
                comment,
                completed_on=done_on if status == "done" else None,
                expected_valid_from=pd.Timestamp(current["valid_from"]).to_pydatetime(),
                today=ctx.asof.today,
                done=t("impl.update.saved", title=current["title"], status=t(f"status.{status}")),
            )


def _open_first(col: pd.Series) -> pd.Series:
    if col.name == "effective_status":
        return col.map(STATUS_ORDER)
    return col


def _milestone_editor(ctx: PageContext, view: ImplementationView, cust: dict, *, expanded: bool = False) -> None:
    t = ctx.t
    opps = dict(zip(view.opportunities["id"], view.opportunities["title"], strict=True))
    objs = dict(zip(view.objectives["id"], view.objectives["objective"], strict=True))
    fields = (
        FormField("title", "impl.col.title"),
        FormField("owner", "impl.col.owner", help="impl.col.owner_help"),
        FormField("start_date", "impl.col.start_date", help="impl.col.start_date_help"),
        FormField("due", "impl.col.due"),
        FormField("opportunity_id", "impl.col.opportunity", options=opps, translate_options=False),
        FormField("objective_id", "impl.col.objective", options=objs, translate_options=False),
    )
    item_editor(
        ctx,
        table="milestones",
        items=view.milestones,
        fields=fields,
        key="ms",
        label_of=lambda r: f"{r['title']} · {ctx.fmt.day(r['due'])}",
        fixed={"customer_id": cust["customer_id"]},
        new_defaults={"status": MilestoneStatus.OPEN.value},
        title=t("impl.ms.edit"),
        expanded=expanded,
    )


def _status_log(ctx: PageContext, view: ImplementationView) -> None:
    t = ctx.t
    log = view.log[view.log["kind"] != "created"] if not view.log.empty else view.log
    box = st.expander(t("impl.log.title", n=len(log)), icon=":material/history:", key="impl_log_box", on_change="rerun")
    if not box.open:  # the log's table is built when opened, not on every run (issue 15)
        return
    with box:
        if log.empty:
            st.caption(t("impl.log.empty"))
            return
        out = pd.DataFrame(
            {
                t("edit.when"): [ctx.fmt.timestamp(v) for v in log["when"]],
                t("edit.who"): [display_name(ctx, w) for w in log["who"]],
                t("impl.col.title"): log["title"],
                t("impl.log.change"): [
                    t("edit.removed")
                    if k == "removed"
                    else f"{t('status.' + o) if isinstance(o, str) else '–'} → {t('status.' + n)}"
                    for k, o, n in zip(log["kind"], log["old_status"], log["new_status"], strict=True)
                ],
                t("impl.col.comment"): log["comment"].fillna(""),
            }
        )
        st.dataframe(out, hide_index=True, width="stretch")
