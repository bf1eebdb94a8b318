"""Steering-committee forms: record a meeting, raise an escalation, record a decision. The services check who
may; these forms are shown only to those who may (comfort)."""

from __future__ import annotations

from datetime import timedelta

import pandas as pd
import streamlit as st

from skam_core.domain.enums import Role
from skam_core.services import steering as svc
from skam_core.ui.kit.editing import run_write
from skam_core.ui.kit.page import PageContext


def may_act(ctx: PageContext, account_manager: str | None) -> bool:
    if ctx.present or ctx.asof.is_snapshot:
        return False
    return ctx.user.role is Role.EXECUTIVE or ctx.may_edit(account_manager)


def _rows(df: pd.DataFrame, col: str) -> pd.DataFrame:
    return df[df[col].fillna("").astype(str).str.strip() != ""] if not df.empty else df


MEETING_BOX = "steer_meeting_box"  # session key of the meeting form's expander: open or closed
RAISE_BOX, DECIDE_BOX, ACTION_BOX = "steer_raise_box", "steer_decide_box", "steer_action_box"  # the other forms'


def _entry_rows(ctx: PageContext, title_key: str, key: str, columns: list[tuple[str, str]]) -> pd.DataFrame:
    """An empty table the user fills with as many rows as needed; a column named 'due' takes dates, the first
    column is the wide one."""
    st.markdown(f"**{ctx.t(title_key)}**")
    dtypes = {"due": "datetime64[ns]", "decision": "Int64"}
    frame = pd.DataFrame({c: pd.Series(dtype=dtypes.get(c, str)) for c, _ in columns})
    config = {
        c: st.column_config.DateColumn(ctx.t(label))
        if c == "due"
        else st.column_config.NumberColumn(ctx.t(label), min_value=1, step=1)
        if c == "decision"
        else st.column_config.TextColumn(ctx.t(label), width="large" if i == 0 else None)
        for i, (c, label) in enumerate(columns)
    }
    return st.data_editor(frame, num_rows="dynamic", key=key, width="stretch", column_config=config)


def record_meeting_form(ctx: PageContext, pack) -> None:
    t = ctx.t
    cid = pack.customer["customer_id"]
    box = st.expander(t("steering.form.meeting_title"), icon=":material/groups:", key=MEETING_BOX, on_change="rerun")
    if not box.open:  # built when opened: its three tables would otherwise cost every run of the page (issue 15)
        return
    with box:
        st.caption(t("steering.form.meeting_help"))
        with st.form("steer_meeting", clear_on_submit=False):
            c1, c2 = st.columns(2)
            held = c1.date_input(
                t("steering.form.held_on"),
                value=ctx.asof.today,
                max_value=ctx.asof.today,
                format=ctx.fmt.date_input_format,
            )
            nxt = c2.date_input(
                t("steering.form.next_on"), value=ctx.asof.today + timedelta(days=90), format=ctx.fmt.date_input_format
            )
            ours = st.text_input(t("steering.form.ours"), value=", ".join(pack.attendees_ours))
            theirs = st.text_input(t("steering.form.customer"), value=", ".join(pack.attendees_customer))
            summary = st.text_area(t("steering.form.summary"), height=80)
            decisions = _entry_rows(
                ctx,
                "steering.form.decisions",
                "steer_meeting_decisions",
                [("text", "steering.dec.text"), ("owner", "steering.dec.owner")],
            )
            actions = _entry_rows(
                ctx,
                "steering.form.actions",
                "steer_meeting_actions",
                [
                    ("title", "steering.ms.title"),
                    ("owner", "steering.ms.owner"),
                    ("due", "steering.ms.due"),
                    ("decision", "steering.form.action_decision"),
                ],
            )
            escalations = _entry_rows(
                ctx,
                "steering.form.new_escalations",
                "steer_meeting_escalations",
                [
                    ("problem", "steering.esc.problem"),
                    ("owner", "steering.esc.owner"),
                    ("decision_needed", "steering.esc.decision_needed"),
                    ("due", "steering.esc.due"),
                ],
            )
            submitted = st.form_submit_button(t("steering.form.record"), type="primary", icon=":material/save:")
        if not submitted:
            return
        acts = _rows(actions, "title")
        if not acts.empty and acts["due"].isna().any():
            st.error(t("steering.form.action_due_missing"))
            return
        meeting = svc.Meeting(
            customer_id=cid,
            held_on=held,
            attendees_ours=ours,
            attendees_customer=theirs,
            summary=summary,
            next_meeting_on=nxt,
            decisions=[(r.text, r.owner or None) for r in _rows(decisions, "text").itertuples()],
            actions=[
                svc.Action(
                    r.title,
                    r.owner or None,
                    pd.Timestamp(r.due).date(),
                    None if pd.isna(r.decision) else int(r.decision),
                )
                for r in acts.itertuples()
            ],
            escalations=[
                svc.NewEscalation(
                    r.problem,
                    r.owner or None,
                    r.decision_needed or None,
                    None if pd.isna(r.due) else pd.Timestamp(r.due).date(),
                )
                for r in _rows(escalations, "problem").itertuples()
            ],
        )
        # After a committee write the pack is drawn again: it sits above the forms, drawn before the write.
        run_write(
            ctx,
            svc.record_meeting,
            ctx.store,
            ctx.user,
            meeting,
            today=ctx.asof.today,
            done=t("steering.form.recorded", day=ctx.fmt.day(held)),
        )


def escalation_forms(ctx: PageContext, pack) -> None:
    """Raise a new escalation; record the decision on an open one."""
    t = ctx.t
    cid = pack.customer["customer_id"]
    # Each form is built only while its expander is open (opening it reruns the page): three forms of inputs on
    # every first view of the pack were drawn for the few who record something (issue 12).
    raise_box = st.expander(t("steering.form.raise_title"), icon=":material/report:", key=RAISE_BOX, on_change="rerun")
    if raise_box.open:
        with raise_box, st.form("steer_raise", clear_on_submit=True):
            problem = st.text_area(t("steering.esc.problem"), height=70)
            c1, c2, c3 = st.columns([2, 2, 1])
            owner = c1.text_input(t("steering.esc.owner"))
            need = c2.text_input(t("steering.esc.decision_needed"))
            due = c3.date_input(
                t("steering.esc.due"), value=ctx.asof.today + timedelta(days=14), format=ctx.fmt.date_input_format
            )
            if st.form_submit_button(t("steering.form.raise"), type="primary"):
                run_write(
                    ctx,
                    svc.raise_escalation,
                    ctx.store,
                    ctx.user,
                    cid,
                    svc.NewEscalation(problem, owner or None, need or None, due),
                    today=ctx.asof.today,
                    done=t("steering.form.raised"),
                )
    if pack.escalations_open.empty:
        return
    decide_box = st.expander(
        t("steering.form.decide_title"), icon=":material/gavel:", key=DECIDE_BOX, on_change="rerun"
    )
    if not decide_box.open:
        return
    with decide_box:
        options = {r.id: f"{r.problem} ({r.owner or '–'})" for r in pack.escalations_open.itertuples()}
        with st.form("steer_decide", clear_on_submit=True):
            which = st.selectbox(t("steering.form.decide_which"), list(options), format_func=options.__getitem__)
            decision = st.text_area(t("steering.esc.decision"), height=70)
            if st.form_submit_button(t("steering.form.decide"), type="primary"):
                run_write(
                    ctx,
                    svc.decide_escalation,
                    ctx.store,
                    ctx.user,
                    which,
                    decision,
                    today=ctx.asof.today,
                    done=t("steering.form.decided"),
                )


def action_item_form(ctx: PageContext, pack) -> None:
    """Between meetings: one more action item for a decision already taken."""
    if pack.decisions.empty:
        return
    t = ctx.t
    box = st.expander(
        t("steering.form.add_action_title"), icon=":material/task_alt:", key=ACTION_BOX, on_change="rerun"
    )
    if not box.open:
        return
    with box:
        options = {r.id: f"{ctx.fmt.day(r.decided_on)} · {r.text}" for r in pack.decisions.itertuples()}
        with st.form("steer_action", clear_on_submit=True):
            which = st.selectbox(t("steering.form.which_decision"), list(options), format_func=options.__getitem__)
            c1, c2, c3 = st.columns([3, 2, 1])
            title = c1.text_input(t("steering.act.item"))
            owner = c2.text_input(t("steering.act.owner"))
            due = c3.date_input(
                t("steering.act.due"), value=ctx.asof.today + timedelta(days=30), format=ctx.fmt.date_input_format
            )
            if st.form_submit_button(t("steering.form.add_action"), type="primary"):
                run_write(
                    ctx,
                    svc.add_action_item,
                    ctx.store,
                    ctx.user,
                    which,
                    svc.Action(title, owner or None, due),
                    done=t("steering.form.action_added"),
                )
