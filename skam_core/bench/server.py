"""A Streamlit server of the dashboard (or another script) over a store, on a free port, for the benchmarks:
started from the project root so that .streamlit/config.toml applies, stopped when the block ends."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # where dashboard.py, pages/ and .streamlit/ live


@dataclass(frozen=True)
class Server:
    url: str  # http://127.0.0.1:PORT
    pid: int


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serve(
    script: Path, db: str | Path, options: Sequence[str] = (), start_timeout_s: float = 90, cwd: Path = ROOT
) -> Iterator[Server]:
    """``streamlit run script`` with SKAM_DB=db from ``cwd`` (its .streamlit/config.toml applies); ``options``
    are further ``--section.key value`` arguments."""
    port = free_port()
    env = {**os.environ, "SKAM_DB": str(db), "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("PYTHONPATH", None)  # the script's own checkout is imported (sys.path starts with its folder)
    cmd = [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(port), *options]
    # The server's output goes to a file, not a pipe: a pipe nobody reads would stop the server once it is full.
    log = tempfile.TemporaryFile(mode="w+")
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + start_timeout_s
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                log.seek(0)
                err = log.read()
                raise RuntimeError(f"streamlit exited with {proc.returncode} for {script}: {err[-2000:]}")
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
                    break
            except OSError:
                time.sleep(0.3)
        else:
            raise RuntimeError(f"streamlit did not start within {start_timeout_s:.0f} s for {script}")
        yield Server(url, proc.pid)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
