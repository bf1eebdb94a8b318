"""The plan page's derived facts: the vectorised rules give what the row-by-row rules gave (kept here as the
reference), on seeded random plans; and the facts views.plan computes once equal the rules called one by one."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest

from skam_core.analytics import plan as p
from skam_core.analytics import stakeholders as sh
from skam_core.analytics.plan_facts import facts_of, plan_facts, with_facts
from skam_core.domain.enums import StakeholderFunction

TODAY = date(2026, 6, 30)
FUNCTIONS = [f.value for f in StakeholderFunction]


def random_plan(seed: int) -> p.PlanView:
    rng = np.random.default_rng(seed)
    n_sh, n_team, n_obj, n_ms = (int(x) for x in rng.integers(0, 9, size=4))
    stakeholders = pd.DataFrame(
        {
            "id": [f"s{i}" for i in range(n_sh)],
            "name": [f"Person {i}" for i in range(n_sh)],
            "job_title": [None if rng.random() < 0.3 else f"Titel {i}" for i in range(n_sh)],
            "function": rng.choice(FUNCTIONS, size=n_sh).tolist(),
            "influence": rng.integers(1, 6, size=n_sh).tolist(),
            "attitude": rng.integers(-2, 3, size=n_sh).tolist(),
            "long_term_responsibility": [None if rng.random() < 0.2 else bool(rng.random() < 0.4) for _ in range(n_sh)],
            # never, within the window, long ago, or in the future (counts as today)
            "last_contact": [
                None if rng.random() < 0.2 else TODAY - timedelta(days=int(rng.integers(-10, 400))) for _ in range(n_sh)
            ],
        }
    )
    team = pd.DataFrame(
        {
            "id": [f"m{i}" for i in range(n_team)],
            "name": [f"Mitglied {i}" for i in range(n_team)],
            "side": rng.choice(["ours", "customer"], size=n_team).tolist(),
            "role": ["Rolle"] * n_team,
            "on_steering_committee": (rng.random(n_team) < 0.5).tolist(),
        }
    )
    objectives = pd.DataFrame({"id": [f"o{i}" for i in range(n_obj)], "objective": [f"Ziel {i}" for i in range(n_obj)]})
    milestones = pd.DataFrame(
        {
            "id": [f"x{i}" for i in range(n_ms)],
            "title": [f"Meilenstein {i}" for i in range(n_ms)],
            "due": [TODAY + timedelta(days=int(d)) for d in rng.integers(-100, 100, size=n_ms)],
        }
    )
    cells = [
        {
            "customer_id": "K1",
            "member_id": f"m{int(m)}",
            "item_kind": kind,
            "item_id": f"{kind[0]}{int(i)}",
            "letter": str(rng.choice(list("RACI"))),
        }
        for kind, m, i in zip(
            rng.choice(["objective", "milestone"], size=20),
            rng.integers(0, 10, size=20),
            rng.integers(0, 10, size=20),
            strict=True,
        )
    ]
    raci = pd.DataFrame(cells).drop_duplicates(["member_id", "item_kind", "item_id"], keep="last")
    raci["item_id"] = raci["item_id"].str.replace("^m", "x", regex=True)
    feedback = pd.DataFrame(
        {
            "received_on": [TODAY - timedelta(days=int(d)) for d in rng.integers(0, 300, size=6)],
            "stakeholder_id": [f"s{int(i)}" if rng.random() < 0.6 else None for i in rng.integers(0, 10, size=6)],
            "from_name": [f"Herr {i}" if rng.random() < 0.8 else None for i in range(6)],
            "text": [f"Text {i}" for i in range(6)],
            "sentiment": rng.integers(-1, 2, size=6).tolist(),
        }
    )
    definitions = pd.DataFrame({"id": ["k1", "k2"], "name": ["Liefertreue", "Umsatz"], "unit": ["%", "EUR"]})
    targets = pd.DataFrame(
        {
            "kpi_id": ["k1", "k1", "k2"],
            "period": [date(2026, 1, 1), date(2026, 9, 1), date(2026, 3, 1)],
            "target": [95.0, 97.0, 1e6],
        }
    )
    versions = pd.DataFrame([{"id": "v1", "version_no": 1, "status": "agreed", "title": "Plan", "agreed_on": None}])
    empty = pd.DataFrame(columns=["id", "title"])
    return p.PlanView(
        stakeholders,
        feedback,
        versions,
        p.current_version(versions),
        objectives,
        team,
        raci,
        milestones,
        definitions,
        targets,
        empty,
        empty,
    )


# The rules as they were, row by row: the reference the vectorised ones must agree with.
def engagement_by_rows(stakeholders: pd.DataFrame, today: date) -> pd.DataFrame:
    df = stakeholders.copy()
    ages = [sh.contact_age_days(v, today) for v in df["last_contact"]]
    df["days_since_contact"] = pd.array(ages, dtype="Int64")
    df["engaged"] = [a is not None and a <= sh.CONTACT_WINDOW_DAYS for a in ages]
    df["long_term_responsibility"] = df["long_term_responsibility"].fillna(False).astype(bool)
    return df


def coverage_by_rows(stakeholders: pd.DataFrame, today: date) -> pd.DataFrame:
    df = engagement_by_rows(stakeholders, today)
    order = list(sh.KEY_FUNCTIONS) + [f for f in FUNCTIONS if f not in sh.KEY_FUNCTIONS]
    rows = []
    for func in order:
        part = df[df["function"] == func] if not df.empty else df
        rows.append(
            {
                "function": func,
                "key_function": func in sh.KEY_FUNCTIONS,
                "stakeholders": len(part),
                "engaged": int(part["engaged"].sum()) if len(part) else 0,
                "max_influence": int(part["influence"].max()) if len(part) else None,
                "mean_attitude": float(part["attitude"].mean()) if len(part) else None,
            }
        )
    out = pd.DataFrame(rows)
    out["reached"] = out["engaged"] > 0
    return out


def matrix_by_cells(raci: pd.DataFrame, team: pd.DataFrame, items: list[p.RaciItem]) -> pd.DataFrame:
    members = list(team["id"]) if not team.empty else []
    index = pd.MultiIndex.from_tuples([(i.kind, i.item_id) for i in items], names=["item_kind", "item_id"])
    m = pd.DataFrame("", index=index, columns=members, dtype=object)
    for r in raci.to_dict("records"):
        key = (r["item_kind"], r["item_id"])
        if key in m.index and r["member_id"] in m.columns:
            m.loc[key, r["member_id"]] = r["letter"]
    return m


SEEDS = range(12)


@pytest.mark.parametrize("seed", SEEDS)
def test_engagement_and_function_coverage_agree_with_the_row_by_row_rules(seed):
    view = random_plan(seed)
    pd.testing.assert_frame_equal(
        sh.with_engagement(view.stakeholders, TODAY), engagement_by_rows(view.stakeholders, TODAY)
    )
    pd.testing.assert_frame_equal(
        sh.function_coverage(view.stakeholders, TODAY), coverage_by_rows(view.stakeholders, TODAY)
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_raci_matrix_and_gaps_agree_with_the_cell_by_cell_rules(seed):
    view = random_plan(seed)
    items = p.raci_items(view.objectives, view.milestones)
    reference = matrix_by_cells(view.raci, view.team, items)
    matrix = p.raci_matrix(view.raci, view.team, items)
    pd.testing.assert_frame_equal(matrix, reference)
    assert p.raci_gaps(matrix, items) == p.raci_gaps(reference, items)
    letters = p.raci_letters(view.raci, view.team, items)
    assert {k: [v.get(m, "") for m in view.team["id"]] for k, v in letters.items()} == {
        k: list(row) for k, row in zip(reference.index, reference.to_numpy().tolist(), strict=True)
    }


def test_a_sender_without_a_name_or_title_is_blank_not_nan():
    fb = pd.DataFrame(
        {"received_on": [TODAY], "stakeholder_id": [None], "from_name": [float("nan")], "text": ["x"], "sentiment": [0]}
    )
    people = pd.DataFrame({"id": ["s0"], "name": ["Albers"], "job_title": [float("nan")]})
    log = sh.feedback_log(fb, people)
    assert (log.loc[0, "from"], log.loc[0, "from_title"]) == ("", "")
    fb["stakeholder_id"] = ["s0"]
    log = sh.feedback_log(fb, people)
    assert (log.loc[0, "from"], log.loc[0, "from_title"]) == ("Albers", "")


@pytest.mark.parametrize("seed", SEEDS)
def test_the_facts_computed_once_equal_the_rules_called_one_by_one(seed):
    view = random_plan(seed)
    facts = plan_facts(view, TODAY)
    assert facts.checks == p.check_plan(view, TODAY)
    assert facts.findings == sh.coverage_findings(view.stakeholders, TODAY)
    pd.testing.assert_frame_equal(facts.feedback_log, sh.feedback_log(view.feedback, view.stakeholders))
    assert facts.sentiment == sh.sentiment_balance(view.feedback)
    items = p.raci_items(view.objectives, view.milestones)
    assert facts.raci_gaps == p.raci_gaps(p.raci_matrix(view.raci, view.team, items), items)
    assert facts_of(view, TODAY).checks == facts.checks  # a view made without facts gets them computed
    filled = with_facts(view, TODAY)
    assert facts_of(filled, date(2030, 1, 1)) is filled.facts  # views.plan's are taken as they are


def test_the_kpi_target_in_force_is_the_latest_up_to_the_month_shown():
    facts = plan_facts(random_plan(0), TODAY)
    assert facts.kpi_target_now == {"k1": 95.0, "k2": 1e6}  # k1's 97 % starts in September
    assert facts.kpi_targets_until == {"k1": date(2026, 9, 1), "k2": date(2026, 3, 1)}
    later = plan_facts(random_plan(0), date(2026, 9, 15))
    assert later.kpi_target_now["k1"] == 97.0
