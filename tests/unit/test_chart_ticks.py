"""Chart ticks in the page's language: round steps that cover the data, texts written by Babel."""

import math

import pytest

from skam_core.charts.axes import nice_ticks
from skam_core.charts.theme import eur_ticks, share_ticks


@pytest.mark.parametrize(
    ("values", "zero", "expected"),
    [
        ([0.021, 0.127], False, [0.0, 0.05, 0.1, 0.15]),
        ([0.05, 0.06], True, [0.0, 0.02, 0.04, 0.06]),
        ([-0.03, 0.02], False, [-0.03, -0.02, -0.01, 0.0, 0.01, 0.02]),
        ([120_000, 246_000], True, [0.0, 50_000.0, 100_000.0, 150_000.0, 200_000.0, 250_000.0]),
    ],
)
def test_nice_ticks_cover_the_values_in_round_steps(values, zero, expected):
    assert nice_ticks(values, zero=zero) == pytest.approx(expected)


def test_nothing_finite_gives_no_ticks_and_one_value_gets_a_small_range():
    assert nice_ticks([math.nan, None]) == []
    ticks = nice_ticks([0.05])
    assert ticks[0] <= 0.05 <= ticks[-1] and len(ticks) >= 2


def test_share_ticks_are_german_with_a_space_and_english_without():
    de, en = share_ticks([0.021, 0.127], "de"), share_ticks([0.021, 0.127], "en")
    assert de["ticktext"] == ["0 %", "5 %", "10 %", "15 %"] and en["ticktext"] == ["0%", "5%", "10%", "15%"]
    assert "5,2 %" in share_ticks([0.051, 0.058], "de")["ticktext"]  # steps below a point get a decimal


def test_money_ticks_are_written_like_every_amount_on_the_page():
    de = eur_ticks("de", [120_000, 1_600_000])
    assert "500.000 €" in de["ticktext"] and "1,5\u00a0Mio.\u00a0€" in de["ticktext"]
    assert eur_ticks("en", [0, 246_000])["ticktext"][-1] == "€250k"
    assert eur_ticks("de") == {"ticksuffix": " €", "tickprefix": ""}


def test_ticks_take_a_pandas_series_as_well():
    import pandas as pd

    assert nice_ticks(pd.Series([0.01, 0.04, None])) == pytest.approx([0.01, 0.02, 0.03, 0.04])
