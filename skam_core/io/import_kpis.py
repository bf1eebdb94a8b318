"""The KPI values import: append-only entries for KPIs of the accounts' plans."""

from __future__ import annotations

import uuid

import numpy as np
import pandas as pd

from skam_core.analytics.kpi_entry import COMMENT_MAX, effective_range
from skam_core.domain.enums import Role
from skam_core.domain.users import may_edit_account
from skam_core.io.columns import (
    Problems,
    as_text,
    duplicated_rows,
    known_customers,
    parse_months,
    require_not_empty,
    required_numbers,
)
from skam_core.io.importer import ImportJob, finish
from skam_core.storage import imports as sql
from skam_core.storage.versioned import utc_now


def run(job: ImportJob) -> None:
    store, user, df, dialect, result = job.store, job.user, job.frame, job.dialect, job.result
    dry_run, today = job.dry_run, job.today
    problems = Problems()
    cid = as_text(df["customer_id"])
    kpi = as_text(df["kpi"])
    require_not_empty(cid, "customer_id", problems)
    require_not_empty(kpi, "kpi", problems)
    with store.cursor() as cur:
        catalog = sql.kpi_catalog(cur)
        customers = sql.current_customers(cur).set_index("customer_id")
    known = set(customers.index)
    known_customers(cid, known, problems)
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
    values, val_text = required_numbers(df, "value", dialect.decimal, problems)
    # The range the entry form and the service apply (a percentage without its own range is 0-100).
    ranges = [effective_range(m._asdict()) if m is not None else (None, None) for m in matched]
    lo = pd.Series([np.nan if r[0] is None else r[0] for r in ranges], index=df.index, dtype="float64")
    hi = pd.Series([np.nan if r[1] is None else r[1] for r in ranges], index=df.index, dtype="float64")
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
    problems.add_mask(
        (comment.str.len() > COMMENT_MAX).to_numpy(),
        comment.str.slice(0, 40) + "…",
        "comment",
        f"'{{value}}' is longer than {COMMENT_MAX} characters",
    )
    if not finish(problems, result):
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
