"""The customers file: master data and programme membership, checked cell by cell against the customers spec."""

from __future__ import annotations

import pandas as pd

from skam_core.domain.specs import SPECS, Field
from skam_core.domain.validation import EMAIL_PATTERN
from skam_core.io.columns import (
    Problems,
    as_text,
    check_year_range,
    duplicated_rows,
    parse_dates,
    require_not_empty,
)
from skam_core.io.import_files import OPTIONAL, REQUIRED


def _column(f: Field, text: pd.Series, problems: Problems) -> pd.Series:
    """One column checked cell by cell against its field's spec (``SPECS["customers"]``), as the values to
    store: empty optional cells become None (the stage its default)."""
    if f.required:
        require_not_empty(text, f.name, problems)
    filled = text != ""
    if f.kind == "text":
        problems.add_mask(text.str.len() > f.max_len, text, f.name, f"is longer than {f.max_len} characters")
        if f.pattern:
            problems.add_mask(
                filled & ~text.str.fullmatch(f.pattern), text, f.name, f"'{{value}}' is not in the form {f.example}"
            )
        return text if f.required else text.where(filled, None)
    if f.kind == "choice":
        choices = [str(c) for c in f.choices or ()]
        value = text.str.lower()
        problems.add_mask(filled & ~value.isin(choices), text, f.name, "'{value}' is not one of " + "|".join(choices))
        return value.where(filled, f.default)
    if f.kind == "email":
        value = text.str.lower()
        problems.add_mask(filled & ~value.str.match(EMAIL_PATTERN), text, f.name, "'{value}' is not an e-mail address")
        return value.where(filled, None)
    if f.kind == "date":
        dates, bad = parse_dates(text)
        problems.add_mask(bad, text, f.name, "'{value}' is not an ISO date YYYY-MM-DD")
        check_year_range(text, f.name, problems)
        return dates
    raise AssertionError(f"the customers import has no check for {f.kind} fields")


def parse(df: pd.DataFrame) -> tuple[pd.DataFrame, Problems]:
    """The file's customers as the values to store (only the columns the file names), and every problem."""
    problems = Problems()
    t = {c: as_text(df[c]) for c in df.columns if c in REQUIRED["customers"] + OPTIONAL["customers"]}
    clean = pd.DataFrame({f.name: _column(f, t[f.name], problems) for f in SPECS["customers"] if f.name in t})
    problems.add_mask(
        duplicated_rows(pd.DataFrame({"id": t["customer_id"]}), ["id"]) & (t["customer_id"] != ""),
        t["customer_id"],
        "customer_id",
        "'{value}' appears more than once in the file",
    )
    return clean, problems
