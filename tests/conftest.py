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
from skam_core.storage.copy import copy_store
from skam_core.storage.db import Store, StoreLocation, close_store
from tests.postgres import Cluster

ROOT = Path(__file__).resolve().parents[1]

# The instant the suite lives at: a Friday noon in Berlin, far from midnight, month ends and DST switches. The
# clock starts there and runs at real speed; SKAM_NOW hands it to subprocesses (CLI, the e2e Streamlit server).
DEMO_NOW = clock.parse_instant(os.environ.get("SKAM_TEST_NOW") or "2026-11-27T12:00:00+01:00")
os.environ["SKAM_NOW"] = DEMO_NOW.isoformat()
clock.set_clock(clock.Clock(DEMO_NOW))
# No background fill of as-of entries in the dashboards the tests start (AppTest and e2e servers): it would
# write to their stores at moments of its own; tests/integration/test_asof_fill.py runs it where it checks it.
os.environ["SKAM_ASOF_FILL"] = "0"
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


# The store tests run against both engines: the embedded DuckDB file and a PostgreSQL database (tests/postgres.py).
BACKENDS = ("duckdb", "postgresql")


@pytest.fixture(scope="session")
def pg_cluster():
    """A throwaway PostgreSQL server for the session (skips, or fails under SKAM_REQUIRE_POSTGRES=1, without one)."""
    cluster = Cluster.start()
    yield cluster
    cluster.stop()


def _pg_name(url: str) -> str:
    return url.partition("?")[0].rsplit("/", 1)[1]


@pytest.fixture(scope="session")
def pg_migrated_template(pg_cluster: Cluster) -> str:
    """A migrated, empty PostgreSQL database to clone (migrating each test's database would cost ~1 s)."""
    url = pg_cluster.create_database()
    Store(url).close()
    return _pg_name(url)


@pytest.fixture(params=BACKENDS)
def backend(request) -> str:
    return request.param


@pytest.fixture
def store_location(backend: str, tmp_path: Path, request):
    """Where a test's empty store lives: a temporary DuckDB file, or a new database on the test server (migrated
    already, as Store would leave it)."""
    if backend == "duckdb":
        yield tmp_path / "skam.duckdb"
        return
    cluster: Cluster = request.getfixturevalue("pg_cluster")
    url = cluster.create_database(request.getfixturevalue("pg_migrated_template"))
    yield url
    close_store(url)
    cluster.drop_database(url)


@pytest.fixture
def store(store_location: StoreLocation):
    """An empty, migrated store on a temporary file or PostgreSQL database (each test runs on both)."""
    s = Store(store_location)
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
def duckdb_store(tmp_path: Path):
    """An empty DuckDB store, for what only that engine has (its memory limit, its file lock)."""
    s = Store(tmp_path / "skam.duckdb")
    yield s
    s.close()


@pytest.fixture(scope="session")
def pg_demo_template(pg_cluster: Cluster, demo_template: Path) -> str:
    """The demo company on PostgreSQL: the DuckDB demo copied over (copy-store), to clone per test."""
    url = pg_cluster.create_database()
    source, target = Store(demo_template), Store(url)
    try:
        copy_store(source, target)
    finally:
        source.close()
        target.close()
    return _pg_name(url)


@pytest.fixture
def demo_location(backend: str, tmp_path: Path, request):
    """A private copy of the demo store on the test's engine (writes in one test do not leak into another)."""
    if backend == "duckdb":
        yield request.getfixturevalue("demo_path")
        return
    cluster: Cluster = request.getfixturevalue("pg_cluster")
    url = cluster.create_database(request.getfixturevalue("pg_demo_template"))
    yield url
    close_store(url)
    cluster.drop_database(url)


@pytest.fixture
def demo_store(demo_location: StoreLocation):
    s = Store(demo_location)
    yield s
    s.close()


def key_account_of(store: Store, manager: str, stage: str | None = None) -> str:
    sql = (
        "SELECT customer_id FROM customers WHERE valid_to IS NULL AND account_manager = ?"
        + (" AND skam_stage = ?" if stage else "")
        + " ORDER BY customer_id LIMIT 1"
    )
    return store.query(sql, [manager, stage] if stage else [manager]).single_value()
