"""Names that go into SQL as text (no ? parameter can stand for a table or a column) are plain names or refused."""

from __future__ import annotations

import pandas as pd
import pytest

from skam_core.storage import bulk, identifiers
from skam_core.storage.db import Store


@pytest.mark.parametrize("good", ["financials", "agg_fe_months", "_insert_frame", "Col2"])
def test_a_plain_name_passes(good):
    assert identifiers.name(good) == good


@pytest.mark.parametrize(
    "bad", ["", "1table", "a b", 'x"; DROP TABLE users; --', "schema.table", "naïve", "a-b", None, 3]
)
def test_anything_else_is_refused(bad):
    with pytest.raises(ValueError, match="not a plain SQL name"):
        identifiers.name(bad)


@pytest.mark.parametrize("good", ["DATE", "DOUBLE", "DECIMAL(18,2)", "TIMESTAMP WITH TIME ZONE"])
def test_a_plain_type_passes(good):
    assert identifiers.sql_type(good) == good


@pytest.mark.parametrize("bad", ["DATE); DROP TABLE x; --", "INT'", "(1)", ""])
def test_a_type_with_anything_else_is_refused(bad):
    with pytest.raises(ValueError, match="not a plain SQL type"):
        identifiers.sql_type(bad)


def test_a_bulk_insert_with_a_column_that_is_no_plain_name_writes_nothing(tmp_path):
    store = Store(tmp_path / "s.duckdb")
    before = store.query("SELECT COUNT(*) AS n FROM kpi_entries").first()["n"]
    frame = pd.DataFrame({"id) SELECT 1; --": ["x"]})
    with pytest.raises(ValueError, match="not a plain SQL name"):
        store.transaction(lambda cur: bulk.insert_frame(cur, "kpi_entries", frame))
    assert store.query("SELECT COUNT(*) AS n FROM kpi_entries").first()["n"] == before
    store.close()
