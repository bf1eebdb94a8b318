"""The portfolio page's read: key accounts per stage, the SKAM/others margins over the 12-month window, the
fit-size matrix and the key-account table with the golden rules; and one account's standing in it (what the
steering pack shows beside the account's own figures, without loading the whole portfolio)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pandas as pd

from skam_core.analytics.fit import fit_scores
from skam_core.analytics.milestones import status_counts
from skam_core.analytics.portfolio import Portfolio, Standing, assemble_portfolio, comparison_from_groups
from skam_core.domain.asof import AsOf
from skam_core.domain.periods import Window, window_for
from skam_core.storage.db import Store
from skam_core.storage.queries import customers as cq
from skam_core.storage.queries import health as hq
from skam_core.storage.queries import milestones as mq
from skam_core.storage.queries import portfolio as portq
from skam_core.storage.queries import portfolio_asof, profit_asof
from skam_core.storage.queries import profit as profit_queries
from skam_core.storage.queries import strategy as sq
from skam_core.storage.queries import users as uq


def aggregates_window(store: Store, asof: AsOf) -> tuple[profit_queries.AggregateState, Window | None, Window, bool]:
    """The aggregates' state (brought up to date), the comparison window (None without figures), the span to
    sum over (a month when there is none: every sum is zero), and whether the pre-aggregated window sums apply."""
    state = profit_queries.ensure_aggregates(store, asof.today)  # (re)builds them if the figures changed
    win = window_for(profit_queries.latest_month(store, asof))  # from the monthly aggregates
    first = asof.day.replace(day=1)
    span = win or Window(first, first)
    return state, win, span, win is not None and profit_queries.window_is_current(state, asof, win.end)


def window(store: Store, asof: AsOf) -> tuple[Window | None, Window, bool]:
    """:func:`aggregates_window` without the state."""
    return aggregates_window(store, asof)[1:]


def stored_entry(store: Store, asof: AsOf, win: Window | None, current: bool) -> str | None:
    """For a view of older knowledge: the as-of entry with every customer's window sums when one exists (the
    profit page builds it on its first view of that epoch), so that the portfolio need not sum the rows again;
    None otherwise. The portfolio does not build one: its own from-rows read is within the page budget."""
    return None if current or win is None else profit_asof.existing(store, asof, win)


def _kept_applies(state: profit_queries.AggregateState, asof: AsOf, win: Window | None) -> bool:
    """Whether the portfolio's kept figures (group sums and size ranks, rebuilt with the aggregates) are this
    view's: then nothing joins or ranks 100,000 customers at read time."""
    return win is not None and profit_queries.portfolio_is_current(state, asof, win.end)


def portfolio(store: Store, asof: AsOf) -> Portfolio:
    state, win, span, current = aggregates_window(store, asof)
    kept = _kept_applies(state, asof, win)
    entry = stored_entry(store, asof, win, current)
    # A view of older knowledge with an as-of entry keeps its join and rank (built on its first view, ~1 s on
    # PostgreSQL at 100,000 customers, once): the same day's link is opened again and again in and after a
    # meeting, and each view would otherwise join and rank the 100,000 customers again (~0.45 s there).
    kept_asof = None if kept else portfolio_asof.ensure(store, asof, entry)
    # The independent reads run side by side (each on its own cursor; DuckDB works outside the GIL): at
    # 100,000 customers this is what keeps the page's data within its budget.
    with ThreadPoolExecutor(max_workers=4) as pool:
        frames = pool.submit(
            portq.portfolio_frames, store, asof, span.start, span.end, current, entry, kept=kept, kept_asof=kept_asof
        )
        facts = pool.submit(_account_facts, store, asof)
        prios = pool.submit(sq.priorities, store, asof)
        cells = pool.submit(sq.fit_cells, store, asof)
        ms = pool.submit(mq.milestones, store, asof)
        users = pool.submit(uq.list_users, store, asof)
        # Python work on the small reads overlaps the long figures query (DuckDB runs outside the GIL).
        fit = fit_scores(prios.result(), cells.result())
        counts = status_counts(ms.result(), asof.day)
        groups, rows = frames.result()
        if kept_asof is not None and groups.empty:  # evicted between its lookup and this read: read it joined
            groups, rows = portq.portfolio_frames(store, asof, span.start, span.end, current, entry)
        facts_df = facts.result()
        names = users.result()
    return assemble_portfolio(asof.day, win, groups, rows, fit, counts, facts_df, names)


def _account_facts(store: Store, asof: AsOf) -> pd.DataFrame:
    """The golden rules' facts of the key accounts (their ids read on the same worker: on PostgreSQL that read
    alone took ~90 ms of the page before the parallel reads began)."""
    return hq.account_facts(store, asof, cq.key_account_ids(store, asof))


def standing(store: Store, asof: AsOf, customer_id: str) -> Standing:
    """The figures :func:`portfolio` gives for this account (same window, groups and rank) from one aggregate
    query: a link to one account's pack must not wait for the whole portfolio."""
    state, win, span, current = aggregates_window(store, asof)
    entry = stored_entry(store, asof, win, current)
    kept = _kept_applies(state, asof, win)
    kept_asof = None if kept else portfolio_asof.existing(store, asof, entry)  # the portfolio builds them
    groups, rank = portq.standing(
        store, asof, span.start, span.end, current, customer_id, entry, kept=kept, kept_asof=kept_asof
    )
    if kept_asof is not None and groups.empty:  # evicted between its lookup and this read: read it joined
        groups, rank = portq.standing(store, asof, span.start, span.end, current, customer_id, entry)
    others = comparison_from_groups(win, groups).others.relative_operating_profit if win else None
    return Standing(others, rank, int(groups["customers"].sum()), win)
