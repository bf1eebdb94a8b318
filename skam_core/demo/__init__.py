"""The demo company: a deterministic generator (seeded) that fills an empty store.

``build_demo`` writes users, our capabilities, customers, monthly financials and the full content of the key
accounts. The same generator, with other sizes, makes the benchmark's 100,000 x 60 store.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

import numpy as np
import pandas as pd

from skam_core.demo import names
from skam_core.demo.accounts import STAGE_ORDER, Rows, build_account, build_company
from skam_core.demo.financials import (
    DemoSize,
    biggest_non_key,
    generate_customers,
    generate_financials,
    key_account_indices,
)
from skam_core.demo.rows import entity_rng
from skam_core.domain import clock
from skam_core.domain.asof import AsOf
from skam_core.storage import bulk, versioned
from skam_core.storage.db import Store, StoreError
from skam_core.storage.imports import append_kpi_entries
from skam_core.storage.queries.customers import customer_count

Progress = Callable[[float, str], None]

# How well each stage's accounts match our capabilities (0..1): the programme picked accounts with good fit.
STAGE_QUALITY = {"implementation": 0.8, "plan": 0.76, "value": 0.7, "fit": 0.62, "strategy": 0.5, "candidate": 0.92}
SYSTEM_USER = "demo-generator"
# Accounts in implementation differ in fit around their stage's quality, and the planted uplift rises with it, as
# the method says (fit decides the gain): +/-0.2 quality (about +/-20 fit points) moves it by +/-3 pp around
# its mean, so the programme's overall effect and profit ratio stay what they were.
QUALITY_SPREAD = 0.2
UPLIFT_PER_QUALITY = 0.15


class StoreNotEmptyError(StoreError):
    pass


def _noop(_: float, __: str) -> None:
    pass


ADMIN = names.USERS[2][0]  # who set the company up: the customers' first versions are theirs


def _first_seen(today: date) -> datetime:
    """When the customers became known to the store: five years before the demo's day."""
    return datetime.combine(today - timedelta(days=5 * 365), datetime.min.time())


def _cutoff(today: date) -> datetime:
    """The generator's "now" (naive UTC): 08:00 of the demo's day, or the clock's instant when the demo is built
    for today and it is earlier than that (just after midnight nothing of the new day has happened yet)."""
    morning = datetime.combine(today, datetime.min.time()) + timedelta(hours=8)
    return min(morning, clock.utc_now()) if today == clock.today() else morning


def generate(size: DemoSize, today: date) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, pd.DataFrame]]:
    """Customers, financials and account content as DataFrames, without touching a store (for tests)."""
    rng = np.random.default_rng(size.seed)
    customers = generate_customers(size, today, rng)
    _plant_fit_dependence(customers, size.seed)
    financials = generate_financials(customers, size, today, rng)
    rows = Rows(cutoff=_cutoff(today))
    build_company(rows, today, ADMIN)
    content_seed = size.seed + 1  # each account's content draws from its own streams (rows.entity_rng)
    for idx in key_account_indices(customers):
        cust = customers.loc[idx]
        quality = cust["_quality"] if not pd.isna(cust["_quality"]) else STAGE_QUALITY[cust["skam_stage"]]
        build_account(rows, cust, float(quality), today, content_seed)
    for idx in biggest_non_key(customers):
        cust = customers.loc[idx]
        quality = float(entity_rng(content_seed, cust["customer_id"], "quality").uniform(0.1, 0.3))
        build_account(rows, cust, quality, today, content_seed, analysis_only=True)
    _customer_versions(rows, customers, today)
    return customers, financials, rows.frames()


def _plant_fit_dependence(customers: pd.DataFrame, seed: int) -> None:
    """Each account with a SKAM start gets its own quality (its own stream: the main one stays as it was) and an
    uplift that rises with it."""
    customers["_quality"] = np.nan
    base = STAGE_QUALITY["implementation"]
    for idx in customers.index[customers["skam_start"].notna()]:
        q = base + float(entity_rng(seed, customers.at[idx, "customer_id"], "quality").uniform(-1, 1)) * QUALITY_SPREAD
        customers.at[idx, "_quality"] = q
        customers.at[idx, "_uplift"] += UPLIFT_PER_QUALITY * (q - base)


def _customer_versions(rows: Rows, customers: pd.DataFrame, today: date) -> None:
    """Key accounts went through the stages one after the other; record that as versions of the customer."""
    first_seen = _first_seen(today)
    for _, c in customers[customers["skam_stage"] != "none"].iterrows():
        base = {k: c[k] for k in ("customer_id", "name", "industry", "region", "country", "segment", "account_manager")}
        start = None if pd.isna(c["skam_start"]) else c["skam_start"].date()
        target = STAGE_ORDER.index(c["skam_stage"])
        last = datetime.combine(start or today - timedelta(days=30), datetime.min.time()) + timedelta(hours=17)
        chain = [(first_seen, ADMIN, {**base, "skam_stage": "none", "skam_start": None})]
        steps = STAGE_ORDER[1 : target + 1]
        for i, stage in enumerate(steps):
            at = last - timedelta(days=45 * (len(steps) - 1 - i))
            if at <= first_seen:
                at = first_seen + timedelta(days=i + 1)
            values: dict[str, Any] = {"skam_stage": stage}
            if stage == "implementation":
                values["skam_start"] = start
            chain.append((at, c["account_manager"], values))
        rows.versions("customers", chain)


def build_demo(
    store: Store,
    size: DemoSize | None = None,
    *,
    today: date | None = None,
    progress: Progress = _noop,
) -> dict[str, int]:
    """Fill an empty store with the demo company. Refuses a store that already has customers, also when
    another process filled it meanwhile: app processes sharing a new PostgreSQL store that start at the same
    moment would otherwise each see it empty and write the demo twice (one after the other here)."""
    with store.exclusively(DEMO_FILL_LOCK):
        return _fill(store, size or DemoSize(), today or clock.today(), progress)


# Any fixed number, distinct from the migrations' advisory lock.
DEMO_FILL_LOCK = 7_215_041


def _fill(store: Store, size: DemoSize, today: date, progress: Progress) -> dict[str, int]:
    if customer_count(store, AsOf.now(today)):
        raise StoreNotEmptyError("The store already holds customers; the demo fills only an empty store.")
    progress(0.02, "generate")
    customers, financials, content = generate(size, today)
    progress(0.35, "write")
    first_seen = _first_seen(today)
    plain = customers[customers["skam_stage"] == "none"].copy()
    plain["skam_start"] = None
    counts: dict[str, int] = {}

    def work(cur) -> None:
        counts["customers"] = versioned.insert_versions(cur, "customers", plain, user_id=ADMIN, valid_from=first_seen)
        progress(0.45, "financials")
        counts["financials"] = bulk.insert_financials(cur, financials, changed_by=SYSTEM_USER)
        progress(0.85, "accounts")
        for table_name, df in content.items():
            if table_name == "kpi_entries":
                append_kpi_entries(cur, df)
            else:
                versioned.insert_versions(cur, table_name, df, user_id=SYSTEM_USER, valid_from=first_seen)
            counts[table_name] = counts.get(table_name, 0) + len(df)

    store.transaction(work, retries=0)
    progress(0.97, "checkpoint")
    store.checkpoint()
    progress(1.0, "done")
    return counts
