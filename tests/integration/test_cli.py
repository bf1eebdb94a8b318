"""The command line as scripts and import jobs use it: exit codes, messages, the store from --db or SKAM_DB."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT


def cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "skam_core", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **(env or {})},
    )


@pytest.fixture(scope="module")
def small_demo(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("cli") / "demo.duckdb"
    out = cli("--db", str(db), "init", "--demo", "--customers", "200", "--months", "24", "--seed", "11")
    assert out.returncode == 0, out.stderr
    assert "demo company written: 200 customers x 24 months (4800 financial rows)" in out.stdout
    return db


def test_init_creates_and_migrates_an_empty_store(tmp_path):
    out = cli("--db", str(tmp_path / "new.duckdb"), "init")
    assert out.returncode == 0 and "applied migrations 1" in out.stdout
    again = cli("--db", str(tmp_path / "new.duckdb"), "init")
    assert "schema up to date" in again.stdout


def test_demo_fills_only_an_empty_store(small_demo):
    out = cli("--db", str(small_demo), "init", "--demo")
    assert out.returncode == 1 and "only an empty store" in out.stdout


def test_import_reports_every_problem_on_stderr_and_exits_1(small_demo, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("customer_id,month,revenue,operating_profit\nNOPE,2026-01,1,1\nK000001,2026-01,-1,x\n")
    out = cli("--db", str(small_demo), "import", "financials", str(bad))
    assert out.returncode == 1
    lines = out.stderr.strip().splitlines()
    assert "row 2, column customer_id: 'NOPE' is not a known customer" in lines
    assert any(line.startswith("row 3, column revenue: -1 is negative") for line in lines)
    assert any(line.startswith("row 3, column operating_profit: 'x' is not a number") for line in lines)
    assert "nothing was imported" in lines[-1]


def test_import_prints_counts_and_the_second_run_changes_nothing(small_demo, tmp_path):
    good = tmp_path / "good.csv"
    good.write_text("customer_id;month;revenue;operating_profit\nK000001;2001-01;1.000,50;100\n", encoding="cp1252")
    first = cli("--db", str(small_demo), "import", "financials", str(good))
    assert first.returncode == 0, first.stderr
    assert "1 rows imported: 1 added, 0 changed, 0 unchanged" in first.stdout
    second = cli("--db", str(small_demo), "import", "financials", str(good))
    assert "0 added, 0 changed, 1 unchanged" in second.stdout


def test_dry_run_writes_nothing(small_demo, tmp_path):
    f = tmp_path / "c.csv"
    f.write_text("customer_id,name\nNEW1,Neu GmbH\n")
    out = cli("--db", str(small_demo), "import", "customers", str(f), "--dry-run")
    assert out.returncode == 0 and "dry run" in out.stdout
    out2 = cli("--db", str(small_demo), "import", "customers", str(f), "--dry-run")
    assert "1 added" in out2.stdout  # still new: the first run wrote nothing


def test_store_path_comes_from_skam_db(tmp_path):
    db = tmp_path / "env.duckdb"
    out = cli("init", env={"SKAM_DB": str(db)})
    assert out.returncode == 0 and db.exists()


def test_missing_file_is_a_clear_message(small_demo, tmp_path):
    out = cli("--db", str(small_demo), "import", "kpis", str(tmp_path / "nope.csv"))
    assert out.returncode == 1 and "does not exist" in out.stderr


def test_users_can_be_listed_and_set(small_demo):
    out = cli("--db", str(small_demo), "users", "set", "New.Exec@Example.com", "viewer", "--name", "New Exec")
    assert out.returncode == 0
    listing = cli("--db", str(small_demo), "users", "list").stdout
    assert "new.exec@example.com" in listing and "viewer" in listing
