"""Editing building blocks every page uses: a form for one versioned item, save/remove with plain messages, and
who changed an item last (the full change history: ui.history).

The form is generated from the table's field spec (skam_core.domain.specs), so validation rules are written
once. Permission is checked by the service on save; the page decides whether to show the form at all.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import pandas as pd
import streamlit as st

from skam_core.domain.specs import SPECS, Field
from skam_core.domain.users import PermissionDenied
from skam_core.i18n import catalog
from skam_core.services.items import ValidationFailed, item_key, new_item_id, remove_item, save_item
from skam_core.storage.db import NotFoundError, StaleEditError, StoreError, WriteConflictError
from skam_core.ui.cache import bump_data_version
from skam_core.ui.kit.page import PageContext
from skam_core.ui.kit.text import md


@dataclass(frozen=True)
class FormField:
    """How one spec field appears in a form. ``label`` is a message key; ``options`` maps stored values to
    message keys (or plain labels) for choices; ``widget`` may force 'textarea', 'slider' or 'select'."""

    name: str
    label: str
    help: str | None = None
    widget: str | None = None
    options: Mapping[Any, str] | None = None  # value -> message key or label
    translate_options: bool = True


def _spec_field(table_name: str, name: str) -> Field:
    return next(f for f in SPECS[table_name] if f.name == name)


def field_errors_text(ctx: PageContext, errors) -> str:
    """Field problems in the user's language: 'Einfluss: 7 liegt über dem Maximum 5; Name: ist ein Pflichtfeld'."""
    catalog_ = catalog()
    parts = []
    for e in errors:
        label = ctx.t(f"field.{e.field}") if f"field.{e.field}" in catalog_ else e.field
        key = getattr(e, "key", None)
        message = ctx.t(f"spec.{key}", **e.params) if key and f"spec.{key}" in catalog_ else e.message
        parts.append(f"{label}: {message}")
    return "; ".join(parts)


def write_error_text(ctx: PageContext, exc: Exception) -> str:
    """A failed write as a plain sentence in the user's language (never a traceback)."""
    if isinstance(exc, PermissionDenied):
        return ctx.t("error.permission", detail=str(exc))
    if isinstance(exc, ValidationFailed):
        return ctx.t("error.validation", detail=field_errors_text(ctx, exc.errors))
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


def show_write_error(ctx: PageContext, exc: Exception) -> None:
    st.error(write_error_text(ctx, exc), icon=":material/error:")


def run_write(
    ctx: PageContext,
    fn: Callable[..., Any],
    *args: Any,
    done: str | None = None,
    rerun: bool = True,
    icon: str = ":material/check_circle:",
    **kwargs: Any,
) -> Any | None:
    """One write through a service, ``fn(*args, **kwargs)``. On failure: say why in plain words, return None.
    On success: fresh data everywhere (data version), the confirmation ``done`` as a toast (Streamlit keeps a
    toast across st.rerun), and — unless ``rerun=False`` — the page drawn again so that what is shown above
    includes the change. Returns the service's result (True when it returns nothing)."""
    try:
        result = fn(*args, **kwargs)
    except WRITE_ERRORS as exc:
        show_write_error(ctx, exc)
        return None
    bump_data_version()
    if done:
        st.toast(done, icon=icon)
    if rerun:
        st.rerun()
    return True if result is None else result


def save(
    ctx: PageContext,
    table_name: str,
    values: Mapping[str, Any],
    *,
    expected_valid_from: datetime | None = None,
    done: str | None = None,
    rerun: bool = False,
) -> bool:
    """Save through the service; on failure show why. Returns True when saved (``done``/``rerun``: run_write)."""
    return (
        run_write(
            ctx,
            save_item,
            ctx.store,
            ctx.user,
            table_name,
            values,
            expected_valid_from=expected_valid_from,
            done=done,
            rerun=rerun,
        )
        is not None
    )


def remove(
    ctx: PageContext, table_name: str, key_values: Mapping[str, Any], *, done: str | None = None, rerun: bool = False
) -> bool:
    """Remove through the service; on failure show why. Returns True when removed (``done``/``rerun``: run_write)."""
    return run_write(ctx, remove_item, ctx.store, ctx.user, table_name, key_values, done=done, rerun=rerun) is not None


def display_name(ctx: PageContext, user_id: str | None) -> str:
    """A user's display name (who entered or changed something); the id itself for someone not registered."""
    if not user_id or (isinstance(user_id, float) and pd.isna(user_id)):
        return "–"
    uid = str(user_id).lower()
    if uid == ctx.user.user_id:
        return ctx.user.name
    return ctx.user_names().get(uid, str(user_id))


def changed_text(ctx: PageContext, who: Any, when: Any) -> str:
    """Who changed something last and when: 'Sabine Becker · 12.03.2026 14:05'."""
    return f"{display_name(ctx, who)} · {ctx.fmt.timestamp(when)}"


def last_changes(ctx: PageContext, df: pd.DataFrame) -> list[str]:
    """``changed_text`` per row of versioned items (their changed_by and valid_from)."""
    if df.empty or "valid_from" not in df:
        return []
    return [changed_text(ctx, w, v) for w, v in zip(df["changed_by"], df["valid_from"], strict=True)]


def _input(ctx: PageContext, table_name: str, ff: FormField, current: Any, key: str) -> Any:
    f = _spec_field(table_name, ff.name)
    label = ctx.t(ff.label)
    help_ = ctx.t(ff.help) if ff.help else None
    if current is not None and isinstance(current, float) and pd.isna(current):
        current = None
    if ff.options is not None or f.kind == "choice":
        opts = ff.options or {c: c for c in (f.choices or ())}
        values = list(opts)
        if ff.widget == "radio":
            return st.radio(
                label,
                values,
                index=values.index(current) if current in values else 0,
                key=key,
                horizontal=True,
                help=help_,
                format_func=lambda v: ctx.t(opts[v]) if ff.translate_options else md(opts[v]),
            )
        idx = values.index(current) if current in values else (None if not f.required else 0)
        return st.selectbox(
            label,
            values,
            index=idx,
            key=key,
            help=help_,
            placeholder=ctx.t("edit.choose"),
            format_func=lambda v: ctx.t(opts[v]) if ff.translate_options else str(opts[v]),
        )
    if f.kind == "bool":
        return st.checkbox(label, value=bool(current), key=key, help=help_)
    if f.kind == "int":
        if ff.widget == "slider" and f.min is not None and f.max is not None:
            return st.slider(
                label, int(f.min), int(f.max), int(current if current is not None else f.min), key=key, help=help_
            )
        return st.number_input(
            label,
            value=None if current is None else int(current),
            step=1,
            min_value=None if f.min is None else int(f.min),
            max_value=None if f.max is None else int(f.max),
            key=key,
            help=help_,
        )
    if f.kind == "float":
        return st.number_input(
            label,
            value=None if current is None else float(current),
            key=key,
            help=help_,
            min_value=None if f.min is None else float(f.min),
            max_value=None if f.max is None else float(f.max),
            format="%.2f",
        )
    if f.kind in ("date", "month"):
        value = pd.Timestamp(current).date() if current is not None and not pd.isna(current) else None
        return st.date_input(label, value=value, key=key, help=help_, format=ctx.fmt.date_input_format)
    if ff.widget == "textarea":
        return st.text_area(label, value=current or "", key=key, help=help_, height=90)
    return st.text_input(label, value=current or "", key=key, help=help_)


def item_form(
    ctx: PageContext,
    table_name: str,
    fields: Sequence[FormField],
    *,
    key: str,
    current: Mapping[str, Any] | None = None,
    fixed: Mapping[str, Any] | None = None,
    submit_label: str = "edit.save",
    columns: int = 2,
    on_saved: Callable[[], None] | None = None,
    defaults: Mapping[str, Any] | None = None,
) -> bool:
    """A form for one item. ``fixed`` holds values the user does not edit (key, customer_id); a new item gets
    a fresh id. Saving passes the version the form was opened on, so a concurrent edit is reported, not lost."""
    fixed = dict(fixed or {})
    if current is None and "id" in item_key(table_name) and "id" not in fixed:
        fixed["id"] = new_item_id()
    expected = current.get("valid_from") if current else None
    with st.form(key, clear_on_submit=current is None, border=True):
        cols = st.columns(columns)
        values: dict[str, Any] = {}
        for i, ff in enumerate(fields):
            with cols[i % columns]:
                start = (current or defaults or {}).get(ff.name)  # a new item may start from defaults
                values[ff.name] = _input(ctx, table_name, ff, start, f"{key}.{ff.name}")
        submitted = st.form_submit_button(ctx.t(submit_label), type="primary", icon=":material/save:")
    if not submitted:
        return False
    payload = {**{k: (v if v != "" else None) for k, v in values.items()}, **fixed}
    if current:
        for k in item_key(table_name):
            payload.setdefault(k, current[k])
    ok = save(
        ctx,
        table_name,
        payload,
        expected_valid_from=pd.Timestamp(expected).to_pydatetime()
        if expected is not None and not pd.isna(expected)
        else None,
        done=ctx.t("edit.saved"),
    )
    if ok and on_saved:
        on_saved()
    return ok
