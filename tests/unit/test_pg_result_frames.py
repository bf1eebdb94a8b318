"""A PostgreSQL result becomes the same DataFrame DuckDB's df() would make of it (values, dtypes, names), whether
pg_cursor builds it with pyarrow or hands it to DuckDB: both backends give the pages equal frames."""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd
import pyarrow as pa
import pytest

from skam_core.storage.pg_cursor import _ARROW_TYPES, arrow_frame

_SAMPLES: dict[str, list[object]] = {
    "bool": [True, False, True],
    "int": [1, -2, 2**40],
    "float": [1.5, -0.25, 3.0],
    "string": ["a", "", "ß"],
    "date": [dt.date(2020, 1, 31), dt.date(1999, 12, 1), dt.date(2026, 12, 15)],
    "timestamp": [dt.datetime(2020, 1, 1, 3, 4, 5, 6), dt.datetime(2021, 3, 1), dt.datetime(2026, 12, 15, 23)],
    "timestamptz": [
        dt.datetime(2020, 1, 1, 3, tzinfo=dt.UTC),
        dt.datetime(2021, 3, 1, tzinfo=dt.UTC),
        dt.datetime(2026, 6, 1, tzinfo=dt.UTC),
    ],
    "list": [[1.0, 2.0], [], [3.0]],
}


def _kind(t: pa.DataType) -> str:
    if pa.types.is_boolean(t):
        return "bool"
    if pa.types.is_integer(t):
        return "int"
    if pa.types.is_floating(t):
        return "float"
    if pa.types.is_date(t):
        return "date"
    if pa.types.is_timestamp(t):
        return "timestamptz" if t.tz else "timestamp"
    if pa.types.is_list(t):
        return "list"
    return "string"


def _values(t: pa.DataType, nulls: str) -> list[object]:
    values = list(_SAMPLES[_kind(t)])
    if _kind(t) == "list" and not pa.types.is_floating(t.value_type):
        values = [[str(x) for x in v] if pa.types.is_string(t.value_type) else [int(x) for x in v] for v in values]
    if _kind(t) == "int" and t.bit_width < 64:
        values = [1, -2, 7]
    if nulls == "some":
        values[1] = None
    if nulls == "all":
        values = [None] * len(values)
    return values


def _duckdb_frame(result: pa.Table) -> pd.DataFrame:
    con = duckdb.connect(config={"threads": 1})
    try:
        return con.execute("SELECT * FROM result").df()
    finally:
        con.close()


TYPES = sorted({str(t): t for t in _ARROW_TYPES.values()}.items())


@pytest.mark.parametrize("rows", ["none", "three"])
@pytest.mark.parametrize("nulls", ["no", "some", "all"])
@pytest.mark.parametrize(("name", "arrow_type"), TYPES, ids=[n for n, _ in TYPES])
def test_a_result_column_becomes_the_frame_duckdb_makes(name, arrow_type, nulls, rows):
    values = _values(arrow_type, nulls) if rows == "three" else []
    table = pa.table({"c": pa.array(values, type=arrow_type), "n": pa.array(range(len(values)), pa.int64())})
    pd.testing.assert_frame_equal(arrow_frame(table), _duckdb_frame(table), check_exact=True)
    assert list(arrow_frame(table).columns) == ["c", "n"]


def test_a_result_of_many_columns_keeps_their_order_and_names():
    table = pa.table(
        {
            "z": pa.array([1, None], pa.int64()),
            "a": pa.array(["x", None], pa.string()),
            "a_1": pa.array([dt.date(2024, 2, 29), None], pa.date32()),
            "m": pa.array([None, True], pa.bool_()),
        }
    )
    got = arrow_frame(table)
    pd.testing.assert_frame_equal(got, _duckdb_frame(table), check_exact=True)
    assert list(got.columns) == ["z", "a", "a_1", "m"]
