"""The browser bench's figures: a page's ratio is the median of its pairs (page ÷ the blank loaded just before
it), so that a machine slowing down during a run moves page and blank together, not the ratio."""

import pytest

from skam_core.bench.browser import summarise


def test_a_slowdown_during_the_run_meets_page_and_blank_alike_and_leaves_the_ratio():
    # The machine twice as slow for the last two pairs: medians of the loads move, the paired ratio does not.
    pairs = [(0.3, 0.45), (0.3, 0.45), (0.3, 0.45), (0.6, 0.9), (0.6, 0.9)]
    page = summarise({"pairs": {"fit": pairs}})["pages"]["fit"]
    assert page["ratio"] == pytest.approx(1.5)
    assert page["page_s"] == pytest.approx(0.45)


def test_the_same_way_blank_is_the_median_over_every_pair_of_every_page():
    m = {"pairs": {"a": [(0.30, 0.5), (0.32, 0.6)], "b": [(0.34, 0.7)]}}
    assert summarise(m)["blank_same_way_s"] == pytest.approx(0.32)
    assert set(summarise(m)["pages"]) == {"a", "b"}
