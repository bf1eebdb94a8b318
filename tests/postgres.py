"""A throwaway PostgreSQL server for the store tests: Debian's postgresql binaries, a cluster in a temporary
folder, reachable only through a Unix socket there; a fresh database per test, copied from a migrated (or
demo-filled) template database, which PostgreSQL does in a few milliseconds.

Where no server binary is found the PostgreSQL half of the store tests skips with the reason, except where CI
demands it (``SKAM_REQUIRE_POSTGRES=1``, set by .ci/run): there it fails. ``SKAM_TEST_POSTGRES_URL`` points the
tests at an existing server instead (a role allowed to create databases).
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import psycopg
import pytest

_counter = itertools.count(1)


def server_binaries() -> Path | None:
    """The folder with initdb and pg_ctl (Debian keeps them out of PATH, under /usr/lib/postgresql/N/bin)."""
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    return Path(versions[-1]).parent if versions else None


def require_postgres_binaries() -> Path:
    found = server_binaries()
    if found is not None:
        return found
    reason = "PostgreSQL server binaries not found (apt-get install postgresql): PostgreSQL store tests skipped"
    if os.environ.get("SKAM_REQUIRE_POSTGRES") == "1":
        pytest.fail(reason.replace("skipped", "required here (SKAM_REQUIRE_POSTGRES=1)"))
    pytest.skip(reason)


class Cluster:
    """One PostgreSQL server for the test session."""

    def __init__(self, url: str, stop: list[str] | None = None, folder: str | None = None):
        self.admin_url = url
        self._stop = stop
        self._folder = folder

    @classmethod
    def start(cls) -> Cluster:
        external = os.environ.get("SKAM_TEST_POSTGRES_URL")
        if external:
            return cls(external)
        bindir = require_postgres_binaries()
        folder = tempfile.mkdtemp(prefix="skam-pg-")
        data = Path(folder) / "data"
        # initdb refuses to run as root: run the server as Debian's postgres user then.
        run_as = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if run_as:
            shutil.chown(folder, "postgres")
        subprocess.run(
            [
                *run_as,
                str(bindir / "initdb"),
                "-D",
                str(data),
                "-A",
                "trust",
                "-U",
                "skam",
                "--locale=C.UTF-8",
                "-E",
                "UTF8",
            ],
            check=True,
            capture_output=True,
        )
        options = f"-k {folder} -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        subprocess.run(
            [*run_as, str(bindir / "pg_ctl"), "-D", str(data), "-o", options, "-l", f"{folder}/log", "-w", "start"],
            check=True,
            capture_output=True,
        )
        stop = [*run_as, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]
        return cls(f"postgresql://skam@/postgres?host={folder}", stop, folder)

    def url(self, database: str) -> str:
        base, _, query = self.admin_url.partition("?")
        root = base.rsplit("/", 1)[0]
        return f"{root}/{database}" + (f"?{query}" if query else "")

    def create_database(self, template: str | None = None) -> str:
        """A new empty database (or a copy of ``template``); returns its URL."""
        name = f"skam_t{os.getpid()}_{next(_counter)}"
        source = f"TEMPLATE {template}" if template else "TEMPLATE template0"
        with psycopg.connect(self.admin_url, autocommit=True) as con:
            # Identifiers made here from a counter, never from input.
            con.execute(
                f"CREATE DATABASE {name} {source} ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'".encode()
            )
        return self.url(name)

    def drop_database(self, url: str) -> None:
        name = url.partition("?")[0].rsplit("/", 1)[1]
        with psycopg.connect(self.admin_url, autocommit=True) as con:
            con.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)".encode())

    def stop(self) -> None:
        if self._stop:
            subprocess.run(self._stop, check=False, capture_output=True)
        if self._folder:
            shutil.rmtree(self._folder, ignore_errors=True)
