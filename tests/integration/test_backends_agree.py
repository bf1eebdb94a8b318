"""The demo company on PostgreSQL shows the same numbers as on DuckDB: the data behind every page (bench's
PAGE_DATA), the candidates and the users, now and as known on an earlier day."""

from __future__ import annotations

import dataclasses
import math
from datetime import date, timedelta
from typing import Any

import numpy as np
import pandas as pd
import pytest

from skam_core.bench.page_data import PAGE_DATA
from skam_core.domain.asof import AsOf
from skam_core.storage.db import Store
from skam_core.views import candidates as candidates_view
from skam_core.views import common as common_view
from tests.conftest import DEMO_TODAY

pytestmark = pytest.mark.timeout(600)


@pytest.fixture(scope="module")
def both(demo_template, pg_cluster, pg_demo_template):
    duck = Store(demo_template)
    url = pg_cluster.create_database(pg_demo_template)
    pg = Store(url)
    yield duck, pg
    duck.close()
    pg.close()
    pg_cluster.drop_database(url)


def _same(a: Any, b: Any, where: str) -> None:
    """Deep equality of view results (frames, dataclasses, containers; floats to 1e-9 relative)."""
    if isinstance(a, pd.DataFrame):
        assert isinstance(b, pd.DataFrame), where
        assert list(a.columns) == list(b.columns), where
        # Rows a query returns without ORDER BY may come in another order from each engine: compare as sets.
        pd.testing.assert_frame_equal(_rows_sorted(a), _rows_sorted(b), check_dtype=False, rtol=1e-9, obj=where)
    elif isinstance(a, pd.Series):
        pd.testing.assert_series_equal(a, b, check_dtype=False, rtol=1e-9, obj=where)
    elif dataclasses.is_dataclass(a) and not isinstance(a, type):
        assert type(a) is type(b), where
        for f in dataclasses.fields(a):
            _same(getattr(a, f.name), getattr(b, f.name), f"{where}.{f.name}")
    elif isinstance(a, dict):
        assert set(a) == set(b), where
        for k in a:
            _same(a[k], b[k], f"{where}[{k!r}]")
    elif isinstance(a, list | tuple):
        assert len(a) == len(b), where
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            _same(x, y, f"{where}[{i}]")
    elif isinstance(a, np.ndarray):
        np.testing.assert_allclose(a, b, rtol=1e-9, err_msg=where)
    elif isinstance(a, float) and isinstance(b, float):
        assert (math.isnan(a) and math.isnan(b)) or math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12), where
    else:
        assert a == b or (pd.isna(a) is True and pd.isna(b) is True), f"{where}: {a!r} != {b!r}"


def _rows_sorted(frame: pd.DataFrame) -> pd.DataFrame:
    if frame.empty or not len(frame.columns):
        return frame.reset_index(drop=True)
    keys = frame.astype(str)
    order = keys.sort_values(list(keys.columns), kind="stable").index
    return frame.loc[order].reset_index(drop=True)


EARLIER = DEMO_TODAY - timedelta(days=200)


@pytest.mark.parametrize("knowledge", [None, EARLIER], ids=["now", "earlier"])
@pytest.mark.parametrize("page", sorted(PAGE_DATA))
def test_every_page_shows_the_same_data_on_postgresql_as_on_duckdb(both, page: str, knowledge: date | None):
    duck, pg = both
    asof = AsOf(DEMO_TODAY, knowledge)
    _same(PAGE_DATA[page](duck, asof), PAGE_DATA[page](pg, asof), page)


def test_candidates_and_users_are_the_same_on_both_engines(both):
    duck, pg = both
    asof = AsOf(DEMO_TODAY, None)
    _same(candidates_view.candidates(duck, asof), candidates_view.candidates(pg, asof), "candidates")
    _same(common_view.users(duck, asof), common_view.users(pg, asof), "users")
    _same(common_view.account_choices(duck, asof), common_view.account_choices(pg, asof), "accounts")
