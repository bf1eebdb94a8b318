"""Versioned reads and writes shared by every editable table.

Table and column names are SQL identifiers and cannot be ``?`` parameters. They come only from the fixed
registry below (never from user input), and every *value* is passed as a ``?`` parameter.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

import duckdb
import pandas as pd

from skam_core.domain import clock
from skam_core.domain.asof import AsOf
from skam_core.storage import bulk
from skam_core.storage.cursor import Cursor
from skam_core.storage.db import NotFoundError, RetryableConflict, StaleEditError, Store
from skam_core.storage.registry import TABLES, VersionedTable, table  # noqa: F401  (re-exported)

# The business day ends at midnight in the company's time zone: "as of 2026-03-12" means everything known
# until the end of that day in Germany, not in UTC. (Defined by the clock; re-exported here.)
BUSINESS_TZ = clock.BUSINESS_TZ


def new_id() -> str:
    return uuid.uuid4().hex[:12]


def utc_now() -> datetime:
    """Naive UTC timestamp, as stored in valid_from/valid_to (from the product's clock)."""
    return clock.utc_now()


def visible_clause(asof: AsOf, alias: str = "") -> tuple[str, list[Any]]:
    """WHERE fragment selecting the version of each entity that was current at ``asof`` (required: a read that
    forgot it would silently show today's data inside a meeting snapshot).

    A version is visible at instant T when valid_from < T and (valid_to is NULL or valid_to >= T); without a
    knowledge day, the current versions.
    """
    p = f"{alias}." if alias else ""
    instant = asof.instant
    if instant is None:
        return f"{p}valid_to IS NULL", []
    return f"{p}valid_from < ? AND ({p}valid_to IS NULL OR {p}valid_to >= ?)", [instant, instant]


VERSION_COLUMNS = ("valid_from", "changed_by")  # what reads with the version add: when and by whom
_ORDER_MODIFIERS = frozenset(f"{d} {n}".strip() for d in ("", "ASC", "DESC") for n in ("", "NULLS FIRST", "NULLS LAST"))


def _order_clause(t: VersionedTable, order_by: Sequence[str]) -> str:
    """``ORDER BY`` from terms such as ``"due"`` or ``"influence DESC NULLS LAST"``. Each term names a column of
    the table (or a version column) and may add a direction and null placement; anything else is refused, so
    only registry identifiers and fixed keywords reach the SQL."""
    terms = []
    allowed = set(t.all_columns) | set(VERSION_COLUMNS)
    for term in order_by:
        col, _, modifier = term.strip().partition(" ")
        modifier = " ".join(modifier.upper().split())
        if col not in allowed:
            raise ValueError(f"{col!r} is not a column of {t.name}")
        if modifier not in _ORDER_MODIFIERS:
            raise ValueError(f"{term!r} is not an order of {t.name}: a column, ASC|DESC, NULLS FIRST|LAST")
        terms.append(f"{col} {modifier}".rstrip())
    return f" ORDER BY {', '.join(terms)}" if terms else ""


def current_sql(
    table_name: str,
    *,
    asof: AsOf,
    where: Mapping[str, Any] | None = None,
    include_version: bool = False,
    order_by: Sequence[str] = (),
    columns: Sequence[str] | None = None,
) -> tuple[str, list[Any]]:
    """The SELECT behind :func:`read_current`, with its parameters (for reads that want other result types)."""
    t = table(table_name)
    clause, params = visible_clause(asof)
    conds = [clause, "NOT is_deleted"]
    for col, val in (where or {}).items():
        if col not in t.all_columns:
            raise ValueError(f"{col!r} is not a column of {table_name}")
        conds.append(f"{col} = ?")
        params.append(val)
    if columns is None:
        columns = t.all_columns
    unknown = [c for c in columns if c not in t.all_columns]
    if unknown:
        raise ValueError(f"{table_name}: unknown column(s) {unknown}")
    cols = list(columns) + (list(VERSION_COLUMNS) if include_version else [])
    sql = f"SELECT {', '.join(cols)} FROM {t.name} WHERE {' AND '.join(conds)}" + _order_clause(t, order_by)
    return sql, params


def read_current(
    cur: Cursor,
    table_name: str,
    *,
    asof: AsOf,
    where: Mapping[str, Any] | None = None,
    include_version: bool = False,
    order_by: Sequence[str] = (),
    columns: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Current (or as-of) versions of a table, removed items left out, filtered by equality on ``where``, in
    the order of ``order_by`` (terms as for :func:`_order_clause`). ``columns``: a part of the registry's
    columns (default all); ``include_version`` adds valid_from and changed_by."""
    sql, params = current_sql(
        table_name, asof=asof, where=where, include_version=include_version, order_by=order_by, columns=columns
    )
    return cur.execute(sql, params).df()


def account_rows(
    store: Store,
    table_name: str,
    customer_id: str | None,
    asof: AsOf,
    order_by: Sequence[str] = (),
    *,
    columns: Sequence[str] | None = None,
) -> pd.DataFrame:
    """The items of one account visible at ``asof``, removed ones left out, with valid_from and
    changed_by (forms check an edit against the version it was based on; tables show who changed it last).
    ``customer_id`` None reads every account's items (and is the only choice for company-wide tables)."""
    t = table(table_name)
    if customer_id is not None and t.account_column is None:
        raise ValueError(f"{table_name} belongs to no account")
    where = {t.account_column: customer_id} if customer_id is not None and t.account_column else None
    with store.cursor() as cur:
        return read_current(
            cur, table_name, asof=asof, where=where, include_version=True, order_by=order_by, columns=columns
        )


def history(cur: Cursor, table_name: str, key_values: Mapping[str, Any]) -> pd.DataFrame:
    """Every version of one entity, newest first, with who wrote it and when (for the change history)."""
    t = table(table_name)
    conds, params = _key_conditions(t, key_values)
    cols = ", ".join(t.all_columns)
    sql = (
        f"SELECT {cols}, is_deleted, valid_from, valid_to, changed_by FROM {t.name} "
        f"WHERE {' AND '.join(conds)} ORDER BY valid_from DESC"
    )
    return cur.execute(sql, params).df()


def _key_conditions(t: VersionedTable, key_values: Mapping[str, Any]) -> tuple[list[str], list[Any]]:
    missing = [k for k in t.key if k not in key_values]
    if missing:
        raise ValueError(f"{t.name}: key column(s) {missing} missing")
    return [f"{k} = ?" for k in t.key], [key_values[k] for k in t.key]


def current_version(cur: Cursor, table_name: str, key_values: Mapping[str, Any]) -> dict[str, Any] | None:
    """The current version of one entity as a dict (with valid_from, changed_by, is_deleted), or None."""
    t = table(table_name)
    conds, params = _key_conditions(t, key_values)
    cols = list(t.all_columns) + ["is_deleted", "valid_from", "changed_by"]
    sql = f"SELECT {', '.join(cols)} FROM {t.name} WHERE {' AND '.join(conds)} AND valid_to IS NULL"
    rows = cur.execute(sql, params).fetchall()
    row = rows[0] if rows else None
    return dict(zip(cols, row, strict=True)) if row else None


def live_version(
    cur: Cursor, table_name: str, key_values: Mapping[str, Any], *, missing: str | None = None
) -> dict[str, Any] | None:
    """The current version of an entity that exists (not removed), else None; with ``missing``, raise
    NotFoundError with that message instead. A removed entity's current version is its tombstone."""
    row = current_version(cur, table_name, key_values)
    if row is None or row["is_deleted"]:
        if missing is not None:
            raise NotFoundError(missing)
        return None
    return row


def lock_entity(cur: Cursor, scope: str, key: str) -> None:
    """Serialise the transactions that write one entity, or one group of entities (``scope`` names it: a
    table, or e.g. ``plan_versions/account`` for all plan versions of an account): every such transaction
    touches the same row of entity_locks (migration 002) first, so DuckDB's optimistic concurrency makes all
    but the first of them conflict and ``Store.transaction`` retries them, reading what the first wrote. On
    PostgreSQL the row lock makes the others wait for the first to finish; their snapshot is then too old, a
    serialization failure, retried the same way (across processes as within one).
    Must run inside a transaction, before the reads the write depends on."""
    try:
        cur.execute(
            "INSERT INTO entity_locks VALUES (?, ?, 1)"
            " ON CONFLICT (table_name, entity_key) DO UPDATE SET touched = entity_locks.touched + 1",
            [scope, key],
        )
    except duckdb.ConstraintException as exc:  # another writer created the lock row after our snapshot began
        raise RetryableConflict(str(exc)) from exc


def save_version(
    cur: Cursor,
    table_name: str,
    values: Mapping[str, Any],
    *,
    user_id: str,
    now: datetime | None = None,
    expected_valid_from: datetime | None = None,
    deleted: bool = False,
) -> datetime:
    """Close the entity's current version and insert the next one. Must run inside a transaction.

    ``values`` holds the key and payload columns; payload columns not given keep their current value (or NULL
    for a new entity). With ``expected_valid_from`` the save refuses when someone else saved in between.
    Returns the new version's valid_from.
    """
    t = table(table_name)
    unknown = set(values) - set(t.all_columns)
    if unknown:
        raise ValueError(f"{table_name}: unknown column(s) {sorted(unknown)}")
    now = now or utc_now()
    # Serialise writers of the same entity (see migrations/002_entity_locks.sql); a collision surfaces as a
    # TransactionException, which Store.transaction retries.
    lock_entity(cur, t.name, "\x1f".join(str(values[k]) for k in t.key))
    current = current_version(cur, table_name, values)
    if expected_valid_from is not None and (current is None or current["valid_from"] != expected_valid_from):
        who = current["changed_by"] if current else "someone"
        raise StaleEditError(f"This item was changed by {who} after you opened it. Reload and edit again.")
    if deleted and (current is None or current["is_deleted"]):
        raise NotFoundError("The item does not exist any more.")
    row = {c: (current or {}).get(c) for c in t.all_columns}
    row.update(values)
    if current is not None:
        conds, params = _key_conditions(t, values)
        cur.execute(
            f"UPDATE {t.name} SET valid_to = ? WHERE {' AND '.join(conds)} AND valid_to IS NULL",
            [now, *params],
        )
    cols = list(t.all_columns) + ["is_deleted", "valid_from", "valid_to", "changed_by"]
    placeholders = ", ".join("?" for _ in cols)
    cur.execute(
        f"INSERT INTO {t.name} ({', '.join(cols)}) VALUES ({placeholders})",
        [*(row[c] for c in t.all_columns), deleted, now, None, user_id],
    )
    return now


def set_or_clear(
    cur: Cursor,
    table_name: str,
    key: Mapping[str, Any],
    values: Mapping[str, Any] | None,
    *,
    user_id: str,
    now: datetime | None = None,
) -> bool:
    """Set a keyed cell (a RACI letter, a KPI's target for a period) to ``values`` or, with None, clear it.
    Writes a version only when something changes; returns whether it did. Must run inside a transaction."""
    current = live_version(cur, table_name, key)
    if values is None:
        if current is None:
            return False
        row = {c: current[c] for c in table(table_name).all_columns}
        save_version(cur, table_name, row, user_id=user_id, now=now, deleted=True)
        return True
    if current is not None and all(current.get(c) == v for c, v in values.items()):
        return False
    save_version(cur, table_name, {**key, **values}, user_id=user_id, now=now)
    return True


def insert_versions(
    cur: Cursor,
    table_name: str,
    rows: pd.DataFrame,
    *,
    user_id: str,
    valid_from: datetime,
    valid_to: datetime | None = None,
) -> int:
    """Bulk-insert first versions (used by the demo generator and imports of new entities)."""
    t = table(table_name)
    if rows.empty:
        return 0
    df = rows.reindex(columns=list(t.all_columns)).copy()
    df["is_deleted"] = False
    if "valid_from" not in rows.columns:
        df["valid_from"] = valid_from
    else:
        df["valid_from"] = rows["valid_from"].to_numpy()
    df["valid_to"] = rows["valid_to"].to_numpy() if "valid_to" in rows.columns else valid_to
    df["changed_by"] = rows["changed_by"].to_numpy() if "changed_by" in rows.columns else user_id
    cols = list(t.all_columns) + ["is_deleted", "valid_from", "valid_to", "changed_by"]
    # Table and column names come from the registry above (never from input); the values travel as a frame.
    return bulk.insert_frame(cur, t.name, df[cols])
