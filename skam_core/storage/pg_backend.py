"""The PostgreSQL side of the store: a connection pool per process (psycopg_pool), what counts as a write
conflict, and the cursor of one unit of work."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
from psycopg_pool import ConnectionPool, PoolTimeout

from skam_core.storage.dialect import redact
from skam_core.storage.pg_cursor import PgCursor, prepare_connection

# Serialization failures (two snapshot transactions wrote the same row: the entity lock of migration 002 makes
# every pair of writers of one entity collide so) and deadlocks are retried like DuckDB's conflicts.
RETRYABLE: tuple[type[BaseException], ...] = (psycopg.errors.SerializationFailure, psycopg.errors.DeadlockDetected)

# Streamlit serves each session in its own thread; beyond this many concurrent queries a thread waits for a
# connection (the server's max_connections is shared by every process: see docs/deployment.md).
DEFAULT_POOL_SIZE = 8
CONNECT_TIMEOUT_S = 15.0


def open_pool(url: str) -> ConnectionPool:
    from skam_core.storage.db import StoreError

    try:  # one direct attempt first: the server's own reason, at once (the pool would retry in silence)
        psycopg.connect(url, connect_timeout=int(CONNECT_TIMEOUT_S)).close()
    except psycopg.OperationalError as exc:
        raise StoreError(f"The PostgreSQL store {redact(url)} cannot be opened: {str(exc).strip()}") from exc
    size = int(os.environ.get("SKAM_PG_POOL_SIZE") or DEFAULT_POOL_SIZE)
    pool = ConnectionPool(
        url,
        min_size=1,
        max_size=max(1, size),
        kwargs={"autocommit": True},
        configure=prepare_connection,
        open=False,
        name="skam",
    )
    try:
        pool.open(wait=True, timeout=CONNECT_TIMEOUT_S)
    except PoolTimeout as exc:
        pool.close()
        raise StoreError(
            f"The PostgreSQL store {redact(url)} cannot be reached within {CONNECT_TIMEOUT_S:.0f} s: is the server "
            "running, and may this user connect to that database?"
        ) from exc
    return pool


@contextmanager
def cursor(pool: ConnectionPool) -> Iterator[PgCursor]:
    with pool.connection() as conn:
        cur = PgCursor(conn)
        try:
            yield cur
        finally:
            cur.close()
