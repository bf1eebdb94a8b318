"""Steps 1-3 analytics on hand-computed examples: strategy completeness, fit score pieces, fit against size,
delivery capacity and the value economics."""

from datetime import date

import numpy as np
import pandas as pd
import pytest

from skam_core.analytics import capacity as cap
from skam_core.analytics import fit, strategy, value
from skam_core.domain.rules import fit_score

# -- step 1: completeness ------------------------------------------------------------------------------------


def _forces(scores: dict[str, int], evidence: str | None = "seen in the market") -> pd.DataFrame:
    return pd.DataFrame(
        {"customer_id": "C1", "force": list(scores), "score": list(scores.values()), "evidence": evidence}
    )


def _prios(weights: list[float]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": [f"p{i}" for i in range(len(weights))],
            "customer_id": "C1",
            "priority": [f"Priority {i}" for i in range(len(weights))],
            "weight": weights,
            "sort_order": range(len(weights)),
        }
    )


ALL_FORCES = {f: 3 for f in strategy.FORCES}
MARKETS = pd.DataFrame({"name": ["Food", "Pharma"], "demand": ["Hygiene", "Validation"], "trend": "growing"})
COMPONENTS = pd.DataFrame({"component": ["Changeover under 10 min"], "exclusive": [True]})


def test_an_empty_analysis_is_not_understood_and_names_every_force_as_missing():
    done = strategy.completeness(_forces({}), MARKETS.iloc[:0], COMPONENTS.iloc[:0], _prios([]))
    assert done.share == 0.0
    assert not done.understood
    assert done.check("forces").missing == strategy.FORCES
    assert done.check("forces").found == 0


def test_without_distinguishing_components_the_customer_is_not_understood():
    done = strategy.completeness(_forces(ALL_FORCES), MARKETS, COMPONENTS.iloc[:0], _prios([40, 30, 30]))
    assert not done.understood
    assert [c.key for c in done.open] == ["components"]
    assert done.share == pytest.approx(4 / 5)


def test_a_complete_analysis_is_understood():
    done = strategy.completeness(_forces(ALL_FORCES), MARKETS, COMPONENTS, _prios([40, 30, 30]))
    assert done.understood and done.share == 1.0 and not done.open


def test_missing_forces_evidence_and_markets_are_reported_but_only_forces_are_essential():
    forces = _forces({"rivalry": 4, "substitutes": 2, "buyer_power": 5}, evidence=None)
    forces.loc[0, "evidence"] = "three Asian competitors"
    done = strategy.completeness(forces, MARKETS.iloc[:1], COMPONENTS, _prios([1, 1]))
    assert done.check("forces").missing == ("new_entrants", "supplier_power")
    assert done.check("evidence").missing == ("substitutes", "buyer_power")
    assert (done.check("evidence").found, done.check("evidence").needed) == (1, 3)
    assert not done.check("markets").done and not done.check("priorities").done
    assert not done.understood  # two forces missing
    assert done.share == pytest.approx(1 / 5)  # only the components check is met


def test_force_profile_keeps_porters_order_and_leaves_unscored_forces_open():
    profile = strategy.force_profile(_forces({"supplier_power": 2, "rivalry": 4}))
    assert list(profile["force"]) == list(strategy.FORCES)
    assert profile["score"].tolist()[0] == 4 and profile["score"].tolist()[-1] == 2
    assert profile["score"].isna().sum() == 3
    assert strategy.competitive_pressure(_forces({"supplier_power": 2, "rivalry": 4})) == 3.0
    assert strategy.competitive_pressure(_forces({})) is None


def test_priority_shares_are_weights_over_their_sum():
    shares = strategy.priority_shares(_prios([3, 1]))
    assert shares["share"].tolist() == [0.75, 0.25]


# -- step 2: fit score pieces -----------------------------------------------------------------------------------

PRIOS = pd.DataFrame({"id": ["A", "B"], "customer_id": "C1", "priority": ["Energy", "Speed"], "weight": [3.0, 1.0]})
CELLS = pd.DataFrame(
    {
        "customer_id": "C1",
        "priority_id": ["A", "A", "B"],
        "capability_id": ["c1", "c2", "c1"],
        "score": [2, 3, 1],
        "note": None,
    }
)
CAPS = pd.DataFrame(
    {
        "id": ["c1", "c2", "c3"],
        "name": ["Custom drives", "Energy", "Service"],
        "strength": [5, 2, np.nan],
        "is_project_capability": [True, True, False],
    }
)


def test_fit_score_by_hand():
    # 100 * (3 * 3 + 1 * 1) / (3 * (3 + 1)) = 1000 / 12
    assert fit_score({"A": 3.0, "B": 1.0}, [("A", "c1", 2), ("A", "c2", 3), ("B", "c1", 1)]) == pytest.approx(
        83.3333, abs=1e-3
    )
    assert fit.fit_scores(PRIOS, CELLS)["C1"] == pytest.approx(1000 / 12)


def test_the_vectorised_fit_scores_equal_the_documented_rule_for_every_customer():
    rng = np.random.default_rng(3)
    prios, cells = [], []
    for c in range(60):
        n = int(rng.integers(0, 5))
        for k in range(n):
            prios.append((f"C{c}", f"C{c}-p{k}", float(rng.choice([0.0, 5.0, 10.0, 25.0, 40.0]))))
            for cap_id in rng.choice(7, int(rng.integers(0, 4)), replace=False):
                cells.append((f"C{c}", f"C{c}-p{k}", f"cap{cap_id}", int(rng.integers(0, 4))))
    cells.append(("C1", "not-a-priority", "cap1", 3))  # ignored, as in the rule
    p = pd.DataFrame(prios, columns=["customer_id", "id", "weight"])
    c = pd.DataFrame(cells, columns=["customer_id", "priority_id", "capability_id", "score"])
    got = fit.fit_scores(p, c)
    for cid, g in p.groupby("customer_id"):
        triples = [tuple(r) for r in c[c["customer_id"] == cid][["priority_id", "capability_id", "score"]].to_numpy()]
        want = fit_score(dict(zip(g["id"], g["weight"], strict=True)), triples)
        assert (np.isnan(got[cid]) and want is None) or got[cid] == pytest.approx(want)
    assert set(got.index) == set(p["customer_id"])
    assert fit.fit_scores(p.iloc[:0], c).empty


def test_breakdown_points_add_up_to_the_fit_score():
    b = fit.fit_breakdown(PRIOS, CELLS).set_index("id")
    assert b.loc["A", "points"] == pytest.approx(75.0)  # 100 * 3 * 3 / 12
    assert b.loc["B", "points"] == pytest.approx(100 / 12)  # 100 * 1 * 1 / 12
    assert b.loc["A", "max_points"] == pytest.approx(75.0) and b.loc["B", "max_points"] == pytest.approx(25.0)
    assert b.loc["A", "best_capability"] == "c2" and b.loc["B", "best_capability"] == "c1"
    assert b["points"].sum() == pytest.approx(fit.fit_scores(PRIOS, CELLS)["C1"])


def test_an_unscored_priority_counts_zero_and_is_flagged():
    b = fit.fit_breakdown(PRIOS, CELLS[CELLS["priority_id"] == "A"]).set_index("id")
    assert not b.loc["B", "scored"] and b.loc["B", "points"] == 0.0 and pd.isna(b.loc["B", "best_capability"])
    assert b["points"].sum() == pytest.approx(75.0)


def test_matrix_tells_unscored_cells_from_zero():
    cells = pd.concat(
        [
            CELLS,
            pd.DataFrame(
                {"customer_id": ["C1"], "priority_id": ["B"], "capability_id": ["c3"], "score": [0], "note": [None]}
            ),
        ]
    )
    m = fit.fit_matrix(PRIOS, CAPS, cells)
    assert m.shape == (2, 3)
    assert m.loc["A", "c2"] == 3 and m.loc["B", "c3"] == 0
    assert np.isnan(m.loc["A", "c3"])


def test_delivery_readiness_of_the_capability_an_opportunity_needs():
    assert fit.delivery_readiness(["c1", "c2", "c3", None, "nope"], CAPS) == [
        "ok",
        "weak",
        "no_project",
        "unknown",
        "unknown",
    ]


def _accounts(fits, revenues):
    return pd.DataFrame({"customer_id": [f"K{i}" for i in range(len(fits))], "fit_score": fits, "revenue": revenues})


def test_size_predicts_fit_perfectly_inverse():
    res = fit.fit_vs_size(_accounts([10, 20, 30, 40, 50], [5e6, 4e6, 3e6, 2e6, 1e6]))
    assert res.rho == pytest.approx(-1.0) and res.verdict == "strong" and res.significant


def test_size_does_not_predict_fit_by_hand():
    # ranks of revenue 2,5,1,6,4,3 against fit 1..6: sum d^2 = 28, rho = 1 - 6 * 28 / (6 * 35) = 0.2
    res = fit.fit_vs_size(_accounts([1, 2, 3, 4, 5, 6], [2e6, 5e6, 1e6, 6e6, 4e6, 3e6]))
    assert res.rho == pytest.approx(0.2) and res.verdict == "none" and not res.significant


def test_too_few_accounts_and_those_without_revenue_or_fit_are_left_out():
    res = fit.fit_vs_size(_accounts([10, 20, np.nan, 40, 50, 60], [1e6, 2e6, 3e6, 0.0, 5e6, 6e6]))
    assert res.n == 4 and res.verdict == "too_few" and res.rho is None


# -- step 2: delivery capacity ----------------------------------------------------------------------------------


def _opps(rows):
    cols = ["id", "customer_id", "title", "effort_person_days", "start_month", "duration_months"]
    return pd.DataFrame(rows, columns=cols)


OPPS = _opps(
    [
        ("o1", "MINE", "Energy package", 90.0, date(2026, 2, 1), 3),  # 30 PD in Feb, Mar, Apr
        ("o2", "OTHER", "Platform", 120.0, date(2026, 3, 1), 2),  # 60 PD in Mar, Apr
        ("o3", "OTHER", "Not planned", 50.0, None, 4),
    ]
)
CAPACITY = pd.DataFrame({"quarter": ["2026-Q1", "2026-Q2", "2026-Q3"], "person_days": [100.0, 100.0, 50.0]})


def test_quarters():
    assert cap.quarter_of(date(2026, 9, 30)) == "2026-Q3"
    assert cap.quarter_start("2026-Q4") == date(2026, 10, 1)
    assert cap.quarter_add("2026-Q4", 1) == "2027-Q1" and cap.quarter_add("2026-Q1", -1) == "2025-Q4"
    assert cap.quarters_between("2025-Q4", "2026-Q2") == ["2025-Q4", "2026-Q1", "2026-Q2"]


def test_effort_is_spread_evenly_over_the_months():
    m = cap.effort_by_month(OPPS)
    assert m.groupby("opportunity_id")["person_days"].sum().to_dict() == {"o1": 90.0, "o2": 120.0}
    assert m[m["opportunity_id"] == "o1"]["person_days"].tolist() == [30.0, 30.0, 30.0]
    assert cap.unplanned(OPPS)["id"].tolist() == ["o3"]


def test_capacity_overload_by_hand():
    demand = cap.quarterly_demand(OPPS, "MINE")
    check = cap.capacity_check(demand, CAPACITY).set_index("quarter")
    # Q1: 30 + 30 (o1 Feb, Mar) + 60 (o2 Mar) = 120 > 100; Q2: 30 + 60 = 90 -> 90 % tight; Q3: nothing
    assert check.loc["2026-Q1", "demand"] == pytest.approx(120.0)
    assert check.loc["2026-Q1", "account_demand"] == pytest.approx(60.0)
    assert check.loc["2026-Q1", "others_demand"] == pytest.approx(60.0)
    assert check.loc["2026-Q1", "status"] == "over" and check.loc["2026-Q1", "free"] == pytest.approx(-20.0)
    assert check.loc["2026-Q2", "utilisation"] == pytest.approx(0.9) and check.loc["2026-Q2", "status"] == "tight"
    assert check.loc["2026-Q3", "status"] == "ok" and check.loc["2026-Q3", "demand"] == 0.0
    assert cap.problem_quarters(check.reset_index(), "2026-Q1")["quarter"].tolist() == ["2026-Q1"]
    assert cap.problem_quarters(check.reset_index(), "2026-Q2").empty


def test_demand_without_recorded_capacity_is_flagged():
    late = _opps([("o9", "MINE", "Later", 30.0, date(2026, 10, 1), 1)])
    check = cap.capacity_check(cap.quarterly_demand(late, "MINE"), CAPACITY).set_index("quarter")
    assert check.loc["2026-Q4", "status"] == "no_capacity" and np.isnan(check.loc["2026-Q4", "capacity"])
    assert list(check.index) == ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]  # gaps filled


def test_declined_components_need_no_delivery():
    items = pd.DataFrame({"opportunity_id": ["o1", "o2", "o2"], "status": ["accepted", "declined", "declined"]})
    assert cap.deliverable(OPPS, items)["id"].tolist() == ["o1", "o3"]
    partly = pd.DataFrame({"opportunity_id": ["o2", "o2"], "status": ["declined", "proposed"]})
    assert cap.deliverable(OPPS, partly)["id"].tolist() == ["o1", "o2", "o3"]


# -- step 3: value economics ------------------------------------------------------------------------------------

VOPPS = pd.DataFrame(
    {
        "id": ["o1", "o2", "o3"],
        "type": ["product", "service", "new_market"],
        "customer_value_eur": [200_000.0, 80_000.0, 40_000.0],
        "our_revenue_eur": [120_000.0, 50_000.0, 60_000.0],
        "our_margin_pct": [25.0, 30.0, 20.0],
        "effort_person_days": [15.0, 6.0, 10.0],
        "effort_cost_eur": [12_000.0, 5_000.0, None],
        "start_month": [date(2026, 1, 1), date(2026, 2, 1), date(2026, 6, 1)],
        "duration_months": [3, 1, 2],
        "capability_id": ["c1", "c2", "c3"],
        "copy_risk": [2, 4, 5],
        "copy_risk_reason": ["competitors lack test benches", "standard service", "anyone can"],
    }
)
ITEMS = pd.DataFrame(
    {
        "id": ["v1", "v2", "v3"],
        "opportunity_id": ["o1", "o2", "o3"],
        "title": ["Energy package", "Service", "Retrofit"],
        "customer_benefit_eur": [None, 70_000.0, 30_000.0],
        "status": ["accepted", "declined", "proposed"],
        "sequence_no": [1, 2, 3],
        "note": None,
    }
)


def test_components_take_the_economics_of_their_opportunity():
    c = value.components(ITEMS, VOPPS).set_index("id")
    assert c.loc["v1", "customer_benefit_eur"] == 200_000.0  # falls back to the opportunity's customer value
    assert c.loc["v2", "customer_benefit_eur"] == 70_000.0  # the component's own figure wins
    assert c.loc["v1", "contribution_eur"] == pytest.approx(30_000.0)  # 120,000 x 25 %
    assert c.loc["v1", "revenue_from"] == date(2026, 4, 1)
    assert c.loc["v3", "missing"] == ("effort_cost_eur",)
    assert c.loc["v1", "missing"] == ()


def test_monthly_economics_of_one_component_by_hand():
    c = value.components(ITEMS, VOPPS)
    eco = value.economics(c, date(2026, 11, 1), years=1)
    assert eco.start == date(2026, 1, 1) and eco.months == 12
    # v1: effort 12,000 over Jan-Mar (4,000 a month); revenue 10,000 and contribution 2,500 a month from April
    stages = eco.stages.set_index("id")
    assert stages.loc["v1", "revenue"] == pytest.approx(90_000.0)
    assert stages.loc["v1", "contribution"] == pytest.approx(22_500.0)
    assert stages.loc["v1", "effort_cost"] == pytest.approx(12_000.0)
    assert stages.loc["v1", "profit"] == pytest.approx(10_500.0)
    # cumulative -12,000 end of March, +2,500 a month: -2,000 end of July, +500 end of August = month 8
    assert stages.loc["v1", "payback_months"] == 8
    assert not stages.loc["v3", "complete"] and np.isnan(stages.loc["v3", "profit"])
    assert "v2" not in stages.index  # declined
    q = eco.periods.set_index("period")
    assert q["profit"].tolist() == pytest.approx([-12_000.0, 7_500.0, 7_500.0, 7_500.0])
    assert q["cumulative_profit"].tolist() == pytest.approx([-12_000.0, -4_500.0, 3_000.0, 10_500.0])


def test_summary_of_the_proposition_by_hand():
    c = value.components(ITEMS, VOPPS)
    s = value.economics(c, date(2026, 11, 1), years=1).summary
    assert (s.components, s.declined) == (2, 1)
    assert s.benefit_per_year == pytest.approx(230_000.0)  # v1 200,000 + v3 30,000; v2 declined
    assert s.benefit_accepted == pytest.approx(200_000.0)
    assert s.contribution_per_year == pytest.approx(30_000.0)  # only v1 has complete economics
    assert s.effort_cost == pytest.approx(12_000.0) and s.profit == pytest.approx(10_500.0)
    assert s.incomplete == ("Retrofit",)
    assert s.hard_to_copy_share == pytest.approx(200_000 / 230_000)
    assert s.value_ratio == pytest.approx(230_000 / 30_000)


def test_a_longer_horizon_earns_the_effort_back_several_times():
    c = value.components(ITEMS.iloc[:1], VOPPS)
    s3 = value.economics(c, date(2026, 11, 1), years=3).summary
    # 33 months of 2,500 contribution after the 3 delivery months, minus 12,000 effort
    assert s3.profit == pytest.approx(33 * 2_500.0 - 12_000.0)


def test_no_components_give_empty_economics():
    c = value.components(ITEMS.iloc[:0], VOPPS)
    eco = value.economics(c, date(2026, 11, 1), years=3)
    assert eco.periods.empty and eco.stages.empty
    assert eco.summary.components == 0 and eco.summary.profit == 0.0 and eco.summary.value_ratio is None
    assert eco.start == date(2026, 10, 1)  # the quarter of today


def test_the_horizon_starts_with_the_quarter_of_the_first_start():
    c = value.components(ITEMS.iloc[1:2].assign(status="proposed"), VOPPS)  # o2 starts in February
    eco = value.economics(c, date(2026, 11, 1), years=1)
    assert eco.start == date(2026, 1, 1) and list(eco.periods["period"]) == [f"2026-Q{q}" for q in range(1, 5)]
    # 5,000 effort in February; 50,000 x 30 % = 15,000 a year from March: 10 months = 12,500
    assert eco.summary.profit == pytest.approx(12_500.0 - 5_000.0)
