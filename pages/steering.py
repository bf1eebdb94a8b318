"""Steering committee (/steering): the one-page pack per account, meetings with snapshot links, escalations and
decisions, the chair's overview of all packs, presentation mode (present=1) and board-pack exports."""

import streamlit as st

from skam_core.ui.kit import state as view_state
from skam_core.ui.kit.downloads import table_downloads
from skam_core.ui.kit.page import setup_page
from skam_core.ui.kit.widgets import empty_state
from skam_core.ui.steering.board_files import board_buttons
from skam_core.ui.steering.export import export_buttons, portfolio_report, snapshot_url
from skam_core.ui.steering.forms import action_item_form, escalation_forms, may_act, record_meeting_form
from skam_core.ui.steering.meetings import render_meetings
from skam_core.ui.steering.next_candidates import render_next_candidates
from skam_core.ui.steering.overview import overview_table, render_overview
from skam_core.ui.steering.pack import render_pack
from skam_core.ui.steering.present import render_presentation
from skam_core.views import steering as steering_view

ctx = setup_page("steering")
t, f = ctx.t, ctx.fmt
# The overview (the whole portfolio) only where it is shown or stepped through: one account's pack reads its
# own standing, and must not wait for every customer after each write.
accounts = ctx.read(steering_view.overview) if ctx.account is None or ctx.present else None
ids = list(accounts["customer_id"]) if accounts is not None else []

if ctx.present and ctx.account is None and ids:
    view_state.set_value(view_state.ACCOUNT, ids[0])  # presentation: one account per screen, starting with the first
    st.rerun()

if ctx.account is None:
    st.title(t("steering.overview.title"))
    if accounts.empty:
        empty_state(t("steering.overview.none"), t("steering.overview.none_next"))
        st.stop()
    st.caption(t("steering.overview.caption"))
    table, colours = overview_table(ctx, accounts)
    event = render_overview(ctx, table, colours)
    rows = event.selection.rows if event and event.selection else []
    if rows:
        view_state.set_value(view_state.ACCOUNT, ids[rows[0]])
        st.rerun()
    st.caption(t("steering.overview.pick"))
    table_downloads(ctx, table, t("steering.overview.title"), key="steer_overview_dl")
    export_buttons(
        ctx,
        lambda: portfolio_report(ctx, table, [p for p in (ctx.read(steering_view.pack, c) for c in ids) if p]),
        f"steering_{ctx.asof.day.isoformat()}",
        key=f"portfolio_{ctx.asof.day.isoformat()}",
    )
    render_next_candidates(ctx)
    st.stop()

p = ctx.read(steering_view.pack, ctx.account)
if p is None:
    st.warning(t("state.unknown_account", value=ctx.account))
    st.stop()

if ctx.present:
    render_presentation(ctx, p, ids)
    st.stop()

link = snapshot_url(ctx, ctx.account, p.day)
footer = ctx.t_plain("steering.export.footer", day=f.day(p.day), url=link)  # printed as is in the PDF
acting = may_act(ctx, p.customer.get("account_manager"))


def committee_forms() -> None:
    if acting:
        st.divider()
        escalation_forms(ctx, p)
        action_item_form(ctx, p)


render_pack(
    ctx,
    p,
    snapshot_url=link,
    after_header=lambda: board_buttons(ctx, p, footer, f"steering_{ctx.account}_{p.day}"),
    tab_extras={"committee": committee_forms, "meetings": lambda: render_meetings(ctx, p)},
)
if acting:
    record_meeting_form(ctx, p)
