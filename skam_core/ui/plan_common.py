"""Pieces the plan, implementation and KPI pages share: the account line under the title, the note why a user
cannot edit, names of users, and findings as coloured boxes."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from skam_core.domain.enums import Role
from skam_core.domain.users import PermissionDenied
from skam_core.services.items import ValidationFailed
from skam_core.storage.db import StoreError, WriteConflictError
from skam_core.storage.versioned import NotFoundError, StaleEditError
from skam_core.ui import loaders
from skam_core.ui.loaders_plan import user_names
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
    return user_names(ctx.store).get(uid, str(user_id))


def show_findings(ctx, findings, render: Callable[[object], str]) -> None:
    for f in findings:
        LEVEL_BOX[f.level](render(f), icon=LEVEL_ICON[f.level])


def write_error_text(ctx, exc: Exception) -> str:
    """A plain sentence for a failed write (never a traceback)."""
    if isinstance(exc, PermissionDenied):
        return ctx.t("error.permission", detail=str(exc))
    if isinstance(exc, ValidationFailed):
        return ctx.t("error.validation", detail="; ".join(str(e) for e in exc.errors))
    if isinstance(exc, WriteConflictError):
        return ctx.t("plan.error.write_conflict")
    if isinstance(exc, StaleEditError):
        return ctx.t("plan.error.stale", detail=str(exc))
    if isinstance(exc, NotFoundError):
        return ctx.t("plan.error.not_found", detail=str(exc))
    if isinstance(exc, StoreError):
        return ctx.t("error.conflict", detail=str(exc))
    raise exc


WRITE_ERRORS = (PermissionDenied, ValidationFailed, StoreError)


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


def link_to(ctx, page_id: str, label: str, icon: str, params: dict[str, str]) -> None:
    """A link to another page keeping the view state. ``st.page_link`` knows only pages registered with the
    navigation; when a page file runs on its own (opened directly, or in a test), a plain link does the job."""
    from urllib.parse import urlencode

    from streamlit.errors import StreamlitPageNotFoundError

    from skam_core.ui.nav import spec

    try:
        st.page_link(spec(page_id).file, label=label, icon=icon, query_params=params)
    except StreamlitPageNotFoundError:
        st.markdown(f"{icon} [{label}](/{spec(page_id).url_path}?{urlencode(params)})")
