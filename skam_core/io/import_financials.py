"""The financials file: monthly revenue and operating profit, millions of rows, validated column-wise."""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd

from skam_core.io.columns import (
    Problems,
    as_text,
    duplicated_months,
    duplicated_rows,
    excel_rows,
    known_customers,
    parse_months_in_range,
    require_not_empty,
    required_numbers,
)
from skam_core.io.known_since import KnownSince, knowledge_instants
from skam_core.io.tabular import Dialect


def parse(
    df: pd.DataFrame,
    dialect: Dialect,
    known: set[str],
    *,
    today: date,
    now: datetime,
    known_since: KnownSince | None = None,
) -> tuple[pd.DataFrame, Problems]:
    """The rows to store (customer_id, month, revenue, operating_profit, file_row, and valid_from for a history
    load: ``known_since`` or a ``known_since`` column) and every problem; ``known`` are the customer ids in the
    store."""
    problems = Problems()
    cid = as_text(df["customer_id"])
    require_not_empty(cid, "customer_id", problems)
    numbered = known_customers(cid, known, problems)
    month_text = as_text(df["month"])
    require_not_empty(month_text, "month", problems)
    months, bad = parse_months_in_range(month_text, "month", problems)
    problems.add_mask(bad, month_text, "month", "'{value}' is not a month YYYY-MM (or a date in that month)")
    revenue, rev_text = required_numbers(df, "revenue", dialect.decimal, problems)
    problems.add_mask(revenue < 0, rev_text, "revenue", "{value} is negative; revenue must be >= 0")
    profit, _ = required_numbers(df, "operating_profit", dialect.decimal, problems)
    if numbered is not None:
        dup = duplicated_months(numbered, months)
    else:  # unknown or empty ids (problems already): grouped by their text
        key = pd.DataFrame({"c": cid, "m": months})
        dup = (duplicated_rows(key, ["c", "m"]) & months.notna() & (cid != "")).to_numpy()
    if dup.any():  # the shown values only where needed: joining 6 M pairs of cells took most of a second
        shown = pd.Series("", index=cid.index, dtype=object)
        shown[dup] = cid[dup] + " " + month_text[dup]
        problems.add_mask(dup, shown, "month", "'{value}': the same customer and month appear more than once")
    instants = knowledge_instants(df, "financials", known_since, months, today, now, problems)
    if problems:
        return pd.DataFrame(), problems
    # The month stays datetime64 (the store casts it to DATE): Python date objects for millions of rows took
    # seconds to make and more for DuckDB to read.
    rows = pd.DataFrame(
        {
            "customer_id": cid,
            "month": months,
            "revenue": revenue,
            "operating_profit": profit,
            "file_row": excel_rows(df.index),  # as Excel counts (blank lines before a row included)
        }
    )
    if instants is not None:
        rows["valid_from"] = instants
    return rows, problems
