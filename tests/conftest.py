"""Shared fixtures: stores on temporary files, the demo company built once per session, acting users.

Time is pinned for the whole session, before anything builds the demo: the suite runs on one fixed business
day whatever the calendar says (``SKAM_TEST_NOW`` picks another instant, e.g. to run it on 29 Feb 2028).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from skam_core.demo import DemoSize, build_demo
from skam_core.demo import names as demo_names
from skam_core.domain import clock
from skam_core.domain.enums import Role
from skam_core.domain.users import User
from skam_core.io.images import chromium_path
from skam_core.storage.db import Store, close_store

ROOT = Path(__file__).resolve().parents[1]

# The instant the suite lives at: a Friday noon in Berlin, far from midnight, month ends and DST switches. The
# clock starts there and runs at real speed; SKAM_NOW hands it to subprocesses (CLI, the e2e Streamlit server).
DEMO_NOW = clock.parse_instant(os.environ.get("SKAM_TEST_NOW") or "2026-11-27T12:00:00+01:00")
os.environ["SKAM_NOW"] = DEMO_NOW.isoformat()
clock.set_clock(clock.Clock(DEMO_NOW))
DEMO_TODAY = clock.today()  # the business day of the whole session: the demo is built for it


def pin_subprocess_clock() -> None:
    """Let subprocesses started from now on begin at the session clock's current instant (not at DEMO_NOW), so
    that their writes never lie before the ones this process made already."""
    os.environ["SKAM_NOW"] = clock.clock().now().isoformat()


@pytest.fixture(autouse=True)
def _subprocess_clock():
    pin_subprocess_clock()


def require_chromium() -> str:
    """The Chromium the app would use (io.images.chromium_path). Where it is missing the test skips with the
    reason, except where CI demands it (SKAM_REQUIRE_BROWSER=1, set by .ci/run): there it fails, so that
    browser and export tests can never pass by being skipped."""
    path = chromium_path()
    if path is not None:
        return path
    if os.environ.get("SKAM_REQUIRE_BROWSER") == "1":
        pytest.fail("Chromium is required here (SKAM_REQUIRE_BROWSER=1) but missing: apt-get install chromium")
    pytest.skip("Chromium not installed (apt-get install chromium): browser and chart-image tests skipped")


ADMIN = User("admin@test.example", "Admin", Role.ADMIN)
VIEWER = User(demo_names.USERS[0][0], "Viewer", Role.VIEWER)
AM_BECKER = User(demo_names.USERS[3][0], "Sabine Becker", Role.ACCOUNT_MANAGER)
AM_YILMAZ = User(demo_names.USERS[4][0], "Tarek Yilmaz", Role.ACCOUNT_MANAGER)


@pytest.fixture
def store(tmp_path: Path):
    """An empty, migrated store on a temporary file."""
    s = Store(tmp_path / "skam.duckdb")
    yield s
    s.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    """The default demo company, built once; tests copy the file."""
    path = tmp_path_factory.mktemp("demo") / "template.duckdb"
    s = Store(path)
    build_demo(s, DemoSize(), today=DEMO_TODAY)
    s.close()
    return path


@pytest.fixture
def demo_path(demo_template: Path, tmp_path: Path) -> Path:
    """A private copy of the demo store (writes in one test do not leak into another)."""
    target = tmp_path / "demo.duckdb"
    shutil.copyfile(demo_template, target)
    yield target
    close_store(target)


@pytest.fixture
def demo_store(demo_path: Path):
    s = Store(demo_path)
    yield s
    s.close()


def key_account_of(store: Store, manager: str, stage: str | None = None) -> str:
    sql = (
        "SELECT customer_id FROM customers WHERE valid_to IS NULL AND account_manager = ?"
        + (" AND skam_stage = ?" if stage else "")
        + " ORDER BY customer_id LIMIT 1"
    )
    return store.query(sql, [manager, stage] if stage else [manager]).single_value()
