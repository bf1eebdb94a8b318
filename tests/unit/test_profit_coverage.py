"""How often the 95 % interval of the SKAM effect holds the planted effect, over seeded panels made in code:
balanced, and messy (a third of the other customers come and go at a lower level; 0.5 % of their months are
10 EUR invoices with -5,000 EUR credit notes). From twelve accounts on the interval is the wild cluster
bootstrap with the month effects' variance added; below, the placebo interval.

The default run uses 30 seeds per case (a check that the interval is not far off); the long run (marker
``long``, left out by default) uses 200 per case and holds the rate to 93-97 %; the figures of
docs/methodology.md come from it: ``python -m pytest tests/unit/test_profit_coverage.py -m long -s``."""

from __future__ import annotations

import pytest

from tests.unit.profit_panels import make_panel, run, truth

CASES = {
    "balanced_20_accounts": {"treated": 20, "others": 300},
    "messy_20_accounts": {"treated": 20, "others": 300, "entering": 1 / 3, "tiny": 0.005},
    "messy_12_accounts_staggered": {
        "treated": 12,
        "others": 300,
        "entering": 1 / 3,
        "tiny": 0.005,
        "starts": [16, 24, 32],
    },
    "one_account": {"treated": 1, "others": 300},
}


def coverage(case: dict, seeds: range) -> float:
    hits = 0
    for seed in seeds:
        panel, starts = make_panel(seed=seed, **case)
        e = run(panel, starts).result.effect
        hits += e.ci_low <= truth(panel, starts) <= e.ci_high
    return hits / len(seeds)


@pytest.mark.parametrize("name", list(CASES))
def test_intervals_cover_the_planted_effect_at_about_their_nominal_rate(name):
    rate = coverage(CASES[name], range(100, 130))
    assert rate >= 0.85, f"{name}: {rate:.0%} of 30 intervals hold the planted effect"


@pytest.mark.long
@pytest.mark.parametrize("name", list(CASES))
def test_over_200_panels_the_interval_covers_93_to_97_percent(name):
    rate = coverage(CASES[name], range(1000, 1200))
    print(f"\n{name}: coverage {rate:.1%} over 200 seeded panels")
    assert 0.93 <= rate <= 0.97
