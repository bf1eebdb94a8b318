"""Column checks of the imports give each row its own answer, whether worked out cell by cell or once per
distinct value (as large files are: a month column holds a few dozen months in millions of rows)."""

from __future__ import annotations

import pandas as pd
import pytest

from skam_core.io.columns import Problems, _parse_months, known_customers, out_of_range, parse_months, parse_numbers

CELLS = ["2026-01", "2026-01-31", "2026-02-30", "", "2021-13", "0000-01", "2026-01", "x", "2026-01"] * 3


def _column(cells: list[str]) -> pd.Series:
    # Excel rows as the reader numbers them (header = 1), with a gap where a blank line was.
    index = pd.Index([2, 3, 4, 6, 7, 8, 9, 10, 11] + list(range(12, 12 + len(cells) - 9)), name="row")
    return pd.Series(cells, index=index, dtype="str")


def test_months_parsed_once_per_distinct_value_match_the_cell_by_cell_parse():
    text = _column(CELLS)
    months, bad = parse_months(text)
    each_months, each_bad = _parse_months(text)
    pd.testing.assert_series_equal(months, each_months)
    pd.testing.assert_series_equal(bad, each_bad)
    assert list(bad.index) == list(text.index)
    assert bad.tolist()[:9] == [False, False, True, False, True, False, False, True, False]
    assert out_of_range(text).tolist()[:9] == [False, False, False, False, False, True, False, False, False]


def test_unknown_customers_are_named_by_their_own_row():
    ids = _column(["K1", "K2", "", "NOPE", "K1", "K2", "K1", "NOPE", "K1"])
    problems = Problems()
    known_customers(ids, {"K1", "K2"}, problems)
    assert [str(p) for p in problems.sorted()] == [
        "row 6, column customer_id: 'NOPE' is not a known customer",
        "row 10, column customer_id: 'NOPE' is not a known customer",
    ]


@pytest.mark.parametrize(
    ("cell", "decimal", "value"),
    [
        ("1.234,5", ",", 1234.5),
        ("1 234,5", ",", 1234.5),
        ("1\u00a0234,5", ",", 1234.5),
        ("-0,5", ",", -0.5),
        ("1,5E+15", ",", 1.5e15),
        ("1,234.56", ".", 1234.56),
        (".5", ".", 0.5),
        ("91.5", ",", None),
        ("12,34", ".", None),
        ("1.2.3,4", ",", None),
        ("+", ".", None),
        ("e5", ".", None),  # an exponent without a mantissa once stopped the import with a traceback
        ("E+3", ",", None),
        ("-e5", ".", None),
    ],
)
def test_a_number_is_read_only_in_the_form_of_its_dialect(cell, decimal, value):
    values, bad = parse_numbers(pd.Series([cell, "7"], dtype="str"), decimal)
    if value is None:
        assert bool(bad[0]) and pd.isna(values[0])
    else:
        assert not bad[0] and values[0] == value
    assert values[1] == 7.0 and not bad[1]
