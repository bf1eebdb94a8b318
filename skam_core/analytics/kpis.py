"""KPI tracking (step 5): actual against target per period, the latest value, the trend, and a traffic light
that respects whether a KPI is better when higher or when lower.

Rules (the page's help texts say the same):
- The *value* of a KPI for a period is its latest entry; earlier entries for that period are corrections.
- *Traffic light* for the latest period with a value, against that period's target: green when the target is
  met; amber when it is missed by at most ``AMBER_BAND`` (10 %) of the target; red beyond; grey when there is no
  value or no target to compare with. "Met" follows the direction: higher is better -> actual >= target; lower
  is better -> actual <= target.
- *Trend*: the latest value against the value ``TREND_LOOKBACK`` (3) periods before (or the earliest available);
  better/worse in the KPI's direction, changes below ``FLAT_SHARE`` (2 %) of the scale count as stable.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd

from skam_core.analytics.frames import records
from skam_core.domain.values import is_missing

AMBER_BAND = 0.10
TREND_LOOKBACK = 3
FLAT_SHARE = 0.02
LIGHTS = ("green", "amber", "red", "grey")


def shortfall(actual: float | None, target: float | None, direction: str) -> float | None:
    """How far the actual misses the target in the bad direction (0 when met; None when not comparable)."""
    if is_missing(actual) or is_missing(target):
        return None
    assert actual is not None and target is not None  # is_missing said so; it also catches NaN
    gap = (actual - target) if direction == "lower" else (target - actual)
    return max(0.0, float(gap))


def traffic_light(actual: float | None, target: float | None, direction: str, band: float = AMBER_BAND) -> str:
    """green | amber | red | grey (see the module docstring)."""
    miss = shortfall(actual, target, direction)
    if miss is None:
        return "grey"
    if miss <= 0:
        return "green"
    # Missing a target of 0 has no relative scale: the actual's own size is used, so any miss is red.
    assert actual is not None and target is not None  # shortfall is None for a missing one
    scale = abs(float(target)) or abs(float(actual))
    return "amber" if scale and miss <= band * scale else "red"


@dataclass(frozen=True)
class Trend:
    direction: str | None  # better | flat | worse | None (fewer than two values)
    change: float | None  # latest minus the comparison value, in the KPI's unit
    since: date | None  # the period compared with


def trend(
    periods: Sequence[date],
    values: Sequence[float],
    direction: str,
    *,
    target: float | None = None,
    lookback: int = TREND_LOOKBACK,
    flat_share: float = FLAT_SHARE,
) -> Trend:
    """Trend of a KPI from its values ordered by period (see the module docstring)."""
    pts = [(p, float(v)) for p, v in zip(periods, values, strict=True) if not is_missing(v)]
    if len(pts) < 2:
        return Trend(None, None, None)
    latest_p, latest = pts[-1]
    ref_p, ref = pts[max(0, len(pts) - 1 - lookback)]
    change = latest - ref
    scale = max(abs(latest), abs(ref), abs(float(target)) if target is not None and not is_missing(target) else 0.0)
    if scale == 0 or abs(change) <= flat_share * scale:
        return Trend("flat", change, ref_p)
    better = change < 0 if direction == "lower" else change > 0
    return Trend("better" if better else "worse", change, ref_p)


def period_month(x: Any) -> date:
    d = pd.Timestamp(x).date()
    return d.replace(day=1)


def series(definitions: pd.DataFrame, targets: pd.DataFrame, actuals: pd.DataFrame) -> pd.DataFrame:
    """Long table kpi_id, period, target, actual, target_set over every period that has a target or a value.

    A period without its own target keeps the latest earlier target (a plan's target stands until it is
    changed); ``target_set`` says whether the period has its own. Before the first target there is none (NaN).
    """
    cols = ["kpi_id", "period", "target", "actual", "target_set"]
    if definitions.empty:
        return pd.DataFrame(columns=cols)
    rows = _series_rows(definitions, targets, actuals)
    return pd.DataFrame(rows, columns=cols).astype({"target": "float64", "actual": "float64", "target_set": "bool"})


SeriesRow = tuple[Any, date, float, float, bool]  # kpi_id, period, target (carried), actual, target_set


def _series_rows(definitions: pd.DataFrame, targets: pd.DataFrame, actuals: pd.DataFrame) -> list[SeriesRow]:
    """:func:`series` as tuples ordered by KPI and period. Dictionaries, not an outer merge: a plan has a
    handful of KPIs, and the merge's fixed cost was most of the steering pack's KPI section. One target and one
    value per KPI and period (the queries give that)."""
    if definitions.empty:
        return []
    known = set(definitions["id"].tolist())
    target_of = _by_kpi_month(targets, "target", known)
    actual_of = _by_kpi_month(actuals, "value", known)
    rows: list[SeriesRow] = []
    current_kpi, carried = None, math.nan
    for kid, period in sorted(target_of.keys() | actual_of.keys()):
        if kid != current_kpi:
            current_kpi, carried = kid, math.nan  # no target before a KPI's first one
        own = target_of.get((kid, period), math.nan)
        if not math.isnan(own):
            carried = own
        rows.append((kid, period, carried, actual_of.get((kid, period), math.nan), not math.isnan(own)))
    return rows


def _number(v: Any) -> float:
    try:
        return float(v)
    except (TypeError, ValueError):
        return math.nan


def _by_kpi_month(frame: pd.DataFrame, column: str, known: set) -> dict[tuple[str, date], float]:
    if frame.empty:
        return {}
    return {
        (k, period_month(p)): _number(v)
        for k, p, v in zip(frame["kpi_id"].tolist(), frame["period"].tolist(), frame[column].tolist(), strict=True)
        if k in known
    }


def status(
    definitions: pd.DataFrame, targets: pd.DataFrame, actuals: pd.DataFrame, *, upto: date | None = None
) -> pd.DataFrame:
    """One row per KPI (in the plan's order): latest period with a value, latest value, its target, shortfall,
    traffic light, trend, and who entered the latest value when. ``upto`` ignores periods after that month."""
    return statuses(definitions, targets, actuals, [upto])[0]


def statuses(
    definitions: pd.DataFrame, targets: pd.DataFrame, actuals: pd.DataFrame, days: list[date | None]
) -> list[pd.DataFrame]:
    """:func:`status` up to each of ``days`` (None: all periods), from one series and one index of the
    entries: the steering pack shows the lights now and at the last meeting, from the same rows.

    Plain Python over the rows, not pandas steps: an account has a handful of KPIs and a few hundred values,
    and each filter or group-by of a small frame cost more than the whole rule (the pack's KPI section took
    ~33 ms this way before)."""
    rows = _series_rows(definitions, targets, actuals)
    meta_of: dict[tuple[Any, date], dict[str, Any]] = {}
    if not actuals.empty:
        for entry in records(actuals, ("kpi_id", "period", "entered_by", "entered_at", "entries")):
            meta_of[(entry["kpi_id"], period_month(entry["period"]))] = entry
    defs = records(definitions, ("id", "name", "unit", "direction", "source"))
    return [_status_upto(defs, rows, meta_of, upto) for upto in days]


def _status_upto(
    definitions: list[dict[str, Any]],
    rows: list[SeriesRow],
    meta_of: dict[tuple[Any, date], dict[str, Any]],
    upto: date | None,
) -> pd.DataFrame:
    limit = upto.replace(day=1) if upto is not None else None
    # One split of the series (the periods with a value, in order) rather than a filter over it per KPI.
    by_kpi: dict[Any, list[SeriesRow]] = {}
    for r in rows:
        if (limit is None or r[1] <= limit) and not math.isnan(r[3]):
            by_kpi.setdefault(r[0], []).append(r)
    out = []
    for d in definitions:
        kid, direction = d["id"], d["direction"]
        with_value = by_kpi.get(kid, [])
        row: dict[str, Any] = {
            "kpi_id": kid,
            "name": d["name"],
            "unit": d["unit"],
            "direction": direction,
            "source": d.get("source"),
            "periods_with_value": len(with_value),
            "latest_period": None,
            "latest_value": None,
            "target": None,
            "shortfall": None,
            "light": "grey",
            "trend": None,
            "trend_change": None,
            "trend_since": None,
            "entered_by": None,
            "entered_at": None,
            "entries": 0,
            "values": [float(r[3]) for r in with_value[-12:]],
        }
        if with_value:
            _, period, carried, actual, _ = with_value[-1]
            target = None if math.isnan(carried) else float(carried)
            tr = trend([r[1] for r in with_value], [r[3] for r in with_value], direction, target=target)
            row.update(
                latest_period=period,
                latest_value=float(actual),
                target=target,
                shortfall=shortfall(float(actual), target, direction),
                light=traffic_light(float(actual), target, direction),
                trend=tr.direction,
                trend_change=tr.change,
                trend_since=tr.since,
            )
            m = meta_of.get((kid, period))
            if m is not None:
                row.update(entered_by=m.get("entered_by"), entered_at=m.get("entered_at"), entries=int(m["entries"]))
        out.append(row)
    return pd.DataFrame(out)


def light_counts(kpi_status: pd.DataFrame) -> dict[str, int]:
    lights = kpi_status["light"] if not kpi_status.empty else pd.Series(dtype=str)
    return {light: int((lights == light).sum()) for light in LIGHTS}


def entry_history(entries: pd.DataFrame) -> pd.DataFrame:
    """The audit trail, newest first: each entry with the value it replaced for the same KPI and period
    (``previous_value``, NaN for the first entry) and whether it was a correction."""
    if entries.empty:
        out = entries.copy()
        out["previous_value"] = pd.Series(dtype="float64")
        out["previous_by"] = pd.Series(dtype=str)
        out["is_correction"] = pd.Series(dtype=bool)
        return out
    df = entries.copy()
    df["period"] = [period_month(p) for p in df["period"]]
    df = df.sort_values(["kpi_id", "period", "entered_at", "entry_id"])
    grouped = df.groupby(["kpi_id", "period"], sort=False)
    df["previous_value"] = grouped["value"].shift(1)
    df["previous_by"] = grouped["entered_by"].shift(1)
    df["is_correction"] = df["previous_value"].notna()
    return df.sort_values(["entered_at", "entry_id"], ascending=False).reset_index(drop=True)
