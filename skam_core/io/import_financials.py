"""The financials file: monthly revenue and operating profit, millions of rows, validated column-wise."""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd

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
    """The rows to store (customer_id, month, revenue, operating_profit, and valid_from for a history load:
    ``known_since`` or a ``known_since`` column) and every problem; ``known`` are the customer ids in the
    store."""
    problems = Problems()
    cid = as_text(df["customer_id"])
    require_not_empty(cid, "customer_id", problems)
    known_customers(cid, known, problems)
    month_text = as_text(df["month"])
    require_not_empty(month_text, "month", problems)
    months, bad = parse_months(month_text)
    problems.add_mask(bad, month_text, "month", "'{value}' is not a month YYYY-MM (or a date in that month)")
    check_year_range(month_text, "month", problems)
    revenue, rev_text = required_numbers(df, "revenue", dialect.decimal, problems)
    problems.add_mask(revenue < 0, rev_text, "revenue", "{value} is negative; revenue must be >= 0")
    profit, _ = required_numbers(df, "operating_profit", dialect.decimal, problems)
    key = pd.DataFrame({"c": cid, "m": months})
    dup = duplicated_rows(key, ["c", "m"]) & months.notna() & (cid != "")
    problems.add_mask(
        dup, cid + " " + month_text, "month", "'{value}': the same customer and month appear more than once"
    )
    instants = knowledge_instants(df, "financials", known_since, months, today, now, problems)
    if problems:
        return pd.DataFrame(), problems
    # The month stays datetime64 (the store casts it to DATE): Python date objects for millions of rows took
    # seconds to make and more for DuckDB to read.
    rows = pd.DataFrame({"customer_id": cid, "month": months, "revenue": revenue, "operating_profit": profit})
    if instants is not None:
        rows["valid_from"] = instants
    return rows, problems
