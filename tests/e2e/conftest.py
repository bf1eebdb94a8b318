"""Real-browser tests: a Streamlit server on a free port over a copy of the demo store, driven by Playwright
with Debian's Chromium. Skipped with a reason where Chromium is missing (CI sets SKAM_REQUIRE_BROWSER=1 and
installs it, so there they must run)."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT, pin_subprocess_clock, require_chromium

LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def streamlit_server(db: Path):
    """A Streamlit server of the dashboard over the store ``db`` on a free port; yields its URL."""
    port = _free_port()
    pin_subprocess_clock()  # the server's clock (SKAM_NOW) starts where this process's clock is now
    env = {**os.environ, "SKAM_DB": str(db)}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "dashboard.py",
            "--server.port",
            str(port),
            "--server.headless",
            "true",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    break
        except OSError:
            time.sleep(0.5)
    else:
        proc.kill()
        pytest.fail("the Streamlit server did not start: " + proc.stdout.read().decode(errors="replace")[-2000:])
    try:
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="session")
def server(demo_template, tmp_path_factory):
    require_chromium()
    db = tmp_path_factory.mktemp("e2e") / "skam.duckdb"
    shutil.copyfile(demo_template, db)
    with streamlit_server(db) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=require_chromium(), args=LAUNCH_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1440, "height": 1800}, locale="de-DE")
    pg = context.new_page()
    yield pg
    if os.environ.get("SKAM_E2E_SCREENSHOTS"):
        out = Path(os.environ["SKAM_E2E_SCREENSHOTS"])
        out.mkdir(parents=True, exist_ok=True)
        pg.screenshot(path=str(out / f"{int(time.time() * 1000)}.png"), full_page=True)
    context.close()


def settle(pg, timeout_ms: int = 90_000, quiet_ms: int = 1_200) -> None:
    """Wait until the script has finished and stayed finished for ``quiet_ms`` (pages rerun once after writing
    the URL), then for every element to be drawn (no loading skeleton left, every chart's SVG there)."""
    from playwright.sync_api import Error as PlaywrightError

    pg.wait_for_selector('[data-testid="stApp"]', timeout=timeout_ms)
    deadline = time.monotonic() + timeout_ms / 1000
    quiet_since = None
    while time.monotonic() < deadline:
        # (evaluate, not get_attribute: the app may be redrawn in between, and get_attribute would wait for it)
        try:
            state = pg.evaluate(
                "() => document.querySelector('[data-testid=\"stApp\"]')?.getAttribute('data-test-script-state')"
            )
        except PlaywrightError:  # the page navigated meanwhile (a rewritten URL): look again
            state = None
        if state == "notRunning":
            quiet_since = quiet_since or time.monotonic()
            if (time.monotonic() - quiet_since) * 1000 >= quiet_ms:
                break
        else:
            quiet_since = None
        pg.wait_for_timeout(100)
    else:
        pytest.fail(f"{pg.url} did not finish within {timeout_ms} ms")
    # Elements whose code is still loading are skeletons (a chart is no stPlotlyChart yet): a page is drawn
    # only when none is left; checking it before would look at placeholders (skam_core/bench/browser.py).
    pg.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stSkeleton\"]')"
        " && [...document.querySelectorAll('[data-testid=\"stPlotlyChart\"]')]"
        ".every(c => c.querySelector('.main-svg'))"
        " && [...document.querySelectorAll('[data-testid^=\"stBidiComponent\"]')]"
        ".every(c => !(c.shadowRoot || c).querySelector('.skam-pick-wait'))",
        timeout=timeout_ms,
    )
