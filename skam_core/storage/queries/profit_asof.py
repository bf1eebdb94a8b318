"""As-of pre-aggregates of the profit page (migration 037): the effect sums and every customer's window sums as
known at an earlier instant, computed once per *epoch* and kept, so that a view of older knowledge reads a few
thousand numbers instead of recomputing them from millions of rows.

The financial rows visible at an instant T (valid_from < T and valid_to NULL or >= T) depend only on the latest
version boundary e before T (every valid_from and valid_to is a boundary): they are the rows with
valid_from <= e and valid_to NULL or > e, the same for every instant up to the next boundary. Versions are
append-only (a row is added, or its valid_to set once), so these rows change exactly when a row with
valid_from <= e is added or a row gets a valid_to <= e — each raises one of two counts, the versions known by e
and those closed by e. An entry records both; it is served only while they still match (a back-dated history
load changes them), so stale sums are never served. Both counts and e come from agg_financials_monthly (call
ensure_aggregates first).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

import numpy as np
import pandas as pd

from skam_core.domain.asof import AsOf
from skam_core.domain.periods import Window, window_for
from skam_core.domain.validation import month_add
from skam_core.storage import dialect
from skam_core.storage.bulk import insert_frame, read_numpy
from skam_core.storage.cursor import Cursor
from skam_core.storage.db import Store
from skam_core.storage.queries import profit_fe
from skam_core.storage.queries.profit_fe import EffectSums
from skam_core.storage.versioned import new_id, utc_now, visible_clause

# The definition of an entry's sums: bump it when what they hold changes, so that older entries are never served.
DEFINITION = "1"
# Month-ends filled when the aggregates are rebuilt: the as-of days people look at (past steering committees),
# the last quarter's. Each epoch costs about a second of CPU at 6 M rows, and after a back-dated history load every
# one is new (after ordinary imports the older entries stay valid and at most the newest month-end is built):
# a year's would add ~11 s to that import. Older days are built when first viewed.
EAGER_MONTHS = 3
# PostgreSQL hands the rows to numpy through psycopg: one epoch's read of 6 M rows took 92 s here (load 12), about
# what the rebuild's own read already costs, so there the entries are only built when first viewed.
EAGER_ON_POSTGRES = False
# Entries kept at most (each holds ~one row per customer); the oldest built go first.
MAX_ENTRIES = 36
# An instant after every boundary: "now" sees the current versions, which are the rows of the latest epoch.
_LATEST = datetime(9999, 1, 1)


@dataclass(frozen=True)
class Epoch:
    start: datetime  # the latest boundary before the instant
    rows_known: int  # financial row versions with valid_from <= start
    rows_closed: int  # financial row versions with valid_to <= start


def _counts(at: str) -> str:
    """The versions known and closed by the instant ``at`` (a fixed column name), from the monthly aggregate:
    columns known, closed."""
    return (
        f"CAST((SELECT coalesce(sum(rows_n), 0) FROM agg_financials_monthly WHERE valid_from <= {at}) AS BIGINT)"
        " AS known,"
        f" CAST((SELECT coalesce(sum(rows_n), 0) FROM agg_financials_monthly WHERE valid_to <= {at}) AS BIGINT)"
        " AS closed"
    )


# The epoch of an instant, its counts and the id of a matching entry for a window end, in one round trip.
_LOOKUP = (
    "WITH b AS (SELECT greatest(max(valid_from) FILTER (WHERE valid_from < ?),"
    "  max(valid_to) FILTER (WHERE valid_to < ?)) AS e FROM agg_financials_monthly),"
    f" s AS (SELECT e, {_counts('b.e')} FROM b)"
    " SELECT s.e, s.known, s.closed, (SELECT min(h.id) FROM agg_asof_epochs h WHERE h.epoch = s.e"
    "  AND h.window_end = ? AND h.rows_known = s.known AND h.rows_closed = s.closed AND h.definition = ?)"
    " FROM s"
)
# Entries whose epoch's rows changed since they were built, or of another definition.
_STALE = (
    f"SELECT id FROM (SELECT h.id, h.definition, h.rows_known, h.rows_closed, {_counts('h.epoch')}"
    " FROM agg_asof_epochs h) c WHERE definition <> ? OR rows_known <> known OR rows_closed <> closed"
)


def _lookup(cur: Cursor, instant: datetime | None, end: date) -> tuple[Epoch | None, str | None]:
    t = instant or _LATEST
    e, known, closed, found = cur.execute(_LOOKUP, [t, t, end, DEFINITION]).fetchall()[0]
    return (None, None) if e is None else (Epoch(e, int(known), int(closed)), found)


def existing(store: Store, asof: AsOf, window: Window) -> str | None:
    """The id of a still valid entry for ``window`` as known at ``asof``, or None (nothing is built: for views
    whose own from-rows read is within budget, which take the stored sums when another view built them)."""
    with store.cursor() as cur:
        return _lookup(cur, asof.instant, window.end)[1]


def ensure(store: Store, asof: AsOf, window: Window) -> str | None:
    """The id of the entry holding the sums for ``window`` as known at ``asof``, built now if there is none
    that is still valid; None when no financial row is known then."""
    with store.cursor() as cur:
        epoch, found = _lookup(cur, asof.instant, window.end)
    if found is not None or epoch is None:
        return found

    def build(cur: Cursor) -> str | None:
        # Epoch and rows read in one snapshot, so that the counts stored describe the rows summed.
        epoch, found = _lookup(cur, asof.instant, window.end)
        if found is not None or epoch is None:
            return found
        return fill(cur, [(epoch, window)])[0]

    return store.transaction(build)


# -- building entries ----------------------------------------------------------------------------------------

_MONTH = "CAST(extract(year FROM f.month) * 12 + extract(month FROM f.month) AS INTEGER)"
# Epochs built from one read of the rows: each row carries a bit per epoch that sees it (an INTEGER holds 31).
_PER_READ = 30
# Whether the epoch of a parameter sees a row: its rows, as the module docstring derives them.
_SEES = "CASE WHEN f.valid_from <= ? AND (f.valid_to IS NULL OR f.valid_to > ?) THEN ? ELSE 0 END"


def fill(cur: Cursor, targets: list[tuple[Epoch, Window]], *, evict: bool = True) -> list[str]:
    """Compute and store an entry per (epoch, window) from the rows of its epoch, all in one read of the rows
    (the versions visible in any of the epochs, up to the latest window end); returns their ids in order.
    ``evict``: then drop the oldest built beyond MAX_ENTRIES."""
    if len(targets) > _PER_READ:
        return fill(cur, targets[:_PER_READ], evict=evict) + fill(cur, targets[_PER_READ:], evict=evict)
    if not targets:
        return []
    # Dense customer codes from the customers with financial rows (agg_financial_customers, rebuilt with the
    # other aggregates): numpy sums by code, and the code gives back the customer_id of a window sum.
    codes_sql = (
        "SELECT customer_id, CAST(row_number() OVER (ORDER BY customer_id) - 1 AS INTEGER) AS code"
        " FROM agg_financial_customers"
    )
    ids = np.asarray(
        # code = position in customer_id order, so the ids in that order are the codes' customers
        [r[0] for r in cur.execute("SELECT customer_id FROM agg_financial_customers ORDER BY customer_id").fetchall()],
        dtype=object,
    )
    # Which epochs see a row is decided in SQL on the timestamps themselves (no conversion to compare in numpy).
    sees = " + ".join([_SEES] * len(targets))
    bits = [v for k, (e, _) in enumerate(targets) for v in (e.start, e.start, 1 << k)]
    rows = read_numpy(
        cur,
        f"SELECT k.code AS c, {_MONTH} AS m, f.revenue AS w, f.operating_profit AS p, CAST({sees} AS INTEGER) AS seen"
        f" FROM financials f JOIN ({codes_sql}) k ON f.customer_id = k.customer_id"
        " WHERE f.month <= ? AND f.valid_from <= ? AND (f.valid_to IS NULL OR f.valid_to > ?)",
        [
            *bits,
            max(w.end for _, w in targets),
            max(e.start for e, _ in targets),
            min(e.start for e, _ in targets),
        ],
    )
    # 32-bit codes, months and bits (at 6 M rows each 64-bit array is 48 MB more at the build's peak).
    c, m, seen_by = (np.asarray(rows.pop(k), dtype=np.int32) for k in ("c", "m", "seen"))
    w, p = (np.asarray(rows.pop(k), dtype=np.float64) for k in ("w", "p"))
    positive = w > 0
    out = []
    for k, (epoch, window) in enumerate(targets):
        seen = (seen_by & np.int32(1 << k)) != 0
        seen &= m <= profit_fe.month_number(window.end)
        fe = seen & positive
        sums = profit_fe.sums_of_rows(c[fe], m[fe], w[fe], p[fe])
        del fe
        win = seen & (m >= profit_fe.month_number(window.start))
        present = np.bincount(c[win], minlength=len(ids)) > 0
        revenue = np.bincount(c[win], weights=w[win], minlength=len(ids))
        profit = np.bincount(c[win], weights=p[win], minlength=len(ids))
        entry = new_id()
        window_rows = pd.DataFrame(
            {"id": entry, "customer_id": ids[present], "revenue": revenue[present], "operating_profit": profit[present]}
        )
        _store(cur, entry, epoch, window, sums, window_rows)
        out.append(entry)
    if evict:
        _evict(cur)
    return out


def _store(cur: Cursor, entry: str, epoch: Epoch, window: Window, s: EffectSums, window_rows: pd.DataFrame) -> None:
    t = len(s.revenue)
    a, b = np.triu_indices(t)
    insert_frame(
        cur,
        "agg_asof_fe_months",
        pd.DataFrame(
            {
                "id": entry,
                "month_index": np.arange(t, dtype=np.int64),
                "revenue": s.revenue,
                "operating_profit": s.operating_profit,
                "adjusted": s.adjusted,
            }
        ),
    )
    pairs = {"id": entry, "month_a": a.astype(np.int64), "month_b": b.astype(np.int64)}
    insert_frame(cur, "agg_asof_fe_pairs", pd.DataFrame({**pairs, "gram": s.gram[a, b], "meat": s.meat[a, b]}))
    insert_frame(cur, "agg_asof_window", window_rows)
    cur.execute(
        "INSERT INTO agg_asof_epochs VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [entry, epoch.start, window.end, epoch.rows_known, epoch.rows_closed, DEFINITION, s.first, utc_now()],
    )


_ENTRY_TABLES = ("agg_asof_fe_months", "agg_asof_fe_pairs", "agg_asof_window")
_DELETE_ENTRIES = {t: f"DELETE FROM {t} WHERE id = ANY(?::VARCHAR[])" for t in (*_ENTRY_TABLES, "agg_asof_epochs")}


def _drop(cur: Cursor, entries: list[str]) -> None:
    if entries:
        for sql in _DELETE_ENTRIES.values():
            cur.execute(sql, [entries])


def _evict(cur: Cursor) -> None:
    ids = [r[0] for r in cur.execute("SELECT id FROM agg_asof_epochs ORDER BY built_at DESC, id").fetchall()]
    _drop(cur, ids[MAX_ENTRIES:])


def drop_stale(cur: Cursor) -> None:
    """Remove the entries whose epoch's rows changed since they were built (or of an older definition)."""
    _drop(cur, [r[0] for r in cur.execute(_STALE, [DEFINITION]).fetchall()])


def month_ends(today: date, months: int) -> list[date]:
    """The last days of the ``months`` months before today's, latest first."""
    first = today.replace(day=1)
    return [month_add(first, -k) - timedelta(days=1) for k in range(months)]


def missing(
    cur: Cursor, today: date, months: int, valid_after: datetime | None, current_end: date | None
) -> list[tuple[Epoch, Window]]:
    """The (epoch, window) of the month-ends of the last ``months`` months that have no valid entry, latest
    first, except where a view sees the current figures (nothing changed after its instant and its window is
    the current one: the other aggregates serve it). ``valid_after`` and ``current_end`` are the aggregates'
    state (AggregateState.valid_after, .window_end)."""
    targets: dict[tuple[datetime, date], tuple[Epoch, Window]] = {}
    for day in month_ends(today, months):
        asof = AsOf.at(day, today)
        vis, params = visible_clause(asof)
        latest = cur.execute(
            f"SELECT max(month) FROM agg_financials_monthly WHERE {vis} AND month <= ?", [*params, day]
        ).fetchall()[0][0]
        window = window_for(latest)
        if window is None:
            continue
        instant = asof.instant
        assert instant is not None
        if valid_after is not None and instant > valid_after and window.end == current_end:
            continue
        epoch, found = _lookup(cur, instant, window.end)
        if epoch is not None and found is None:
            targets.setdefault((epoch.start, window.end), (epoch, window))
    return list(targets.values())


def refresh(cur: Cursor, today: date, valid_after: datetime | None, current_end: date | None) -> int:
    """After a rebuild of the aggregates (inside its transaction): drop the stale entries and build the missing
    ones of the month-ends of the last EAGER_MONTHS months. Returns the number of entries built."""
    drop_stale(cur)
    if dialect.of(cur).is_postgres and not EAGER_ON_POSTGRES:
        return 0
    return len(fill(cur, missing(cur, today, EAGER_MONTHS, valid_after, current_end)))


def built_from(store: Store) -> str | None:
    """The fingerprint of the financial rows the aggregates were last built from (agg_state): it changes with
    every import of figures, back-dated ones included (their knowledge dates may add no new boundary)."""
    return store.query("SELECT max(fingerprint) FROM agg_state WHERE part = 'financials'").single_value()


def fill_missing(
    store: Store, today: date, valid_after: datetime | None, current_end: date | None, *, months: int, batch: int
) -> int:
    """Build the missing entries of the month-ends of the last ``months`` months (at most MAX_ENTRIES in all),
    ``batch`` epochs per transaction and read of the rows, latest first; returns the number built.

    For a background thread beside the sessions: it only adds rows and never deletes (no eviction, no dropping
    of stale entries), so its transactions cannot collide with an import's rebuild, which drops and evicts in
    its own. An import committed meanwhile leaves the entries built here with counts that no longer match:
    they are never served, and the next rebuild drops them."""

    def one_batch(cur: Cursor) -> int:
        room = MAX_ENTRIES - int(cur.execute("SELECT count(*) FROM agg_asof_epochs").fetchall()[0][0])
        targets = missing(cur, today, months, valid_after, current_end)[: max(0, min(batch, room))]
        return len(fill(cur, targets, evict=False))

    built = 0
    while (n := store.transaction(one_batch)) > 0:
        built += n
    return built


# -- reads -----------------------------------------------------------------------------------------------


def effect_sums(store: Store, entry: str) -> EffectSums:
    """The effect sums of an entry (as profit_fe.effect_sums gives them)."""
    months = store.df(
        "SELECT h.first_month, m.revenue, m.operating_profit, m.adjusted FROM agg_asof_epochs h"
        " JOIN agg_asof_fe_months m ON m.id = h.id WHERE h.id = ? ORDER BY m.month_index",
        [entry],
    )
    if months.empty or months["first_month"].isna().all():
        return profit_fe.empty_sums()
    t = len(months)
    pairs = store.df("SELECT month_a, month_b, gram, meat FROM agg_asof_fe_pairs WHERE id = ?", [entry])
    a, b = (pairs[k].to_numpy(dtype=np.int64) for k in ("month_a", "month_b"))
    gram, meat = np.zeros((t, t)), np.zeros((t, t))
    gram[a, b] = gram[b, a] = pairs["gram"].to_numpy(dtype=np.float64)
    meat[a, b] = meat[b, a] = pairs["meat"].to_numpy(dtype=np.float64)
    return EffectSums(
        pd.Timestamp(months["first_month"].iloc[0]).date(),
        months["revenue"].to_numpy(dtype=np.float64),
        months["operating_profit"].to_numpy(dtype=np.float64),
        months["adjusted"].to_numpy(dtype=np.float64),
        gram,
        meat,
    )


def window_sums_sql(entry: str) -> tuple[str, list]:
    """SELECT of every customer's window sums of an entry (columns customer_id, revenue, operating_profit)."""
    return "SELECT customer_id, revenue, operating_profit FROM agg_asof_window WHERE id = ?", [entry]
