"""The financials import: monthly revenue and operating profit, millions of rows, validated column-wise."""

from __future__ import annotations

import pandas as pd

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
from skam_core.storage.queries import profit as aggregates
from skam_core.storage.versioned import utc_now


def run(job: ImportJob) -> None:
    store, user, df, dialect, result = job.store, job.user, job.frame, job.dialect, job.result
    dry_run, today, progress = job.dry_run, job.today, job.progress
    problems = Problems()
    cid = as_text(df["customer_id"])
    require_not_empty(cid, "customer_id", problems)
    with store.cursor() as cur:
        known_customers(cid, sql.known_customer_ids(cur), problems)
    month_text = as_text(df["month"])
    require_not_empty(month_text, "month", problems)
    months, bad = parse_months(month_text)
    problems.add_mask(bad, month_text, "month", "'{value}' is not a month YYYY-MM (or a date in that month)")
    revenue, rev_text = required_numbers(df, "revenue", dialect.decimal, problems)
    problems.add_mask(revenue < 0, rev_text, "revenue", "{value} is negative; revenue must be >= 0")
    profit, _ = required_numbers(df, "operating_profit", dialect.decimal, problems)
    key = pd.DataFrame({"c": cid, "m": months})
    dup = duplicated_rows(key, ["c", "m"]) & months.notna() & (cid != "")
    problems.add_mask(
        dup, cid + " " + month_text, "month", "'{value}': the same customer and month appear more than once"
    )
    if not finish(problems, result):
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
