"""Moving a whole store between engines (DuckDB file <-> PostgreSQL) with every row as it is: all versions,
their valid_from/valid_to, who wrote them, the KPI entries, the aggregates and the entity locks. Both stores are
migrated to the same schema when opened; the target must hold no data yet.

Rows travel in Arrow batches (a few hundred thousand rows at a time), typed from the target's columns, so
text stays text (``"007"`` keeps its zeros), NULL stays apart from the empty string and timestamps keep their
microseconds.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from typing import Any, cast

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pa_csv

from skam_core.storage import bulk, dialect
from skam_core.storage.cursor import Cursor
from skam_core.storage.db import Store, StoreError
from skam_core.storage.queries import profit

BATCH_ROWS = 200_000
# Integer and boolean columns with NULLs keep their type on the way through pandas (not float64 with NaN).
_NULLABLE = {pa.int32(): pd.Int32Dtype(), pa.int64(): pd.Int64Dtype(), pa.bool_(): pd.BooleanDtype()}
# Bookkeeping that each store keeps for itself: the applied migrations (both stores are migrated when opened)
# and PostgreSQL's change counts (migration 040), which its triggers keep while the rows arrive.
_SKIPPED = frozenset({"schema_version", "table_changes"})

_ARROW_OF_SQL = {
    "BOOLEAN": pa.bool_(),
    "INTEGER": pa.int32(),
    "BIGINT": pa.int64(),
    "DOUBLE": pa.float64(),
    "DOUBLE PRECISION": pa.float64(),
    "DATE": pa.date32(),
    "TIMESTAMP": pa.timestamp("us"),
    "TIMESTAMP WITHOUT TIME ZONE": pa.timestamp("us"),
}


def table_columns(store: Store) -> dict[str, list[tuple[str, pa.DataType]]]:
    """The store's own tables (not its bookkeeping) -> their columns with Arrow types, in table order."""
    rows = store.query(
        "SELECT c.table_name, c.column_name, upper(c.data_type) FROM information_schema.columns c"
        " JOIN information_schema.tables t ON t.table_name = c.table_name AND t.table_schema = c.table_schema"
        " WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'"
        " ORDER BY c.table_name, c.ordinal_position"
    ).rows
    out: dict[str, list[tuple[str, pa.DataType]]] = {}
    for table, column, sql_type in rows:
        if table not in _SKIPPED:
            out.setdefault(table, []).append((column, _ARROW_OF_SQL.get(sql_type, pa.string())))
    return out


def row_count(store: Store, table: str) -> int:
    return int(store.query(f"SELECT count(*) FROM {table}").single_value())


def read_batches(cur: Cursor, sql: str, schema: pa.Schema) -> Iterator[pa.RecordBatch]:
    """The result of ``sql`` in batches of ``schema``'s types."""
    if dialect.of(cur).is_postgres:
        yield from _pg_batches(cur, sql, schema)
        return
    reader = cast(duckdb.DuckDBPyConnection, cur).sql(sql).to_arrow_reader(BATCH_ROWS)
    for batch in reader:
        yield batch.cast(schema) if batch.schema != schema else batch


def _pg_batches(cur: Any, sql: str, schema: pa.Schema) -> Iterator[pa.RecordBatch]:
    buf = io.BytesIO()
    cur.copy_out(sql, buf)
    if not buf.tell():  # an empty table: nothing to read (Arrow refuses an empty CSV)
        return
    buf.seek(0)
    reader = pa_csv.open_csv(
        buf,
        read_options=pa_csv.ReadOptions(column_names=schema.names, block_size=64 << 20),
        convert_options=pa_csv.ConvertOptions(
            column_types={f.name: f.type for f in schema},
            true_values=["t", "true"],
            false_values=["f", "false"],
            strings_can_be_null=True,
            quoted_strings_can_be_null=False,
        ),
    )
    yield from reader


def copy_store(source: Store, target: Store, progress: Callable[[float, str], None] = lambda f, s: None) -> dict:
    """Copy every table of ``source`` into the empty ``target``, in one transaction of the target (all or
    nothing). Returns table -> rows copied."""
    src_tables, dst_tables = table_columns(source), table_columns(target)
    missing = sorted(set(src_tables) - set(dst_tables))
    if missing:
        raise StoreError(f"the target store has no table(s) {', '.join(missing)}: is it an older version?")
    filled = [t for t in dst_tables if row_count(target, t) > 0]
    if filled:
        raise StoreError(f"the target store is not empty (rows in {', '.join(filled[:5])}); copy into a new one")
    totals = {t: row_count(source, t) for t in src_tables}
    grand = max(1, sum(totals.values()))

    with source.cursor() as src:
        source_state = profit.aggregate_state(src)

    def work(dst: Cursor) -> dict:
        done: dict[str, int] = {}
        moved = 0
        for table, columns in src_tables.items():
            target_types = dict(dst_tables[table])
            names = [c for c, _ in columns if c in target_types]
            schema = pa.schema([(c, target_types[c]) for c in names])
            sql = f"SELECT {', '.join(names)} FROM {table}"
            done[table] = 0
            with source.cursor() as src:
                for batch in read_batches(src, sql, schema):
                    frame = batch.to_pandas(date_as_object=True, types_mapper=_NULLABLE.get)
                    done[table] += bulk.insert_frame(dst, table, frame)
                    moved += len(frame)
                    progress(moved / grand, table)
        profit.adopt_copied_aggregates(dst, source_state)
        return done

    result = target.transaction(work, retries=0)
    target.checkpoint()
    if target.dialect.is_postgres:
        # Fresh statistics and visibility for the planner: the first reads after a bulk load would otherwise
        # plan blind and rewrite every page (hint bits) while a user waits.
        target.query("VACUUM ANALYZE")
    progress(1.0, "done")
    return result
