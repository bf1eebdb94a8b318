"""The CLI beside a running dashboard: while this process holds the store (as the dashboard does), a CLI in a
subprocess hands its command over the local channel and gets the same output and exit code; nobody else gets
in."""

from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from skam_core.handover import channel
from skam_core.handover.server import HandoverServer
from skam_core.storage.db import Store
from tests.conftest import ROOT

CUSTOMERS = "customer_id,name,skam_stage\nA1,Alpha GmbH,implementation\nB2,Beta AG,none\n"
BAD = "customer_id,name,skam_stage\nA1,,implementation\nB2,Beta AG,sometimes\n"


@pytest.fixture
def dashboard(tmp_path):
    """A store held by this process with the handover server running, as the dashboard runs it."""
    store = Store(tmp_path / "held.duckdb")
    jobs: list[int] = []
    server = HandoverServer(store, after_job=lambda: jobs.append(1))
    server.start()
    yield store, server, jobs
    server.stop()
    store.close()


def _cli(tmp_path: Path, db: Path, *args: str, user: str | None = "ops@nightly") -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("SKAM_USER", None)
    if user:
        env["SKAM_USER"] = user
    cmd = [sys.executable, "-m", "skam_core", "--db", str(db), *args]
    return subprocess.run(cmd, capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120)


def _messages(stderr: str) -> list[str]:
    """stderr without the progress lines (their seconds differ) and the note that the job was handed over."""
    return [
        line
        for line in stderr.splitlines()
        if not line.startswith(("import customers: ", "the dashboard holds the store"))
    ]


def test_an_import_is_handed_to_the_process_holding_the_store(dashboard, tmp_path):
    store, _, jobs = dashboard
    (tmp_path / "c.csv").write_text(CUSTOMERS, encoding="utf-8")
    r = _cli(tmp_path, store.path, "import", "customers", "c.csv")  # a path relative to the caller
    assert r.returncode == 0, r.stderr
    assert "the dashboard holds the store" in r.stderr
    assert r.stdout.strip() == "customers: 2 rows imported: 2 added, 0 changed, 0 unchanged"
    rows = store.query("SELECT customer_id, changed_by FROM customers ORDER BY customer_id").rows
    assert rows == [("A1", "ops@nightly"), ("B2", "ops@nightly")]
    assert jobs == [1]  # the dashboard refreshes its caches after the job


def test_a_handed_over_job_prints_and_exits_as_a_local_run(dashboard, tmp_path):
    store, _, _ = dashboard
    (tmp_path / "bad.csv").write_text(BAD, encoding="utf-8")
    free = tmp_path / "free.duckdb"
    Store(free).close()
    for args in (
        ["import", "customers", "bad.csv"],
        ["import", "customers", "bad.csv", "--dry-run"],
        ["users", "list"],
    ):
        handed = _cli(tmp_path, store.path, *args)
        local = _cli(tmp_path, free, *args)
        assert (handed.returncode, handed.stdout) == (local.returncode, local.stdout), args
        assert _messages(handed.stderr) == _messages(local.stderr), args
    bad = _cli(tmp_path, store.path, "import", "customers", "bad.csv")
    assert bad.returncode == 1
    assert "row 2, column name: is empty but required" in bad.stderr
    assert "row 3, column skam_stage: 'sometimes' is not one of" in bad.stderr
    assert store.query("SELECT count(*) FROM customers").single_value() == 0  # all or nothing


def test_the_profit_command_is_answered_by_the_dashboard(dashboard, tmp_path):
    store, _, _ = dashboard
    r = _cli(tmp_path, store.path, "profit", "--json")
    assert r.returncode == 0, r.stderr
    assert "as_of" in json.loads(r.stdout)


def test_without_a_running_dashboard_the_cli_opens_the_store_itself(tmp_path):
    db = tmp_path / "alone.duckdb"
    Store(db).close()
    stale = channel.Endpoint(str(tmp_path / "gone.sock"), channel.new_token(), 1)
    channel.write_endpoint(db, stale)  # left behind by a dashboard that crashed
    (tmp_path / "c.csv").write_text(CUSTOMERS, encoding="utf-8")
    r = _cli(tmp_path, db, "import", "customers", "c.csv")
    assert r.returncode == 0 and "the dashboard holds the store" not in r.stderr
    assert "2 added" in r.stdout


def test_the_channel_is_private_to_the_store_owner(dashboard):
    store, server, _ = dashboard
    endpoint_file = channel.endpoint_path(store.path)
    assert stat.S_IMODE(endpoint_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(Path(server.socket_path).stat().st_mode) == 0o600
    assert stat.S_IMODE(Path(server.socket_path).parent.stat().st_mode) == 0o700


def test_a_client_without_the_token_is_refused_and_nothing_runs(dashboard, tmp_path):
    store, server, jobs = dashboard
    (tmp_path / "c.csv").write_text(CUSTOMERS, encoding="utf-8")
    for token in ("", "0" * 64):
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.connect(str(server.socket_path))
            f = sock.makefile("rwb")
            request = {"token": token, "argv": ["import", "customers", str(tmp_path / "c.csv")], "cwd": "/"}
            channel.send(f, request)
            replies = [json.loads(line) for line in f]
        assert replies[-1] == {"rc": 1}
        assert "refused" in replies[0]["err"]
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.connect(str(server.socket_path))
        sock.sendall(b"GET / HTTP/1.1\r\n\r\n")
        assert b"refused" in sock.recv(4096)
    assert store.query("SELECT count(*) FROM customers").single_value() == 0
    assert jobs == []


def test_a_handed_over_job_reads_the_file_the_caller_names(dashboard, tmp_path):
    """A handed-over job reads the caller's file by the caller's path, not relative to the dashboard."""
    store, _, _ = dashboard
    sub = tmp_path / "nightly"
    sub.mkdir()
    (sub / "c.csv").write_text(CUSTOMERS, encoding="utf-8")
    r = _cli(sub, store.path, "import", "customers", "c.csv", "--dry-run")
    assert r.returncode == 0 and "2 added" in r.stdout
    assert store.query("SELECT count(*) FROM customers").single_value() == 0


def test_stopping_the_handover_returns_even_when_its_loop_does_not_answer(tmp_path):
    # At interpreter exit the atexit stop waited for ever for a serving loop that never came back (a finished
    # test run hung there). A server object whose loop never runs stands in for it: stop must still return.
    import socketserver
    import time

    store = Store(tmp_path / "skam.duckdb")
    hs = HandoverServer(store)
    hs.start()
    running = hs._server
    hs._server = socketserver.ThreadingUnixStreamServer(str(tmp_path / "idle.sock"), socketserver.StreamRequestHandler)
    started = time.monotonic()
    hs.stop()
    assert time.monotonic() - started < 10
    assert running is not None
    running.shutdown()
    running.server_close()
    store.close()
