"""The load test's driver (bench --load) against a real server: it completes pages the way a browser tab does
(signed in as the local operator) and fails loudly when a page does not."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from skam_core.bench.load import Outcome, PageError, Scenario, Session, parse_scenarios, run_scenario
from skam_core.bench.load_run import _row, judge, render_load
from skam_core.bench.server import serve
from tests.conftest import ROOT
from tests.e2e.conftest import streamlit_server

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def dashboard(demo_template, tmp_path_factory):
    db = tmp_path_factory.mktemp("load") / "skam.duckdb"
    shutil.copyfile(demo_template, db)
    with streamlit_server(db) as url:
        yield url


def test_a_session_completes_pages_of_the_dashboard(dashboard):
    with Session(dashboard) as session:
        assert session.load("", "lang=de") > 0  # the portfolio at /
        assert session.load("profit", "lang=de") > 0


def test_an_unknown_page_fails_the_session_loudly(dashboard):
    with Session(dashboard) as session, pytest.raises(PageError, match="page not found"):
        session.load("no-such-page", "lang=de")


def test_a_page_that_raises_fails_the_run_with_its_message(tmp_path):
    script = tmp_path / "broken.py"
    script.write_text('import streamlit as st\n\nst.title("Before")\nraise ValueError("broken on purpose")\n')
    with serve(script, tmp_path / "unused.duckdb", ["--server.headless", "true"]) as server:
        with Session(server.url) as session, pytest.raises(PageError, match="exception"):
            session.load("")
        out = run_scenario([server.url], Scenario(2, 0), seconds=2, pages=("",))
    assert out.errors and all("ValueError" in e or "exception" in e for e in out.errors)
    assert out.pages == 0


def test_a_scenario_counts_every_completed_page(dashboard):
    out = run_scenario([dashboard], Scenario(2, 0), seconds=3, pages=("", "kpis"), query="lang=de")
    assert not out.errors
    assert out.pages >= 2 and out.pages_per_s > 0
    assert out.quantile(0.95) >= out.quantile(0.5) > 0


def test_scenarios_are_read_as_sessions_and_think_time():
    assert parse_scenarios("1:0, 10,20:5") == [Scenario(1, 0), Scenario(10, 0), Scenario(20, 5)]
    for bad in ("", "0:0", "5:-1", "x:1"):
        with pytest.raises(ValueError):
            parse_scenarios(bad)


def _outcome(sessions: int, think: float, times: list[float], seconds: float, errors=()) -> Outcome:
    return Outcome(Scenario(sessions, think), seconds, {"": times}, list(errors))


def test_each_scenario_is_held_to_its_budget_or_is_a_reference():
    assert judge(_outcome(10, 0, [0.5] * 120, 10.0), 1) == ("≥ 10 pages/s", True)
    assert judge(_outcome(10, 0, [0.5] * 50, 10.0), 1) == ("≥ 10 pages/s", False)
    assert judge(_outcome(20, 5, [0.3] * 95 + [2.5] * 5, 60.0), 1) == ("p95 < 2 s", True)
    assert judge(_outcome(20, 5, [0.3] * 90 + [2.5] * 10, 60.0), 1) == ("p95 < 2 s", False)
    assert judge(_outcome(40, 5, [0.3] * 100, 60.0), 1)[1] is None  # beyond the stated load: reference
    assert judge(_outcome(40, 5, [0.3] * 100, 60.0), 2)[1] is True  # 20 per server on two servers
    assert judge(_outcome(1, 0, [0.1] * 100, 10.0), 1)[1] is None


def test_a_failed_page_fails_the_report_loudly():
    bad = _row(_outcome(10, 0, [0.5] * 10, 5.0, ["/profit on http://x: exception ValueError: boom"]), "b", True)
    report = {"urls": ["http://x"], "store": "s", "cpus": 2, "pages": ["/profit"], "query": "", "server_options": []}
    text = render_load({**report, "scenarios": [bad], "all_ok": False})
    assert "FAILED" in text and "ValueError: boom" in text and "SOME ROWS FAILED" in text


def test_bench_load_runs_end_to_end_from_the_command_line():
    done = subprocess.run(
        [sys.executable, "-m", "skam_core", "bench", "--load", "--sessions", "1:0", "--seconds", "2", "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout)
    (row,) = report["scenarios"]
    assert row["sessions"] == 1 and row["pages"] >= 1 and not row["errors"]
    assert row["server_cpu_per_page_s"] > 0 and row["server_rss_bytes"][0] > 0
    assert report["pages"] == ["/steering", "/", "/profit", "/kpis"]
