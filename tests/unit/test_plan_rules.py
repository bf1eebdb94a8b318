"""The plan's rules: which version is in force, the shared parts, the RACI matrix and its gaps, readiness."""

from datetime import date

import pandas as pd

from skam_core.analytics import plan as p

TODAY = date(2026, 6, 30)


def versions(*rows):
    return pd.DataFrame(
        [{"id": f"v{n}", "version_no": n, "status": s, "title": f"Plan {n}", "agreed_on": None} for n, s in rows]
    )


def test_the_plan_in_force_is_the_latest_agreed_version_else_the_latest_draft():
    assert p.current_version(versions((1, "superseded"), (2, "agreed"), (3, "draft")))["version_no"] == 2
    assert p.current_version(versions((1, "draft"), (2, "draft")))["version_no"] == 2
    assert p.current_version(versions((1, "superseded")))["version_no"] == 1
    assert p.current_version(versions()) is None


def test_parts_are_parsed_in_canonical_order_and_unknown_words_ignored():
    assert p.parse_parts(" kpis, Team ,foo,objectives") == ["objectives", "team", "kpis"]
    assert p.parse_parts(None) == [] and p.parse_parts(float("nan")) == []
    assert p.format_parts(["kpis", "team"]) == "team,kpis"


TEAM = pd.DataFrame({"id": ["m1", "m2", "m3"], "name": ["A", "B", "C"], "side": ["ours", "ours", "customer"]})
OBJ = pd.DataFrame({"id": ["o1"], "objective": ["Liefertreue 97 %"]})
MS = pd.DataFrame({"id": ["x2", "x1"], "title": ["Später", "Zuerst"], "due": [date(2026, 9, 1), date(2026, 7, 1)]})


def raci(*cells):
    return pd.DataFrame(
        [{"customer_id": "K1", "member_id": mm, "item_kind": k, "item_id": i, "letter": x} for mm, k, i, x in cells]
    )


def test_raci_matrix_rows_are_objectives_then_milestones_by_due_date():
    items = p.raci_items(OBJ, MS)
    assert [(i.kind, i.item_id) for i in items] == [("objective", "o1"), ("milestone", "x1"), ("milestone", "x2")]
    matrix = p.raci_matrix(raci(("m1", "objective", "o1", "A"), ("m9", "objective", "o1", "R")), TEAM, items)
    assert matrix.loc[("objective", "o1"), "m1"] == "A"
    assert "m9" not in matrix.columns  # a member no longer in the team is left out
    assert matrix.loc[("milestone", "x1")].tolist() == ["", "", ""]


def test_raci_gaps_need_an_r_and_exactly_one_a():
    items = p.raci_items(OBJ, MS)
    cells = raci(
        ("m1", "objective", "o1", "A"),
        ("m3", "objective", "o1", "R"),
        ("m1", "milestone", "x1", "A"),
        ("m2", "milestone", "x1", "A"),
        ("m3", "milestone", "x1", "R"),
    )
    gaps = {g.code: g.items for g in p.raci_gaps(p.raci_matrix(cells, TEAM, items), items)}
    assert gaps == {"no_responsible": ["Später"], "no_accountable": ["Später"], "several_accountable": ["Zuerst"]}


def test_readiness_of_an_empty_plan_fails_every_check():
    empty = pd.DataFrame()
    team = pd.DataFrame(columns=["id", "side", "on_steering_committee"])
    checks = p.readiness(
        versions(),
        pd.DataFrame(columns=["id"]),
        team,
        pd.DataFrame(columns=["id", "name"]),
        pd.DataFrame(columns=["kpi_id"]),
        pd.DataFrame(columns=["id"]),
        empty,
        [],
        TODAY,
    )
    assert not any(c.ok for c in checks)
    assert [c.code for c in checks][:2] == ["agreed", "objectives"]


def test_readiness_names_kpis_without_targets_and_needs_both_sides_on_the_steering_committee():
    team = pd.DataFrame({"id": ["m1", "m2"], "side": ["ours", "customer"], "on_steering_committee": [True, False]})
    kpis = pd.DataFrame({"id": ["k1", "k2"], "name": ["Liefertreue", "Umsatz"]})
    checks = {
        c.code: c
        for c in p.readiness(
            versions((1, "agreed")),
            OBJ,
            team,
            kpis,
            pd.DataFrame({"kpi_id": ["k1"]}),
            MS,
            pd.DataFrame(
                {
                    "name": ["Albers"],
                    "influence": [5],
                    "attitude": [1],
                    "function": ["management"],
                    "long_term_responsibility": [True],
                    "last_contact": [date(2026, 6, 1)],
                }
            ),
            [],
            TODAY,
        )
    }
    assert checks["agreed"].ok and checks["team_both_sides"].ok
    assert not checks["steering_both_sides"].ok
    assert not checks["kpis_with_targets"].ok and checks["kpis_with_targets"].params["missing"] == ["Umsatz"]
    assert checks["long_term_engaged"].ok and checks["raci_complete"].ok
