"""Imports of customers, financials and KPI values: validate everything first, then write all or nothing.

Each import returns an ImportResult. With problems, nothing is written and every problem is listed as
``row N, column C: what is wrong``. Re-importing the same file adds no versions (values are compared with the
current ones).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

from skam_core.domain import clock
from skam_core.domain.enums import Role
from skam_core.domain.users import PermissionDenied, User
from skam_core.io.columns import (
    Problems,
)
from skam_core.io.tabular import Dialect, FileProblem, read_table
from skam_core.storage.db import Store

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


@dataclass
class ImportJob:
    """One validated-header file on its way in: what every kind's ``run`` needs."""

    store: Store
    user: User
    frame: pd.DataFrame
    dialect: Dialect
    result: ImportResult
    dry_run: bool
    today: date
    progress: Progress


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
    from skam_core.io import import_customers, import_financials, import_kpis  # each kind in its own module

    module = {"customers": import_customers, "financials": import_financials, "kpis": import_kpis}[kind]
    module.run(ImportJob(store, user, df, dialect, result, dry_run, today or clock.today(), progress))
    progress(1.0, "done")
    return result


def finish(problems: Problems, result: ImportResult) -> bool:
    if problems:
        result.problems.extend(str(p) for p in problems.sorted())
        return False
    return True
