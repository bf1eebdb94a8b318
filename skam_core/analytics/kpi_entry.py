"""Entering KPI values (step 5): the periods one may enter, the fast-entry table of one period, the rules of an
entry (a finite number in the KPI's plausible range, no future period, a bounded comment), numbers as people type
them, and the targets editor's frame. The form, the bulk table, the service and the file import all apply these."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd

from skam_core.analytics.kpis import period_month, series
from skam_core.domain.validation import is_finite_number, month_add
from skam_core.domain.values import is_missing

_GROUPED = {",": re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$"), ".": re.compile(r"^\d{1,3}(\.\d{3})+(,\d+)?$")}


def period_choices(today: date, months: int = 24) -> list[date]:
    """Periods an entry may be made for: the current month first, then back ``months - 1`` months."""
    first = today.replace(day=1)
    return [month_add(first, -k) for k in range(months)]


def due_period(today: date) -> date:
    """The month whose values are due on ``today``: last month."""
    return period_choices(today, 2)[1]


def bulk_frame(
    definitions: pd.DataFrame,
    targets: pd.DataFrame,
    actuals: pd.DataFrame,
    period: date,
    known_series: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """What the fast-entry table shows for one period: every KPI with unit, plausible range, target and current
    value for that period, and empty columns for the new value and a comment. ``known_series``: the
    ``kpis.series`` of these inputs when the caller has it already (views.kpis computes it once)."""
    p = period.replace(day=1)
    s = known_series if known_series is not None else series(definitions, targets, actuals)
    here = s[s["period"] == p].set_index("kpi_id") if not s.empty else pd.DataFrame(columns=["target", "actual"])
    # A month with neither its own target nor a value is not in the series, yet the latest earlier target stands
    # for it (as on the implementation page): take each KPI's last target at or before the month.
    upto = s[(s["period"] <= p) & s["target"].notna()] if not s.empty else s
    standing = upto.sort_values("period").groupby("kpi_id")["target"].last() if not upto.empty else pd.Series()
    rows = []
    for d in definitions.to_dict("records"):
        kid = d["id"]
        lo, hi = effective_range(d)
        rows.append(
            {
                "kpi_id": kid,
                "name": d["name"],
                "unit": d["unit"],
                "direction": d["direction"],
                "min_value": lo,
                "max_value": hi,
                "target": standing.get(kid),
                "current": here["actual"].get(kid) if kid in here.index else None,
                "new_value": None,
                "comment": "",
            }
        )
    df = pd.DataFrame(rows)
    for c in ("min_value", "max_value", "target", "current", "new_value"):
        if c in df:
            df[c] = pd.to_numeric(df[c], errors="coerce").astype("float64")
    return df


@dataclass(frozen=True)
class BulkRow:
    kpi_id: str
    value: float
    comment: str | None


def bulk_changes(edited: pd.DataFrame) -> list[BulkRow]:
    """The rows of the fast-entry table to save: a new value that differs from the current one, or the same
    value with a comment (a confirmation worth recording). Empty new values are left alone."""
    out: list[BulkRow] = []
    for r in edited.to_dict("records"):
        v = r.get("new_value")
        if is_missing(v) or (isinstance(v, str) and not v.strip()):
            continue
        try:
            value = float(v)
        except (TypeError, ValueError):
            value = float("nan")  # the service reports it as "not a number"
        comment = (r.get("comment") or "").strip() or None
        cur = r.get("current")
        if not is_missing(cur) and not math.isnan(value) and value == float(cur) and not comment:
            continue
        out.append(BulkRow(r["kpi_id"], value, comment))
    return out


def effective_range(kpi: dict) -> tuple[float | None, float | None]:
    """The plausible range of a KPI's values: its own min/max; a percentage without its own range is 0-100."""
    lo, hi = kpi.get("min_value"), kpi.get("max_value")
    lo = None if lo is None or is_missing(lo) else float(lo)
    hi = None if hi is None or is_missing(hi) else float(hi)
    if str(kpi.get("unit") or "").strip() == "%":
        lo = 0.0 if lo is None else lo
        hi = 100.0 if hi is None else hi
    return lo, hi


def target_frame(targets: pd.DataFrame, kpi_id: str, periods: Iterable[date]) -> pd.DataFrame:
    """Targets of one KPI over the given periods (NaN where none), for the target editor."""
    own = targets[targets["kpi_id"] == kpi_id] if not targets.empty else targets
    known = {period_month(p): float(v) for p, v in zip(own.get("period", []), own.get("target", []), strict=False)}
    ps = [p.replace(day=1) for p in periods]
    return pd.DataFrame({"period": ps, "target": [known.get(p, float("nan")) for p in ps]})


@dataclass(frozen=True)
class EntryProblem:
    """Why an entry cannot be stored: ``field`` (value | period | comment), ``code`` and message parameters."""

    field: str
    code: str  # not_number | below_min | above_max | future_period | comment_too_long
    params: dict[str, Any]


COMMENT_MAX = 2000


def entry_problems(kpi: dict, value: Any, period: date, today: date, comment: str | None = None) -> list[EntryProblem]:
    """The rules of a KPI entry: a finite number, inside the KPI's plausible range (a percentage 0-100 unless the
    KPI says otherwise), for a period no later than the current month, with a comment of reasonable length."""
    problems: list[EntryProblem] = []
    unit = str(kpi.get("unit") or "")
    ok_number = is_finite_number(value)
    if not ok_number:
        problems.append(EntryProblem("value", "not_number", {"value": value}))
    else:
        lo, hi = effective_range(kpi)
        if lo is not None and value < lo:
            problems.append(EntryProblem("value", "below_min", {"value": value, "limit": lo, "unit": unit}))
        if hi is not None and value > hi:
            problems.append(EntryProblem("value", "above_max", {"value": value, "limit": hi, "unit": unit}))
    if period.replace(day=1) > today.replace(day=1):
        problems.append(EntryProblem("period", "future_period", {"period": period.replace(day=1)}))
    if comment is not None and len(comment) > COMMENT_MAX:
        problems.append(EntryProblem("comment", "comment_too_long", {"limit": COMMENT_MAX}))
    return problems


def parse_number(text: str, lang: str, unit: str | None = None) -> float:
    """A number as people type it: "97,5" or "97.5", "1.234,5" (de) or "1,234.5" (en), "12 900 €", "-3", "93 %".

    With only one kind of separator, a dot (de) or comma (en) followed by groups of three digits separates
    thousands; otherwise it is the decimal separator — so a German "97.5" is 97.5 and "1.234" is 1234.
    Raises ValueError when the text is not a number."""
    t = str(text).strip().replace("\u00a0", " ").replace("\u202f", " ").replace("\u2212", "-")
    for suffix in sorted({"%", "€", "EUR", (unit or "").strip()} - {""}, key=len, reverse=True):
        if t.upper().endswith(suffix.upper()):
            t = t[: -len(suffix)].strip()
    t = t.replace(" ", "").replace("'", "")
    if t.startswith("€"):
        t = t[1:]
    sign = ""
    if t[:1] in "+-":
        sign, t = t[:1], t[1:]
    if not t or not re.fullmatch(r"[\d.,]+", t):
        raise ValueError(f"'{text}' is not a number")
    thousands = "." if lang == "de" else ","
    if "," in t and "." in t:
        decimal = "," if t.rfind(",") > t.rfind(".") else "."
        t = t.replace("." if decimal == "," else ",", "").replace(decimal, ".")
    elif "," in t or "." in t:
        sep = "," if "," in t else "."
        if sep == thousands and _GROUPED[sep].match(t):
            t = t.replace(sep, "")
        elif _GROUPED[sep].match(t) and t.count(sep) > 1:
            t = t.replace(sep, "")  # "1,234,567" is grouped in any language
        else:
            if t.count(sep) > 1:
                raise ValueError(f"'{text}' is not a number")
            t = t.replace(sep, ".")
    value = float(sign + t)
    if not math.isfinite(value):
        raise ValueError(f"'{text}' is not a number")
    return value
