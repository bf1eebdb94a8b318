"""Stakeholder coverage findings on hand-made stakeholder lists (fixed today)."""

from datetime import date, timedelta

import pandas as pd
import pytest

from skam_core.analytics.stakeholders import (
    coverage_findings,
    feedback_log,
    function_coverage,
    sentiment_balance,
    stale_contacts,
    with_engagement,
)

TODAY = date(2026, 6, 30)


def people(*rows):
    """rows: (name, function, influence, attitude, long_term, days since contact or None)."""
    return pd.DataFrame(
        [
            {
                "id": f"s{i}",
                "name": n,
                "job_title": "",
                "function": f,
                "influence": infl,
                "attitude": att,
                "long_term_responsibility": lt,
                "last_contact": None if d is None else TODAY - timedelta(days=d),
            }
            for i, (n, f, infl, att, lt, d) in enumerate(rows)
        ]
    )


def codes(findings):
    return {f.code: f for f in findings}


def test_nobody_recorded_is_one_problem():
    empty = people()
    assert [(f.level, f.code) for f in coverage_findings(empty, TODAY)] == [("problem", "no_stakeholders")]


def test_only_purchasing_engaged_is_a_warning_and_the_missing_functions_are_named():
    df = people(("Lindner", "purchasing", 4, -1, False, 10), ("Hahn", "purchasing", 3, 0, False, 30))
    found = codes(coverage_findings(df, TODAY))
    assert found["only_purchasing"].level == "warning"
    assert found["functions_missing"].params["functions"] == ["management", "finance", "rnd", "production"]
    assert found["no_long_term"].level == "problem"
    assert "only_operational" not in found


def test_purchasing_and_production_only_is_the_operational_warning():
    df = people(("Lindner", "purchasing", 4, 0, False, 10), ("Kurz", "production", 3, 1, False, 20))
    found = codes(coverage_findings(df, TODAY))
    assert "only_operational" in found and "only_purchasing" not in found


def test_purchasing_engaged_with_management_is_no_warning():
    df = people(("Lindner", "purchasing", 4, 0, False, 10), ("Albers", "management", 5, 1, True, 40))
    found = codes(coverage_findings(df, TODAY))
    assert "only_purchasing" not in found and "only_operational" not in found
    assert found["long_term_engaged"].params["names"] == ["Albers"]


def test_ninety_days_is_the_boundary_of_engagement():
    df = people(("A", "management", 5, 1, True, 90), ("B", "finance", 4, 0, True, 91), ("C", "rnd", 3, 1, False, None))
    eng = with_engagement(df, TODAY)
    assert list(eng["engaged"]) == [True, False, False]
    assert list(eng["days_since_contact"].astype("object")) == [90, 91, pd.NA]
    found = codes(coverage_findings(df, TODAY))
    # most influential first; never contacted counts as stale
    assert found["stale_contacts"].params["names"] == ["B", "C"]
    assert found["functions_not_engaged"].params["functions"] == ["finance", "rnd"]
    assert list(stale_contacts(df, TODAY)["name"]) == ["B", "C"]


def test_long_term_owners_on_the_map_but_silent_are_a_problem():
    df = people(("Albers", "management", 5, 1, True, 120), ("Lindner", "purchasing", 4, 0, False, 5))
    found = codes(coverage_findings(df, TODAY))
    assert found["long_term_not_engaged"].level == "problem"
    assert found["long_term_not_engaged"].params["names"] == ["Albers"]


def test_influential_opponents_and_sceptical_long_term_owners_are_named():
    df = people(("Albers", "management", 5, -2, True, 10), ("Lindner", "purchasing", 4, -1, False, 10))
    found = codes(coverage_findings(df, TODAY))
    assert found["influential_opponents"].params["names"] == ["Albers", "Lindner"]
    assert found["long_term_opposed"].params["names"] == ["Albers"]


def test_full_coverage_reports_ok_and_findings_are_ordered_worst_first():
    df = people(
        ("Albers", "management", 5, 1, True, 5),
        ("Brenner", "finance", 4, 0, True, 5),
        ("Jäger", "rnd", 4, 2, True, 5),
        ("Kurz", "production", 3, 1, False, 5),
        ("Lindner", "purchasing", 4, -1, False, 200),
        ("Hahn", "purchasing", 3, 0, False, 10),
    )
    findings = coverage_findings(df, TODAY)
    found = codes(findings)
    assert "all_functions_reached" in found
    levels = [f.level for f in findings]
    assert levels == sorted(levels, key=["problem", "warning", "ok"].index)


def test_function_coverage_lists_every_function_with_key_functions_first():
    df = people(("Albers", "management", 5, 1, True, 5), ("Lindner", "purchasing", 4, -1, False, 200))
    cov = function_coverage(df, TODAY).set_index("function")
    assert list(cov.index[:5]) == ["management", "finance", "rnd", "production", "purchasing"]
    assert len(cov) == 9
    assert cov.loc["management", "reached"] and not cov.loc["purchasing", "reached"]
    assert cov.loc["purchasing", "stakeholders"] == 1 and cov.loc["finance", "stakeholders"] == 0


@pytest.mark.parametrize(("sentiments", "expected"), [([], (0, 0, 0)), ([1, 1, 0, -1], (2, 1, 1))])
def test_sentiment_balance(sentiments, expected):
    fb = pd.DataFrame({"sentiment": sentiments})
    b = sentiment_balance(fb)
    assert (b["positive"], b["neutral"], b["negative"]) == expected


def test_feedback_names_the_linked_stakeholder_and_else_the_free_name():
    sh = people(("Albers", "management", 5, 1, True, 5))
    fb = pd.DataFrame(
        {
            "received_on": [date(2026, 5, 1), date(2026, 6, 1)],
            "stakeholder_id": ["s0", None],
            "from_name": [None, "Herr Maier (Betriebsrat)"],
            "text": ["gut", "zu teuer"],
            "sentiment": [1, -1],
        }
    )
    log = feedback_log(fb, sh)
    assert list(log["from"]) == ["Herr Maier (Betriebsrat)", "Albers"]  # newest first
