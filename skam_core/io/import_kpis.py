"""The KPI values file: entries for KPIs of the accounts' plans, checked by the rules of the entry form."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from skam_core.analytics.kpi_entry import COMMENT_MAX, effective_range
from skam_core.io.columns import (
    Problems,
    as_text,
    check_year_range,
    duplicated_rows,
    known_customers,
    parse_months,
    require_not_empty,
    required_numbers,
)
from skam_core.io.tabular import Dialect


def parse(
    df: pd.DataFrame, dialect: Dialect, catalog: pd.DataFrame, known: set[str], today: date
) -> tuple[pd.DataFrame, Problems]:
    """The entries to append (kpi_id, customer_id, period, value, comment; one per file row, in file order) and
    every problem. ``catalog``: the current KPI definitions (``storage.imports.kpi_catalog``); ``known``: the
    customer ids in the store; ``today``: no period beyond its month."""
    problems = Problems()
    cid = as_text(df["customer_id"])
    kpi = as_text(df["kpi"])
    require_not_empty(cid, "customer_id", problems)
    require_not_empty(kpi, "kpi", problems)
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
    check_year_range(period_text, "period", problems)
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
    comment = as_text(df["comment"]) if "comment" in df.columns else pd.Series("", index=df.index)
    problems.add_mask(
        (comment.str.len() > COMMENT_MAX).to_numpy(),
        comment.str.slice(0, 40) + "…",
        "comment",
        f"'{{value}}' is longer than {COMMENT_MAX} characters",
    )
    rows = pd.DataFrame(
        {
            "kpi_id": kpi_ids,
            "customer_id": cid,
            "period": periods.dt.date,
            "value": values,
            "comment": comment.where(comment != "", None),
        }
    )
    return rows, problems
