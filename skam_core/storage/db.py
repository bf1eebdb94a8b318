"""The store: one connection (DuckDB) or one connection pool (PostgreSQL) per process, a cursor per query,
transactions with bounded retry.

DuckDB refuses one connection shared across threads, and Streamlit runs every session in its own thread, so
callers never touch the connection: they ask for a cursor (a cheap child connection, or a pooled PostgreSQL
connection) for each unit of work. The location picks the engine: ``postgresql://…`` a PostgreSQL database
(several processes at once), anything else a DuckDB file (storage.dialect names the differences).
"""

from __future__ import annotations

import logging
import math
import os
import random
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import duckdb
import pandas as pd

from skam_core.storage.cursor import Cursor
from skam_core.storage.dialect import DUCKDB, POSTGRES, Dialect, is_postgres_url, redact
from skam_core.storage.migrations import apply_migrations

log = logging.getLogger(__name__)
T = TypeVar("T")

# Transactions committed per DuckDB file by this process. A file is held by one process, and every write to it
# goes through Store.transaction, so an unchanged count means unchanged data (Store.memo); counted per file, not
# per Store, because two Stores may open the same file in one process.
_commits: dict[Path, int] = {}
_commits_lock = threading.Lock()

DEFAULT_DB = Path("data") / "skam.duckdb"
# DuckDB's default memory limit is 80 % of RAM; the dashboard must stay well under 1 GB.
DEFAULT_MEMORY_LIMIT = "512MB"
CHANGES_TTL_S = 1.0  # how long a process trusts its last look at other processes' writes (PostgreSQL)
WRITE_RETRIES = 12  # with the jittered pauses, about 4 s of trying before a plain "try again"


class StoreError(Exception):
    """A store problem with a message fit to show a user."""


class StoreLockedError(StoreError):
    """Another process holds the store file for writing."""


class RetryableConflict(Exception):
    """A collision with a concurrent writer found by our own code (e.g. the entity lock): retry like a
    DuckDB transaction conflict."""


class StaleEditError(StoreError):
    """The item was changed by someone else after the editor loaded it."""


class NotFoundError(StoreError):
    """The item to change does not exist (or was removed)."""


class WriteConflictError(StoreError):
    """A write kept colliding with concurrent writes and was given up after bounded retries."""


StoreLocation = Path | str  # a DuckDB file, or a postgresql:// URL (a str: Path would fold its "//")


def as_location(value: str | Path) -> StoreLocation:
    """A --db / $SKAM_DB value as a store location: a URL stays a string, anything else is a file path."""
    return value if is_postgres_url(value) else Path(value)


def default_db_path() -> StoreLocation:
    return as_location(os.environ.get("SKAM_DB") or DEFAULT_DB)


def location_key(location: StoreLocation) -> str:
    """One key per store, however its location was spelt (files resolved; URLs as given)."""
    return location if isinstance(location, str) else str(Path(location).resolve())


@dataclass(frozen=True)
class Results:
    """A small result wrapper so that callers read intent, not tuple indices."""

    columns: list[str]
    rows: list[tuple]

    def first(self) -> dict[str, Any] | None:
        return dict(zip(self.columns, self.rows[0], strict=True)) if self.rows else None

    def single_value(self) -> Any:
        return self.rows[0][0] if self.rows else None

    def dicts(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, r, strict=True)) for r in self.rows]


class Store:
    """A DuckDB file or a PostgreSQL database, opened once per process."""

    path: StoreLocation

    def __init__(self, path: StoreLocation, *, memory_limit: str | None = None, threads: int | None = None):
        self.dialect: Dialect = DUCKDB
        self._changes, self._changes_read_at = 0, -math.inf
        if is_postgres_url(path):
            self._open_postgres(str(path))
            return
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        config: dict[str, Any] = {
            "memory_limit": memory_limit or os.environ.get("SKAM_MEMORY_LIMIT", DEFAULT_MEMORY_LIMIT),
        }
        if threads:
            config["threads"] = threads
        try:
            self._con = duckdb.connect(str(self.path), config=config)
        except duckdb.IOException as exc:
            if "lock" in str(exc).lower():
                raise StoreLockedError(
                    f"The store {self.path} is in use by another process (for example the running dashboard). "
                    "Only one process may write it: import through the dashboard's admin page, or stop the "
                    "other process and try again (the CLI's --wait option waits for it)."
                ) from exc
            raise StoreError(f"The store {self.path} cannot be opened: {exc}") from exc
        self._lock = threading.Lock()
        self._memo: dict[str, tuple[int, Any]] = {}
        self._commit_key = self.path.resolve()  # once: memo() reads the count on every view
        self._pool: Any = None
        self._retryable: tuple[type[BaseException], ...] = (duckdb.TransactionException, RetryableConflict)
        with self.cursor() as cur:
            self.migrated_versions = apply_migrations(cur)

    def _open_postgres(self, url: str) -> None:
        from skam_core.storage import pg_backend

        self.path = url
        self.dialect = POSTGRES
        self._pool = pg_backend.open_pool(url)
        self._retryable = (*pg_backend.RETRYABLE, RetryableConflict)
        try:
            with self.cursor() as cur:
                self.migrated_versions = apply_migrations(cur)
        except BaseException:
            self._pool.close()
            raise

    @property
    def location(self) -> str:
        """Where the store lives, fit to show (a URL without its password)."""
        return redact(self.path) if isinstance(self.path, str) else str(self.path)

    @property
    def shared(self) -> bool:
        """Whether other processes may open the store at the same time (PostgreSQL): no file lock, no
        handover, and caches must look for other processes' writes."""
        return self.dialect.is_postgres

    # -- reads -------------------------------------------------------------------------------------------
    @contextmanager
    def cursor(self) -> Iterator[Cursor]:
        if self._pool is not None:
            from skam_core.storage import pg_backend

            with pg_backend.cursor(self._pool) as pg:
                yield pg
            return
        with self._lock:  # creating a cursor touches the parent connection
            cur = self._con.cursor()
        try:
            yield cur
        finally:
            cur.close()

    def query(self, sql: str, params: Sequence[Any] | None = None) -> Results:
        with self.cursor() as cur:
            rel = cur.execute(sql, params or [])
            cols = [d[0] for d in rel.description] if rel.description else []
            return Results(cols, rel.fetchall())

    def df(self, sql: str, params: Sequence[Any] | None = None) -> pd.DataFrame:
        with self.cursor() as cur:
            return cur.execute(sql, params or []).df()

    # -- writes ------------------------------------------------------------------------------------------
    def transaction(self, work: Callable[[Cursor], T], *, retries: int = WRITE_RETRIES) -> T:
        """Run ``work(cur)`` in one transaction; on a write-write conflict (PostgreSQL: a serialization failure
        or a deadlock) roll back and retry a bounded number of times with growing pauses, then raise
        WriteConflictError with a plain message."""
        attempt = 0
        while True:
            with self.cursor() as cur:
                cur.begin()
                try:
                    result = work(cur)
                    cur.commit()
                    if self.dialect.is_postgres:  # after the commit: a process that sees the number sees the data
                        cur.execute("SELECT nextval('store_changes')")
                    else:
                        self._committed()
                    return result
                except self._retryable as exc:
                    _safe_rollback(cur)
                    if _aborted_by_an_earlier_error(exc):
                        # Not a collision: a statement of this transaction failed before (and was caught), so
                        # DuckDB refuses the rest. Retrying would fail the same way and then blame other users.
                        raise StoreError(
                            f"The change was not saved: an earlier step of it failed ({exc}). Nothing was written."
                        ) from exc
                    attempt += 1
                    if attempt > retries:
                        raise WriteConflictError(
                            "Someone else was saving the same data at the same moment; your change was not "
                            "saved. Please try again."
                        ) from exc
                    log.info("write conflict, retry %d/%d: %s", attempt, retries, exc)
                except BaseException:
                    _safe_rollback(cur)
                    raise
            # Jittered, so that writers that collided do not all come back at the same moment again.
            time.sleep(min(0.5, 0.01 * 2**attempt) * random.uniform(0.5, 1.5))

    def _committed(self) -> None:
        key = self._commit_key
        with _commits_lock:
            _commits[key] = _commits.get(key, 0) + 1

    def memo(self, key: str, compute: Callable[[], T]) -> T:
        """``compute()``, computed again only after a transaction was committed to this DuckDB file (by any
        Store of this process: no other process can write it); on PostgreSQL, which other processes write,
        every time. For facts derived from the whole store that cost a scan to check, such as the aggregates'
        fingerprints (about 15 ms over 6 M rows on a quiet machine, 70 ms under load, on every view)."""
        if self.dialect.is_postgres:
            return compute()
        # The count is read before computing: a commit while computing makes the next call compute again.
        commits = _commits.get(self._commit_key, 0)
        kept = self._memo.get(key)
        if kept is not None and kept[0] == commits:
            return kept[1]
        value = compute()
        self._memo[key] = (commits, value)
        return value

    @contextmanager
    def exclusively(self, lock: int) -> Iterator[None]:
        """One process at a time through the block, for work that must not run twice at once (filling an empty
        store with the demo). PostgreSQL: a session advisory lock on a connection of its own, held until the
        block ends; a transaction begun inside takes its snapshot after the lock, so it sees what the previous
        holder committed (a transaction-level lock would not: its own statement fixes the snapshot first). A
        DuckDB file is held by one process, whose callers serialise themselves."""
        if not self.dialect.is_postgres:
            yield
            return
        with self.cursor() as cur:
            cur.execute("SELECT pg_advisory_lock(?)", [lock])
            try:
                yield
            finally:
                cur.execute("SELECT pg_advisory_unlock(?)", [lock])

    @contextmanager
    def if_alone(self, lock: int) -> Iterator[bool]:
        """As :meth:`exclusively`, but without waiting: yields whether this process got the lock (True), or
        another one holds it now (False: skip the work). For background work that one process does for all,
        whose waiting would keep a pooled connection from the sessions."""
        if not self.dialect.is_postgres:
            yield True
            return
        with self.cursor() as cur:
            got = bool(cur.execute("SELECT pg_try_advisory_lock(?)", [lock]).fetchall()[0][0])
            try:
                yield got
            finally:
                if got:
                    cur.execute("SELECT pg_advisory_unlock(?)", [lock])

    def changes(self) -> int:
        """A number that grows with every write committed by any process (0 for a DuckDB file, which only this
        process writes: its caches follow the in-process data version). Read at most once a second, so that
        each page run costs no extra round trip; another process's write shows within that second."""
        if not self.dialect.is_postgres:
            return 0
        now = time.monotonic()
        if now - self._changes_read_at > CHANGES_TTL_S:
            value = self.query("SELECT last_value + CASE WHEN is_called THEN 1 ELSE 0 END FROM store_changes")
            self._changes, self._changes_read_at = int(value.single_value()), now
        return self._changes

    def checkpoint(self) -> None:
        sql = self.dialect.checkpoint_sql
        if sql is None:
            return
        with self.cursor() as cur:
            cur.execute(sql)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
        else:
            self._con.close()


def _aborted_by_an_earlier_error(exc: BaseException) -> bool:
    """DuckDB's "Current transaction is aborted": raised as a TransactionException like a write conflict, but
    caused by an earlier failed statement in the same transaction."""
    return isinstance(exc, duckdb.TransactionException) and "is aborted" in str(exc)


def _safe_rollback(cur: Cursor) -> None:
    try:
        cur.rollback()
    except Exception:
        pass


_stores: dict[str, Store] = {}
_stores_lock = threading.Lock()


def get_store(path: StoreLocation | None = None) -> Store:
    """The process-wide store for ``path`` (default: $SKAM_DB or data/skam.duckdb), opened on first use."""
    p = as_location(path) if path is not None else default_db_path()
    key = location_key(p)
    with _stores_lock:
        store = _stores.get(key)
        if store is None:
            store = Store(p)
            _stores[key] = store
        return store


def close_store(path: StoreLocation) -> None:
    key = location_key(as_location(path))
    with _stores_lock:
        store = _stores.pop(key, None)
    if store is not None:
        store.close()
