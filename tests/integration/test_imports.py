"""Imports: every problem named by row and column, all or nothing, idempotent, German Excel CSV and XLSX."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from skam_core.domain.users import PermissionDenied
from skam_core.services.imports import import_file as run_import
from tests.conftest import ADMIN, AM_BECKER, VIEWER, key_account_of

CUSTOMERS = (
    "customer_id,name,industry,skam_stage,skam_start,account_manager\n"
    "A1,Alpha GmbH,Maschinenbau,implementation,2025-03-15,am@x.example\n"
    "B2,Beta AG,,none,,\n"
)
FINANCIALS = (
    "customer_id,month,revenue,operating_profit\nA1,2026-01,1000.5,120\nA1,2026-02-01,900,-10\nB2,2026-01,50,5\n"
)


def _write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    p = tmp_path / name
    p.write_bytes(text.encode(encoding))
    return p


def _count(store, table: str) -> int:
    return store.query(f"SELECT count(*) FROM {table}").single_value()


@pytest.fixture
def base(store, tmp_path):
    assert run_import(store, ADMIN, "customers", _write(tmp_path, "c.csv", CUSTOMERS)).ok
    return store


def test_customers_and_financials_import_and_report_counts(base, tmp_path):
    r = run_import(base, ADMIN, "financials", _write(tmp_path, "f.csv", FINANCIALS))
    assert r.ok and r.written and (r.added, r.changed, r.unchanged) == (3, 0, 0)
    row = base.query(
        "SELECT revenue, operating_profit FROM financials WHERE customer_id='A1' AND month='2026-02-01'"
    ).first()
    assert row == {"revenue": 900.0, "operating_profit": -10.0}


def test_importing_the_same_file_twice_changes_nothing(base, tmp_path):
    f = _write(tmp_path, "f.csv", FINANCIALS)
    run_import(base, ADMIN, "financials", f)
    before = (_count(base, "financials"), _count(base, "customers"))
    r = run_import(base, ADMIN, "financials", f)
    r2 = run_import(base, ADMIN, "customers", _write(tmp_path, "c.csv", CUSTOMERS))
    assert (r.added, r.changed, r.unchanged) == (0, 0, 3) and (r2.added, r2.changed) == (0, 0)
    assert (_count(base, "financials"), _count(base, "customers")) == before


def test_a_changed_value_adds_a_version_and_keeps_the_old_one(base, tmp_path):
    run_import(base, ADMIN, "financials", _write(tmp_path, "f.csv", FINANCIALS))
    r = run_import(base, ADMIN, "financials", _write(tmp_path, "g.csv", FINANCIALS.replace("900,-10", "950,-10")))
    assert (r.added, r.changed, r.unchanged) == (0, 1, 2)
    versions = base.query(
        "SELECT revenue, valid_to IS NULL AS cur FROM financials WHERE customer_id='A1'"
        " AND month='2026-02-01' ORDER BY valid_from"
    ).rows
    assert versions == [(900.0, False), (950.0, True)]


def test_german_excel_csv_is_read(base, tmp_path):
    text = "customer_id;month;revenue;operating_profit\nA1;2026-03;1.234,56;-12,5\nB2;2026-03;0;0\n"
    r = run_import(base, ADMIN, "financials", _write(tmp_path, "de.csv", text, "cp1252"))
    assert r.ok, r.problems
    assert base.query(
        "SELECT revenue, operating_profit FROM financials WHERE month='2026-03-01' AND customer_id='A1'"
    ).first() == {"revenue": 1234.56, "operating_profit": -12.5}


def test_windows_1252_names_keep_their_umlauts(store, tmp_path):
    text = "customer_id;name\nU1;Müller Fördertechnik GmbH\n"
    assert run_import(store, ADMIN, "customers", _write(tmp_path, "u.csv", text, "cp1252")).ok
    assert (
        store.query("SELECT name FROM customers WHERE customer_id='U1'").single_value() == "Müller Fördertechnik GmbH"
    )


def test_xlsx_is_read(base, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["customer_id", "month", "revenue", "operating_profit", "note"])
    ws.append(["A1", "2026-04", 100, 10.5, "x"])
    ws.append(["B2", "2026-04", 20.25, -1, None])
    p = tmp_path / "f.xlsx"
    wb.save(p)
    r = run_import(base, ADMIN, "financials", p)
    assert r.ok, r.problems
    assert r.added == 2 and any("note" in w for w in r.warnings)


BAD_FINANCIALS = [
    ("customer_id,month,revenue\nA1,2026-01,1\n", ["row 1, column operating_profit: required column is missing"]),
    (
        "customer_id,month,revenue,operating_profit\nZZ,2026-01,1,1\n",
        ["row 2, column customer_id: 'ZZ' is not a known customer"],
    ),
    ("customer_id,month,revenue,operating_profit\nA1,2026-13,1,1\n", ["row 2, column month: '2026-13' is not a month"]),
    (
        "customer_id,month,revenue,operating_profit\nA1,Jan 2026,1,1\n",
        ["row 2, column month: 'Jan 2026' is not a month"],
    ),
    ("customer_id,month,revenue,operating_profit\nA1,2026-01,-5,1\n", ["row 2, column revenue: -5 is negative"]),
    (
        "customer_id,month,revenue,operating_profit\nA1,2026-01,abc,1\n",
        ["row 2, column revenue: 'abc' is not a number"],
    ),
    (
        "customer_id,month,revenue,operating_profit\nA1,2026-01,1,\n",
        ["row 2, column operating_profit: is empty but required"],
    ),
    (
        "customer_id,month,revenue,operating_profit\nA1,2026-01,1,1\nA1,2026-01-15,2,2\n",
        [
            "row 2, column month: 'A1 2026-01': the same customer and month appear more than once",
            "row 3, column month: 'A1 2026-01-15': the same customer and month appear more than once",
        ],
    ),
    ("", ["row 1, column -: the file is empty"]),
]


@pytest.mark.parametrize(("text", "expected"), BAD_FINANCIALS)
def test_bad_financials_are_reported_by_row_and_column_and_nothing_is_written(base, tmp_path, text, expected):
    before = _count(base, "financials")
    r = run_import(base, ADMIN, "financials", _write(tmp_path, "bad.csv", text))
    assert not r.ok and not r.written
    assert len(r.problems) == len(expected)
    for problem, start in zip(r.problems, expected, strict=True):
        assert problem.startswith(start), problem
    assert _count(base, "financials") == before


def test_every_problem_of_a_file_is_listed_not_just_the_first(base, tmp_path):
    text = "customer_id,month,revenue,operating_profit\nA1,2026-01,x,1\nZZ,2026-02,1,1\nA1,2026-99,-1,y\n"
    r = run_import(base, ADMIN, "financials", _write(tmp_path, "bad.csv", text))
    assert [p.split(":")[0] for p in r.problems] == [
        "row 2, column revenue",
        "row 3, column customer_id",
        "row 4, column month",
        "row 4, column operating_profit",
        "row 4, column revenue",
    ]


BAD_CUSTOMERS = [
    ("customer_id,name\n,Nameless\n", "row 2, column customer_id: is empty but required"),
    ("customer_id,name\nX1,\n", "row 2, column name: is empty but required"),
    ("customer_id,name,skam_stage\nX1,N,kickoff\n", "row 2, column skam_stage: 'kickoff' is not one of"),
    ("customer_id,name,skam_start\nX1,N,15.03.2025\n", "row 2, column skam_start: '15.03.2025' is not an ISO date"),
    ("customer_id,name,account_manager\nX1,N,nobody\n", "row 2, column account_manager: 'nobody' is not an e-mail"),
    ("customer_id,name\nX1,N\nX1,M\n", "row 2, column customer_id: 'X1' appears more than once"),
]


@pytest.mark.parametrize(("text", "expected"), BAD_CUSTOMERS)
def test_bad_customers_are_reported(store, tmp_path, text, expected):
    r = run_import(store, ADMIN, "customers", _write(tmp_path, "bad.csv", text))
    assert not r.ok and r.problems[0].startswith(expected), r.problems
    assert _count(store, "customers") == 0


def test_dry_run_counts_but_writes_nothing(base, tmp_path):
    r = run_import(base, ADMIN, "financials", _write(tmp_path, "f.csv", FINANCIALS), dry_run=True)
    assert r.ok and not r.written and r.added == 3
    assert _count(base, "financials") == 0


def test_extra_columns_are_ignored_with_a_warning(base, tmp_path):
    r = run_import(
        base,
        ADMIN,
        "financials",
        _write(
            tmp_path,
            "f.csv",
            FINANCIALS.replace("operating_profit\n", "operating_profit,remark\n", 1).replace("120\n", "120,x\n"),
        ),
    )
    assert r.ok and any("remark" in w for w in r.warnings)


def test_partial_customer_file_keeps_columns_it_does_not_name(base, tmp_path):
    run_import(base, ADMIN, "customers", _write(tmp_path, "c2.csv", "customer_id,name\nA1,Alpha GmbH & Co. KG\n"))
    row = base.query(
        "SELECT name, skam_stage, account_manager FROM customers WHERE customer_id='A1' AND valid_to IS NULL"
    ).first()
    assert row == {"name": "Alpha GmbH & Co. KG", "skam_stage": "implementation", "account_manager": "am@x.example"}


def test_viewers_cannot_import_and_account_managers_only_their_kpis(demo_store, tmp_path):
    with pytest.raises(PermissionDenied):
        run_import(demo_store, VIEWER, "kpis", _write(tmp_path, "k.csv", "customer_id,kpi,period,value\n"))
    with pytest.raises(PermissionDenied):
        run_import(demo_store, AM_BECKER, "financials", _write(tmp_path, "f.csv", FINANCIALS))
    other = key_account_of(demo_store, "t.yilmaz@hartmann-antriebe.example", "implementation")
    kpi = demo_store.query(
        "SELECT name FROM kpi_definitions WHERE customer_id=? AND valid_to IS NULL LIMIT 1", [other]
    ).single_value()
    r = run_import(
        demo_store,
        AM_BECKER,
        "kpis",
        _write(tmp_path, "k.csv", f"customer_id,kpi,period,value\n{other},{kpi},2026-01,5\n"),
    )
    assert not r.ok and "is not one of your accounts" in r.problems[0]


def test_kpi_values_import_by_kpi_name_and_are_idempotent(demo_store, tmp_path):
    cid = key_account_of(demo_store, "s.becker@hartmann-antriebe.example", "implementation")
    text = f"customer_id;kpi;period;value;comment\n{cid};liefertreue;2026-01;93,5;Import\n"
    f = _write(tmp_path, "k.csv", text, "cp1252")
    r = run_import(demo_store, ADMIN, "kpis", f)
    assert r.ok, r.problems
    assert run_import(demo_store, ADMIN, "kpis", f).unchanged == 1
    bad = run_import(
        demo_store,
        ADMIN,
        "kpis",
        _write(
            tmp_path,
            "b.csv",
            f"customer_id,kpi,period,value\n{cid},Liefertreue,2026-01,130\n{cid},Nope,2026-01,1\n"
            f"{cid},Liefertreue,2999-01,1\n",
        ),
    )
    assert [p.split(":")[0] for p in bad.problems] == [
        "row 2, column value",
        "row 3, column kpi",
        "row 4, column period",
    ]


def test_kpi_import_applies_the_entry_rules_of_the_form(demo_store, tmp_path):
    # The same rules as one value typed in: a percentage without its own range is 0-100; comments are bounded.
    from skam_core.analytics.kpi_entry import COMMENT_MAX
    from skam_core.services.items import save_item

    cid = key_account_of(demo_store, "s.becker@hartmann-antriebe.example", "implementation")
    kpi = {"id": "kpi-pct-free", "customer_id": cid, "name": "Anteil Service", "unit": "%", "direction": "higher"}
    save_item(demo_store, ADMIN, "kpi_definitions", kpi)
    long = "x" * (COMMENT_MAX + 1)
    text = (
        f"customer_id,kpi,period,value,comment\n{cid},Anteil Service,2026-01,140,\n"
        f"{cid},Anteil Service,2026-02,40,{long}\n"
    )
    bad = run_import(demo_store, ADMIN, "kpis", _write(tmp_path, "p.csv", text))
    assert [p.split(":")[0] for p in bad.problems] == ["row 2, column value", "row 3, column comment"]
    ok = run_import(
        demo_store,
        ADMIN,
        "kpis",
        _write(tmp_path, "q.csv", f"customer_id,kpi,period,value\n{cid},Anteil Service,2026-01,99.5\n"),
    )
    assert ok.ok, ok.problems
