"""KPI entries: append-only, one service for the entry form, the bulk entry table and the imports."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

import duckdb
import pandas as pd

from skam_core.domain.specs import FieldError
from skam_core.domain.users import User
from skam_core.domain.validation import is_finite_number
from skam_core.services.access import require_account_write
from skam_core.services.items import ValidationFailed
from skam_core.storage import versioned
from skam_core.storage.db import Store
from skam_core.storage.imports import append_kpi_entries


@dataclass(frozen=True)
class KpiEntry:
    kpi_id: str
    period: date  # first day of the month
    value: float
    comment: str | None = None


def check_entry(kpi: dict, entry: KpiEntry, today: date) -> list[FieldError]:
    """Number, the KPI's plausible range, no period beyond the current month."""
    errors: list[FieldError] = []
    if not is_finite_number(entry.value):
        errors.append(FieldError("value", f"'{entry.value}' is not a number"))
    else:
        lo, hi = kpi.get("min_value"), kpi.get("max_value")
        if lo is not None and not pd.isna(lo) and entry.value < lo:
            errors.append(FieldError("value", f"{entry.value:g} is below the minimum {lo:g} {kpi.get('unit') or ''}"))
        if hi is not None and not pd.isna(hi) and entry.value > hi:
            errors.append(FieldError("value", f"{entry.value:g} is above the maximum {hi:g} {kpi.get('unit') or ''}"))
    if entry.period.replace(day=1) > today.replace(day=1):
        errors.append(FieldError("period", f"{entry.period:%Y-%m} lies in the future"))
    if entry.comment is not None and len(entry.comment) > 2000:
        errors.append(FieldError("comment", "is longer than 2000 characters"))
    return errors


def record_kpi_entries(
    store: Store, user: User, entries: list[KpiEntry], *, today: date | None = None, now: datetime | None = None
) -> int:
    """Append entries (all or nothing) with who and when. Checks each KPI's account permission in the
    transaction. Returns the number of entries stored."""
    today = today or date.today()

    def work(cur: duckdb.DuckDBPyConnection) -> int:
        rows = []
        errors: list[FieldError] = []
        stamp = now or versioned.utc_now()
        for e in entries:
            kpi = versioned.current_version(cur, "kpi_definitions", {"id": e.kpi_id})
            if kpi is None or kpi["is_deleted"]:
                raise versioned.NotFoundError(f"KPI {e.kpi_id} does not exist.")
            require_account_write(cur, user, kpi["customer_id"])
            errors += [FieldError(f"{kpi['name']} {x.field}", x.message) for x in check_entry(kpi, e, today)]
            rows.append(
                {
                    "entry_id": uuid.uuid4().hex[:16],
                    "kpi_id": e.kpi_id,
                    "customer_id": kpi["customer_id"],
                    "period": e.period.replace(day=1),
                    "value": float(e.value),
                    "comment": e.comment or None,
                    "entered_by": user.user_id,
                    "entered_at": stamp,
                }
            )
        if errors:
            raise ValidationFailed(errors)
        append_kpi_entries(cur, pd.DataFrame(rows))
        return len(rows)

    return store.transaction(work)


def record_kpi_entry(
    store: Store,
    user: User,
    kpi_id: str,
    period: date,
    value: float,
    comment: str | None = None,
    *,
    today: date | None = None,
) -> None:
    """One KPI value for one period (a correction is simply a newer entry)."""
    record_kpi_entries(store, user, [KpiEntry(kpi_id, period, value, comment)], today=today)
