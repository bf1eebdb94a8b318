"""`python -m skam_core profit`: the contract's JSON, the readable table, clear messages for bad input and
empty stores. And `bench` at a toy size runs through and prints every measurement beside its budget."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.integration.test_cli import cli

CONTRACT_KEYS = [
    "as_of",
    "window",
    "skam",
    "others",
    "ratio",
    "effect",
    "months_to_improvement",
    "effect_windows",
    "pretrend",
    "accounts",
]
GROUP_KEYS = ["customers", "revenue", "operating_profit", "relative_operating_profit"]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("profit_cli") / "demo.duckdb"
    out = cli("--db", str(db), "init", "--demo", "--customers", "400", "--months", "36", "--seed", "7")
    assert out.returncode == 0, out.stderr
    return db


def test_json_has_the_contract_shape_and_types(demo_db):
    out = cli("--db", str(demo_db), "profit", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert list(data) == CONTRACT_KEYS
    assert list(data["window"]) == ["start", "end"] and len(data["window"]["start"]) == 7
    for group in ("skam", "others"):
        assert list(data[group]) == GROUP_KEYS
        assert isinstance(data[group]["customers"], int)
        assert isinstance(data[group]["revenue"], float)
    assert data["skam"]["customers"] + data["others"]["customers"] == 400
    assert isinstance(data["ratio"], float) and data["ratio"] > 1
    assert list(data["effect"]) == ["estimate", "ci_low", "ci_high", "std_error", "accounts", "inference", "estimand"]
    assert data["effect"]["ci_low"] <= data["effect"]["estimate"] <= data["effect"]["ci_high"]
    assert data["effect"]["inference"] in ("wild_bootstrap", "placebo") and data["effect"]["estimand"]
    assert "Infinity" not in out.stdout and "NaN" not in out.stdout
    assert 0 <= data["pretrend"]["p_value"] <= 1
    assert len(data["accounts"]) == data["effect"]["accounts"]
    assert data["months_to_improvement"] is None or isinstance(data["months_to_improvement"], int)


def test_as_of_moves_the_window_back(demo_db):
    now = json.loads(cli("--db", str(demo_db), "profit", "--json").stdout)
    out = cli("--db", str(demo_db), "profit", "--json", "--as-of", "2025-06-30")
    assert out.returncode == 0, out.stderr
    then = json.loads(out.stdout)
    assert then["as_of"] == "2025-06-30"
    assert then["window"]["end"] == "2025-05" and then["window"] != now["window"]


def test_readable_table_names_groups_ratio_and_effect(demo_db):
    out = cli("--db", str(demo_db), "profit")
    assert out.returncode == 0, out.stderr
    for text in ("SKAM accounts", "All other customers", "Ratio SKAM / others", "95 % confidence interval"):
        assert text in out.stdout


@pytest.mark.parametrize(
    ("value", "message"),
    [("2026-13-01", "not a valid calendar date"), ("27.11.2026", "YYYY-MM-DD"), ("2999-01-01", "in the future")],
)
def test_bad_as_of_is_refused_with_a_clear_message(demo_db, value, message):
    out = cli("--db", str(demo_db), "profit", "--as-of", value)
    assert out.returncode == 2
    assert message in out.stderr and "Traceback" not in out.stderr


def test_empty_store_gives_null_figures_and_the_reason(tmp_path):
    db = tmp_path / "empty.duckdb"
    assert cli("--db", str(db), "init").returncode == 0
    data = json.loads(cli("--db", str(db), "profit", "--json").stdout)
    assert data["window"] is None and data["ratio"] is None and data["months_to_improvement"] is None
    assert data["effect"]["estimate"] is None and "no financial figures" in data["effect"]["reason"]
    text = cli("--db", str(db), "profit").stdout
    assert "There are no financial figures" in text and "import financials" in text


def test_no_skam_accounts_gives_the_reason(tmp_path):
    db = tmp_path / "plain.duckdb"
    assert cli("--db", str(db), "init").returncode == 0
    (tmp_path / "c.csv").write_text("customer_id,name\nA,Alpha\nB,Beta\n")
    (tmp_path / "f.csv").write_text("customer_id,month,revenue,operating_profit\nA,2026-01,100,5\nB,2026-01,200,20\n")
    assert cli("--db", str(db), "import", "customers", str(tmp_path / "c.csv")).returncode == 0
    assert cli("--db", str(db), "import", "financials", str(tmp_path / "f.csv")).returncode == 0
    data = json.loads(cli("--db", str(db), "profit", "--json").stdout)
    assert data["skam"]["customers"] == 0 and data["others"]["customers"] == 2
    assert data["others"]["relative_operating_profit"] == pytest.approx(25 / 300, abs=1e-6)
    assert data["ratio"] is None and "no SKAM accounts" in data["effect"]["reason"]


@pytest.mark.slow
def test_bench_at_a_toy_size_reports_every_measurement_beside_its_budget(tmp_path):
    out = cli(
        "bench", "--customers", "300", "--months", "24", "--runs", "1", "--import-runs", "1", "--dir", str(tmp_path)
    )
    assert out.returncode in (0, 1), out.stderr  # 1: something over budget on a busy machine
    for text in (
        "import 7,200 financial rows",
        "profit: python -m skam_core profit --json",
        "page data: portfolio (now)",
        "page data: profit (as of",
        "one KPI save",
        "20 threads saving KPI entries at once (100 saves)",
        "peak memory",
        "< 30 s",
        "< 300 ms",
        "< 1 GB",
    ):
        assert text in out.stdout, text
    assert "0 errors" in out.stdout
    again = cli("bench", "--customers", "300", "--months", "24", "--runs", "1", "--skip-import", "--dir", str(tmp_path))
    assert "(reused)" in again.stdout or "reused" in again.stdout


def test_bench_pages_db_times_the_page_data_over_a_store_of_either_engine(demo_location):
    # The page budget holds on PostgreSQL too: bench times PAGE_DATA over such a store as it is.
    out = cli("bench", "--pages-db", str(demo_location), "--runs", "1")
    assert out.returncode in (0, 1), out.stderr  # 1: something over budget on a busy machine
    engine = "postgresql" if str(demo_location).startswith("postgresql://") else "duckdb"
    for text in (f"page data ({engine}): portfolio (now)", f"page data ({engine}): kpis (as of", "< 300 ms"):
        assert text in out.stdout, text
