"""KPI entry (/kpis): an account manager picks one of their accounts and records KPI values — one at a time or
one period for all KPIs at once — and sees who entered which value when, corrections included.

Every save goes through ``services.kpis.record_kpi_values`` (append-only, permission checked in the transaction).
The page checks the same rules first (``analytics.kpi_entry.entry_problems``) only to say what is wrong in the user's
language; the service is the check that counts.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import pandas as pd
import streamlit as st

from skam_core.analytics import kpi_entry
from skam_core.analytics.plan import KpiEntryView
from skam_core.charts.implementation import value_text
from skam_core.services import kpis as kpi_service
from skam_core.ui import cache
from skam_core.ui.cache import bump_data_version
from skam_core.ui.kit.editing import WRITE_ERRORS, display_name, run_write, write_error_text
from skam_core.ui.kit.page import PageContext, edit_rights
from skam_core.ui.kit.widgets import empty_state, next_round, page_link, round_key, view_params
from skam_core.ui.kpis.accounts import (  # noqa: F401  (the session keys of the KPI page live there)
    K_ACCOUNT,
    K_BULK_PERIOD,
    K_COMMENT,
    K_ERRORS,
    K_KPI,
    K_PERIOD,
    K_RECEIPT,
    K_VALUE,
    overview_table,
    pick_account,
    writable_accounts,
)
from skam_core.ui.kpis.history import K_TAB, history
from skam_core.ui.kpis.kept import SINGLE_KEYS, bulk_edits_kept, forget_bulk_edits, keep_typed, restore_typed
from skam_core.ui.plan.common import range_text
from skam_core.views import kpis as kpis_view


def problem_text(ctx: PageContext, kpi: dict, p: kpi_entry.EntryProblem) -> str:
    unit = kpi.get("unit")
    params = dict(p.params)
    if "value" in params:
        v = params["value"]
        params["value"] = value_text(v, unit, ctx.lang) if isinstance(v, (int, float)) else str(v)
    if "limit" in params and p.code in ("below_min", "above_max"):
        params["limit"] = value_text(params["limit"], unit, ctx.lang)
    if "period" in params:
        params["period"] = ctx.fmt.month(params["period"])
    params.pop("unit", None)
    return ctx.t(f"kpis.problem.{p.code}", **params)


def _clear_errors() -> None:
    st.session_state.pop(K_ERRORS, None)


def show_receipt(ctx: PageContext) -> None:
    receipt = st.session_state.get(K_RECEIPT)
    if not receipt:
        return
    t = ctx.t
    lines = [
        t(
            "kpis.receipt.line",
            kpi=r["kpi"],
            period=ctx.fmt.month(r["period"]),
            value=value_text(r["value"], r["unit"], ctx.lang),
            before=value_text(r["before"], r["unit"], ctx.lang) if r["before"] is not None else t("kpis.receipt.new"),
        )
        for r in receipt["rows"]
    ]
    head = t("kpis.receipt.head", n=len(receipt["rows"]), who=receipt["who"], when=receipt["when"])
    st.success(head + "\n\n" + "\n".join(f"- {line}" for line in lines), icon=":material/check_circle:")
    page_link(ctx, "implementation", label=t("kpis.receipt.see"), params=view_params(ctx, account=receipt["account"]))


def _store_receipt(
    ctx: PageContext, customer_id: str, stored: list, before: Mapping[tuple[str, date], float | None]
) -> None:
    st.session_state[K_RECEIPT] = {
        "account": customer_id,
        "who": display_name(ctx, ctx.user.user_id),
        "when": ctx.fmt.timestamp(stored[0].entered_at if stored else None),
        "rows": [
            {
                "kpi": s.kpi_name,
                "unit": s.unit,
                "period": s.period,
                "value": s.value,
                "before": before.get((s.kpi_id, s.period)),
            }
            for s in stored
        ],
    }
    st.session_state.pop(K_ERRORS, None)


def _current_values(view: KpiEntryView) -> dict[tuple[str, date], float]:
    a = view.actuals
    if a.empty:
        return {}
    return {
        (k, pd.Timestamp(p).date().replace(day=1)): float(v)
        for k, p, v in zip(a["kpi_id"], a["period"], a["value"], strict=True)
    }


# -- one value ---------------------------------------------------------------------------------------------------
def _save_one(ctx: PageContext, customer_id: str, view: KpiEntryView) -> None:
    """Button callback: validate, append, confirm, and clear the value for the next entry."""
    kpi_id, period = st.session_state.get(K_KPI), st.session_state.get(K_PERIOD)
    value, comment = st.session_state.get(K_VALUE), (st.session_state.get(K_COMMENT) or "").strip() or None
    st.session_state.pop(K_RECEIPT, None)
    defs = {d["id"]: d for d in view.definitions.to_dict("records")}
    kpi = defs.get(kpi_id)
    if kpi is None or period is None:
        st.session_state[K_ERRORS] = [ctx.t("kpis.one.choose")]
        return
    assert kpi_id is not None  # defs.get(kpi_id) found a definition
    if value is None or not str(value).strip():
        st.session_state[K_ERRORS] = [ctx.t("kpis.problem.missing", kpi=kpi["name"])]
        return
    try:
        value = kpi_entry.parse_number(value, ctx.lang, kpi.get("unit"))
    except ValueError:
        st.session_state[K_ERRORS] = [ctx.t("kpis.problem.not_number", value=str(value).strip())]
        return
    problems = kpi_entry.entry_problems(kpi, value, period, ctx.asof.today, comment)
    if problems:
        st.session_state[K_ERRORS] = [problem_text(ctx, kpi, p) for p in problems]
        return
    try:
        stored = kpi_service.record_kpi_values(
            ctx.store, ctx.user, [kpi_service.KpiEntry(kpi_id, period, float(value), comment)], today=ctx.asof.today
        )
    except WRITE_ERRORS as exc:
        st.session_state[K_ERRORS] = [write_error_text(ctx, exc)]
        return
    bump_data_version()
    _store_receipt(ctx, customer_id, stored, _current_values(view))
    st.session_state[K_VALUE] = ""
    st.session_state[K_COMMENT] = ""


def single_entry(ctx: PageContext, customer_id: str, view: KpiEntryView) -> None:
    t = ctx.t
    defs = view.definitions
    names = {r["id"]: f"{r['name']} ({r['unit']})" for r in defs.to_dict("records")}
    periods = kpi_entry.period_choices(ctx.asof.today)
    if st.session_state.get(K_KPI) not in names:
        st.session_state[K_KPI] = next(iter(names))
    if st.session_state.get(K_PERIOD) not in periods:
        st.session_state[K_PERIOD] = periods[1]  # usually last month's value is entered
    c1, c2 = st.columns([2, 1])
    with c1:
        kpi_id = st.selectbox(
            t("kpis.one.kpi"), list(names), format_func=lambda v: names[v], key=K_KPI, on_change=_clear_errors
        )
    with c2:
        period = st.selectbox(
            t("kpis.one.period"),
            periods,
            format_func=ctx.fmt.month,
            key=K_PERIOD,
            help=t("kpis.one.period_help"),
            on_change=_clear_errors,
        )
    kpi = defs[defs["id"] == kpi_id].iloc[0].to_dict()
    frame = kpi_entry.bulk_frame(defs, view.targets, view.actuals, period, view.series)
    here = frame[frame["kpi_id"] == kpi_id].iloc[0]
    facts = [t("kpis.one.target", value=value_text(here["target"], kpi["unit"], ctx.lang))]
    lo, hi = kpi_entry.effective_range(kpi)
    unit = kpi["unit"]
    if lo is not None and hi is not None:
        facts.append(t("kpis.one.range", lo=value_text(lo, unit, ctx.lang), hi=value_text(hi, unit, ctx.lang)))
    elif lo is not None:  # an open end reads "from 0 €", not "0 € to …" (which looks like cut-off text)
        facts.append(t("kpis.one.range_from", lo=value_text(lo, unit, ctx.lang)))
    elif hi is not None:
        facts.append(t("kpis.one.range_to", hi=value_text(hi, unit, ctx.lang)))
    facts.append(t(f"enum.direction.{kpi['direction']}"))
    st.caption(" · ".join(facts))
    actual = view.actuals[
        (view.actuals["kpi_id"] == kpi_id) & (pd.to_datetime(view.actuals["period"]).dt.date == period)
    ]
    if not actual.empty:
        a = actual.iloc[0]
        st.info(
            t(
                "kpis.one.existing",
                value=value_text(a["value"], kpi["unit"], ctx.lang),
                who=display_name(ctx, a["entered_by"]),
                when=ctx.fmt.timestamp(a["entered_at"]),
            ),
            icon=":material/edit:",
        )
    c3, c4 = st.columns([1, 2])
    with c3:
        st.text_input(
            t("kpis.one.value", unit=kpi["unit"]),
            key=K_VALUE,
            placeholder=t("kpis.one.value_placeholder"),
            help=t("kpis.one.value_help"),
            max_chars=40,
        )
    with c4:
        st.text_input(
            t("kpis.one.comment"), key=K_COMMENT, placeholder=t("kpis.one.comment_placeholder"), max_chars=2000
        )
    st.button(
        t("kpis.one.save"),
        type="primary",
        icon=":material/save:",
        on_click=_save_one,
        args=(ctx, customer_id, view),
        key="kpis_one_save",
    )
    errors = st.session_state.get(K_ERRORS)
    if errors:
        st.error("\n\n".join(errors), icon=":material/error:")


# -- one period, all KPIs ----------------------------------------------------------------------------------------
def bulk_entry(ctx: PageContext, customer_id: str, view: KpiEntryView) -> None:
    t = ctx.t
    periods = kpi_entry.period_choices(ctx.asof.today)
    if st.session_state.get(K_BULK_PERIOD) not in periods:
        st.session_state[K_BULK_PERIOD] = periods[1]
    period = st.selectbox(t("kpis.bulk.period"), periods, format_func=ctx.fmt.month, key=K_BULK_PERIOD)
    frame = kpi_entry.bulk_frame(view.definitions, view.targets, view.actuals, period, view.series)
    shown = pd.DataFrame(
        {
            "kpi": [f"{n} ({u})" for n, u in zip(frame["name"], frame["unit"], strict=True)],
            "range": [range_text(ctx, r) for r in frame.to_dict("records")],
            "target": [value_text(v, u, ctx.lang) for v, u in zip(frame["target"], frame["unit"], strict=True)],
            "current": [value_text(v, u, ctx.lang) for v, u in zip(frame["current"], frame["unit"], strict=True)],
            "new_value": frame["new_value"],
            "comment": frame["comment"],
        }
    )
    editor = round_key(f"kpis_bulk_{period.isoformat()}")
    for row, cols in bulk_edits_kept(editor).items():  # typed before a look at another tab
        for col, value in cols.items():
            if col in ("new_value", "comment") and row < len(shown):
                shown.at[row, col] = value
    edited = st.data_editor(
        shown,
        hide_index=True,
        width="stretch",
        placeholder="",
        disabled=["kpi", "range", "target", "current"],
        column_config={
            "kpi": st.column_config.TextColumn(t("kpis.bulk.col.kpi")),
            "range": st.column_config.TextColumn(t("kpis.bulk.col.range"), help=t("plan.kpi.col.range_help")),
            "target": st.column_config.TextColumn(t("kpis.bulk.col.target")),
            "current": st.column_config.TextColumn(t("kpis.bulk.col.current"), help=t("kpis.bulk.col.current_help")),
            "new_value": st.column_config.NumberColumn(t("kpis.bulk.col.new"), help=t("kpis.bulk.col.new_help")),
            "comment": st.column_config.TextColumn(t("kpis.bulk.col.comment"), max_chars=2000, width="large"),
        },
        key=editor,
    )
    work = frame.copy()
    work["new_value"] = edited["new_value"].to_numpy()
    work["comment"] = edited["comment"].fillna("").to_numpy()
    changes = kpi_entry.bulk_changes(work)
    if st.button(
        t("kpis.bulk.save", n=len(changes), period=ctx.fmt.month(period)),
        type="primary",
        icon=":material/save:",
        disabled=not changes,
        key="kpis_bulk_save",
    ):
        defs = {d["id"]: d for d in view.definitions.to_dict("records")}
        messages = [
            f"{defs[c.kpi_id]['name']}: {problem_text(ctx, defs[c.kpi_id], p)}"
            for c in changes
            for p in kpi_entry.entry_problems(defs[c.kpi_id], c.value, period, ctx.asof.today, c.comment)
        ]
        if messages:
            st.session_state.pop(K_RECEIPT, None)
            st.error(t("kpis.bulk.nothing_saved") + "\n\n" + "\n".join(f"- {m}" for m in messages))
            return
        stored = run_write(
            ctx,
            kpi_service.record_kpi_values,
            ctx.store,
            ctx.user,
            [kpi_service.KpiEntry(c.kpi_id, period, c.value, c.comment) for c in changes],
            today=ctx.asof.today,
            rerun=False,
        )
        if stored is None:
            return
        _store_receipt(ctx, customer_id, stored, _current_values(view))  # the receipt above shows after the rerun
        forget_bulk_edits()  # saved: nothing typed is waiting
        next_round(f"kpis_bulk_{period.isoformat()}")  # a fresh, empty table
        st.rerun()


# -- history -----------------------------------------------------------------------------------------------------
def render(ctx: PageContext) -> None:
    """The whole page body after the title."""
    t = ctx.t
    may, reason = edit_rights(ctx)  # which accounts: writable_accounts below
    if not may:
        if reason == "edit.viewer_read_only":  # viewers and executives: where they see the values
            st.warning(t("kpis.viewer"), icon=":material/block:")
        elif reason:
            st.info(t(reason), icon=":material/history:")
        if ctx.account:
            page_link(ctx, "implementation", label=t("kpis.receipt.see"))
        return
    accounts = writable_accounts(ctx)
    if accounts.empty:
        empty_state(t("kpis.no_accounts"), t("kpis.no_accounts_next"))
        return
    customer_id = pick_account(ctx, accounts)
    show_receipt(ctx)
    if customer_id is None:
        st.markdown(f"**{t('kpis.ov.title')}**")
        overview_table(ctx, accounts)
        return
    view = cache.read(ctx.store, ctx.asof.current, kpis_view.kpi_entry, customer_id)
    if view.definitions.empty:
        empty_state(t("kpis.no_kpis"), t("kpis.no_kpis_next"))
        return
    # Only the open tab is built: the table of the bulk entry (a grid) and the single entry's fields cost the
    # page's full load in the browser about a third while nobody looks at them (issue 12), the audit trail
    # every visit (issue 15). What was typed in a tab that is left waits for its return (kpis.kept).
    keep_typed()
    one, bulk, hist = st.tabs(
        [t("kpis.tab.one"), t("kpis.tab.bulk"), t("kpis.tab.history")], key=K_TAB, on_change="rerun"
    )
    if one.open:
        with one:
            restore_typed(SINGLE_KEYS)
            single_entry(ctx, customer_id, view)
    if bulk.open:
        with bulk:
            st.caption(t("kpis.bulk.help"))
            restore_typed((K_BULK_PERIOD,))
            bulk_entry(ctx, customer_id, view)
    if hist.open:
        with hist:
            history(ctx, view)
