"""What the plan page derives from one account's plan read: readiness, RACI letters and gaps, stakeholder
engagement, coverage and findings, the feedback log and the KPI targets in force.

Pure functions of the read and the day shown, so views.plan computes them once per data version and the page
only draws them (they used to be recomputed on every rerun of the page, most of its server time).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

import pandas as pd

from skam_core.analytics import kpis as kpi_rules
from skam_core.analytics import plan as rules
from skam_core.analytics import stakeholders as sh_rules


@dataclass(frozen=True)
class PlanFacts:
    checks: list[rules.Check]
    raci_items: list[rules.RaciItem]  # every objective and milestone (the customer view filters)
    raci_letters: dict[tuple[str, str], dict[str, str]]  # (kind, item id) -> {member id: letter}
    raci_gaps: list[rules.RaciGap]  # over all items
    engagement: pd.DataFrame  # stakeholders.with_engagement
    coverage: pd.DataFrame  # stakeholders.function_coverage
    findings: list[sh_rules.Finding]
    feedback_log: pd.DataFrame
    sentiment: dict[str, int]
    kpi_target_now: dict[str, float]  # KPI id -> the target standing in the month shown (none: absent)
    kpi_targets_until: dict[str, date]  # KPI id -> the last period with a target


def plan_facts(view: rules.PlanView, today: date) -> PlanFacts:
    items = rules.raci_items(view.objectives, view.milestones)
    letters = rules.raci_letters(view.raci, view.team, items)
    gaps = rules.gaps_of(letters, {(i.kind, i.item_id): i.label for i in items})
    checks = rules.readiness(
        view.versions,
        view.objectives,
        view.team,
        view.kpi_definitions,
        view.kpi_targets,
        view.milestones,
        view.stakeholders,
        gaps,
        today,
    )
    now, until = _kpi_targets(view, today)
    return PlanFacts(
        checks=checks,
        raci_items=items,
        raci_letters=letters,
        raci_gaps=gaps,
        engagement=sh_rules.with_engagement(view.stakeholders, today),
        coverage=sh_rules.function_coverage(view.stakeholders, today),
        findings=sh_rules.coverage_findings(view.stakeholders, today),
        feedback_log=sh_rules.feedback_log(view.feedback, view.stakeholders),
        sentiment=sh_rules.sentiment_balance(view.feedback),
        kpi_target_now=now,
        kpi_targets_until=until,
    )


def with_facts(view: rules.PlanView, today: date) -> rules.PlanView:
    return replace(view, facts=plan_facts(view, today))


def facts_of(view: rules.PlanView, today: date) -> PlanFacts:
    """The view's facts (views.plan fills them); computed here for a view made without them."""
    return view.facts if view.facts is not None else plan_facts(view, today)


def _kpi_targets(view: rules.PlanView, today: date) -> tuple[dict[str, float], dict[str, date]]:
    """Per KPI the target standing in ``today``'s month (a target stands until changed) and its last period."""
    if view.kpi_definitions.empty:
        return {}, {}
    month = today.replace(day=1)
    s = kpi_rules.series(view.kpi_definitions, view.kpi_targets, pd.DataFrame(columns=["kpi_id", "period", "value"]))
    now: dict[str, float] = {}
    for kid, period, target in zip(s["kpi_id"], s["period"], s["target"], strict=True):
        if period <= month:
            now[kid] = target  # series is sorted by KPI and period: the last one up to the month wins
    until: dict[str, date] = {}
    if not view.kpi_targets.empty:
        until = view.kpi_targets.groupby("kpi_id")["period"].max().to_dict()
    return now, until
