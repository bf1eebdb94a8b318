"""What an import file is: its kinds and columns, the result an import reports, reading a file and checking
its header. No store, no permission: the writing (and who may) is ``services.imports``.

Problems are listed as ``row N, column C: what is wrong`` (the header is row 1, as Excel counts).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from skam_core.io.columns import Problems
from skam_core.io.crm_mapping import CrmMapping
from skam_core.io.tabular import Dialect, FileProblem, read_table

# Plan content from a CRM or project tool: matched by (customer_id, external_id), optionally through a mapping
# of the tool's headers and values (``io.crm_mapping``).
PLAN_KINDS = ("stakeholders", "opportunities", "milestones")
KINDS = ("customers", "financials", "kpis", *PLAN_KINDS)
REQUIRED = {
    "customers": ("customer_id", "name"),
    "financials": ("customer_id", "month", "revenue", "operating_profit"),
    "kpis": ("customer_id", "kpi", "period", "value"),
    "stakeholders": ("external_id", "customer_id", "name"),
    "opportunities": ("external_id", "customer_id", "title"),
    "milestones": ("external_id", "customer_id", "title"),
}
OPTIONAL = {
    "customers": (
        "industry",
        "region",
        "country",
        "segment",
        "skam_stage",
        "skam_start",
        "account_manager",
        "known_since",
    ),
    "financials": ("known_since",),
    "kpis": ("comment", "known_since"),
    # Required for a new item (from the file or the mapping's defaults): function, influence, attitude; type;
    # due. ``stage`` lost removes an opportunity from the plan.
    "stakeholders": (
        "job_title",
        "function",
        "influence",
        "attitude",
        "long_term_responsibility",
        "last_contact",
        "our_contact",
        "known_since",
    ),
    "opportunities": (
        "type",
        "stage",
        "description",
        "customer_value_eur",
        "our_revenue_eur",
        "our_margin_pct",
        "effort_person_days",
        "effort_cost_eur",
        "start_month",
        "duration_months",
        "copy_risk",
        "copy_risk_reason",
        "known_since",
    ),
    # opportunity_external_id: the opportunity (imported before, same account) the milestone belongs to.
    "milestones": (
        "owner",
        "start_date",
        "due",
        "status",
        "completed_on",
        "comment",
        "opportunity_external_id",
        "known_since",
    ),
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
    changes: list[str] = field(default_factory=list)  # the first few additions and changes, by row (plan kinds)
    more_changes: int = 0  # how many more there are

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        verb = "imported" if self.written else "checked (dry run, nothing written)"
        if not self.written and self.rows == 0:
            verb = "read (no data rows, nothing written)"
        return (
            f"{self.kind}: {self.rows} rows {verb}: {self.added} added, {self.changed} changed, "
            f"{self.unchanged} unchanged"
        )


def _check_columns(df: pd.DataFrame, kind: str, result: ImportResult, *, mapped: bool = False) -> bool:
    cols = list(df.columns)
    for c in REQUIRED[kind]:
        if c not in cols:
            result.problems.append(f"row 1, column {c}: required column is missing")
    dup = {c for c in cols if cols.count(c) > 1}
    for c in sorted(dup):
        result.problems.append(f"row 1, column {c}: the column appears more than once")
    extra = [c for c in cols if c not in REQUIRED[kind] + OPTIONAL[kind]]
    if extra and not mapped:
        result.warnings.append(f"ignored column(s) not used by the {kind} import: {', '.join(extra)}")
    return not result.problems


def read_import_file(
    kind: str,
    source: Path | str | bytes,
    result: ImportResult,
    *,
    name: str | None = None,
    mapping: CrmMapping | None = None,
    origin: dict[str, str] | None = None,
) -> tuple[pd.DataFrame, Dialect] | None:
    """The file's rows and dialect, or None when there is nothing to import: the file cannot be read or its
    header is wrong (problems in ``result``), or it has no data rows (a warning). Counts ``result.rows``.

    With a ``mapping`` (plan kinds) the rows come as the product's columns, read from the file's through the
    mapping; ``origin`` (when given) receives the file's header behind each column, for the problems."""
    if kind not in KINDS:
        raise ValueError(f"unknown import kind {kind!r}; use one of {', '.join(KINDS)}")
    try:
        df, dialect = read_table(source, name=name, required=REQUIRED[kind] if mapping is None else ())
    except FileProblem as exc:
        result.problems.extend(exc.lines())
        return None
    result.rows = len(df)
    if mapping is not None:
        n_file = len(df.columns)
        df, headers, problems = mapping.apply(df, REQUIRED[kind])
        if problems:
            result.problems.extend(problems)
            return None
        if origin is not None:
            origin.update(headers)
        used = {h.lower() for joined in headers.values() for h in joined.split(" + ")}
        unused = n_file - len(used)
        if unused > 0:
            result.warnings.append(f"{unused} column(s) of the file are not used by the mapping {mapping.name}")
    if not _check_columns(df, kind, result, mapped=mapping is not None):
        return None
    if df.empty:
        result.warnings.append("the file has a header but no data rows")
        return None
    return df, dialect


def finish(problems: Problems, result: ImportResult) -> bool:
    """Move the collected problems (sorted by row and column) into ``result``; True when there were none."""
    if problems:
        result.problems.extend(str(p) for p in problems.sorted())
        return False
    return True
