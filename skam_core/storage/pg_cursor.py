"""A PostgreSQL connection seen through the part of DuckDB's cursor interface the storage layer uses, so that
one storage layer serves both engines: ``execute`` (``?`` placeholders) returning itself, ``fetchall``,
``fetchone``, ``df``, ``fetchnumpy``, ``description``, ``begin``/``commit``/``rollback``, and
``register``/``unregister`` of a DataFrame (DuckDB scans it in place; here it is copied into a temporary table
with COPY, the bulk path of PostgreSQL).

Result frames are built by DuckDB from the rows (through Arrow, typed from PostgreSQL's column types), so a
page gets the same dtypes from either engine: dates and timestamps as datetime64, text as str, and so on.
"""

from __future__ import annotations

import io
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, BinaryIO

import duckdb
import numpy as np
import pandas as pd
import psycopg
import pyarrow as pa
import pyarrow.csv as pa_csv

from skam_core.storage import identifiers
from skam_core.storage.dialect import POSTGRES, Dialect, postgres_sql

# PostgreSQL type OIDs -> Arrow types of the result columns (what DuckDB would have returned).
_ARROW_TYPES: dict[int, pa.DataType] = {
    16: pa.bool_(),
    20: pa.int64(),
    21: pa.int16(),
    23: pa.int32(),
    25: pa.string(),
    1043: pa.string(),
    19: pa.string(),
    700: pa.float32(),
    701: pa.float64(),
    1700: pa.float64(),  # numeric (sums of integers): DuckDB's HUGEINT sums reach pandas as float64 too
    1082: pa.date32(),
    1114: pa.timestamp("us"),
    1184: pa.timestamp("us", tz="UTC"),
    1022: pa.list_(pa.float64()),
    1231: pa.list_(pa.float64()),
    1009: pa.list_(pa.string()),
    1015: pa.list_(pa.string()),
    1016: pa.list_(pa.int64()),
    1007: pa.list_(pa.int32()),
}

# Arrow types of a registered DataFrame's columns -> column types of its temporary table.
_SQL_TYPES: list[tuple[Any, str]] = [
    (pa.types.is_boolean, "BOOLEAN"),
    (pa.types.is_integer, "BIGINT"),
    (pa.types.is_floating, "DOUBLE PRECISION"),
    (pa.types.is_timestamp, "TIMESTAMP"),
    (pa.types.is_date, "DATE"),
]

# Result columns of fetch_arrays: PostgreSQL type OIDs -> numpy types (others read as float64).
_NUMPY_TYPES: dict[int, Any] = {20: np.int64, 21: np.int64, 23: np.int64, 700: np.float64, 701: np.float64}
_ARRAY_CHUNK = 200_000

_local = threading.local()
_converter_lock = threading.Lock()
_converter_root: list[duckdb.DuckDBPyConnection] = []  # the process's one in-memory DuckDB, made on first use


def _converter() -> duckdb.DuckDBPyConnection:
    """This thread's cursor on the process's in-memory DuckDB, used only to turn Arrow tables into DataFrames as
    DuckDB does. One database with a cursor per thread, not a database per thread: the pages read on short-lived
    worker threads (a pool per page view), and opening a DuckDB database costs 30-45 ms of CPU, a cursor ~0.6 ms."""
    con = getattr(_local, "duck", None)
    if con is None:
        with _converter_lock:
            if not _converter_root:
                _converter_root.append(duckdb.connect(config={"threads": 1}))
            con = _local.duck = _converter_root[0].cursor()
    return con


def _numeric_as_float(conn: psycopg.Connection) -> None:
    """numeric -> float (sums and averages of integers are numeric in PostgreSQL; the analytics add floats)."""
    from psycopg.types.numeric import FloatLoader

    conn.adapters.register_loader("numeric", FloatLoader)


def prepare_connection(conn: psycopg.Connection) -> None:
    """Configure a pooled connection once: loaders, UTC session time zone (timestamps are naive UTC)."""
    _numeric_as_float(conn)
    conn.execute("SET TIME ZONE 'UTC'")
    # The page reads are a few analytical queries over up to 100,000 customers: JIT compilation costs more
    # than it saves on them (hundreds of ms per query), and the default work_mem (4 MB) sends their sorts and
    # hashes to disk.
    conn.execute("SET jit = off")
    # set_config, not SET: SET takes no parameters, and the value comes from the environment.
    conn.execute("SELECT set_config('work_mem', %s, false)", [os.environ.get("SKAM_PG_WORK_MEM", "64MB")])


class PgCursor:
    """A PostgreSQL connection (from the pool, in autocommit mode) with DuckDB's cursor manners."""

    dialect: Dialect = POSTGRES

    def __init__(self, conn: psycopg.Connection):
        self._conn = conn
        self._cur = conn.cursor()

    # -- statements --------------------------------------------------------------------------------------
    def execute(self, sql: str, parameters: Sequence[Any] | None = None) -> PgCursor:
        if parameters:
            self._cur.execute(postgres_sql(sql), list(parameters))
        else:
            self._cur.execute(sql.encode())  # no placeholders: sent as written (several statements allowed)
        return self

    @property
    def description(self) -> list[tuple[Any, ...]] | None:
        d = self._cur.description
        return [(c.name, c.type_code) for c in d] if d else None

    def fetchall(self) -> list[tuple[Any, ...]]:
        return self._cur.fetchall() if self._cur.description else []

    def fetchone(self) -> tuple[Any, ...] | None:
        return self._cur.fetchone() if self._cur.description else None

    def arrow(self) -> pa.Table:
        d = self._cur.description or []
        rows = self._cur.fetchall() if d else []
        columns = list(zip(*rows, strict=True)) if rows else [() for _ in d]
        arrays = [
            pa.array(list(col), type=_ARROW_TYPES.get(c.type_code, pa.string()))
            for col, c in zip(columns, d, strict=True)
        ]
        return pa.Table.from_arrays(arrays, names=_unique_names([c.name for c in d]))

    def df(self) -> pd.DataFrame:
        return arrow_frame(self.arrow())

    def fetchnumpy(self) -> dict[str, np.ndarray]:
        arrow_result = self.arrow()  # noqa: F841
        return _converter().execute("SELECT * FROM arrow_result").fetchnumpy()

    def fetch_arrays(self, sql: str, parameters: Sequence[Any]) -> dict[str, np.ndarray]:
        """A large numeric result as one array per column, read in binary through a server-side cursor in
        chunks: memory stays at one chunk of Python rows (COPY would hand Python one call per row, ~20x slower)."""
        names: list[str] = []
        chunks: list[list[np.ndarray]] = []
        query = postgres_sql(sql) if parameters else sql
        with self._conn.cursor(name=f"skam_arrays_{id(self)}", binary=True, withhold=True) as cur:
            cur.itersize = _ARRAY_CHUNK
            cur.execute(query.encode(), list(parameters) or None)
            description = cur.description or []
            names = [c.name for c in description]
            dtypes = [_NUMPY_TYPES.get(c.type_code, np.float64) for c in description]
            while rows := cur.fetchmany(_ARRAY_CHUNK):
                chunks.append(
                    [np.fromiter((r[i] for r in rows), dtype=t, count=len(rows)) for i, t in enumerate(dtypes)]
                )
        if not chunks:
            return {n: np.zeros(0) for n in names}
        return {n: np.concatenate([c[i] for c in chunks]) for i, n in enumerate(names)}

    def copy_csv(self, sql: str, path: Path) -> None:
        """Write the result of ``sql`` (no parameters) to a CSV file with a header row."""
        with path.open("wb") as out:
            self.copy_out(sql, out, header=True)

    def copy_out(self, sql: str, out: BinaryIO, *, header: bool = False) -> None:
        """Stream the result of ``sql`` (no parameters) as CSV (NULL unquoted and empty, "" an empty string)."""
        options = "FORMAT csv, HEADER" if header else "FORMAT csv"
        with self._cur.copy(f"COPY ({sql}) TO STDOUT ({options})".encode()) as copy:
            for chunk in copy:
                out.write(chunk)

    # -- transactions ------------------------------------------------------------------------------------
    def begin(self) -> None:
        # Snapshot isolation, as DuckDB's: a write to a row another open transaction wrote is a serialization
        # failure, which Store.transaction retries.
        self._cur.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")

    def commit(self) -> None:
        self._cur.execute("COMMIT")

    def rollback(self) -> None:
        self._cur.execute("ROLLBACK")

    # -- DataFrames as tables ----------------------------------------------------------------------------
    def register(self, name: str, frame: pd.DataFrame) -> None:
        """Make ``frame`` readable as table ``name`` for this cursor (a temporary table filled by COPY)."""
        name = identifiers.name(name)
        table = pa.Table.from_pandas(frame, preserve_index=False)
        cols = ", ".join(f'"{identifiers.name(f.name)}" {_sql_type(f.type)}' for f in table.schema)
        self._cur.execute(f'CREATE TEMP TABLE "{name}" ({cols})'.encode())
        self._copy_in(f'COPY "{name}" FROM STDIN (FORMAT csv)', frame)

    def copy_into(self, table: str, frame: pd.DataFrame) -> None:
        """Append ``frame`` to ``table`` with COPY (its columns are columns of the table, in any order)."""
        cols = ", ".join(f'"{c}"' for c in identifiers.names(frame.columns))
        self._copy_in(f"COPY {identifiers.name(table)} ({cols}) FROM STDIN (FORMAT csv)", frame)

    def _copy_in(self, statement: str, frame: pd.DataFrame) -> None:
        table = pa.Table.from_pandas(frame, preserve_index=False)
        buf = io.BytesIO()
        # Nulls are written unquoted and empty, empty strings quoted: COPY's CSV format tells them apart.
        pa_csv.write_csv(table, buf, pa_csv.WriteOptions(include_header=False))
        with self._cur.copy(statement.encode()) as copy:
            view = buf.getbuffer()
            for start in range(0, len(view), 1 << 20):
                copy.write(view[start : start + (1 << 20)])

    def unregister(self, name: str) -> None:
        if self._conn.info.transaction_status == psycopg.pq.TransactionStatus.INERROR:
            return  # the failed transaction's rollback removes the table it created
        self._cur.execute(f'DROP TABLE IF EXISTS "{identifiers.name(name)}"'.encode())

    def close(self) -> None:
        self._cur.close()


def arrow_frame(table: pa.Table) -> pd.DataFrame:
    """The DataFrame DuckDB's ``df()`` makes of ``table``, built by pyarrow where its result is the same: through
    DuckDB a small result of a dozen columns cost ~10 ms of CPU (pyarrow ~1 ms), and a page makes up to ~17 reads.
    Where the two differ, DuckDB's dtypes are applied here: dates as datetime64[us], integers and booleans with
    nulls as pandas' nullable Int*/boolean, text without a value (none or all null) as object. Results pyarrow
    cannot match as cheaply (time zones, which DuckDB gives in its session's zone; lists with nulls) still go
    through DuckDB; tests/unit/test_pg_result_frames.py holds the two to equal frames."""
    if not all(_fast_convertible(col) for col in table.columns):
        arrow_result = table  # noqa: F841  (DuckDB scans the local variable by its name)
        return _converter().execute("SELECT * FROM arrow_result").df()
    # One to_pandas of the whole table (per column it cost ~0.4 ms each), dates cast to timestamps first; then
    # the few columns whose dtype differs from DuckDB's are replaced.
    dates = [k for k, col in enumerate(table.columns) if pa.types.is_date(col.type)]
    for k in dates:
        table = table.set_column(k, table.field(k).name, table.column(k).cast(pa.timestamp("us")))
    frame = table.to_pandas(use_threads=False)
    for k, col in enumerate(table.columns):
        t = col.type
        if col.null_count and pa.types.is_integer(t):
            frame.isetitem(k, pd.array(col.to_pylist(), dtype=_NULLABLE_INTS[t.bit_width]))
        elif col.null_count and pa.types.is_boolean(t):
            frame.isetitem(k, pd.array(col.to_pylist(), dtype="boolean"))
        elif pa.types.is_string(t) and col.null_count == len(col):
            frame.isetitem(k, pd.Series([None] * len(col), dtype=object))
    return frame


_NULLABLE_INTS = {8: "Int8", 16: "Int16", 32: "Int32", 64: "Int64"}


def _fast_convertible(col: pa.ChunkedArray) -> bool:
    t = col.type
    if pa.types.is_timestamp(t):
        return t.tz is None
    if pa.types.is_list(t):
        return col.null_count == 0
    return any(
        test(t)
        for test in (
            pa.types.is_boolean,
            pa.types.is_integer,
            pa.types.is_floating,
            pa.types.is_string,
            pa.types.is_date,
        )
    )


def _sql_type(t: pa.DataType) -> str:
    for test, sql_type in _SQL_TYPES:
        if test(t):
            return sql_type
    return "VARCHAR"


def _unique_names(names: list[str]) -> list[str]:
    """DuckDB's names for duplicate result columns (a, a_1, …), so that frames look the same."""
    seen: dict[str, int] = {}
    out = []
    for n in names:
        if n in seen:
            seen[n] += 1
            out.append(f"{n}_{seen[n]}")
        else:
            seen[n] = 0
            out.append(n)
    return out
