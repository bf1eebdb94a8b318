"""KPI entries: append-only, one service for the entry form and the bulk entry table. The file import checks the
same rules (analytics.kpi_entry: effective_range, COMMENT_MAX) column-wise, in io.import_kpis."""

from __future__ import annotations

import math
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

import pandas as pd

from skam_core.analytics.kpi_entry import entry_problems
from skam_core.domain import clock
from skam_core.domain.specs import SPECS, FieldError, validate_values
from skam_core.domain.users import User
from skam_core.services.access import require_account_write
from skam_core.services.items import ValidationFailed
from skam_core.storage import versioned
from skam_core.storage.cursor import Cursor
from skam_core.storage.db import Store
from skam_core.storage.imports import append_kpi_entries


@dataclass(frozen=True)
class KpiEntry:
    kpi_id: str
    period: date  # first day of the month
    value: float
    comment: str | None = None


_MESSAGES = {
    "not_number": "'{value}' is not a number",
    "below_min": "{value:g} is below the minimum {limit:g} {unit}",
    "above_max": "{value:g} is above the maximum {limit:g} {unit}",
    "future_period": "{period:%Y-%m} lies in the future",
    "comment_too_long": "is longer than {limit} characters",
}


def check_entry(kpi: dict, entry: KpiEntry, today: date) -> list[FieldError]:
    """Number, the KPI's plausible range (0-100 for a percentage unless defined), no period beyond the current
    month. The rules live in ``analytics.kpi_entry.entry_problems``, which the pages use for translated messages."""
    return [
        FieldError(p.field, _MESSAGES[p.code].format(**p.params).strip())
        for p in entry_problems(kpi, entry.value, entry.period, today, entry.comment)
    ]


@dataclass(frozen=True)
class StoredEntry:
    """What was appended: the receipt a page shows (who, when, which value)."""

    entry_id: str
    kpi_id: str
    kpi_name: str
    unit: str
    customer_id: str
    period: date
    value: float
    comment: str | None
    entered_by: str
    entered_at: datetime


def record_kpi_values(
    store: Store, user: User, entries: list[KpiEntry], *, today: date | None = None, now: datetime | None = None
) -> list[StoredEntry]:
    """Append entries (all or nothing) with who and when, and return them. Checks each KPI's account permission
    in the transaction; raises PermissionDenied, ValidationFailed (every problem at once), NotFoundError or
    WriteConflictError (after bounded retries)."""
    today = today or clock.today()

    def work(cur: Cursor) -> list[StoredEntry]:
        stored: list[StoredEntry] = []
        errors: list[FieldError] = []
        stamp = now or versioned.utc_now()
        kpis: dict[str, dict] = {}
        for e in entries:
            kpi = kpis.get(e.kpi_id)
            if kpi is None:
                missing = f"KPI {e.kpi_id} does not exist."
                found = versioned.live_version(cur, "kpi_definitions", {"id": e.kpi_id}, missing=missing)
                assert found is not None  # live_version raises NotFoundError when missing= is given
                kpi = found
                require_account_write(cur, user, kpi["customer_id"])
                kpis[e.kpi_id] = kpi
            errors += [FieldError(f"{kpi['name']} {x.field}", x.message) for x in check_entry(kpi, e, today)]
            if errors:
                continue
            stored.append(
                StoredEntry(
                    entry_id=uuid.uuid4().hex[:16],
                    kpi_id=e.kpi_id,
                    kpi_name=kpi["name"],
                    unit=kpi["unit"],
                    customer_id=kpi["customer_id"],
                    period=e.period.replace(day=1),
                    value=float(e.value),
                    comment=(e.comment or "").strip() or None,
                    entered_by=user.user_id,
                    entered_at=stamp,
                )
            )
        if errors:
            raise ValidationFailed(errors)
        rows = pd.DataFrame(
            [
                {
                    "entry_id": s.entry_id,
                    "kpi_id": s.kpi_id,
                    "customer_id": s.customer_id,
                    "period": s.period,
                    "value": s.value,
                    "comment": s.comment,
                    "entered_by": s.entered_by,
                    "entered_at": s.entered_at,
                }
                for s in stored
            ]
        )
        append_kpi_entries(cur, rows)
        return stored

    return store.transaction(work)


def record_kpi_entries(
    store: Store, user: User, entries: list[KpiEntry], *, today: date | None = None, now: datetime | None = None
) -> int:
    """Append entries (all or nothing) with who and when. Checks each KPI's account permission in the
    transaction. Returns the number of entries stored."""
    return len(record_kpi_values(store, user, entries, today=today, now=now))


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


def set_kpi_targets(
    store: Store, user: User, kpi_id: str, targets: Mapping[date, float | None], *, now: datetime | None = None
) -> int:
    """Set a KPI's targets for several periods in one transaction (None removes a period's target). Each change
    is a new version (who, when); unchanged periods are left alone. Returns the number of periods changed."""
    spec = SPECS["kpi_targets"]
    clean: dict[date, float | None] = {}
    errors: list[FieldError] = []
    for period, target in targets.items():
        if target is None or (isinstance(target, float) and math.isnan(target)):
            clean[period.replace(day=1)] = None
            continue
        values, errs = validate_values(spec, {"kpi_id": kpi_id, "period": period, "target": target})
        errors += [FieldError(f"{period:%Y-%m} {e.field}", e.message) for e in errs]
        if not errs:
            clean[values["period"]] = values["target"]
    if errors:
        raise ValidationFailed(errors)

    def work(cur: Cursor) -> int:
        kpi = versioned.live_version(cur, "kpi_definitions", {"id": kpi_id}, missing=f"KPI {kpi_id} does not exist.")
        assert kpi is not None  # live_version raises NotFoundError when missing= is given
        require_account_write(cur, user, kpi["customer_id"])
        stamp = now or versioned.utc_now()
        return sum(
            versioned.set_or_clear(
                cur,
                "kpi_targets",
                {"kpi_id": kpi_id, "period": period},
                None if target is None else {"target": target},
                user_id=user.user_id,
                now=stamp,
            )
            for period, target in sorted(clean.items())
        )

    return store.transaction(work)
