"""The profit page's read (and the ``profit`` command's): the inputs known at ``asof`` — pre-aggregated monthly
totals, the SKAM accounts and their rows, the spread of customer margins — analysed by analytics.profit."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import pandas as pd

from skam_core.analytics import profit_effect as pe
from skam_core.analytics import profit_fe as fe
from skam_core.analytics.did import month_index
from skam_core.analytics.profit import ProfitAnalysis, analyse
from skam_core.domain.asof import AsOf
from skam_core.domain.periods import Window, window_for
from skam_core.storage.db import Store
from skam_core.storage.queries import customers as cq
from skam_core.storage.queries import profit as pq
from skam_core.storage.queries import profit_asof as pa
from skam_core.storage.queries import profit_fe as pfq


def refresh_aggregates(store: Store, asof: AsOf) -> None:
    """Bring the pre-aggregated monthly totals up to date (every view does it on first use after a load; the
    benchmark times it on its own)."""
    pq.ensure_aggregates(store, asof.today)


@dataclass(frozen=True)
class Sources:
    """Where a view's sums over all customers come from: the current pre-aggregates (``current``), an as-of
    entry of storage.queries.profit_asof (``epoch``), or, with neither, the rows."""

    current: bool
    epoch: str | None


def sources(store: Store, asof: AsOf, window: Window, state: pq.AggregateState) -> Sources:
    """The current pre-aggregates when the view sees the current figures, else the as-of entry of its instant
    (built on first use: a view of older knowledge recomputes from the rows once per epoch, not per view)."""
    if pq.window_is_current(state, asof, window.end):
        return Sources(True, None)
    return Sources(False, pa.ensure(store, asof, window))


def customer_window_sums(store: Store, asof: AsOf, window: Window) -> pd.DataFrame:
    """Revenue and operating profit per customer over ``window`` as known at ``asof``: from a pre-aggregated
    window (no scan of the figures). Same columns as storage.queries.financials.customer_sums."""
    state = pq.ensure_aggregates(store, asof.today)
    src = sources(store, asof, window, state)
    return pq.window_sums(store, asof, window.start, window.end, src.current, src.epoch)


@dataclass(frozen=True)
class EffectInputs:
    """What the measured effect needs, loaded (analytics.profit.estimate_effect takes them in this order)."""

    skam: pd.DataFrame
    skam_rows: pd.DataFrame
    unlisted_rows: pd.DataFrame
    all_customers: fe.ControlStats | None
    pools: dict[str, pd.DataFrame] | None
    unlisted: list[str]
    source: Sources
    spread: pd.DataFrame | None = None  # the margin spread (pq.margin_spread), when asked for

    def args(
        self,
    ) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, fe.ControlStats | None, dict[str, pd.DataFrame] | None]:
        return (self.skam, self.skam_rows, self.unlisted_rows, self.all_customers, self.pools)


def effect_inputs(
    store: Store, asof: AsOf, window: Window, state: pq.AggregateState, *, spread: bool = False
) -> EffectInputs:
    """The SKAM accounts and their rows, the unlisted customers' rows, the all-customer statistics and (for a
    small programme) the placebo customers' rows, as known at ``asof``; with ``spread`` the margin spread too."""
    src = sources(store, asof, window, state)
    # The chains of reads are independent: side by side, each on its own cursor (DuckDB works outside the GIL),
    # as the portfolio's reads. One after another they were a third of the candidates' time. The margin spread
    # (one sort of every customer's margin, ~0.1-0.2 s of PostgreSQL server time at 100,000 customers) needs
    # only the SKAM and unlisted ids: it starts as soon as they are read and runs beside the rest, the
    # placebo pools' Python work included.
    with ThreadPoolExecutor(max_workers=3) as pool:
        summed = pool.submit(_effect_sums, store, asof, window, src)
        unlisted = pq.unlisted_customers(store, asof)
        outside = pool.submit(pq.customer_months, store, unlisted, asof, window.end)
        skam = pq.skam_accounts(store, asof)
        spread_of = (
            pool.submit(
                pq.margin_spread,
                store,
                asof,
                window.start,
                window.end,
                skam["customer_id"].tolist(),
                unlisted,
                current=src.current,
                epoch=src.epoch,
            )
            if spread
            else None
        )
        skam_rows = pq.key_account_months(store, skam["customer_id"].tolist(), asof, window.end)
        unlisted_rows = outside.result()
        sums = summed.result()
        all_customers = None
        if sums.first is not None:
            first = int(month_index([sums.first])[0])
            all_customers = fe.ControlStats(
                first, sums.revenue, sums.gram, sums.adjusted, sums.operating_profit, sums.meat
            )
        pools = placebo_rows(store, asof, window, src, skam, skam_rows, unlisted) if all_customers else None
        margins = spread_of.result() if spread_of is not None else None
    return EffectInputs(skam, skam_rows, unlisted_rows, all_customers, pools, unlisted, src, margins)


def _effect_sums(store: Store, asof: AsOf, window: Window, src: Sources) -> pfq.EffectSums:
    """The all-customer sums of the effect: from the as-of entry, the current aggregate or the rows."""
    return pa.effect_sums(store, src.epoch) if src.epoch else pfq.effect_sums(store, asof, window.end, src.current)


def profit(store: Store, asof: AsOf) -> ProfitAnalysis:
    """Everything the profit page and the ``profit`` command show, as known at ``asof``."""
    state = pq.ensure_aggregates(store, asof.today)
    window = window_for(pq.latest_month(store, asof))
    if window is None:
        total = cq.customer_count(store, asof)
        skam = pq.skam_accounts(store, asof)
        empty_rows = pq.key_account_months(store, [], asof, asof.day)
        spread = pd.DataFrame({"is_skam": [], "customers": [], "mean": [], "q": []})
        return analyse(asof.day, None, skam, total, pd.DataFrame(), empty_rows, empty_rows, spread)
    with ThreadPoolExecutor(max_workers=1) as pool:  # the count of customers (a scan of them) beside the rest
        counted = pool.submit(cq.customer_count, store, asof)
        e = effect_inputs(store, asof, window, state, spread=True)
        totals = pq.monthly_totals(store, asof, window.end)
        total = counted.result()
    assert e.spread is not None
    return analyse(
        asof.day, window, e.skam, total, totals, e.skam_rows, e.unlisted_rows, e.spread, e.all_customers, e.pools
    )


def effect_only(store: Store, asof: AsOf) -> EffectInputs | None:
    """The loaded inputs of the measured effect (None without financials): the benchmark times the effect and
    event study on them (analytics.profit.estimate_effect), apart from the reads."""
    state = pq.ensure_aggregates(store, asof.today)
    window = window_for(pq.latest_month(store, asof))
    return None if window is None else effect_inputs(store, asof, window, state)


def placebo_rows(
    store: Store,
    asof: AsOf,
    window: Window,
    src: Sources,
    skam: pd.DataFrame,
    skam_rows: pd.DataFrame,
    unlisted: list[str],
) -> dict[str, pd.DataFrame] | None:
    """For a programme too small for clustered intervals: per account, the monthly rows of the never-SKAM
    customers nearest to it in size (the placebo customers); None when the programme is large enough."""
    accounts = pe.informative_accounts(skam, skam_rows)
    if not pe.small_programme(accounts):  # (pe.needs_placebo, without finding the accounts twice)
        return None
    sql, params = pq.window_sums_sql(asof, window.start, window.end, src.current, src.epoch)
    exclude = [*skam["customer_id"].astype(str).tolist(), *unlisted]
    pairs = pfq.similar_customers(store, asof, sql, params, accounts, exclude, pe.POOL_SIZE)
    rows = pq.customer_months(store, sorted(set(pairs["customer_id"])), asof, window.end)
    by_customer = {c: g for c, g in rows.groupby("customer_id", sort=False)}
    return {
        a: pd.concat([by_customer[c] for c in g["customer_id"] if c in by_customer] or [rows.iloc[0:0]])
        for a, g in pairs.groupby("account", sort=False)
    }
