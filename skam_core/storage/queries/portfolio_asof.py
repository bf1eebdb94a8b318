"""The portfolio's figures kept for a view of older knowledge (migration 043): every customer visible at the
view's instant with its window sums from an as-of entry (profit_asof), its size rank, and their sums per stage
and SKAM start, as migration 041 keeps them for the current view. Reading them is a few hundred rows; joining the
100,000 customers of that day with the entry's window sums and ranking them took ~0.45 s of PostgreSQL server
time on every view.

What they hold is fixed by three things: the entry (immutable; dropped when the rows of its epoch change), the
view's instant (which customer versions are visible) and the customers as they are (an edit, even a back-dated
load, adds versions and changes agg_state's customers fingerprint). A kept portfolio is served only for the
same three, so it is never stale. Callers bring the aggregates up to date first (profit.ensure_aggregates),
which makes agg_state's fingerprint the current one.
"""

from __future__ import annotations

from skam_core.domain.asof import AsOf
from skam_core.storage.cursor import Cursor
from skam_core.storage.db import Store
from skam_core.storage.versioned import new_id, utc_now, visible_clause

# Kept portfolios at most (each ~one row per customer); the oldest built go first. A steering committee looks
# at a few past days: the last meetings'.
MAX_KEPT = 6

_FINGERPRINT = "(SELECT max(fingerprint) FROM agg_state WHERE part = 'customers')"
_LOOKUP = f"SELECT min(id) FROM agg_asof_portfolio WHERE entry = ? AND instant = ? AND customers = {_FINGERPRINT}"
_TABLES = ("agg_asof_portfolio_customers", "agg_asof_portfolio_groups", "agg_asof_portfolio")
_DELETE = {t: f"DELETE FROM {t} WHERE id = ANY(?::VARCHAR[])" for t in _TABLES}


def existing(store: Store, asof: AsOf, entry: str | None) -> str | None:
    """The id of the kept portfolio of ``entry`` (profit_asof) as seen at ``asof``, or None (nothing built)."""
    if entry is None or asof.instant is None:
        return None
    with store.cursor() as cur:
        return _lookup(cur, asof, entry)


def ensure(store: Store, asof: AsOf, entry: str | None) -> str | None:
    """The id of the kept portfolio of ``entry`` as seen at ``asof``, built now if there is none; None without
    an entry (or when it was dropped meanwhile: then the reads join and rank at read time)."""
    found = existing(store, asof, entry)
    if found is not None or entry is None or asof.instant is None:
        return found

    def build(cur: Cursor) -> str | None:
        assert entry is not None
        again = _lookup(cur, asof, entry)
        if again is not None:
            return again
        if not cur.execute("SELECT count(*) FROM agg_asof_epochs WHERE id = ?", [entry]).fetchall()[0][0]:
            return None  # the entry was dropped since the caller found it: its window sums are gone
        kept = new_id()
        _fill(cur, kept, asof, entry)
        _evict(cur)
        return kept

    return store.transaction(build)


def _lookup(cur: Cursor, asof: AsOf, entry: str) -> str | None:
    return cur.execute(_LOOKUP, [entry, asof.instant]).fetchall()[0][0]


def _fill(cur: Cursor, kept: str, asof: AsOf, entry: str) -> None:
    """The join and rank storage.queries.portfolio makes at read time for this view, stored under ``kept``."""
    cvis, cparams = visible_clause(asof, "c")
    cur.execute(
        "INSERT INTO agg_asof_portfolio_customers"
        " SELECT ?, c.customer_id, c.skam_stage, c.skam_start, coalesce(s.revenue, 0),"
        "  coalesce(s.operating_profit, 0), s.customer_id IS NOT NULL,"
        "  rank() OVER (ORDER BY coalesce(s.revenue, 0) DESC)"
        " FROM customers c LEFT JOIN (SELECT customer_id, revenue, operating_profit FROM agg_asof_window"
        "  WHERE id = ?) s ON s.customer_id = c.customer_id"
        f" WHERE {cvis} AND NOT c.is_deleted",
        [kept, entry, *cparams],
    )
    cur.execute(
        "INSERT INTO agg_asof_portfolio_groups SELECT ?, skam_stage, skam_start, count(*), sum(revenue),"
        " sum(operating_profit) FROM agg_asof_portfolio_customers WHERE id = ? GROUP BY skam_stage, skam_start",
        [kept, kept],
    )
    cur.execute(
        f"INSERT INTO agg_asof_portfolio SELECT ?, ?, ?, {_FINGERPRINT}, ?",
        [kept, entry, asof.instant, utc_now()],
    )


def _evict(cur: Cursor) -> None:
    """Drop the kept portfolios no view can be served any more (their entry gone, or the customers changed
    since), and the oldest built beyond MAX_KEPT."""
    rows = cur.execute(
        "SELECT id, entry IN (SELECT id FROM agg_asof_epochs) AND customers IS NOT DISTINCT FROM"
        f" {_FINGERPRINT} FROM agg_asof_portfolio ORDER BY built_at DESC, id"
    ).fetchall()
    live = [r[0] for r in rows if r[1]]
    drop = [r[0] for r in rows if not r[1]] + live[MAX_KEPT:]
    if drop:
        for sql in _DELETE.values():
            cur.execute(sql, [drop])
