"""The shared storage helpers: ordered current reads, account rows, set-or-clear of keyed cells, the window sums;
and the helpers they replaced elsewhere (missing values, the CSV head, the customers import's spec checks)."""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta

import numpy as np
import pandas as pd
import pytest

from skam_core.domain.asof import AsOf
from skam_core.domain.periods import window_for
from skam_core.domain.values import is_missing, same_value
from skam_core.io import tabular
from skam_core.services.imports import import_file as run_import
from skam_core.services.milestones import update_milestone_status
from skam_core.storage import versioned
from skam_core.storage.queries import profit as pq
from tests.conftest import ADMIN

TODAY = date(2026, 6, 15)
NOW = AsOf.now(TODAY)

# -- ordered reads ----------------------------------------------------------------------------------------


def test_order_terms_take_columns_directions_and_null_placement():
    sql, params = versioned.current_sql(
        "stakeholders", asof=NOW, where={"customer_id": "K1"}, include_version=True, order_by=("influence desc", "name")
    )
    assert sql.endswith(" ORDER BY influence DESC, name")
    assert "valid_from, changed_by FROM stakeholders" in sql
    assert params == ["K1"]
    sql, _ = versioned.current_sql(
        "escalations", asof=NOW, order_by=("due  nulls   last", "valid_from DESC NULLS FIRST")
    )
    assert sql.endswith(" ORDER BY due NULLS LAST, valid_from DESC NULLS FIRST")
    assert "ORDER BY" not in versioned.current_sql("raci", asof=NOW)[0]


@pytest.mark.parametrize(
    "term",
    ["nonsense", "name; DROP TABLE customers", "name DESC; DELETE FROM users", "name SIDEWAYS", "lower(name)", ""],
)
def test_order_terms_refuse_anything_but_registry_columns(term):
    with pytest.raises(ValueError):
        versioned.current_sql("stakeholders", asof=NOW, order_by=(term,))


def test_columns_must_be_the_tables_own():
    sql, _ = versioned.current_sql("opportunities", asof=NOW, columns=("id", "title"))
    assert sql.startswith("SELECT id, title FROM opportunities")
    with pytest.raises(ValueError):
        versioned.current_sql("opportunities", asof=NOW, columns=("id", "is_deleted"))


def _save(store, table, values, when):
    store.transaction(lambda cur: versioned.save_version(cur, table, values, user_id="u@x.example", now=when))


def test_account_rows_filter_order_and_carry_the_version(store):
    t0 = datetime(2026, 1, 5, 12)
    for i, (cid, name, infl) in enumerate(
        [("K1", "Berta", 2), ("K1", "Anna", 3), ("K2", "Carl", 5), ("K1", "Dora", 3)]
    ):
        values = {"id": f"s{i}", "customer_id": cid, "name": name, "influence": infl}
        values |= {"function": "finance", "attitude": 0, "long_term_responsibility": False}
        _save(store, "stakeholders", values, t0)
    _save(store, "stakeholders", {"id": "s0", "name": "Berta B."}, t0 + timedelta(days=2))

    rows = versioned.account_rows(store, "stakeholders", "K1", NOW, ("influence DESC", "name"))
    assert list(rows["name"]) == ["Anna", "Dora", "Berta B."]
    assert list(rows.columns) == [*versioned.table("stakeholders").all_columns, "valid_from", "changed_by"]
    assert set(rows["changed_by"]) == {"u@x.example"}
    # As of a day between the two versions: the first name, and every account with None.
    before = versioned.account_rows(store, "stakeholders", "K1", AsOf.at(date(2026, 1, 6), TODAY), ("name",))
    assert list(before["name"]) == ["Anna", "Berta", "Dora"]
    assert len(versioned.account_rows(store, "stakeholders", None, NOW)) == 4
    titles = versioned.account_rows(store, "stakeholders", "K2", NOW, columns=("id", "name"))
    assert list(titles.columns) == ["id", "name", "valid_from", "changed_by"]
    with pytest.raises(ValueError):
        versioned.account_rows(store, "capabilities", "K1", NOW)  # a company-wide table has no account


# -- set or clear keyed cells -----------------------------------------------------------------------------


def test_set_or_clear_writes_only_changes(store):
    key = {"customer_id": "K1", "member_id": "m1", "item_kind": "objective", "item_id": "o1"}

    def apply(letter, when):
        values = None if letter is None else {"letter": letter}
        return store.transaction(
            lambda cur: versioned.set_or_clear(cur, "raci", key, values, user_id="u@x.example", now=when)
        )

    t0 = datetime(2026, 1, 5, 12)
    assert apply(None, t0) is False  # nothing to clear
    assert apply("R", t0) is True
    assert apply("R", t0 + timedelta(hours=1)) is False  # unchanged: no version
    assert apply("A", t0 + timedelta(hours=2)) is True
    assert apply(None, t0 + timedelta(hours=3)) is True
    assert apply(None, t0 + timedelta(hours=4)) is False
    with store.cursor() as cur:
        history = versioned.history(cur, "raci", key)
    assert list(history["letter"]) == ["A", "A", "R"]  # newest first: the removal keeps the last letter
    assert list(history["is_deleted"]) == [True, False, False]
    assert apply("C", t0 + timedelta(hours=5)) is True  # a cleared cell can be set again
    assert versioned.account_rows(store, "raci", "K1", NOW)["letter"].tolist() == ["C"]


# -- window sums -----------------------------------------------------------------------------------------


def test_window_sums_from_the_aggregate_equal_the_scan(store):
    today = date(2026, 6, 15)
    months = pd.date_range("2025-01-01", "2026-05-01", freq="MS")
    rows = pd.DataFrame(
        [
            {"customer_id": cid, "month": m.date(), "revenue": 100.0 + i + k, "operating_profit": 7.0 * k - i}
            for k, cid in enumerate(["A", "B", "C"])
            for i, m in enumerate(months)
        ]
    )
    with store.cursor() as cur:
        cur.register("_rows", rows)
        cur.execute(
            "INSERT INTO financials (customer_id, month, revenue, operating_profit, valid_from, changed_by)"
            " SELECT customer_id, month, revenue, operating_profit, TIMESTAMP '2026-06-01', 'import' FROM _rows"
        )
        cur.unregister("_rows")
    state = pq.ensure_aggregates(store, today)
    window = window_for(state.window_end)
    assert window is not None and pq.window_is_current(state, AsOf.now(today), window.end)
    start, end = window.start, window.end
    scan = pq.window_sums(store, AsOf.now(today), start, end).sort_values("customer_id").reset_index(drop=True)
    fast = pq.window_sums(store, AsOf.now(today), start, end, True).sort_values("customer_id").reset_index(drop=True)
    assert len(scan) == 3
    pd.testing.assert_frame_equal(scan, fast, check_dtype=False)
    spread_scan = pq.margin_spread(store, AsOf.now(today), start, end, ["A"], [])
    spread_fast = pq.margin_spread(store, AsOf.now(today), start, end, ["A"], [], current=True)
    pd.testing.assert_frame_equal(spread_scan, spread_fast, check_dtype=False)
    sql, params = pq.window_sums_sql(AsOf.now(today), None, None, True)
    assert "agg_customer_window" in sql and params == []


def test_month_rows_come_from_known_sources_only(store):
    assert pq.customer_months(store, [], NOW, date(2026, 1, 1)).empty
    with pytest.raises(ValueError):
        pq._months(store, "customers", ["A"], NOW, date(2026, 1, 1))


# -- missing values ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("v", [None, float("nan"), np.nan, np.float64("nan"), pd.NA, pd.NaT])
def test_missing_values(v):
    assert is_missing(v)
    assert same_value(v, None)


@pytest.mark.parametrize("v", [0, 0.0, "", False, "x", date(2026, 1, 1), math.inf])
def test_present_values(v):
    assert not is_missing(v)


# -- CSV head ---------------------------------------------------------------------------------------------


def test_the_dialect_is_read_from_the_head_and_the_encoding_from_all_of_the_file(tmp_path):
    body = "customer_id;name\n" + "".join(f"K{i};Kunde {i}\n" for i in range(3000))
    # Valid UTF-8 in the head, a Windows-1252 byte far behind it: the file is Windows-1252, as before.
    raw = body.encode("utf-8") + "Z1;Müller\n".encode("cp1252")
    df, dialect = tabular.read_table(raw, name="x.csv")
    assert (dialect.delimiter, dialect.encoding) == (";", "cp1252")
    assert df["name"].iloc[-1] == "Müller"
    df, dialect = tabular.read_table(b"\xef\xbb\xbf" + "id,name\n1,Ä\n".encode(), name="x.csv")
    assert dialect.encoding == "utf-8" and list(df.columns) == ["id", "name"] and df["name"].iloc[0] == "Ä"
    with pytest.raises(tabular.FileProblem, match="neither UTF-8 nor Windows-1252"):
        tabular.read_table(b"id,name\n1,\x81\n", name="x.csv")


# -- customers import by the spec -------------------------------------------------------------------------


def test_customer_import_refuses_a_too_long_name_with_row_and_column(store, tmp_path):
    path = tmp_path / "long.csv"
    path.write_text("customer_id,name,country\nX1,Kurz GmbH,DE\nX2," + "N" * 301 + ",DE\nX3,Ok AG," + "C" * 101 + "\n")
    r = run_import(store, ADMIN, "customers", path)
    assert not r.ok
    assert r.problems == [
        "row 3, column name: is longer than 300 characters",
        "row 4, column country: is longer than 100 characters",
    ]
    assert store.query("SELECT count(*) FROM customers").single_value() == 0


# -- a status update needs its milestone --------------------------------------------------------------------


def test_status_update_of_a_missing_milestone_is_refused_in_its_transaction(store):
    with pytest.raises(versioned.NotFoundError, match="does not exist any more"):
        update_milestone_status(store, ADMIN, "no-such-milestone", "on_track", "läuft")
    assert store.query("SELECT count(*) FROM milestones").single_value() == 0
