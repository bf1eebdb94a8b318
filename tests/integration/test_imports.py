"""Imports: every problem named by row and column, all or nothing, idempotent, German Excel CSV and XLSX."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from skam_core.domain.enums import Role
from skam_core.domain.users import PermissionDenied, User
from skam_core.services import imports as imports_service
from skam_core.services.imports import ImportResult
from skam_core.services.imports import import_file as run_import
from skam_core.services.items import save_item
from skam_core.services.kpis import record_kpi_entry
from tests.conftest import ADMIN, AM_BECKER, AM_YILMAZ, ROOT, VIEWER, key_account_of

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


# -- who may import: the same rules as every other write (services.imports checks them in the transaction) ------

EXECUTIVE = User("vorstand@hartmann-antriebe.example", "Vorstand", Role.EXECUTIVE)


def _fingerprint(store) -> dict[str, tuple]:
    """Every table's row count and a hash of all its rows: equal fingerprints, unchanged store."""
    tables = store.query(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' AND table_type = 'BASE TABLE'"
        " ORDER BY table_name"
    ).rows
    return {
        name: tuple(store.query(f"SELECT count(*), sum(hash(t)::HUGEINT) FROM {name} AS t").rows[0])
        for (name,) in tables
    }


def _own_kpi_file(store, tmp_path, manager: str, value: str = "5") -> tuple[str, Path]:
    cid = key_account_of(store, manager, "implementation")
    kpi = store.query(
        "SELECT name FROM kpi_definitions WHERE customer_id=? AND valid_to IS NULL AND NOT is_deleted LIMIT 1", [cid]
    ).single_value()
    return cid, _write(tmp_path, f"k-{cid}.csv", f"customer_id,kpi,period,value\n{cid},{kpi},2026-01,{value}\n")


def test_executive_cannot_import_kpi_values(demo_store, tmp_path):
    # record_kpi_entry refuses executives (they edit no account content); the import refuses them as well.
    _, f = _own_kpi_file(demo_store, tmp_path, AM_BECKER.user_id)
    with pytest.raises(PermissionDenied):
        record_kpi_entry(demo_store, EXECUTIVE, _kpi_id_of(demo_store, f), date(2026, 1, 1), 5.0)
    with pytest.raises(PermissionDenied):
        run_import(demo_store, EXECUTIVE, "kpis", f)
    with pytest.raises(PermissionDenied):
        run_import(demo_store, EXECUTIVE, "kpis", f, dry_run=True)


def _kpi_id_of(store, f: Path) -> str:
    cid, name = f.read_text().splitlines()[1].split(",")[:2]
    return store.query(
        "SELECT id FROM kpi_definitions WHERE customer_id=? AND name=? AND valid_to IS NULL", [cid, name]
    ).single_value()


@pytest.mark.parametrize("kind", ["customers", "financials", "kpis"])
def test_viewer_cannot_import_anything(demo_store, tmp_path, kind):
    text = {"customers": CUSTOMERS, "financials": FINANCIALS, "kpis": "customer_id,kpi,period,value\nA1,x,2026-01,1\n"}
    with pytest.raises(PermissionDenied):
        run_import(demo_store, VIEWER, kind, _write(tmp_path, f"{kind}.csv", text[kind]))


@pytest.mark.parametrize("kind", ["customers", "financials"])
def test_only_admins_import_customers_and_financials(demo_store, tmp_path, kind):
    text = {"customers": CUSTOMERS, "financials": FINANCIALS}[kind]
    for user in (AM_BECKER, EXECUTIVE, VIEWER):
        with pytest.raises(PermissionDenied):
            run_import(demo_store, user, kind, _write(tmp_path, f"{kind}.csv", text))


def test_account_manager_imports_kpis_of_their_own_account(demo_store, tmp_path):
    _, f = _own_kpi_file(demo_store, tmp_path, AM_BECKER.user_id, "7")
    r = run_import(demo_store, AM_BECKER, "kpis", f)
    assert r.ok and r.written and r.added + r.changed == 1, r.problems


def test_account_manager_cannot_import_kpis_of_another_account(demo_store, tmp_path):
    own, own_file = _own_kpi_file(demo_store, tmp_path, AM_BECKER.user_id)
    other, other_file = _own_kpi_file(demo_store, tmp_path, AM_YILMAZ.user_id)
    both = _write(
        tmp_path, "both.csv", own_file.read_text() + other_file.read_text().splitlines()[1] + "\n"
    )  # one own row, one foreign row: all or nothing
    before = _fingerprint(demo_store)
    r = run_import(demo_store, AM_BECKER, "kpis", both)
    assert not r.ok and not r.written
    assert r.problems == [f"row 3, column customer_id: '{other}' is not one of your accounts"]
    assert _fingerprint(demo_store) == before
    assert run_import(demo_store, AM_YILMAZ, "kpis", other_file).written  # its own manager may


def test_account_manager_is_refused_when_the_account_changed_hands_before_the_write(demo_store, tmp_path, monkeypatch):
    # The check that counts runs inside the writing transaction, against the account's manager at that moment.
    cid, f = _own_kpi_file(demo_store, tmp_path, AM_BECKER.user_id)
    real_parse = imports_service.import_kpis.parse

    def parse_then_reassign(*args, **kwargs):
        out = real_parse(*args, **kwargs)
        save_item(demo_store, ADMIN, "customers", {"customer_id": cid, "account_manager": AM_YILMAZ.user_id})
        return out

    monkeypatch.setattr(imports_service.import_kpis, "parse", parse_then_reassign)
    before = _count(demo_store, "kpi_entries")
    with pytest.raises(PermissionDenied, match=cid):
        run_import(demo_store, AM_BECKER, "kpis", f)
    assert _count(demo_store, "kpi_entries") == before


@pytest.mark.parametrize(
    ("user", "kind"),
    [(VIEWER, "kpis"), (EXECUTIVE, "kpis"), (AM_BECKER, "financials"), (AM_BECKER, "customers"), (AM_BECKER, "kpis")],
)
def test_refused_import_leaves_store_unchanged(demo_store, tmp_path, user, kind):
    other, kpi_file = _own_kpi_file(demo_store, tmp_path, AM_YILMAZ.user_id)
    existing = demo_store.query("SELECT customer_id FROM customers WHERE valid_to IS NULL LIMIT 1").single_value()
    files = {
        "customers": _write(tmp_path, "c.csv", f"customer_id,name\n{existing},Umbenannt GmbH\nNEU1,Neu GmbH\n"),
        "financials": _write(
            tmp_path, "f.csv", f"customer_id,month,revenue,operating_profit\n{existing},2030-01,1,1\n"
        ),
        "kpis": kpi_file,  # an account of Yilmaz: Becker may not, executives and viewers not at all
    }
    before = _fingerprint(demo_store)
    try:
        r = run_import(demo_store, user, kind, files[kind])
    except PermissionDenied:
        pass
    else:
        assert not r.ok and not r.written, r
    assert _fingerprint(demo_store) == before


def test_cli_and_admin_use_the_same_import_service(store, tmp_path, monkeypatch):
    from unittest.mock import MagicMock

    from skam_core import cli
    from skam_core.services import imports
    from skam_core.ui.admin import tabs as admin
    from skam_core.ui.kit import uploader

    calls = []

    def recorder(store_, user, kind, source, **kwargs):
        calls.append((user.role, kind, kwargs.get("dry_run")))
        return ImportResult(kind, rows=1, added=1)

    monkeypatch.setattr(imports, "import_file", recorder)
    f = _write(tmp_path, "c.csv", "customer_id,name\nX1,X GmbH\n")
    db = store.path
    store.close()
    assert cli.main(["--db", str(db), "import", "customers", str(f), "--dry-run"]) == 0

    st = MagicMock()  # the admin page's widgets: kind chosen, a file uploaded, "check" pressed
    st.segmented_control.return_value = "kpis"
    st.file_uploader.return_value = MagicMock(getvalue=lambda: b"customer_id,kpi,period,value\n", name="k.csv")
    check, go = MagicMock(), MagicMock()
    check.button.return_value, go.button.return_value = True, False
    st.columns.return_value = (check, go)
    st.text_input.return_value = ""  # no knowledge date: known from now
    monkeypatch.setattr(admin, "st", st)
    monkeypatch.setattr(uploader, "st", st)  # the page's uploader widget (ui.kit.uploader)
    ctx = MagicMock(user=AM_BECKER, t=lambda key, **kw: key)
    admin.import_tab(ctx)

    assert calls == [(Role.ADMIN, "customers", True), (Role.ACCOUNT_MANAGER, "kpis", True)]
    assert st.info.called  # the page reported the service's counts


def test_only_the_import_service_calls_the_import_writes():
    # Every import write goes through services.imports: no other module touches storage.imports' writers.
    writers = ("write_customer_versions", "apply_financials", "append_kpi_entries", "stage_financials")
    allowed = {"skam_core/storage/imports.py", "skam_core/services/imports.py", "skam_core/services/kpis.py"}
    allowed.add("skam_core/demo/__init__.py")  # `init --demo` fills an empty store in bulk: no user, no import
    offenders = [
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "skam_core").rglob("*.py")
        if p.relative_to(ROOT).as_posix() not in allowed and any(w in p.read_text(encoding="utf-8") for w in writers)
    ]
    assert not offenders


def test_io_reads_files_and_never_the_store_or_the_services():
    # io parses and validates; services import io and storage, never the other way round (no import circle).
    code = (
        "import importlib, pkgutil, sys, skam_core.io as io\n"
        "for m in pkgutil.iter_modules(io.__path__): importlib.import_module('skam_core.io.' + m.name)\n"
        "bad = [m for m in sys.modules if m.startswith(('skam_core.services', 'skam_core.storage'))]\n"
        "assert not bad, bad\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
