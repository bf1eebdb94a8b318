"""The plan-content files (stakeholders, opportunities, milestones from a CRM or project tool): each cell checked
by its field's spec (``domain.specs``, the rules of the forms), named in problems by the file's own header.

Files of this kind are small (a few thousand contacts or deals), so cells are checked one by one with the
spec's own coercion: a rule is written once. Numbers are read by the file's dialect; dates are ISO (a time
after the date is ignored, as CRMs export date-times) or in the mapping's ``date_format``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import numpy as np
import pandas as pd

from skam_core.domain.specs import SPECS, Field
from skam_core.domain.specs.base import SpecError
from skam_core.domain.validation import parse_iso_date, parse_month
from skam_core.io.columns import Problems, as_text, duplicated_rows, excel_rows, parse_numbers
from skam_core.io.crm_mapping import CrmMapping
from skam_core.io.import_files import OPTIONAL, REQUIRED
from skam_core.io.tabular import Dialect

# An opportunity's stage in the CRM, as far as the plan cares: a lost deal is no new business any more.
STAGES = ("open", "won", "lost")
STAGE = Field("stage", "choice", choices=STAGES)
KEYS = ("external_id", "customer_id")
LINK = "opportunity_external_id"  # milestones: the opportunity they belong to, by its external_id
_ISO_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.]*(?:Z|[+-]\d{2}:?\d{2})?)?$")


def plan_fields(kind: str) -> tuple[Field, ...]:
    """The spec fields a file of ``kind`` may set (its table's, without the keys and internal references)."""
    wanted = set(REQUIRED[kind] + OPTIONAL[kind]) - set(KEYS)
    fields = tuple(f for f in SPECS[kind] if f.name in wanted)
    return (*fields, STAGE) if kind == "opportunities" else fields


@dataclass
class PlanRows:
    """The file's items: ``keys`` (external_id, customer_id; indexed by Excel row) and, per row, the values the
    file sets. The empty cell of a column that cannot be empty (required, or with a default) is left out (a new
    item takes the mapping's or the spec's default, an existing one keeps its value); an optional column's
    empty cell is None (cleared)."""

    keys: pd.DataFrame
    values: list[dict[str, Any]]
    origin: dict[str, str] = field(default_factory=dict)

    def header(self, column: str) -> str:
        """The file's header behind a product column (for problems)."""
        return self.origin.get(column, column)

    @property
    def rows(self) -> np.ndarray:
        return excel_rows(self.keys.index)


def parse_day(text: str, formats: tuple[str, ...]) -> date:
    """An ISO date (a time after it ignored) or one in ``formats``; ValueError saying which forms are read."""
    m = _ISO_DAY.match(text)
    if m:
        return parse_iso_date(m[1])
    for fmt in formats:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    shown = " or ".join(("YYYY-MM-DD", *formats))
    raise ValueError(f"'{text}' is not a date ({shown})")


def _coercer(f: Field, formats: tuple[str, ...]) -> Callable[[str], Any]:
    if f.kind == "date":
        return lambda t: f.coerce(parse_day(t, formats))
    if f.kind == "month":
        return lambda t: parse_month(t) if re.fullmatch(r"\d{4}-\d{2}", t) else f.coerce(parse_day(t, formats))
    if f.kind == "choice":
        return lambda t: f.coerce(t.lower())
    return f.coerce


def _hint(f: Field, mapping: CrmMapping | None) -> str:
    if mapping is None or f.kind not in ("choice", "int", "bool"):
        return ""
    return f" (translate it under [values.{f.name}] in the mapping {mapping.name})"


def parse(
    df: pd.DataFrame,
    kind: str,
    dialect: Dialect,
    known: set[str],
    *,
    origin: dict[str, str] | None = None,
    mapping: CrmMapping | None = None,
) -> tuple[PlanRows, Problems]:
    """The file's items and every problem of its cells. ``known``: the customer ids in the store."""
    problems = Problems()
    origin = dict(origin or {})
    items = PlanRows(pd.DataFrame(index=df.index), [{} for _ in range(len(df))], origin)
    for key in KEYS:
        text = as_text(df[key])
        problems.add_mask(text == "", text, items.header(key), "is empty but required")
        items.keys[key] = text
    cid = items.keys["customer_id"]
    hint = " (translate the tool's account ids under [values.customer_id] in the mapping)" if mapping else ""
    problems.add_mask(
        (cid != "") & ~cid.isin(known), cid, items.header("customer_id"), "'{value}' is not a known customer" + hint
    )
    ext = items.keys["external_id"]
    problems.add_mask(
        duplicated_rows(items.keys, list(KEYS)) & (ext != ""),
        ext,
        items.header("external_id"),
        "'{value}' appears more than once for the same customer",
    )
    if LINK in df.columns:  # a milestone's opportunity, by its CRM id (resolved against the store later)
        link = as_text(df[LINK])
        for i, cell in enumerate(link):
            items.values[i][LINK] = cell or None
    formats = mapping.date_formats if mapping else ()
    rows = items.rows
    for f in plan_fields(kind):
        if f.name not in df.columns:
            continue
        text = as_text(df[f.name])
        header = items.header(f.name)
        cells: list[Any] = list(text)
        if f.kind in ("int", "float"):
            numbers, bad = parse_numbers(text, dialect.decimal)
            problems.add_mask(bad, text, header, "'{value}' is not a number" + _hint(f, mapping))
            cells = [None if b or t == "" else float(n) for t, n, b in zip(text, numbers, bad, strict=True)]
        coerce = _coercer(f, formats)
        for i, cell in enumerate(cells):
            if cell is None or cell == "":
                if not (f.required or f.default is not None):  # a column that cannot be empty keeps its value
                    items.values[i][f.name] = None
                continue
            try:
                items.values[i][f.name] = coerce(cell)
            except (SpecError, ValueError) as exc:
                problems.add(int(rows[i]), header, f"{exc}{_hint(f, mapping)}")
    return items, problems
