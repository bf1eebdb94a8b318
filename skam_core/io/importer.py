"""Imports of customers, financials and KPI values: validate everything first, then write all or nothing.

Each import returns an ImportResult. With problems, nothing is written and every problem is listed as
``row N, column C: what is wrong``. Re-importing the same file adds no versions (values are compared with the
current ones).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from skam_core.domain.enums import Role, Stage
from skam_core.domain.users import PermissionDenied, User, may_edit_account
from skam_core.io.columns import (
    Problems,
    as_text,
    duplicated_rows,
    parse_dates,
    parse_months,
    parse_numbers,
    require_not_empty,
)
from skam_core.io.tabular import Dialect, FileProblem, read_table
from skam_core.storage import imports as sql
from skam_core.storage.db import Store
from skam_core.storage.queries import profit as aggregates
from skam_core.storage.versioned import utc_now

KINDS = ("customers", "financials", "kpis")
REQUIRED = {
    "customers": ("customer_id", "name"),
    "financials": ("customer_id", "month", "revenue", "operating_profit"),
    "kpis": ("customer_id", "kpi", "period", "value"),
}
OPTIONAL = {
    "customers": ("industry", "region", "country", "segment", "skam_stage", "skam_start", "account_manager"),
    "financials": (),
    "kpis": ("comment",),
}
Progress = Callable[[float, str], None]


@dataclass
class ImportResult:
    kind: str
    rows: int = 0
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    written: bool = False
    warnings: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        verb = "imported" if self.written else "checked (dry run, nothing written)"
        return (
            f"{self.kind}: {self.rows} rows {verb}: {self.added} added, {self.changed} changed, "
            f"{self.unchanged} unchanged"
        )


def _noop(_: float, __: str) -> None:
    pass


def _check_columns(df: pd.DataFrame, kind: str, result: ImportResult) -> bool:
    cols = list(df.columns)
    for c in REQUIRED[kind]:
        if c not in cols:
            result.problems.append(f"row 1, column {c}: required column is missing")
    dup = {c for c in cols if cols.count(c) > 1}
    for c in sorted(dup):
        result.problems.append(f"row 1, column {c}: the column appears more than once")
    extra = [c for c in cols if c not in REQUIRED[kind] + OPTIONAL[kind]]
    if extra:
        result.warnings.append(f"ignored column(s) not used by the {kind} import: {', '.join(extra)}")
    return not result.problems


def run_import(
    store: Store,
    user: User,
    kind: str,
    source: Path | str | bytes,
    *,
    name: str | None = None,
    dry_run: bool = False,
    today: date | None = None,
    progress: Progress = _noop,
) -> ImportResult:
    """Validate and (unless dry_run) write one file. Never raises for bad content: problems are returned."""
    if kind not in KINDS:
        raise ValueError(f"unknown import kind {kind!r}; use one of {', '.join(KINDS)}")
    if user.role is Role.VIEWER:
        raise PermissionDenied(f"{user.user_id} is a viewer and may not import.")
    if kind != "kpis" and user.role is not Role.ADMIN:
        raise PermissionDenied(f"Only admins may import {kind}.")
    result = ImportResult(kind)
    progress(0.0, "read")
    try:
        df, dialect = read_table(source, name=name)
    except FileProblem as exc:
        result.problems.append(f"row 1, column -: {exc}")
        return result
    result.rows = len(df)
    if not _check_columns(df, kind, result):
        return result
    if df.empty:
        result.warnings.append("the file has a header but no data rows")
        return result
    progress(0.2, "validate")
    importer = {"customers": _customers, "financials": _financials, "kpis": _kpis}[kind]
    importer(store, user, df, dialect, result, dry_run=dry_run, today=today or date.today(), progress=progress)
    progress(1.0, "done")
    return result


def _finish(problems: Problems, result: ImportResult) -> bool:
    if problems:
        result.problems.extend(str(p) for p in problems.sorted())
        return False
    return True


# -- customers ---------------------------------------------------------------------------------------------
def _customers(
    store: Store,
    user: User,
    df: pd.DataFrame,
    dialect: Dialect,
    result: ImportResult,
    *,
    dry_run: bool,
    today: date,
    progress: Progress,
) -> None:
    problems = Problems()
    t = {c: as_text(df[c]) for c in df.columns if c in REQUIRED["customers"] + OPTIONAL["customers"]}
    require_not_empty(t["customer_id"], "customer_id", problems)
    problems.add_mask(t["customer_id"].str.len() > 64, t["customer_id"], "customer_id", "is longer than 64 characters")
    problems.add_mask(
        duplicated_rows(pd.DataFrame({"id": t["customer_id"]}), ["id"]) & (t["customer_id"] != ""),
        t["customer_id"],
        "customer_id",
        "'{value}' appears more than once in the file",
    )
    require_not_empty(t["name"], "name", problems)
    clean = pd.DataFrame({"customer_id": t["customer_id"], "name": t["name"]})
    for c in ("industry", "region", "country", "segment"):
        if c in t:
            clean[c] = t[c].where(t[c] != "", None)
    if "skam_stage" in t:
        stage = t["skam_stage"].str.lower()
        problems.add_mask(
            ~stage.isin([s.value for s in Stage] + [""]),
            t["skam_stage"],
            "skam_stage",
            "'{value}' is not one of " + "|".join(s.value for s in Stage),
        )
        clean["skam_stage"] = stage.where(stage != "", "none")
    if "skam_start" in t:
        starts, bad = parse_dates(t["skam_start"])
        problems.add_mask(bad, t["skam_start"], "skam_start", "'{value}' is not an ISO date YYYY-MM-DD")
        clean["skam_start"] = starts
    if "account_manager" in t:
        am = t["account_manager"].str.lower()
        problems.add_mask(
            (am != "") & ~am.str.match(r"^[^@\s]+@[^@\s]+\.[^@\s]+$"),
            t["account_manager"],
            "account_manager",
            "'{value}' is not an e-mail address",
        )
        clean["account_manager"] = am.where(am != "", None)
    if not _finish(problems, result):
        return
    progress(0.5, "compare")

    def work(cur) -> None:
        current = sql.current_customers(cur).set_index("customer_id")
        present = [c for c in sql.CUSTOMER_COLUMNS if c in clean.columns and c != "customer_id"]
        incoming = clean.set_index("customer_id")
        is_new = ~incoming.index.isin(current.index)
        if is_new.any() and "skam_stage" not in incoming.columns:
            incoming["skam_stage"] = incoming.get("skam_stage", "none")
        # Absent columns keep their current value; new customers get NULL (stage 'none').
        full = incoming.reindex(columns=[c for c in sql.CUSTOMER_COLUMNS if c != "customer_id"])
        cur_aligned = current.reindex(incoming.index)
        for c in full.columns:
            if c not in present:
                full[c] = cur_aligned[c]
        full["skam_stage"] = full["skam_stage"].fillna("none")
        changed = np.zeros(len(full), dtype=bool)
        for c in full.columns:
            a, b = full[c], cur_aligned[c]
            if c == "skam_start":
                a, b = pd.to_datetime(a), pd.to_datetime(b)
            differs = ~((a == b) | (a.isna() & b.isna()))
            changed |= differs.to_numpy()
        changed &= ~is_new
        result.added = int(is_new.sum())
        result.changed = int(changed.sum())
        result.unchanged = len(full) - result.added - result.changed
        if dry_run:
            return
        to_write = full[is_new | changed].reset_index()
        sql.write_customer_versions(cur, to_write, user_id=user.user_id, now=utc_now())
        result.written = True

    store.transaction(work)


# -- financials --------------------------------------------------------------------------------------------
def _financials(
    store: Store,
    user: User,
    df: pd.DataFrame,
    dialect: Dialect,
    result: ImportResult,
    *,
    dry_run: bool,
    today: date,
    progress: Progress,
) -> None:
    problems = Problems()
    cid = as_text(df["customer_id"])
    require_not_empty(cid, "customer_id", problems)
    with store.cursor() as cur:
        known = sql.known_customer_ids(cur)
    problems.add_mask((cid != "") & ~cid.isin(known), cid, "customer_id", "'{value}' is not a known customer")
    month_text = as_text(df["month"])
    require_not_empty(month_text, "month", problems)
    months, bad = parse_months(month_text)
    problems.add_mask(bad, month_text, "month", "'{value}' is not a month YYYY-MM (or a date in that month)")
    rev_text = as_text(df["revenue"])
    require_not_empty(rev_text, "revenue", problems)
    revenue, bad = parse_numbers(rev_text, dialect.decimal)
    problems.add_mask(bad, rev_text, "revenue", "'{value}' is not a number")
    problems.add_mask(revenue < 0, rev_text, "revenue", "{value} is negative; revenue must be >= 0")
    op_text = as_text(df["operating_profit"])
    require_not_empty(op_text, "operating_profit", problems)
    profit, bad = parse_numbers(op_text, dialect.decimal)
    problems.add_mask(bad, op_text, "operating_profit", "'{value}' is not a number")
    key = pd.DataFrame({"c": cid, "m": months})
    dup = duplicated_rows(key, ["c", "m"]) & months.notna() & (cid != "")
    problems.add_mask(
        dup, cid + " " + month_text, "month", "'{value}': the same customer and month appear more than once"
    )
    if not _finish(problems, result):
        return
    progress(0.5, "compare")
    rows = pd.DataFrame({"customer_id": cid, "month": months.dt.date, "revenue": revenue, "operating_profit": profit})

    def work(cur) -> None:
        sql.stage_financials(cur, rows)
        counts = sql.diff_financials(cur)
        result.added, result.changed, result.unchanged = counts["added"], counts["changed"], counts["unchanged"]
        if dry_run:
            return
        progress(0.7, "write")
        sql.apply_financials(cur, user_id=user.user_id, now=utc_now())
        aggregates.rebuild_aggregates(cur, today)  # the profit page's monthly totals, in the same transaction
        result.written = True

    store.transaction(work)
    if result.written and len(rows) > 100_000:
        store.checkpoint()


# -- KPI values --------------------------------------------------------------------------------------------
def _kpis(
    store: Store,
    user: User,
    df: pd.DataFrame,
    dialect: Dialect,
    result: ImportResult,
    *,
    dry_run: bool,
    today: date,
    progress: Progress,
) -> None:
    problems = Problems()
    cid = as_text(df["customer_id"])
    kpi = as_text(df["kpi"])
    require_not_empty(cid, "customer_id", problems)
    require_not_empty(kpi, "kpi", problems)
    with store.cursor() as cur:
        catalog = sql.kpi_catalog(cur)
        customers = sql.current_customers(cur).set_index("customer_id")
    known = set(customers.index)
    problems.add_mask((cid != "") & ~cid.isin(known), cid, "customer_id", "'{value}' is not a known customer")
    # A KPI is named by its id or its name within the account's plan (case-insensitive).
    by_id = {(r.customer_id, r.id.lower()): r for r in catalog.itertuples()}
    by_name = {(r.customer_id, r.name.strip().lower()): r for r in catalog.itertuples()}
    matched = [by_id.get((c, k.lower())) or by_name.get((c, k.lower())) for c, k in zip(cid, kpi, strict=True)]
    unmatched = np.array([m is None for m in matched]) & (cid.isin(known) & (kpi != "")).to_numpy()
    problems.add_mask(unmatched, kpi, "kpi", "'{value}' is not a KPI defined in that account's plan")
    period_text = as_text(df["period"])
    require_not_empty(period_text, "period", problems)
    periods, bad = parse_months(period_text)
    problems.add_mask(bad, period_text, "period", "'{value}' is not a period YYYY-MM")
    this_month = pd.Timestamp(today.replace(day=1))
    problems.add_mask(periods > this_month, period_text, "period", "{value} lies in the future")
    val_text = as_text(df["value"])
    require_not_empty(val_text, "value", problems)
    values, bad = parse_numbers(val_text, dialect.decimal)
    problems.add_mask(bad, val_text, "value", "'{value}' is not a number")
    lo = pd.Series([m.min_value if m is not None else np.nan for m in matched], index=df.index, dtype="float64")
    hi = pd.Series([m.max_value if m is not None else np.nan for m in matched], index=df.index, dtype="float64")
    problems.add_mask(values < lo, val_text, "value", "{value} is below the KPI's minimum")
    problems.add_mask(values > hi, val_text, "value", "{value} is above the KPI's maximum")
    kpi_ids = pd.Series([m.id if m is not None else "" for m in matched], index=df.index)
    dup = duplicated_rows(pd.DataFrame({"k": kpi_ids, "p": periods}), ["k", "p"]) & (kpi_ids != "")
    problems.add_mask(dup, kpi + " " + period_text, "period", "'{value}': the same KPI and period appear twice")
    if user.role is Role.ACCOUNT_MANAGER:
        foreign = cid.isin(known) & ~cid.map(
            lambda c: may_edit_account(user.role, user.user_id, customers["account_manager"].get(c))
        )
        problems.add_mask(foreign, cid, "customer_id", "'{value}' is not one of your accounts")
    comment = as_text(df["comment"]) if "comment" in df.columns else pd.Series("", index=df.index)
    if not _finish(problems, result):
        return
    rows = pd.DataFrame(
        {
            "kpi_id": kpi_ids,
            "customer_id": cid,
            "period": periods.dt.date,
            "value": values,
            "comment": comment.where(comment != "", None),
        }
    )

    def work(cur) -> None:
        latest = sql.latest_kpi_values(cur, sorted(set(rows["kpi_id"])))
        latest["period"] = pd.to_datetime(latest["period"]).dt.date
        merged = rows.merge(latest, on=["kpi_id", "period"], how="left", suffixes=("", "_cur"))
        is_new = merged["value_cur"].isna()
        same = (
            ~is_new
            & (merged["value"] == merged["value_cur"])
            & ((merged["comment"] == merged["comment_cur"]) | (merged["comment"].isna() & merged["comment_cur"].isna()))
        )
        result.added = int(is_new.sum())
        result.changed = int((~is_new & ~same).sum())
        result.unchanged = int(same.sum())
        if dry_run:
            return
        out = merged[~same].copy()
        out["entry_id"] = [uuid.uuid4().hex[:16] for _ in range(len(out))]
        out["entered_by"] = user.user_id
        out["entered_at"] = utc_now()
        sql.append_kpi_entries(cur, out)
        result.written = True

    store.transaction(work)
