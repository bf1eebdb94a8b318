"""The five golden rules, judged from hand-made facts with a fixed day."""

from datetime import date

import pandas as pd
import pytest

from skam_core.analytics.golden_rules import health_table, judge, rule_fit, rule_plan, rule_stakeholders, score

DAY = date(2026, 11, 27)
COMPLETE = {
    "customer_id": "K1",
    "forces_scored": 5,
    "components": 2,
    "markets": 3,
    "priorities": 4,
    "value_items": 3,
    "value_customer_side": 3,
    "value_our_side": 3,
    "value_both_sides": 3,
    "stakeholders": 6,
    "longterm": 2,
    "longterm_supportive": 1,
    "longterm_neutral": 1,
    "longterm_opposed": 0,
    "longterm_last_contact": date(2026, 10, 1),
    "longterm_supportive_contact": date(2026, 10, 1),
    "functions": 4,
    "beyond_purchasing": 4,
    "plans_agreed": 1,
    "kpis": 4,
    "last_kpi_period": date(2026, 10, 1),
    "milestones": 8,
    "last_meeting": date(2026, 9, 15),
}


def test_a_complete_account_meets_all_five_rules():
    results = judge(COMPLETE, fit=75.0, size_rank=40, customers=2000, day=DAY)
    assert [r.status for r in results] == ["met"] * 5 and score(results) == 5


@pytest.mark.parametrize(
    ("fit", "status"), [(60, "met"), (59.9, "partly"), (40, "partly"), (39, "not_met"), (None, "not_met")]
)
def test_fit_before_size_judges_the_fit_score_not_the_size(fit, status):
    assert rule_fit(fit, size_rank=1, customers=2000).status == status


def test_a_big_customer_with_poor_fit_fails_the_first_rule_whatever_its_size():
    r = rule_fit(25.0, size_rank=1, customers=2000)
    assert r.status == "not_met" and r.evidence[0][1]["rank"] == 1


def test_strategy_is_not_understood_until_the_distinguishing_components_are_found():
    r = judge({**COMPLETE, "components": 0}, 75.0, 40, 2000, DAY)[1]
    assert r.status == "partly" and ("rules.ev.no_components", {}) in r.evidence


def test_value_quantified_only_for_the_customer_is_partly_met():
    r = judge({**COMPLETE, "value_both_sides": 0, "value_our_side": 0}, 75.0, 40, 2000, DAY)[2]
    assert r.status == "partly"


@pytest.mark.parametrize(
    ("changes", "status", "evidence"),
    [
        ({"longterm_supportive_contact": date(2026, 8, 28)}, "partly", None),  # 91 days since the last contact
        ({"longterm_supportive_contact": date(2026, 8, 29)}, "met", None),  # exactly 90 days: still engaged
        ({"longterm_supportive": 0}, "partly", "rules.ev.longterm_none_supportive"),
        # a neutral one called yesterday does not engage the supportive one last seen 120 days ago
        (
            {"longterm_last_contact": date(2026, 11, 26), "longterm_supportive_contact": date(2026, 7, 30)},
            "partly",
            "rules.ev.longterm",
        ),
        ({"longterm": 0, "longterm_supportive": 0}, "not_met", "rules.ev.no_longterm"),
        ({"longterm": 0, "longterm_supportive": 0, "beyond_purchasing": 0}, "not_met", "rules.ev.only_purchasing"),
        ({"stakeholders": 0}, "not_met", "rules.ev.no_stakeholders"),
    ],
)
def test_stakeholders_with_long_term_responsibility_must_be_engaged(changes, status, evidence):
    r = rule_stakeholders({**COMPLETE, **changes}, DAY)
    assert r.status == status
    if evidence:
        assert evidence in [k for k, _ in r.evidence]


def test_a_committee_that_does_not_meet_breaks_the_fifth_rule():
    r = rule_plan({**COMPLETE, "last_meeting": date(2026, 5, 1)}, DAY)
    assert r.status == "partly" and "rules.ev.committee_not_meeting" in [k for k, _ in r.evidence]


def test_stale_kpis_and_no_agreed_plan():
    assert rule_plan({**COMPLETE, "last_kpi_period": date(2026, 7, 1)}, DAY).status == "partly"
    assert rule_plan({**COMPLETE, "plans_agreed": 0, "last_meeting": None, "kpis": 0}, DAY).status == "not_met"


def test_health_table_has_a_score_per_account():
    # K2: poor fit (0) + strategy without components (½) + value (1) + stakeholders (1) + plan not agreed (½)
    facts = pd.DataFrame([COMPLETE, {**COMPLETE, "customer_id": "K2", "components": 0, "plans_agreed": 0}])
    t = health_table(facts, pd.Series({"K1": 80.0, "K2": 30.0}), pd.Series({"K1": 3, "K2": 1}), 2000, DAY)
    assert dict(zip(t["customer_id"], t["rules_score"], strict=True)) == {"K1": 5.0, "K2": 3.0}
