"""The five golden rules of SKAM, judged per account from the data, each with the evidence shown.

1. fit before size — the account was chosen for a strategic fit (fit score), not for its size;
2. the customer's strategy understood — forces analysed, distinguishing components found;
3. a value proposition quantified for both sides — customer benefit and our profit net of effort;
4. the stakeholders with long-term responsibility engaged — one of them supportive (attitude above neutral) and
   contacted within 90 days, the same engagement window as the plan page's stakeholder map;
5. a plan with KPIs, milestones and a steering committee that actually meets.

A rule is met (1 point), partly met (½) or not met (0); the score is the sum, 0–5. Evidence is a message key
with values, so the UI can say it in German or English.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import pandas as pd

from skam_core.analytics.stakeholders import CONTACT_WINDOW_DAYS
from skam_core.domain.validation import month_add

RULES = ("fit", "strategy", "value", "stakeholders", "plan")
GOOD_FIT = 60.0
WEAK_FIT = 40.0
CONTACT_DAYS = CONTACT_WINDOW_DAYS  # one definition of "engaged" with the plan page
MEETING_DAYS = 130  # "several times a year": at least three meetings a year leaves at most ~4 months between
KPI_STALE_MONTHS = 2


@dataclass(frozen=True)
class RuleResult:
    rule: str
    status: str  # met | partly | not_met
    evidence: list[tuple[str, dict]] = field(default_factory=list)

    @property
    def points(self) -> float:
        return {"met": 1.0, "partly": 0.5, "not_met": 0.0}[self.status]


def _n(x) -> int:
    return 0 if x is None or pd.isna(x) else int(x)


def _d(x) -> date | None:
    if x is None or pd.isna(x):
        return None
    return pd.Timestamp(x).date()


def rule_fit(fit: float | None, size_rank: int | None, customers: int) -> RuleResult:
    if fit is None or pd.isna(fit):
        return RuleResult("fit", "not_met", [("rules.ev.fit_missing", {})])
    ev = [("rules.ev.fit", {"fit": round(float(fit)), "rank": size_rank or "–", "customers": customers})]
    if fit >= GOOD_FIT:
        return RuleResult("fit", "met", ev)
    return RuleResult("fit", "partly" if fit >= WEAK_FIT else "not_met", ev)


def rule_strategy(facts: dict) -> RuleResult:
    forces, components, markets = _n(facts.get("forces_scored")), _n(facts.get("components")), _n(facts.get("markets"))
    ev = [("rules.ev.strategy", {"forces": forces, "components": components, "markets": markets})]
    if components == 0:
        ev.append(("rules.ev.no_components", {}))
        return RuleResult("strategy", "partly" if forces >= 3 else "not_met", ev)
    if forces == 5 and markets > 0:
        return RuleResult("strategy", "met", ev)
    return RuleResult("strategy", "partly", ev)


def rule_value(facts: dict) -> RuleResult:
    items, both = _n(facts.get("value_items")), _n(facts.get("value_both_sides"))
    customer, ours = _n(facts.get("value_customer_side")), _n(facts.get("value_our_side"))
    ev = [("rules.ev.value", {"items": items, "both": both})]
    if items == 0:
        return RuleResult("value", "not_met", [("rules.ev.value_missing", {})])
    if both == items:
        return RuleResult("value", "met", ev)
    if customer or ours:
        return RuleResult("value", "partly", ev)
    return RuleResult("value", "not_met", ev)


def rule_stakeholders(facts: dict, day: date) -> RuleResult:
    longterm, supportive = _n(facts.get("longterm")), _n(facts.get("longterm_supportive"))
    last = _d(facts.get("longterm_last_contact"))
    if _n(facts.get("stakeholders")) == 0:
        return RuleResult("stakeholders", "not_met", [("rules.ev.no_stakeholders", {})])
    if longterm == 0:
        ev: list[tuple[str, dict[str, object]]] = [("rules.ev.no_longterm", {})]
        if _n(facts.get("beyond_purchasing")) == 0:
            ev.append(("rules.ev.only_purchasing", {}))
        return RuleResult("stakeholders", "not_met", ev)
    # The contact that counts is with a supportive one: a neutral stakeholder called yesterday does not make a
    # supportive one contacted half a year ago engaged (the plan page judges each person the same way).
    supportive_contact = _d(facts.get("longterm_supportive_contact", facts.get("longterm_last_contact")))
    counts = {
        "n": longterm,
        "supportive": supportive,
        "neutral": _n(facts.get("longterm_neutral")),
        "opposed": _n(facts.get("longterm_opposed")),
    }
    if supportive == 0:
        days = (day - last).days if last else None
        ev = [("rules.ev.longterm_none_supportive", {**counts, "days": days if days is not None else "–"})]
        return RuleResult("stakeholders", "partly", ev)
    days = (day - supportive_contact).days if supportive_contact else None
    ev = [("rules.ev.longterm", {**counts, "days": days if days is not None else "–"})]
    if days is not None and days <= CONTACT_DAYS:
        return RuleResult("stakeholders", "met", ev)
    return RuleResult("stakeholders", "partly", ev)


def rule_plan(facts: dict, day: date) -> RuleResult:
    agreed, kpis, milestones = _n(facts.get("plans_agreed")), _n(facts.get("kpis")), _n(facts.get("milestones"))
    last_meeting, last_kpi = _d(facts.get("last_meeting")), _d(facts.get("last_kpi_period"))
    meets = last_meeting is not None and (day - last_meeting) <= timedelta(days=MEETING_DAYS)
    kpis_live = last_kpi is not None and last_kpi >= month_add(day.replace(day=1), -KPI_STALE_MONTHS)
    ev = [
        (
            "rules.ev.plan",
            {
                "agreed": agreed,
                "kpis": kpis,
                "milestones": milestones,
                "meeting": last_meeting.isoformat() if last_meeting else "–",
            },
        )
    ]
    if not agreed:
        ev.append(("rules.ev.plan_not_agreed", {}))
    if agreed and not meets:
        ev.append(("rules.ev.committee_not_meeting", {"days": MEETING_DAYS}))
    if agreed and kpis and not kpis_live:
        ev.append(("rules.ev.kpis_stale", {}))
    checks = [agreed > 0, kpis > 0 and kpis_live, milestones > 0, meets]
    if all(checks):
        return RuleResult("plan", "met", ev)
    return RuleResult("plan", "partly" if sum(checks) >= 2 else "not_met", ev)


def judge(facts: dict, fit: float | None, size_rank: int | None, customers: int, day: date) -> list[RuleResult]:
    return [
        rule_fit(fit, size_rank, customers),
        rule_strategy(facts),
        rule_value(facts),
        rule_stakeholders(facts, day),
        rule_plan(facts, day),
    ]


def with_size_rank(results: list[RuleResult], size_rank: int | None) -> list[RuleResult]:
    """The results with the account's size rank in the fit rule's evidence. Only evidence: the rank never
    decides a rule (fit before size), so a pack can be judged before its rank is read — at a past day that
    read sums every customer's window (views.steering.size_rank) — and show it where the evidence is read."""
    rank = size_rank or "–"
    return [
        RuleResult(r.rule, r.status, [(k, {**kw, "rank": rank} if k == "rules.ev.fit" else kw) for k, kw in r.evidence])
        if r.rule == "fit"
        else r
        for r in results
    ]


def score(results: list[RuleResult]) -> float:
    return sum(r.points for r in results)


def health_table(facts: pd.DataFrame, fit: pd.Series, size_rank: pd.Series, customers: int, day: date) -> pd.DataFrame:
    """One row per account: the score and each rule's status (for the portfolio and the steering overview)."""
    rows = []
    # Looked up in dicts: Series.get on an Arrow-string index costs ~0.1 ms a call (two per account).
    fits, ranks = fit.to_dict(), size_rank.to_dict()
    for rec in facts.to_dict("records"):
        cid = rec["customer_id"]
        results = judge(rec, fits.get(cid), ranks.get(cid), customers, day)
        rows.append(
            {"customer_id": cid, "rules_score": score(results), **{f"rule_{r.rule}": r.status for r in results}}
        )
    return pd.DataFrame(rows, columns=["customer_id", "rules_score", *[f"rule_{r}" for r in RULES]])
