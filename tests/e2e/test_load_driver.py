"""The load test's driver (bench --load) against a real server: it completes pages the way a browser tab does
(signed in as the local operator) and fails loudly when a page does not."""

from __future__ import annotations

import shutil

import pytest

from skam_core.bench.load import PageError, Scenario, Session, run_scenario
from skam_core.bench.server import serve
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
