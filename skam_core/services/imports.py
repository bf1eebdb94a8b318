"""Imports of customers, financials and KPI values: the one write path for files, whoever calls it (the CLI,
the admin page, the benchmark).

``import_file`` reads and validates the whole file first (``skam_core.io``), then writes all or nothing in one
transaction, which checks the acting user's permission again before it writes (``services.access``). With
problems nothing is written and every problem is listed as ``row N, column C: what is wrong``; a refused user
gets PermissionDenied and the store is unchanged. Re-importing the same file adds no versions (values are
compared with the current ones).

Who may import: customers and financials admins only; KPI values and plan content (stakeholders, opportunities,
milestones) whoever may edit the account: admins on every account, account managers on the accounts they
manage (a row of another account is a problem of that row); executives and viewers nothing.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import numpy as np
import pandas as pd

from skam_core.domain import clock
from skam_core.domain.users import PermissionDenied, User
from skam_core.io import import_customers, import_financials, import_kpis
from skam_core.io.columns import Problems
from skam_core.io.crm_mapping import CrmMapping
from skam_core.io.import_files import KINDS, PLAN_KINDS, ImportResult, Progress, finish, read_import_file
from skam_core.io.known_since import COLUMN, KnownSince, knowledge_instants
from skam_core.io.tabular import Dialect
from skam_core.services.access import require_import
from skam_core.services.plan_imports import not_editable as _not_editable
from skam_core.services.plan_imports import write_plan
from skam_core.storage import imports as sql
from skam_core.storage import versioned
from skam_core.storage.cursor import Cursor
from skam_core.storage.db import Store
from skam_core.storage.queries import profit as aggregates
from skam_core.storage.versioned import utc_now

__all__ = ["KINDS", "ImportResult", "KnownSince", "import_file"]


def _noop(_: float, __: str) -> None:
    pass


def import_file(
    store: Store,
    user: User,
    kind: str,
    source: Path | str | bytes,
    *,
    name: str | None = None,
    dry_run: bool = False,
    today: date | None = None,
    known_since: KnownSince | None = None,
    mapping: CrmMapping | None = None,
    progress: Progress = _noop,
) -> ImportResult:
    """Validate and (unless dry_run) write one file (a path, or the bytes of an upload with its ``name`` for the
    extension). Never raises for bad content: problems are returned. Raises PermissionDenied when ``user`` may
    not import this kind (before the file is read, and again inside the writing transaction), ValueError for an
    unknown kind, WriteConflictError after bounded retries.

    ``known_since`` (or a ``known_since`` column) back-dates the versions to when the rows became known
    (``skam_core.io.known_since``); a back-dated correction must still be newer than the version it replaces.

    ``mapping`` (plan kinds: stakeholders, opportunities, milestones) reads a CRM's export through its header and
    value translations (``skam_core.io.crm_mapping``); ``services.plan_imports`` writes them."""
    if kind not in KINDS:
        raise ValueError(f"unknown import kind {kind!r}; use one of {', '.join(KINDS)}")
    if mapping is not None and kind not in PLAN_KINDS:
        raise ValueError(f"a mapping applies to {', '.join(PLAN_KINDS)} only, not to {kind}")
    require_import(user, kind)
    result = ImportResult(kind)
    progress(0.0, "read")
    origin: dict[str, str] = {}
    read = read_import_file(kind, source, result, name=name, mapping=mapping, origin=origin)
    if read is None:
        return result
    df, dialect = read
    del read
    progress(0.2, "validate")
    job = _Job(today or clock.today(), utc_now(), known_since, dry_run)
    if kind in PLAN_KINDS:
        write_plan(
            store,
            user,
            kind,
            df,
            dialect,
            result,
            today=job.today,
            now=job.now,
            known_since=known_since,
            dry_run=dry_run,
            mapping=mapping,
            origin=origin,
            progress=progress,
        )
    else:
        cells = _Cells(df)
        del df  # the writer lets go of the file's cells once it has parsed them (_Cells)
        _WRITERS[kind](store, user, cells, dialect, result, job, progress)
    progress(1.0, "done")
    return result


class _Cells:
    """The file's cells, handed to a writer that takes them once: at 6 M rows they are hundreds of MB that the
    writing and the aggregate rebuild (in the dashboard's process, when the import is handed over) need not
    hold besides their own data."""

    def __init__(self, df: pd.DataFrame):
        self._df: pd.DataFrame | None = df

    def take(self) -> pd.DataFrame:
        df, self._df = self._df, None
        if df is None:
            raise RuntimeError("the cells were taken already")
        return df


@dataclass(frozen=True)
class _Job:
    today: date
    now: datetime
    known_since: KnownSince | None
    dry_run: bool


def _too_early(problems: Problems, mask: np.ndarray, stored: pd.Series) -> None:
    """A back-dated change that would be known no later than the version it replaces (old views would move)."""
    problems.add_mask(
        mask,
        pd.Series(stored).dt.strftime("%Y-%m-%d %H:%M UTC"),
        COLUMN,
        "the stored version is known since {value}; a correction must be known later"
        " (import corrections without --known-since)",
    )


# -- customers ----------------------------------------------------------------------------------------------


def _customers(
    store: Store,
    user: User,
    cells: _Cells,
    _dialect: Dialect,
    result: ImportResult,
    job: _Job,
    progress: Progress,
) -> None:
    df = cells.take()
    clean, problems = import_customers.parse(df)
    instants = knowledge_instants(df, "customers", job.known_since, None, job.today, job.now, problems)
    if not finish(problems, result):
        return
    progress(0.5, "compare")

    def work(cur: Cursor) -> None:
        require_import(user, "customers")
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
        if instants is not None:
            full["valid_from"] = instants.to_numpy()
            stored = pd.to_datetime(cur_aligned["valid_from"])
            late = Problems()
            _too_early(late, changed & (full["valid_from"] <= stored).fillna(False).to_numpy(), stored)
            if not finish(late, result):
                return
        result.added = int(is_new.sum())
        result.changed = int(changed.sum())
        result.unchanged = len(full) - result.added - result.changed
        if job.dry_run:
            return
        to_write = full[is_new | changed].reset_index()
        sql.write_customer_versions(cur, to_write, user_id=user.user_id, now=job.now)
        result.written = True

    store.transaction(work)


# -- financials ---------------------------------------------------------------------------------------------


def _financials(
    store: Store,
    user: User,
    cells: _Cells,
    dialect: Dialect,
    result: ImportResult,
    job: _Job,
    progress: Progress,
) -> None:
    with store.cursor() as cur:
        known = sql.known_customer_ids(cur)
    rows, problems = import_financials.parse(
        cells.take(), dialect, known, today=job.today, now=job.now, known_since=job.known_since
    )
    if not finish(problems, result):
        return
    progress(0.5, "compare")
    unknown_then: list[tuple[str, datetime, datetime]] = []  # customers known after their figures (a warning)

    def work(cur: Cursor) -> None:
        nonlocal unknown_then
        require_import(user, "financials")
        with sql.stage_financials(cur, rows, now=job.now):
            counts = sql.diff_financials(cur)
            if "valid_from" in rows.columns:
                early = sql.financials_known_too_early(cur) if counts["changed"] else []
                if early:
                    late = Problems()
                    for row, stored in early:
                        late.add(
                            row,
                            COLUMN,
                            f"the stored figures are known since {stored:%Y-%m-%d %H:%M} UTC; a correction must be"
                            " known later (import corrections without --known-since)",
                        )
                    finish(late, result)
                    return
                unknown_then = sql.customers_known_after_figures(cur)
            result.added, result.changed, result.unchanged = counts["added"], counts["changed"], counts["unchanged"]
            if job.dry_run:
                return
            progress(0.7, "write")
            sql.apply_financials(cur, counts, user_id=user.user_id)
        if counts["added"] or counts["changed"]:  # an unchanged re-import leaves the aggregates as they are
            progress(0.8, "aggregates")
            aggregates.rebuild_aggregates(cur, job.today)  # the profit page's totals, in the same transaction
        result.written = True

    store.transaction(work)
    if unknown_then:
        result.warnings.append(_not_back_dated(unknown_then))
    if result.written and len(rows) > 100_000:
        store.checkpoint()


def _not_back_dated(late: list[tuple[str, datetime, datetime]]) -> str:
    """The warning of a history load whose customers became known after their figures (docs/moving-in.md)."""
    shown = ", ".join(f"{c} (known since {k:%Y-%m-%d}, figures since {f:%Y-%m-%d})" for c, k, f in late[:5])
    more = f" and {len(late) - 5} more" if len(late) > 5 else ""
    first = min(f for _, _, f in late)
    return (
        f"{len(late)} customer(s) are not back-dated: they became known after their figures, so as-of views"
        f" before they were known leave their figures out: {shown}{more}. Import the customers with --known-since"
        f" {first:%Y-%m-%d} or earlier before the figures (docs/moving-in.md, 'A history load')"
    )


# -- KPI values ---------------------------------------------------------------------------------------------


def _kpis(
    store: Store,
    user: User,
    cells: _Cells,
    dialect: Dialect,
    result: ImportResult,
    job: _Job,
    progress: Progress,
) -> None:
    with store.cursor() as cur:
        catalog = sql.kpi_catalog(cur)
        managers = sql.account_managers(cur)
    df = cells.take()
    rows, problems = import_kpis.parse(df, dialect, catalog, set(managers), job.today)
    instants = knowledge_instants(df, "kpis", job.known_since, None, job.today, job.now, problems)
    cid = rows["customer_id"]
    problems.add_mask(_not_editable(user, cid, managers), cid, "customer_id", "'{value}' is not one of your accounts")
    if not finish(problems, result):
        return

    def work(cur: Cursor) -> None:
        require_import(user, "kpis")
        # Authoritative: the accounts' managers as they are now, in the writing transaction.
        foreign = sorted(set(cid[_not_editable(user, cid, sql.account_managers(cur))]))
        if foreign:
            raise PermissionDenied(
                f"{user.user_id} does not manage account(s) {', '.join(foreign)} and may not change them."
            )
        # The same file imported twice at once: the second waits for the first and finds its values.
        for kpi_id in sorted(set(rows["kpi_id"])):
            versioned.lock_entity(cur, "kpi_entries", kpi_id)
        latest = sql.latest_kpi_values(cur, sorted(set(rows["kpi_id"])))
        latest["period"] = pd.to_datetime(latest["period"]).dt.date
        merged = rows.merge(latest, on=["kpi_id", "period"], how="left", suffixes=("", "_cur"))
        merged["entered_at"] = job.now if instants is None else instants.to_numpy()
        is_new = merged["value_cur"].isna()
        same = (
            ~is_new
            & (merged["value"] == merged["value_cur"])
            & ((merged["comment"] == merged["comment_cur"]) | (merged["comment"].isna() & merged["comment_cur"].isna()))
        )
        if instants is not None:
            stored = pd.to_datetime(merged["entered_at_cur"])
            late = Problems()
            _too_early(late, (~is_new & ~same & (merged["entered_at"] <= stored)).fillna(False).to_numpy(), stored)
            if not finish(late, result):
                return
        result.added = int(is_new.sum())
        result.changed = int((~is_new & ~same).sum())
        result.unchanged = int(same.sum())
        if job.dry_run:
            return
        out = merged[~same].copy()
        out["entry_id"] = [uuid.uuid4().hex[:16] for _ in range(len(out))]
        out["entered_by"] = user.user_id
        sql.append_kpi_entries(cur, out)
        result.written = True

    store.transaction(work)


_WRITERS = {"customers": _customers, "financials": _financials, "kpis": _kpis}
