"""Demo KPIs: definitions, monthly targets, and entries over time (some corrected a few days later)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import numpy as np
import pandas as pd

from skam_core.demo import content as C
from skam_core.demo.rows import Rows, entity_rng
from skam_core.demo.rows import ts as _ts
from skam_core.domain.validation import month_add


def build_kpis(
    rows: Rows, cust: pd.Series, am: str, start: date | None, t_plan: datetime, today: date, seed: int
) -> None:
    cid = cust["customer_id"]
    monthly_rev = float(cust["_annual"]) / 12
    last_period = month_add(today.replace(day=1), -1)
    for n, (name, unit, direction, lo, hi, source, v0, target) in enumerate(C.KPIS):
        kid = f"{cid}-kpi{n}"
        rng = entity_rng(seed, kid)
        rows.add(
            "kpi_definitions",
            {
                "id": kid,
                "customer_id": cid,
                "name": name,
                "unit": unit,
                "direction": direction,
                "min_value": lo,
                "max_value": hi,
                "source": source,
                "description": None,
                "sort_order": n,
            },
            t_plan,
            am,
        )
        first = (start or today).replace(day=1)
        goal = target if target is not None else round(monthly_rev * 0.06, -2)
        for k in range(0, 24):
            period = month_add(first, k)
            ramp = min(1.0, (k + 1) / 12)
            tv = (v0 + (goal - v0) * ramp) if target is not None else round(goal * ramp, -2)
            rows.add("kpi_targets", {"kpi_id": kid, "period": period, "target": round(tv, 1)}, t_plan, am)
        if not start:
            continue
        period = first
        k = 0
        perf = float(rng.uniform(0.85, 1.08))  # > 1: better than the target, in the KPI's direction
        while period <= last_period:
            # Reality lags the plan a little and is noisy; the direction is respected by the data.
            progress = min(1.0, max(0.0, (k - 1) / 14))
            if target is None:
                value = max(0.0, round(goal * progress * float(rng.uniform(0.85, 1.2)), -2))
            else:
                # Where this KPI ends up relative to its target (some beat it, some miss it a little or a lot),
                # reached gradually from the starting value; the month-to-month noise is small.
                final = target * perf if direction == "higher" else target / perf
                value = v0 + (final - v0) * progress
                value = float(np.clip(value + rng.normal(0, abs(target) * 0.015), lo, hi if hi else 1e12))
                value = round(value, 1)
            entered = _ts(month_add(period, 1) + timedelta(days=int(rng.integers(2, 9))), int(rng.integers(8, 18)))
            if entered.date() > today or (rows.cutoff is not None and entered > rows.cutoff):
                break  # (entries are append-only rows, not versions: Rows.versions does not drop them)
            rows.tables["kpi_entries"].append(
                {
                    "entry_id": f"{kid}-{period:%Y%m}-a",
                    "kpi_id": kid,
                    "customer_id": cid,
                    "period": period,
                    "value": value,
                    "comment": None,
                    "entered_by": am,
                    "entered_at": entered,
                }
            )
            corrected, factor = rng.random() < 0.08, float(rng.uniform(0.95, 1.05))  # (drawn either way)
            late = rows.cutoff is not None and entered + timedelta(days=3) > rows.cutoff
            if corrected and not late:  # a correction a few days later (not yet made if that lies ahead)
                fixed = round(value * factor, 1)
                if hi is not None:
                    fixed = min(fixed, hi)
                rows.tables["kpi_entries"].append(
                    {
                        "entry_id": f"{kid}-{period:%Y%m}-b",
                        "kpi_id": kid,
                        "customer_id": cid,
                        "period": period,
                        "value": fixed,
                        "comment": "Korrektur nach Abgleich mit dem Kunden",
                        "entered_by": am,
                        "entered_at": entered + timedelta(days=3),
                    }
                )
            period = month_add(period, 1)
            k += 1
