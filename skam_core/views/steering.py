"""The steering page's reads: one account's one-page pack as of a day, and the chair's overview of every
account with a plan.

The pack shows the account beside all other customers (their margin over the window) from the pre-aggregated
monthly totals, which keep their versions: as cheap as of a past day as today. The account's size rank is the
one figure that needs every customer's window sums — as of a past day a scan of the figures, most of the
pack's time (issue 15) — and it is only evidence in the fit rule, so it is read apart (:func:`size_rank`)
where that evidence is shown."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

import pandas as pd

from skam_core.analytics.fit import fit_scores
from skam_core.analytics.portfolio import Standing
from skam_core.analytics.profit import group_monthly, window_figures
from skam_core.analytics.steering import Pack, assemble_pack, last_meeting_before
from skam_core.analytics.steering_overview import by_attention, committee_facts
from skam_core.domain.asof import AsOf
from skam_core.domain.periods import window_for
from skam_core.storage.db import Store
from skam_core.storage.queries import customers as cq
from skam_core.storage.queries import financials as fq
from skam_core.storage.queries import health as hq
from skam_core.storage.queries import kpis as kq
from skam_core.storage.queries import milestones as mq
from skam_core.storage.queries import plan as pq
from skam_core.storage.queries import profit as profit_queries
from skam_core.storage.queries import steering as sq
from skam_core.storage.queries import strategy as stq
from skam_core.views import portfolio as portfolio_view

T = TypeVar("T")
PLAN_STAGES = ("plan", "implementation")  # accounts with a plan have a steering committee


def place(store: Store, asof: AsOf) -> Standing:
    """What every pack shows of the portfolio at ``asof``: the other customers' margin over the window, the
    number of customers and the window — from the monthly totals (others = all − SKAM accounts − rows of
    customers that are none at ``asof``, as the profit comparison counts them). No size rank (None)."""
    profit_queries.ensure_aggregates(store, asof.today)
    win = window_for(profit_queries.latest_month(store, asof))
    if win is None:
        return Standing(None, None, cq.customer_count(store, asof), None)
    with ThreadPoolExecutor(max_workers=3) as pool:
        customers = pool.submit(cq.customer_count, store, asof)
        totals = pool.submit(profit_queries.monthly_totals, store, asof, win.end)
        unlisted = pool.submit(
            lambda: profit_queries.customer_months(store, profit_queries.unlisted_customers(store, asof), asof, win.end)
        )
        skam = profit_queries.skam_accounts(store, asof)
        skam_rows = profit_queries.key_account_months(store, list(skam["customer_id"]), asof, win.end)
        monthly = group_monthly(totals.result(), skam_rows, unlisted.result(), win.end)
        n = customers.result()
    others = window_figures(monthly, win, len(skam), n - len(skam)).others
    return Standing(others.relative_operating_profit, None, n, win)


def size_rank(store: Store, asof: AsOf, customer_id: str) -> int | None:
    """The account's rank by revenue over the window among all customers at ``asof`` (1 = most; None when it
    is no customer then), as the portfolio ranks it."""
    return portfolio_view.standing(store, asof, customer_id).size_rank


def pack(store: Store, asof: AsOf, customer_id: str, standing: Standing | None = None) -> Pack | None:
    """The pack as of a day (None when the account does not exist then). ``standing`` (the account's place in
    the portfolio) is read alongside the account's own data unless given; read here it has no size rank
    (analytics.steering.with_size_rank adds it where it is shown)."""
    day = asof.day
    # The reads are independent (except the milestones at the last meeting): they run side by side, each on
    # its own cursor, as the portfolio's do. One after another they took most of the page's budget.
    with ThreadPoolExecutor(max_workers=4) as pool:

        def read(query: Callable[..., T], *args: Any) -> Future[T]:
            return pool.submit(query, store, *args)

        # The longest read (the portfolio's totals) starts first.
        standing_f = pool.submit(place, store, asof) if standing is None else None
        customer_f = read(cq.customer, customer_id, asof)
        meetings_f = read(sq.meetings, customer_id, asof)
        now_ms_f = read(mq.milestones, asof, customer_id)
        defs_f, targets_f = read(kq.definitions, customer_id, asof), read(kq.targets, customer_id, asof)
        actuals_f = read(kq.actuals, customer_id, asof)
        items_f, opps_f = read(stq.value_items, asof, customer_id), read(stq.opportunities, asof, customer_id)
        monthly_f = read(fq.customer_monthly, customer_id, asof, 36)
        escalations_f, decisions_f = read(sq.escalations, customer_id, asof), read(sq.decisions, customer_id, asof)
        team_f, actions_f = read(pq.team, customer_id, asof), read(sq.action_items, customer_id, asof)
        facts_f = read(hq.account_facts, asof, [customer_id])
        prios_f, cells_f = read(stq.priorities, asof, customer_id), read(stq.fit_cells, asof, customer_id)
        meetings = meetings_f.result()
        meetings = meetings[pd.to_datetime(meetings["held_on"]).dt.date <= day] if not meetings.empty else meetings
        since = last_meeting_before(meetings, day)
        # The milestones as they were known at the end of the last meeting's day, seen from today.
        then_ms_f = read(mq.milestones, AsOf.at(since, asof.today), customer_id) if since else None
        customer = customer_f.result()
        if customer is None:
            return None
        where = standing if standing_f is None else standing_f.result()
        assert where is not None  # given, or read alongside
        return assemble_pack(
            customer=customer,
            day=day,
            knowledge=asof.knowledge,
            meetings=meetings,
            since=since,
            milestones_now=now_ms_f.result(),
            milestones_then=then_ms_f.result() if then_ms_f else None,
            kpi_definitions=defs_f.result(),
            kpi_targets=targets_f.result(),
            kpi_actuals=actuals_f.result(),
            value_items=items_f.result(),
            opportunities=opps_f.result(),
            monthly=monthly_f.result(),
            escalations=escalations_f.result(),
            decisions=decisions_f.result(),
            team=team_f.result(),
            facts=facts_f.result(),
            fit=fit_scores(prios_f.result(), cells_f.result()),
            action_links=actions_f.result(),
            standing_others_margin=where.others_margin,
            standing_size_rank=where.size_rank,
            standing_customers=where.customers,
            standing_window=where.window,
        )


def overview(store: Store, asof: AsOf) -> pd.DataFrame:
    """The chair's overview: every account with a plan (plan or implementation stage), its portfolio row plus
    the committee facts (meetings, open and overdue escalations, KPI lights), by what needs attention first."""
    acc = portfolio_view.portfolio(store, asof).accounts
    acc = acc[acc["skam_stage"].isin(PLAN_STAGES)]
    ids = list(acc["customer_id"])
    facts = sq.committee_overview(store, ids, asof)

    def account(cid: str) -> dict[str, Any]:
        return committee_facts(
            cid,
            kq.definitions(store, cid, asof),
            kq.targets(store, cid, asof),
            kq.actuals(store, cid, asof),
            sq.escalations(store, cid, asof),
            asof.day,
        )

    # Accounts with a plan are few (a committee each); their reads run side by side on their own cursors.
    with ThreadPoolExecutor(max_workers=4) as pool:
        lights = pd.DataFrame(list(pool.map(account, ids)))
    out = acc.merge(facts, on="customer_id", how="left")
    if not lights.empty:
        out = out.merge(lights, on="customer_id", how="left")
    return by_attention(out)
