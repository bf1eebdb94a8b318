"""Customers and monthly financials of the demo company, generated with numpy from a seed.

The structure is what a real customer base shows: heavy-tailed sizes (a few customers make most of the
revenue), seasonality (August and December dips), customer-specific growth and margin, noise that is larger
for small customers, occasional months without revenue, and big customers squeezing margins (buyer power).
Key accounts are picked among the larger customers but not the very largest; after an account's SKAM start
its margin rises gradually (new projects take months to pay), which is what the profit analysis then has to
find in the rows. No result is written in directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

import numpy as np
import pandas as pd

from skam_core.demo import names
from skam_core.domain.validation import month_add

# Stages of the twelve detailed key accounts, in the order they are assigned, and how many months before the
# last data month the plan was agreed (None: no plan agreed yet). Spread over every stage of the method.
KEY_ACCOUNT_LAYOUT: list[tuple[str, int | None]] = [
    ("implementation", 42),
    ("implementation", 36),
    ("implementation", 30),
    ("implementation", 25),
    ("implementation", 20),
    ("implementation", 15),
    ("implementation", 11),
    ("plan", None),
    ("value", None),
    ("fit", None),
    ("strategy", None),
    ("candidate", None),
]


MIN_CUSTOMERS, MIN_MONTHS = 20, 24


@dataclass(frozen=True)
class DemoSize:
    customers: int = 2000
    months: int = 48
    seed: int = 7

    def __post_init__(self) -> None:
        # Fewer customers cannot hold twelve key accounts next to the others; fewer months leave no 24 months
        # around a SKAM start for the effect estimate.
        if self.customers < MIN_CUSTOMERS or self.months < MIN_MONTHS:
            raise ValueError(f"the demo needs at least {MIN_CUSTOMERS} customers and {MIN_MONTHS} months")

    @property
    def key_accounts(self) -> int:
        """Twelve detailed key accounts; larger companies run proportionally more SKAM accounts."""
        return 12 if self.customers <= 5000 else max(12, self.customers // 500)


BOOKED_DAYS_AFTER_MONTH_END = 10  # a month's figures are booked on the 10th of the next month


def booked_on(month: date) -> date:
    """The day a month's figures are booked (and so known): the 10th of the following month."""
    return month_add(month.replace(day=1), 1) + timedelta(days=BOOKED_DAYS_AFTER_MONTH_END - 1)


def last_complete_month(today: date) -> date:
    """The latest month already booked on ``today``: on the 1st to 9th that is the month before last, so that no
    figure in the demo is known before the day it would be booked."""
    last = month_add(today.replace(day=1), -1)
    return last if booked_on(last) <= today else month_add(last, -1)


def generate_customers(size: DemoSize, today: date, rng: np.random.Generator) -> pd.DataFrame:
    """One row per customer with master data plus the hidden parameters the financials are drawn from."""
    n = size.customers
    width = max(6, len(str(n)))
    ids = np.array([f"K{i:0{width}d}" for i in range(1, n + 1)])

    # Annual revenue: log-normal, median ~120 kEUR, a long tail into tens of millions.
    annual = np.exp(rng.normal(np.log(120_000), 1.35, n)).clip(8_000, 60_000_000)
    # Growth per year and base margin; big customers use their buying power to squeeze our margin.
    growth = rng.normal(0.025, 0.05, n)
    margin = rng.normal(0.062, 0.03, n) - 0.008 * (np.log10(annual) - 5)
    margin = margin.clip(-0.08, 0.22)

    ind = rng.integers(0, len(names.INDUSTRIES), n)
    reg_weights = np.array([w for *_, w in names.REGIONS])
    reg = rng.choice(len(names.REGIONS), n, p=reg_weights / reg_weights.sum())
    segment = np.where(annual > 1_500_000, "A", np.where(annual > 250_000, "B", "C"))
    stems = rng.integers(0, len(names.NAME_STEMS), n)
    kinds = rng.integers(0, len(names.NAME_KINDS), n)
    forms = rng.choice(len(names.LEGAL_FORMS), n, p=[0.55, 0.2, 0.12, 0.05, 0.08])
    reps = rng.integers(0, len(names.SALES_REPS), n)

    df = pd.DataFrame(
        {
            "customer_id": ids,
            "name": [
                f"{names.NAME_STEMS[s]} {names.NAME_KINDS[k]} {names.LEGAL_FORMS[f]}"
                for s, k, f in zip(stems, kinds, forms, strict=True)
            ],
            "industry": np.array(names.INDUSTRIES)[ind],
            "region": np.array([r for r, _, _ in names.REGIONS])[reg],
            "country": np.array([c for _, c, _ in names.REGIONS])[reg],
            "segment": segment,
            "skam_stage": "none",
            "skam_start": pd.NaT,
            "account_manager": np.array(names.SALES_REPS)[reps],
            "_annual": annual,
            "_growth": growth,
            "_margin": margin,
            "_uplift": 0.0,
            "_start_offset": -1,
        }
    )
    # Make names unique the way companies are: the same trade name in another town.
    dup = df.duplicated("name", keep="first")
    if dup.any():
        towns = names.TOWNS
        pick = rng.integers(0, len(towns), int(dup.sum()))
        df.loc[dup, "name"] = [
            f"{names.NAME_STEMS[s]} {names.NAME_KINDS[k]} {towns[c]} {names.LEGAL_FORMS[f]}"
            for s, k, f, c in zip(
                stems[dup.to_numpy()], kinds[dup.to_numpy()], forms[dup.to_numpy()], pick, strict=True
            )
        ]
        still = df.duplicated("name", keep="first")
        df.loc[still, "name"] = [f"{nm} ({i + 2})" for i, nm in enumerate(df.loc[still, "name"])]

    _assign_key_accounts(df, size, today, rng)
    return df


def _assign_key_accounts(df: pd.DataFrame, size: DemoSize, today: date, rng: np.random.Generator) -> None:
    """Pick key accounts among the larger customers (not simply the biggest) and give them a SKAM history."""
    order = np.argsort(-df["_annual"].to_numpy())
    n = len(df)
    # The biggest customers are *not* key accounts: size alone is no fit (the five largest get a poor fit
    # analysis); a margin of three keeps noise and growth from lifting a key account into the top five.
    pool = order[8 : max(48, int(n * 0.025))]
    k = size.key_accounts
    chosen = [int(i) for i in rng.choice(pool, size=k - 1, replace=False)]
    # One small customer with an excellent fit: the candidate.
    small_pool = order[int(n * 0.25) : int(n * 0.5)]
    chosen.insert(11, int(rng.choice(small_pool)))
    end = last_complete_month(today)
    for j, idx in enumerate(chosen):
        if j < len(KEY_ACCOUNT_LAYOUT):
            stage, offset = KEY_ACCOUNT_LAYOUT[j]
        else:  # larger companies: further accounts in implementation with staggered starts
            stage, offset = "implementation", int(rng.integers(8, 45))
        df.at[idx, "skam_stage"] = stage
        df.at[idx, "account_manager"] = names.ACCOUNT_MANAGERS[j % len(names.ACCOUNT_MANAGERS)]
        df.at[idx, "segment"] = "A" if df.at[idx, "_annual"] > 1_500_000 else df.at[idx, "segment"]
        # Chosen because they looked promising: a slightly better margin already before the start.
        df.at[idx, "_margin"] = float(np.clip(df.at[idx, "_margin"] + 0.004, 0.03, 0.12))
        if offset is not None:
            start_month = month_add(end, -offset)
            df.at[idx, "skam_start"] = pd.Timestamp(start_month + timedelta(days=int(rng.integers(4, 26))))
            df.at[idx, "_uplift"] = float(rng.normal(0.054, 0.008))
            df.at[idx, "_start_offset"] = offset


def key_account_indices(customers: pd.DataFrame) -> list[int]:
    """Row positions of key accounts, in the order of KEY_ACCOUNT_LAYOUT (implementation first)."""
    ka = customers.index[customers["skam_stage"] != "none"]
    return list(ka)


def biggest_non_key(customers: pd.DataFrame, count: int = 4) -> list[int]:
    order = customers.sort_values("_annual", ascending=False)
    return list(order.index[order["skam_stage"] == "none"][:count])


def _season(cal_month: np.ndarray) -> np.ndarray:
    base = 1 + 0.08 * np.cos(2 * np.pi * (cal_month - 4) / 12)
    base = np.where(cal_month == 8, base * 0.86, base)  # works holidays
    return np.where(cal_month == 12, base * 0.82, base)  # year-end shutdowns


def generate_financials(customers: pd.DataFrame, size: DemoSize, today: date, rng: np.random.Generator) -> pd.DataFrame:
    """Monthly revenue and operating profit for every customer, ending with the last complete month.

    Each month's figures become known ("valid from") on the 10th of the following month, when the books
    close, so that an as-of date before that does not see them.
    """
    n, m = len(customers), size.months
    end = last_complete_month(today)
    months = [month_add(end, -(m - 1 - t)) for t in range(m)]
    cal = np.array([d.month for d in months])
    t_years = (np.arange(m) - (m - 1)) / 12.0

    annual = customers["_annual"].to_numpy()
    growth = customers["_growth"].to_numpy()
    base_margin = customers["_margin"].to_numpy()
    uplift = customers["_uplift"].to_numpy()
    offset = customers["_start_offset"].to_numpy()

    # Months since SKAM start for each cell (negative before; start month itself is 0).
    start_idx = np.where(offset >= 0, (m - 1) - offset, 10**6)
    k = np.clip(np.arange(m)[None, :] - start_idx[:, None], -100, 1000)
    # Logistic ramp: little in the first months (projects must be delivered first), most of it after a year.
    ramp = np.where(k >= 0, 1.0 / (1.0 + np.exp(-(k - 11.0) / 2.2)), 0.0)

    rev_sd = np.clip(0.32 / (annual / 1e5) ** 0.2, 0.05, 0.4)
    revenue = (
        (annual / 12)[:, None]
        * _season(cal)[None, :]
        * np.exp(np.log1p(growth)[:, None] * t_years[None, :])
        * np.exp(rng.normal(0, 1, (n, m)) * rev_sd[:, None])
        * (1 + 0.12 * ramp)
    )
    margin_sd = np.clip(0.05 / (annual / 1e5) ** 0.25, 0.008, 0.06)
    common = np.convolve(rng.normal(0, 0.004, m + 2), np.ones(3) / 3, mode="valid")  # shared business cycle
    margin = (
        base_margin[:, None] + uplift[:, None] * ramp + common[None, :] + rng.normal(0, 1, (n, m)) * margin_sd[:, None]
    )
    profit = revenue * margin
    # Small customers sometimes order nothing in a month; fixed costs still run.
    idle = (annual[:, None] < 60_000) & (rng.random((n, m)) < 0.04)
    revenue = np.where(idle, 0.0, revenue)
    profit = np.where(idle, -rng.uniform(50, 400, (n, m)), profit)

    booked = np.array(
        [datetime.combine(booked_on(d), datetime.min.time()) for d in months],
        dtype="datetime64[us]",
    )
    return pd.DataFrame(
        {
            "customer_id": np.repeat(customers["customer_id"].to_numpy(), m),
            "month": np.tile(np.array(months, dtype="datetime64[D]"), n),
            "revenue": np.round(revenue, 2).ravel(),
            "operating_profit": np.round(profit, 2).ravel(),
            "valid_from": np.tile(booked, n),
        }
    )
