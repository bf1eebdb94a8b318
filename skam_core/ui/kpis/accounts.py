"""KPI entry: which accounts the user may enter values for, the picker, and the 'still missing' overview."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from skam_core.analytics import kpi_entry
from skam_core.domain.enums import Role
from skam_core.ui.kit import state as view_state
from skam_core.ui.kit.editing import display_name
from skam_core.ui.kit.page import PageContext
from skam_core.views import common as common_view
from skam_core.views import kpis as kpis_view

# Session keys of the KPI page's widgets.
K_ACCOUNT = "kpis_account"
K_KPI, K_PERIOD, K_VALUE, K_COMMENT = "kpis_one_kpi", "kpis_one_period", "kpis_one_value", "kpis_one_comment"
K_BULK_PERIOD = "kpis_bulk_period"
K_RECEIPT, K_ERRORS = "kpis_receipt", "kpis_errors"
K_KEPT = "kpis_kept"  # what the entry tabs held when another tab was chosen (entry.py), for the same account


# -- which accounts ---------------------------------------------------------------------------------------------
def writable_accounts(ctx: PageContext) -> pd.DataFrame:
    """Accounts with KPIs the user may record values for: an admin all, an account manager their own."""
    choices = ctx.read(common_view.account_choices)
    names = dict(zip(choices["customer_id"], choices["name"], strict=True))
    if ctx.user.role is Role.ADMIN:
        ids = list(choices["customer_id"])
    else:
        ids = sorted(ctx.user.accounts)
    overview = ctx.read(kpis_view.kpi_overview, tuple(sorted(ids)))
    overview = overview[overview["kpis"] > 0].copy()
    overview["name"] = [names.get(c, c) for c in overview["customer_id"]]
    return overview.sort_values("name").reset_index(drop=True)


def _on_account() -> None:
    view_state.set_value(view_state.ACCOUNT, st.session_state.get(K_ACCOUNT))
    st.session_state.pop(K_RECEIPT, None)
    st.session_state.pop(K_ERRORS, None)
    st.session_state.pop(K_KEPT, None)


def pick_account(ctx: PageContext, accounts: pd.DataFrame) -> str | None:
    """The account picker (own accounts only). Follows the shared account selection when it is one of them."""
    t = ctx.t
    ids = list(accounts["customer_id"])
    if ctx.account and ctx.account not in ids:
        cust = ctx.read(common_view.customer, ctx.account) or {}
        who = cust.get("account_manager")
        name = cust.get("name", ctx.account)
        if ctx.may_edit(who):  # the user's own account (or an admin's): it only has no KPIs yet
            st.info(t("kpis.account_without_kpis", account=name), icon=":material/info:")
        else:
            st.info(t("kpis.not_yours", account=name, who=display_name(ctx, who)), icon=":material/lock:")
    st.session_state[K_ACCOUNT] = ctx.account if ctx.account in ids else None
    info = {r["customer_id"]: r for r in accounts.to_dict("records")}

    def label(cid: str) -> str:
        r = info[cid]
        return t("kpis.account_option", name=r["name"], n=int(r["kpis"]), last=ctx.fmt.month(r["last_period"]))

    return st.selectbox(
        t("kpis.account"),
        ids,
        key=K_ACCOUNT,
        index=None,
        on_change=_on_account,
        format_func=label,
        placeholder=t("kpis.account_placeholder"),
        help=t("kpis.account_help"),
    )


def overview_table(ctx: PageContext, accounts: pd.DataFrame) -> None:
    """The user's accounts with the latest period that has values: what is due this month."""
    t = ctx.t
    due_period = kpi_entry.due_period(ctx.asof.day)  # last month's values are due now
    last = pd.to_datetime(accounts["last_period"])
    current = accounts["kpis_current"].astype(int)
    total = accounts["kpis"].astype(int)
    due_col = t("kpis.ov.due", month=ctx.fmt.month(due_period))
    out = pd.DataFrame(
        {
            t("kpis.ov.account"): accounts["name"],
            t("kpis.ov.kpis"): total,
            t("kpis.ov.entered", month=ctx.fmt.month(due_period)): [
                t("kpis.ov.entered_n", n=int(c), of=int(k)) for c, k in zip(current, total, strict=True)
            ],
            t("kpis.ov.last_period"): [ctx.fmt.month(p) for p in last],
            t("kpis.ov.last_entry"): [ctx.fmt.timestamp(v) for v in accounts["last_entered_at"]],
            # Due while any KPI still lacks the month, not only when all do.
            due_col: [bool(c < k) for c, k in zip(current, total, strict=True)],
        }
    )
    event = st.dataframe(
        out,
        hide_index=True,
        width="stretch",
        column_config={due_col: st.column_config.CheckboxColumn(help=t("kpis.ov.due_help"))},
        on_select="rerun",
        selection_mode="single-row",
        key="kpis_overview",
    )
    rows = event.selection.rows if event and event.selection else []
    if rows:
        view_state.set_value(view_state.ACCOUNT, accounts["customer_id"].iloc[rows[0]])
        st.rerun()
    st.caption(t("kpis.ov.hint"))


# -- messages ----------------------------------------------------------------------------------------------------
