"""Numbered SQL migrations (``NNN_name.sql``), applied in order at start-up and recorded in schema_version."""

from __future__ import annotations

import re
from importlib import resources

import duckdb

from skam_core.domain import clock

_NAME_RE = re.compile(r"^(\d{3})_[a-z0-9_]+\.sql$")


def available_migrations() -> list[tuple[int, str, str]]:
    """(version, file name, SQL) for every migration file, in version order; duplicate numbers are an error."""
    found: dict[int, tuple[int, str, str]] = {}
    for entry in resources.files(__package__).iterdir():
        m = _NAME_RE.match(entry.name)
        if not m:
            continue
        version = int(m[1])
        if version in found:
            raise RuntimeError(f"two migrations share number {version}: {found[version][1]}, {entry.name}")
        found[version] = (version, entry.name, entry.read_text(encoding="utf-8"))
    return [found[v] for v in sorted(found)]


def apply_migrations(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Apply what is missing, each migration in its own transaction, then CHECKPOINT. Returns applied numbers."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_version ("
        " version INTEGER NOT NULL, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)"
    )
    done = {r[0] for r in con.execute("SELECT version FROM schema_version").fetchall()}
    applied: list[int] = []
    for version, name, sql in available_migrations():
        if version in done:
            continue
        con.begin()
        try:
            con.execute(sql)
            con.execute(
                "INSERT INTO schema_version VALUES (?, ?, ?)",
                [version, name, clock.utc_now()],
            )
            con.commit()
        except BaseException:
            con.rollback()
            raise
        applied.append(version)
    if applied:
        con.execute("CHECKPOINT")
    return applied
