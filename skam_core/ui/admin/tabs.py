"""The administration page's parts: import through the running app, users and roles, customer master data."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from skam_core.domain.enums import Role, Stage
from skam_core.domain.users import PermissionDenied
from skam_core.i18n import vocabulary
from skam_core.io.import_files import KINDS, OPTIONAL, REQUIRED
from skam_core.io.known_since import parse_option
from skam_core.services import imports
from skam_core.storage.db import StoreError
from skam_core.ui.cache import bump_data_version
from skam_core.ui.kit.editing import remove, save, show_write_error
from skam_core.ui.kit.page import PageContext
from skam_core.ui.kit.text import md
from skam_core.ui.kit.uploader import file_uploader
from skam_core.views import common as common_view

MAX_UPLOAD_MB = 50  # keep in line with .streamlit/config.toml server.maxUploadSize


def import_tab(ctx: PageContext) -> None:
    t = ctx.t
    st.write(t("admin.import.intro"))
    kind = st.segmented_control(
        t("admin.import.kind"),
        KINDS,
        default="financials",
        key="admin_import_kind",
        format_func=lambda k: t(f"admin.import.kind.{k}"),
    )
    if kind is None:
        return
    # Plain text: the message's parameters are escaped, so markdown bold would show as asterisks.
    required, optional = ", ".join(REQUIRED[kind]), ", ".join(OPTIONAL[kind])
    if optional:
        st.caption(t("admin.import.columns_optional", required=required, optional=optional))
    else:
        st.caption(t("admin.import.columns", required=required))
    upload = file_uploader(
        ctx,
        t("admin.import.file"),
        types=["csv", "xlsx"],
        key=f"admin_upload_{kind}",
        help=t("admin.import.file_help", mb=MAX_UPLOAD_MB),
        max_mb=MAX_UPLOAD_MB,
    )
    if upload is None:
        return
    data = upload.getvalue()  # the sent file name is used for its extension only, never as a path
    when = st.text_input(
        t("admin.import.known_since"),
        key=f"admin_known_since_{kind}",
        placeholder="month-end+10" if kind == "financials" else "2021-12-31",
        help=t("admin.import.known_since_help"),
    ).strip()
    check, go = st.columns(2)
    dry = check.button(t("admin.import.check"), icon=":material/fact_check:", width="stretch")
    real = go.button(t("admin.import.run"), type="primary", icon=":material/upload:", width="stretch")
    if not (dry or real):
        return
    try:
        known_since = parse_option(when, kind, ctx.asof.today) if when else None
    except ValueError as exc:
        st.error(str(exc))
        return
    bar = st.progress(0.0, text=t("admin.import.progress", step="…"))

    def progress(f: float, step: str) -> None:
        bar.progress(min(1.0, f), text=t("admin.import.progress", step=step))

    try:
        result = imports.import_file(
            ctx.store,
            ctx.user,
            kind,
            data,
            name=upload.name,
            dry_run=not real,
            known_since=known_since,
            progress=progress,
        )
    except (PermissionDenied, StoreError) as exc:
        bar.empty()
        show_write_error(ctx, exc)
        return
    bar.empty()
    for w in result.warnings:
        st.warning(md(w))
    if not result.ok:
        st.error(t("admin.import.problems", n=len(result.problems)))
        st.dataframe(pd.DataFrame({t("admin.import.problem"): result.problems}), hide_index=True, width="stretch")
        return
    counts = t(
        "admin.import.counts",
        rows=ctx.fmt.number(result.rows),
        added=ctx.fmt.number(result.added),
        changed=ctx.fmt.number(result.changed),
        unchanged=ctx.fmt.number(result.unchanged),
    )
    if result.written:
        bump_data_version()
        st.success(t("admin.import.done", counts=counts), icon=":material/check_circle:")
    else:
        st.info(t("admin.import.checked", counts=counts), icon=":material/fact_check:")


def users_tab(ctx: PageContext) -> None:
    t = ctx.t
    users = ctx.read(common_view.users)
    if users.empty:
        st.info(t("admin.users.none"))
    else:
        st.dataframe(
            pd.DataFrame(
                {
                    t("admin.users.email"): users["user_id"],
                    t("admin.users.name"): users["display_name"],
                    t("admin.users.role"): [t("role." + r) for r in users["role"]],
                    t("admin.users.accounts"): users["accounts"],
                }
            ),
            hide_index=True,
            width="stretch",
        )
    st.caption(t("admin.users.accounts_help"))
    if ctx.asof.is_snapshot:
        return
    with st.form("admin_user_form", clear_on_submit=True):
        st.write(t("admin.users.form_title"))
        c1, c2, c3 = st.columns([2, 2, 1])
        email = c1.text_input(t("admin.users.email"))
        name = c2.text_input(t("admin.users.name"))
        role = c3.selectbox(t("admin.users.role"), [r.value for r in Role], format_func=lambda r: t("role." + r))
        if st.form_submit_button(t("admin.users.save"), type="primary"):
            values = {"user_id": email, "display_name": name or email, "role": role}
            # The confirmation survives the rerun that redraws the tables above the form with the change.
            save(ctx, "users", values, done=t("admin.users.saved", user=email.strip().lower()), rerun=True)
    if not users.empty:
        c1, c2 = st.columns([3, 1])
        gone = c1.selectbox(t("admin.users.remove_pick"), users["user_id"], index=None, key="admin_user_remove")
        if c2.button(t("admin.users.remove"), disabled=gone is None, width="stretch"):
            remove(ctx, "users", {"user_id": gone}, rerun=True)


def customers_tab(ctx: PageContext) -> None:
    """Programme membership of one customer: stage, SKAM start, account manager."""
    t = ctx.t
    st.write(t("admin.customers.intro"))
    cid = st.text_input(
        t("admin.customers.id"), value=ctx.account or "", key="admin_customer_id", help=t("admin.customers.id_help")
    )
    if not cid:
        return
    cust = ctx.read(common_view.customer, cid.strip())
    if cust is None:
        st.warning(t("state.unknown_account", value=cid))
        return
    industry = vocabulary.industry(cust.get("industry"), ctx.lang)
    st.write(f"**{md(cust['name'])}** · {md(industry)} · {md(vocabulary.country(cust.get('country'), ctx.lang))}")
    if ctx.asof.is_snapshot:
        return
    with st.form("admin_customer_form"):
        c1, c2, c3 = st.columns(3)
        stages = [s.value for s in Stage]
        stage = c1.selectbox(
            t("col.stage"), stages, index=stages.index(cust["skam_stage"]), format_func=lambda s: t("stage." + s)
        )
        start = c2.date_input(
            t("col.skam_start"),
            value=cust.get("skam_start"),
            max_value=date(2100, 1, 1),
            format=ctx.fmt.date_input_format,
            help=t("admin.customers.start_help"),
        )
        am = c3.text_input(t("col.account_manager"), value=cust.get("account_manager") or "")
        if st.form_submit_button(t("admin.customers.save"), type="primary"):
            values = {
                "customer_id": cust["customer_id"],
                "skam_stage": stage,
                "skam_start": start,
                "account_manager": am or None,
            }
            save(ctx, "customers", values, done=t("admin.customers.saved", name=cust["name"]), rerun=True)
