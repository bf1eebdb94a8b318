"""Pieces the plan, implementation and KPI pages share: the account line under the title, the note why a user
cannot edit, names of users, and findings as coloured boxes."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from skam_core.domain.enums import Role
from skam_core.ui import loaders
from skam_core.ui.editing import WRITE_ERRORS, write_error_text  # noqa: F401  (re-exported for the plan pages)
from skam_core.ui.widgets import empty_state

LEVEL_BOX = {"problem": st.error, "warning": st.warning, "ok": st.success}
LEVEL_ICON = {"problem": ":material/error:", "warning": ":material/warning:", "ok": ":material/check_circle:"}


def require_account(ctx, page: str) -> dict:
    """The selected account's record, or an empty state that says what to do (and stop the page)."""
    if ctx.account is None:
        empty_state(ctx.t(f"{page}.no_account"), ctx.t("state.choose_account"))
        st.stop()
    cust = loaders.customer(ctx.store, ctx.account, ctx.as_of)
    if cust is None:  # the URL named an account that does not exist at that date: setup_page said so
        st.stop()
    return cust


def account_caption(ctx, cust: dict) -> None:
    t = ctx.t
    facts = [cust["name"], t("stage." + cust["skam_stage"])]
    if cust.get("account_manager"):
        facts.append(t("card.managed_by", who=display_name(ctx, cust["account_manager"])))
    st.caption(" · ".join(facts))


def edit_notice(ctx, cust: dict) -> bool:
    """Whether the user may edit this account now; if not, say why (once, under the title)."""
    if ctx.read_only_snapshot:
        st.info(ctx.t("edit.read_only_snapshot"), icon=":material/history:")
        return False
    if ctx.user.role is Role.VIEWER:
        st.caption(ctx.t("edit.viewer_read_only"))
        return False
    if not ctx.may_edit(cust.get("account_manager")):
        st.info(
            ctx.t("edit.not_your_account", who=display_name(ctx, cust.get("account_manager") or "–")),
            icon=":material/lock:",
        )
        return False
    return True


def display_name(ctx, user_id: str | None) -> str:
    if not user_id or (isinstance(user_id, float) and pd.isna(user_id)):
        return "–"
    uid = str(user_id).lower()
    if uid == ctx.user.user_id:
        return ctx.user.name
    return loaders.user_names(ctx.store).get(uid, str(user_id))


def show_findings(ctx, findings, render: Callable[[object], str]) -> None:
    for f in findings:
        LEVEL_BOX[f.level](render(f), icon=LEVEL_ICON[f.level])


def fmt_day(ctx, v) -> str:
    if v is None or (not isinstance(v, str) and pd.isna(v)):
        return "–"
    return ctx.fmt.day(pd.Timestamp(v).date())


def fmt_ts(ctx, v) -> str:
    if v is None or pd.isna(v):
        return "–"
    return ctx.fmt.timestamp(pd.Timestamp(v).to_pydatetime())


def names_list(names) -> str:
    return ", ".join(str(n) for n in names)
