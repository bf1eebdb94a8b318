"""Numbered SQL migrations (``NNN_name.sql``), applied in order at start-up and recorded in schema_version.

One set for both engines. A migration is written in the SQL both read; PostgreSQL gets it through
storage.dialect.postgres_ddl (type names). Where the engines need different statements, a variant file
``NNN_name.duckdb.sql`` or ``NNN_name.postgresql.sql`` beside it replaces it for that engine; a number with
only a variant for the other engine is recorded as applied with nothing to do (e.g. PostgreSQL's indexes).
"""

from __future__ import annotations

import re
from importlib import resources
from typing import Any

from skam_core.domain import clock
from skam_core.storage.dialect import DUCKDB, Dialect, of, postgres_ddl

_NAME_RE = re.compile(r"^(\d{3})_([a-z0-9_]+?)(?:\.(duckdb|postgresql))?\.sql$")
# Any fixed number: PostgreSQL's advisory lock that lets one process at a time migrate the shared database.
_MIGRATION_LOCK = 0x5CA4_0001


def available_migrations(dialect: Dialect = DUCKDB) -> list[tuple[int, str, str]]:
    """(version, file name, SQL) for every migration of ``dialect``, in version order; duplicate numbers are
    an error. The SQL is empty for a migration that only the other engine needs."""
    common: dict[int, tuple[str, str]] = {}
    variants: dict[tuple[int, str], tuple[str, str]] = {}
    for entry in resources.files(__package__).iterdir():
        m = _NAME_RE.match(entry.name)
        if not m:
            continue
        version, engine = int(m[1]), m[3]
        found = common if engine is None else variants
        key: Any = version if engine is None else (version, engine)
        if key in found:
            raise RuntimeError(f"two migrations share number {version}: {found[key][0]}, {entry.name}")
        found[key] = (entry.name, entry.read_text(encoding="utf-8"))
    numbers = sorted(set(common) | {v for v, _ in variants})
    out = []
    for version in numbers:
        chosen = variants.get((version, dialect.name)) or common.get(version)
        if chosen is None:  # only the other engine has something to do here
            name = next(n for (v, _), (n, _) in variants.items() if v == version)
            out.append((version, name, ""))
            continue
        name, sql = chosen
        if dialect.is_postgres and (version, dialect.name) not in variants:
            sql = postgres_ddl(sql)
        out.append((version, name, sql))
    return out


def apply_migrations(con: Any) -> list[int]:
    """Apply what is missing, each migration in its own transaction, then CHECKPOINT. Returns applied numbers.
    On PostgreSQL an advisory lock makes processes that start at the same moment migrate one after another."""
    dialect = of(con)
    if dialect.is_postgres:
        con.execute("SELECT pg_advisory_lock(?)", [_MIGRATION_LOCK])
    try:
        applied = _apply(con, dialect)
    finally:
        if dialect.is_postgres:
            con.execute("SELECT pg_advisory_unlock(?)", [_MIGRATION_LOCK])
    if applied and dialect.checkpoint_sql:
        con.execute(dialect.checkpoint_sql)
    return applied


def _apply(con: Any, dialect: Dialect) -> list[int]:
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_version ("
        " version INTEGER NOT NULL, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)"
    )
    done = {r[0] for r in con.execute("SELECT version FROM schema_version").fetchall()}
    applied: list[int] = []
    for version, name, sql in available_migrations(dialect):
        if version in done:
            continue
        con.begin()
        try:
            if sql.strip():
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
    return applied
