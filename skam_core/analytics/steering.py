"""The steering committee's one-page pack per account: what changed since the last meeting, KPI traffic lights,
value delivered against the proposition, this account's margin against all other customers, open escalations,
the decision log, the next meeting and who attends, and the five golden rules.

``load_pack`` gathers the inputs as of a date; the rest are pure functions over DataFrames.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd

from skam_core.analytics import golden_rules
from skam_core.analytics import kpis as kpi_rules
from skam_core.analytics.fit import fit_scores
from skam_core.analytics.milestones import for_timeline, with_effective_status
from skam_core.analytics.portfolio import Standing, load_standing
from skam_core.analytics.profit import Window
from skam_core.analytics.value import ACCEPTED
from skam_core.analytics.value import components as value_components
from skam_core.storage.db import Store
from skam_core.storage.queries import customers as cq
from skam_core.storage.queries import financials as fq
from skam_core.storage.queries import health as hq
from skam_core.storage.queries import kpis as kq
from skam_core.storage.queries import milestones as mq
from skam_core.storage.queries import plan as pq
from skam_core.storage.queries import steering as sq
from skam_core.storage.queries import strategy as stq


@dataclass(frozen=True)
class MilestoneChanges:
    since: date | None  # the last meeting before the pack's day (None: no meeting yet)
    done_since: pd.DataFrame  # completed after the last meeting
    newly_delayed: pd.DataFrame  # delayed now (reported or overdue), not delayed at the last meeting
    at_risk: pd.DataFrame  # at risk now
    counts: dict[str, int]  # effective status counts now


@dataclass(frozen=True)
class ValueDelivery:
    proposed_eur: float  # customer benefit per year of accepted / partly accepted components
    delivered_eur: float  # of which delivered: all milestones of the component's opportunity done
    components: pd.DataFrame  # title, status, customer_benefit_eur, milestones, done, delivered


@dataclass
class Pack:
    customer: dict
    day: date
    as_of: date | None
    changes: MilestoneChanges
    kpis: pd.DataFrame  # kpi status now, with light_then (at the last meeting)
    value: ValueDelivery
    margin_12m: float | None
    revenue_12m: float
    others_margin: float | None
    monthly: pd.DataFrame  # account's monthly revenue / profit / margin
    milestones: pd.DataFrame  # for the timeline (analytics.milestones.for_timeline)
    escalations_open: pd.DataFrame
    decisions: pd.DataFrame  # newest first
    meetings: pd.DataFrame  # held up to the day, newest first
    next_meeting: date | None
    attendees_ours: list[str] = field(default_factory=list)
    attendees_customer: list[str] = field(default_factory=list)
    rules: list[golden_rules.RuleResult] = field(default_factory=list)

    @property
    def rules_score(self) -> float:
        return golden_rules.score(self.rules)

    @property
    def kpi_lights(self) -> dict[str, int]:
        return kpi_rules.light_counts(self.kpis)

    @property
    def margin_gap(self) -> float | None:
        if self.margin_12m is None or self.others_margin is None:
            return None
        return self.margin_12m - self.others_margin


def last_meeting_before(meetings: pd.DataFrame, day: date) -> date | None:
    """The last meeting held before ``day`` (a pack for a meeting day compares with the one before)."""
    if meetings.empty:
        return None
    held = [d for d in pd.to_datetime(meetings["held_on"]).dt.date if d < day]
    return max(held) if held else None


def milestone_changes(now: pd.DataFrame, then: pd.DataFrame | None, since: date | None, day: date) -> MilestoneChanges:
    cur = with_effective_status(now, day)
    counts = cur["effective_status"].value_counts().to_dict() if not cur.empty else {}
    empty = cur.iloc[0:0]
    if cur.empty:
        return MilestoneChanges(since, empty, empty, empty, counts)
    completed = pd.to_datetime(cur["completed_on"]).dt.date
    done_since = cur[(cur["effective_status"] == "done") & (completed.notna())]
    if since is not None:
        done_since = done_since[
            [c is not None and not pd.isna(c) and c > since for c in pd.to_datetime(done_since["completed_on"]).dt.date]
        ]
    delayed_now = cur[cur["effective_status"] == "delayed"]
    if since is not None and then is not None and not then.empty:
        before = with_effective_status(then, since)
        was_delayed = set(before.loc[before["effective_status"] == "delayed", "id"])
        newly = delayed_now[~delayed_now["id"].isin(was_delayed)]
    else:
        newly = delayed_now
    at_risk = cur[cur["effective_status"] == "at_risk"]
    return MilestoneChanges(since, done_since, newly, at_risk, counts)


def value_delivery(
    value_items: pd.DataFrame, opportunities: pd.DataFrame, milestones: pd.DataFrame, day: date
) -> ValueDelivery:
    comps = value_components(value_items, opportunities)
    if comps.empty:
        empty = pd.DataFrame(columns=["title", "status", "customer_benefit_eur", "milestones", "done", "delivered"])
        return ValueDelivery(0.0, 0.0, empty)
    ms = with_effective_status(milestones, day) if not milestones.empty else milestones
    rows = []
    for c in comps.to_dict("records"):
        linked = (
            ms[ms["opportunity_id"] == c["opportunity_id"]] if not ms.empty and c["opportunity_id"] else ms.iloc[0:0]
        )
        n = len(linked)
        done = int((linked["effective_status"] == "done").sum()) if n else 0
        rows.append(
            {
                "title": c["title"],
                "status": c["status"],
                "customer_benefit_eur": c["customer_benefit_eur"],
                "milestones": n,
                "done": done,
                "delivered": c["status"] in ACCEPTED and n > 0 and done == n,
            }
        )
    df = pd.DataFrame(rows)
    accepted = df[df["status"].isin(ACCEPTED)]
    proposed = float(accepted["customer_benefit_eur"].fillna(0).sum())
    delivered = float(accepted.loc[accepted["delivered"], "customer_benefit_eur"].fillna(0).sum())
    return ValueDelivery(proposed, delivered, df)


def kpi_overview(
    defs: pd.DataFrame, targets: pd.DataFrame, actuals: pd.DataFrame, day: date, since: date | None
) -> pd.DataFrame:
    now = kpi_rules.status(defs, targets, actuals, upto=day)
    if now.empty:
        return now
    # The lights at the last meeting by the same rule, up to that day.
    then = kpi_rules.status(defs, targets, actuals, upto=since) if since is not None else None
    lights = dict(zip(then["kpi_id"], then["light"], strict=True)) if then is not None and not then.empty else {}
    now["light_then"] = [lights.get(k) for k in now["kpi_id"]]
    return now


def account_margin(monthly: pd.DataFrame, window: Window | None = None) -> tuple[float, float | None]:
    """Revenue and relative operating profit over the comparison window (the months the others' margin is
    over), else over the account's last 12 months with figures."""
    if window is not None and not monthly.empty:
        months = pd.to_datetime(monthly["month"])
        last = monthly[(months >= pd.Timestamp(window.start)) & (months <= pd.Timestamp(window.end))]
    else:
        last = monthly.tail(12)
    revenue = float(last["revenue"].sum()) if not last.empty else 0.0
    return revenue, (float(last["operating_profit"].sum()) / revenue if revenue > 0 else None)


def load_pack(
    store: Store, customer_id: str, as_of: date | None, today: date, standing: Standing | None = None
) -> Pack | None:
    """The pack as of a day. ``standing`` (the account's place in the portfolio) is read alongside the
    account's own data unless given."""
    day = as_of or today
    # The reads are independent (except the milestones at the last meeting): they run side by side, each on
    # its own cursor, as the portfolio's do. One after another they took most of the page's budget.
    with ThreadPoolExecutor(max_workers=4) as pool:

        def read(query, *args):
            return pool.submit(query, store, *args)

        # The longest read (a scan of the window's figures as of a past day) starts first.
        standing_f = pool.submit(load_standing, store, customer_id, as_of, today) if standing is None else None
        customer_f = read(cq.customer, customer_id, as_of)
        meetings_f = read(sq.meetings, customer_id, as_of)
        now_ms_f = read(mq.milestones, as_of, customer_id)
        defs_f, targets_f = read(kq.definitions, customer_id, as_of), read(kq.targets, customer_id, as_of)
        actuals_f = read(kq.actuals, customer_id, as_of)
        items_f, opps_f = read(stq.value_items, as_of, customer_id), read(stq.opportunities, as_of, customer_id)
        monthly_f = read(fq.customer_monthly, customer_id, as_of, 36)
        escalations_f, decisions_f = read(sq.escalations, customer_id, as_of), read(sq.decisions, customer_id, as_of)
        team_f = read(pq.team, customer_id, as_of)
        facts_f = read(hq.account_facts, as_of, [customer_id])
        prios_f, cells_f = read(stq.priorities, as_of, customer_id), read(stq.fit_cells, as_of, customer_id)
        meetings = meetings_f.result()
        meetings = meetings[pd.to_datetime(meetings["held_on"]).dt.date <= day] if not meetings.empty else meetings
        since = last_meeting_before(meetings, day)
        then_ms_f = read(mq.milestones, since, customer_id) if since else None
        customer = customer_f.result()
        if customer is None:
            return None
        now_ms = now_ms_f.result()
        changes = milestone_changes(now_ms, then_ms_f.result() if then_ms_f else None, since, day)
        kpis = kpi_overview(defs_f.result(), targets_f.result(), actuals_f.result(), day, since)
        value = value_delivery(items_f.result(), opps_f.result(), now_ms, day)
        monthly = monthly_f.result()
        escalations, decisions, team = escalations_f.result(), decisions_f.result(), team_f.result()
        facts = facts_f.result()
        fit = fit_scores(prios_f.result(), cells_f.result())
        standing = standing if standing_f is None else standing_f.result()
    revenue, margin = account_margin(monthly, standing.window)
    open_esc = escalations[escalations["status"] == "open"] if not escalations.empty else escalations
    committee = team[team["on_steering_committee"].fillna(False).astype(bool)] if not team.empty else team
    latest = meetings.iloc[0] if not meetings.empty else None
    nxt = None
    if latest is not None and not pd.isna(latest["next_meeting_on"]):
        nxt = pd.Timestamp(latest["next_meeting_on"]).date()
    rules = golden_rules.judge(
        facts.iloc[0].to_dict() if not facts.empty else {},
        fit.get(customer_id, np.nan),
        standing.size_rank,
        standing.customers,
        day,
    )
    return Pack(
        customer=customer,
        day=day,
        as_of=as_of,
        changes=changes,
        kpis=kpis,
        value=value,
        margin_12m=margin,
        revenue_12m=revenue,
        others_margin=standing.others_margin,
        monthly=monthly,
        milestones=for_timeline(now_ms, day),
        escalations_open=open_esc,
        decisions=decisions,
        meetings=meetings,
        next_meeting=nxt,
        attendees_ours=list(committee.loc[committee["side"] == "ours", "name"]) if not committee.empty else [],
        attendees_customer=list(committee.loc[committee["side"] == "customer", "name"]) if not committee.empty else [],
        rules=rules,
    )
