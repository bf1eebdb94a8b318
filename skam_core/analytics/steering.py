"""The steering committee's one-page pack per account: what changed since the last meeting (milestones,
escalations, KPI lights: analytics.steering_changes), KPI traffic lights,
value delivered against the proposition, this account's margin against all other customers, open escalations,
the decision log, the next meeting and who attends, and the five golden rules.

views.steering gathers the inputs as of a date; everything here is pure, over DataFrames.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date

import numpy as np
import pandas as pd

from skam_core.analytics import golden_rules
from skam_core.analytics import kpis as kpi_rules
from skam_core.analytics import steering_changes as sc
from skam_core.analytics.frames import days, records
from skam_core.analytics.milestones import timeline, with_effective_status
from skam_core.analytics.value import ACCEPTED
from skam_core.analytics.value import components as value_components
from skam_core.domain.periods import Window


@dataclass(frozen=True)
class MilestoneChanges:
    since: date | None  # the last meeting before the pack's day (None: no meeting yet)
    done_since: pd.DataFrame  # completed after the last meeting
    newly_delayed: pd.DataFrame  # delayed now (reported or overdue), not delayed at the last meeting
    at_risk: pd.DataFrame  # at risk now
    counts: dict[str, int]  # effective status counts now
    escalations: sc.EscalationChanges | None = None  # new / overdue / decide-by passed
    kpi_lights: pd.DataFrame | None = None  # KPIs whose light changed (sc.kpi_light_changes)


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
    escalations_open: pd.DataFrame  # with ``overdue`` (decide-by date passed)
    decisions: pd.DataFrame  # newest first
    actions: pd.DataFrame  # action items of the decisions (sc.action_items), open first
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

    @property
    def margin_gap_eur(self) -> float | None:
        """What the margin gap is worth per year: the gap (margin units) times the account's revenue over the
        same 12 months, i.e. how much more (or less) operating profit it earned than at the others' margin."""
        gap = self.margin_gap
        return None if gap is None or self.revenue_12m <= 0 else gap * self.revenue_12m


def last_meeting_before(meetings: pd.DataFrame, day: date) -> date | None:
    """The last meeting held before ``day`` (a pack for a meeting day compares with the one before)."""
    if meetings.empty:
        return None
    held = [d for d in pd.to_datetime(meetings["held_on"]).dt.date if d < day]
    return max(held) if held else None


def milestone_changes(now: pd.DataFrame, then: pd.DataFrame | None, since: date | None, day: date) -> MilestoneChanges:
    return _milestone_changes(with_effective_status(now, day), then, since, day)


def _milestone_changes(cur: pd.DataFrame, then: pd.DataFrame | None, since: date | None, day: date) -> MilestoneChanges:
    """:func:`milestone_changes` from the milestones with their effective status now (``cur``). The rows are
    judged in plain Python and each list is cut once: a plan has a few dozen milestones, and every pandas filter
    of the wide frame cost more than the rule (issue 11)."""
    counts = cur["effective_status"].value_counts().to_dict() if not cur.empty else {}
    if cur.empty:
        cur["overdue"] = pd.Series(dtype=bool)
        return MilestoneChanges(since, cur, cur, cur, counts)
    status = cur["effective_status"].tolist()
    due = days(cur["due"])
    completed = days(cur["completed_on"])
    # A milestone past its due date counts as delayed; ``overdue`` tells it from one reported as delayed.
    cur["overdue"] = [s == "delayed" and d is not None and d < day for s, d in zip(status, due, strict=True)]
    done_since = [
        s == "done" and c is not None and (since is None or c > since) for s, c in zip(status, completed, strict=True)
    ]
    delayed = [s == "delayed" for s in status]
    if since is not None and then is not None and not then.empty:
        before = with_effective_status(then, since)
        was = set(before.loc[before["effective_status"] == "delayed", "id"].tolist())
        delayed = [d and i not in was for d, i in zip(delayed, cur["id"].tolist(), strict=True)]
    at_risk = [s == "at_risk" for s in status]
    return MilestoneChanges(since, cur[done_since], cur[delayed], cur[at_risk], counts)


def value_delivery(
    value_items: pd.DataFrame, opportunities: pd.DataFrame, milestones: pd.DataFrame, day: date
) -> ValueDelivery:
    ms = with_effective_status(milestones, day) if not milestones.empty else milestones
    return _value_delivery(value_items, opportunities, ms)


def _value_delivery(value_items: pd.DataFrame, opportunities: pd.DataFrame, ms: pd.DataFrame) -> ValueDelivery:
    """:func:`value_delivery` from the milestones with their effective status (``ms``)."""
    comps = value_components(value_items, opportunities)
    if comps.empty:
        empty = pd.DataFrame(columns=["title", "status", "customer_benefit_eur", "milestones", "done", "delivered"])
        return ValueDelivery(0.0, 0.0, empty)
    # Milestones counted per opportunity in one pass: filtering the milestones once per component took most of
    # the pack's analytics (issue 15).
    linked: Counter = Counter()
    done: Counter = Counter()
    if not ms.empty:
        for opp, status in zip(ms["opportunity_id"].tolist(), ms["effective_status"].tolist(), strict=True):
            if isinstance(opp, str) and opp:
                linked[opp] += 1
                done[opp] += status == "done"
    rows = []
    for c in records(comps, ("title", "status", "customer_benefit_eur", "opportunity_id")):
        opp = c["opportunity_id"] if isinstance(c["opportunity_id"], str) else None
        n = linked[opp] if opp else 0
        d = int(done[opp]) if opp else 0
        rows.append(
            {
                "title": c["title"],
                "status": c["status"],
                "customer_benefit_eur": c["customer_benefit_eur"],
                "milestones": n,
                "done": d,
                "delivered": c["status"] in ACCEPTED and n > 0 and d == n,
            }
        )
    # The sums as pandas takes them (NaN as 0, numpy's summation), over rows, not over filtered frames.
    accepted = [r for r in rows if r["status"] in ACCEPTED]
    proposed = _sum([r["customer_benefit_eur"] for r in accepted])
    delivered = _sum([r["customer_benefit_eur"] for r in accepted if r["delivered"]])
    return ValueDelivery(proposed, delivered, pd.DataFrame(rows))


def _sum(values: list) -> float:
    return float(np.nansum(np.asarray(values, dtype="float64"))) if values else 0.0


def kpi_overview(
    defs: pd.DataFrame, targets: pd.DataFrame, actuals: pd.DataFrame, day: date, since: date | None
) -> pd.DataFrame:
    # The lights now and at the last meeting by the same rule, each up to its day (one series for both).
    then: pd.DataFrame | None = None
    if since is None:
        now = kpi_rules.status(defs, targets, actuals, upto=day)
    else:
        now, then = kpi_rules.statuses(defs, targets, actuals, [day, since])
    if now.empty:
        return now
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


def with_size_rank(pack: Pack, size_rank: int | None) -> Pack:
    """The pack with the account's size rank in its rules' evidence (golden_rules.with_size_rank)."""
    return replace(pack, rules=golden_rules.with_size_rank(pack.rules, size_rank))


def assemble_pack(
    *,
    customer: dict,
    day: date,
    knowledge: date | None,
    meetings: pd.DataFrame,
    since: date | None,
    milestones_now: pd.DataFrame,
    milestones_then: pd.DataFrame | None,
    kpi_definitions: pd.DataFrame,
    kpi_targets: pd.DataFrame,
    kpi_actuals: pd.DataFrame,
    value_items: pd.DataFrame,
    opportunities: pd.DataFrame,
    monthly: pd.DataFrame,
    escalations: pd.DataFrame,
    decisions: pd.DataFrame,
    team: pd.DataFrame,
    facts: pd.DataFrame,
    fit: pd.Series,
    action_links: pd.DataFrame,
    standing_others_margin: float | None,
    standing_size_rank: int | None,
    standing_customers: int,
    standing_window: Window | None,
) -> Pack:
    """The pack from its reads (views.steering): meetings held up to ``day`` (newest first), the last meeting
    before it (``since``), milestones now and then, KPIs, value, figures, escalations, decisions, the team,
    the golden-rule facts, the fit score, the decisions' action items (links to milestones) and the account's
    standing in the portfolio."""
    customer_id = customer["customer_id"]
    # The milestones' effective status once, for the changes, the value delivered, the timeline and the action
    # items (each judged it again before: ~2 ms a time on a plan's few dozen rows).
    ms_now = with_effective_status(milestones_now, day)
    changes = _milestone_changes(ms_now.copy(), milestones_then, since, day)
    kpis = kpi_overview(kpi_definitions, kpi_targets, kpi_actuals, day, since)
    value = _value_delivery(value_items, opportunities, ms_now)
    revenue, margin = account_margin(monthly, standing_window)
    esc_changes = sc.escalation_changes(escalations, since, day)
    changes = MilestoneChanges(
        changes.since,
        changes.done_since,
        changes.newly_delayed,
        changes.at_risk,
        changes.counts,
        escalations=esc_changes,
        kpi_lights=sc.kpi_light_changes(kpis),
    )
    esc = escalations.assign(overdue=sc.escalation_overdue(escalations, day)) if not escalations.empty else escalations
    open_esc = esc[esc["status"] == "open"] if not esc.empty else esc.assign(overdue=pd.Series(dtype=bool))
    committee = team[team["on_steering_committee"].fillna(False).astype(bool)] if not team.empty else team
    latest = meetings.iloc[0] if not meetings.empty else None
    nxt = None
    if latest is not None and not pd.isna(latest["next_meeting_on"]):
        nxt = pd.Timestamp(latest["next_meeting_on"]).date()
    rules = golden_rules.judge(
        records(facts.iloc[:1])[0] if not facts.empty else {},
        fit.get(customer_id, np.nan),
        standing_size_rank,
        standing_customers,
        day,
    )
    return Pack(
        customer=customer,
        day=day,
        as_of=knowledge,
        changes=changes,
        kpis=kpis,
        value=value,
        margin_12m=margin,
        revenue_12m=revenue,
        others_margin=standing_others_margin,
        monthly=monthly,
        milestones=timeline(ms_now, day),
        escalations_open=open_esc,
        decisions=decisions,
        actions=sc.judged_action_items(action_links, ms_now, decisions, day),
        meetings=meetings,
        next_meeting=nxt,
        attendees_ours=list(committee.loc[committee["side"] == "ours", "name"]) if not committee.empty else [],
        attendees_customer=list(committee.loc[committee["side"] == "customer", "name"]) if not committee.empty else [],
        rules=rules,
    )
