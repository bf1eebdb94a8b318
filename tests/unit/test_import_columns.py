"""Column checks of the imports give each row its own answer, whether worked out cell by cell or once per
distinct value (as large files are: a month column holds a few dozen months in millions of rows)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from skam_core.io.columns import (
    Problems,
    _parse_months,
    duplicated_months,
    known_customers,
    out_of_range,
    parse_months,
    parse_numbers,
)

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


def _plain_cells(rng: np.random.Generator, n: int, decimal: str) -> list[str]:
    """Numbers as exports write them: a sign sometimes, digits, a decimal part sometimes."""
    cells = []
    for _ in range(n):
        sign = rng.choice(["", "-", "+"], p=[0.8, 0.15, 0.05])
        whole = str(int(rng.integers(0, 10 ** int(rng.integers(1, 10)))))
        part = decimal + str(int(rng.integers(0, 1000))).zfill(int(rng.integers(1, 4))) if rng.random() < 0.7 else ""
        cells.append(sign + whole + part)
    return cells + ["9" * 400]  # beyond a double: infinite, refused


@pytest.mark.parametrize("decimal", [".", ","])
def test_a_column_of_plain_numbers_reads_as_the_full_form_of_its_dialect_reads_it(decimal):
    cells = _plain_cells(np.random.default_rng(11), 500, decimal)
    plain_values, plain_bad = parse_numbers(pd.Series(cells, dtype="str"), decimal)
    # One grouped cell sends the same column through the full form check: the plain cells must read alike.
    grouped = "1.234,5" if decimal == "," else "1,234.5"
    full_values, full_bad = parse_numbers(pd.Series([*cells, grouped], dtype="str"), decimal)
    pd.testing.assert_series_equal(plain_values, full_values.iloc[: len(cells)])
    pd.testing.assert_series_equal(plain_bad, full_bad.iloc[: len(cells)])
    assert plain_bad.tolist() == [False] * (len(cells) - 1) + [True]
    assert full_values.iloc[-1] == 1234.5


def test_known_customers_number_the_rows_only_when_every_customer_is_known():
    def ids(cells: list[str]) -> pd.Series:
        return pd.Series(cells, index=pd.Index([2, 3, 4], name="row"), dtype="str")

    problems = Problems()
    numbers = known_customers(ids(["K2", "K1", "K2"]), {"K1", "K2", "K3"}, problems)
    assert numbers is not None and numbers.tolist() == [1, 0, 1] and not problems
    assert known_customers(ids(["K2", "NOPE", ""]), {"K1", "K2"}, problems) is None
    assert [str(p) for p in problems.sorted()] == ["row 3, column customer_id: 'NOPE' is not a known customer"]


@pytest.mark.parametrize("years", [1, 40])  # counted in an array, or (months far apart) hashed
def test_every_row_of_a_repeated_customer_and_month_is_a_duplicate(years):
    rng = np.random.default_rng(5)
    n = 400
    customers = rng.integers(0, 60, n)
    months = (
        pd.Series(pd.to_datetime("1990-01-01") + pd.to_timedelta(rng.integers(0, 12 * years, n) * 31, unit="D"))
        .dt.to_period("M")
        .dt.to_timestamp()
        .astype("datetime64[s]")
    )
    months[rng.random(n) < 0.1] = pd.NaT  # unreadable months are never duplicates
    pairs = pd.DataFrame({"c": customers, "m": months})
    expected = (pairs.duplicated(["c", "m"], keep=False) & months.notna()).to_numpy()
    got = duplicated_months(customers.astype(np.int64), months)
    assert got.tolist() == expected.tolist()
    assert expected.any() and not expected.all()
