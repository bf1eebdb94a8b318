"""The dashboard serves the CLI as soon as it has opened its store: a CLI started beside it hands its command
over instead of stopping at "in use by another process"."""

from __future__ import annotations

import os
import subprocess
import sys

from skam_core.handover import channel
from skam_core.storage.db import close_store
from tests.app.conftest import assert_clean, run_app
from tests.conftest import ROOT


def test_the_dashboard_serves_cli_commands_for_the_store_it_holds(tmp_path, monkeypatch):
    db = tmp_path / "company.duckdb"
    monkeypatch.setenv("SKAM_DB", str(db))
    monkeypatch.delenv("SKAM_DEMO", raising=False)
    at = run_app(params={"lang": "en"})
    assert_clean(at)
    try:
        assert channel.read_endpoint(db) is not None
        (tmp_path / "c.csv").write_text("customer_id,name\nA1,Alpha GmbH\n", encoding="utf-8")
        env = {**os.environ, "PYTHONPATH": str(ROOT), "SKAM_USER": "ops@nightly"}
        cmd = [sys.executable, "-m", "skam_core", "--db", str(db), "import", "customers", "c.csv"]
        r = subprocess.run(cmd, capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120)
        assert r.returncode == 0, r.stderr
        assert "the dashboard holds the store" in r.stderr and "1 added" in r.stdout
    finally:
        close_store(db)
