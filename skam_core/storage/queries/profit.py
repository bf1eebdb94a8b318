"""Reads behind the profit comparison and the SKAM effect, and the upkeep of the monthly aggregates.

Everything honours ``asof`` through :func:`visible_clause`: only versions known at the end of that day count.
The monthly totals over all customers come from ``agg_financials_monthly`` (migration 030), which keeps the
version columns of the rows it sums, so as-of reads of the aggregate equal as-of reads of ``financials``. What
views of older knowledge need from all customers' rows (effect sums, window sums) comes from the per-epoch
entries of storage.queries.profit_asof.
What is specific to the SKAM accounts (a few hundred customers) is read row by row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import pandas as pd

from skam_core.domain.asof import AsOf
from skam_core.storage import dialect
from skam_core.storage.cursor import Cursor
from skam_core.storage.db import Store
from skam_core.storage.queries import profit_asof, profit_fe
from skam_core.storage.versioned import utc_now, visible_clause

# -- upkeep of the aggregates (tables of migration 030) --------------------------------------------------------

# What the aggregates depend on, in one round trip: financials (rows, replaced versions, latest version, latest
# replacement) and customers (rows, replaced versions, latest version).
FINGERPRINTS = (
    "SELECT (SELECT count(*) FROM financials), (SELECT count(valid_to) FROM financials),"
    " (SELECT max(valid_from) FROM financials), (SELECT max(valid_to) FROM financials),"
    " (SELECT count(*) FROM customers), (SELECT count(valid_to) FROM customers),"
    " (SELECT max(valid_from) FROM customers)"
)


@dataclass(frozen=True)
class AggregateState:
    fresh_financials: bool
    fresh_customers: bool
    window_end: date | None  # last month of agg_customer_window's window
    valid_after: datetime | None  # latest change of financials when the aggregates were built
    customers_after: datetime | None = None  # latest change of customers when the portfolio's were built


# The definition of the aggregates: bump it whenever a migration adds or changes an aggregate table, so that
# stores built before see their aggregates as stale and rebuild them once (the sources' fingerprint alone
# stays the same; a table added empty by a migration would otherwise stay empty until the figures change).
AGGREGATES_VERSION = "5"


# PostgreSQL: the statements that changed each table, counted by triggers (migration 040) instead of scans.
PG_FINGERPRINTS = (
    "SELECT (SELECT changes FROM table_changes WHERE table_name = 'financials'),"
    " (SELECT changes FROM table_changes WHERE table_name = 'customers')"
)


def _fingerprints(cur: Cursor) -> tuple[str, str]:
    """(fingerprint of financials, fingerprint of financials and customers), both under AGGREGATES_VERSION."""
    if dialect.of(cur).is_postgres:
        fin_changes, cust_changes = cur.execute(PG_FINGERPRINTS).fetchall()[0]
        fin = f"v{AGGREGATES_VERSION}:pg:{fin_changes}"
        return fin, f"{fin}#{cust_changes}"
    values = [str(v) for v in cur.execute(FINGERPRINTS).fetchall()[0]]
    fin = f"v{AGGREGATES_VERSION}:" + "|".join(values[:4])
    return fin, fin + "#" + "|".join(values[4:])


def adopt_copied_aggregates(cur: Cursor, source_state: AggregateState) -> None:
    """After a whole-store copy (storage.copy): the aggregates arrived with the rows they were built from, but
    their fingerprints are the source engine's. Where they were fresh there, stamp them with this store's own,
    so that the first read does not rebuild them (at 6 M rows, most of a minute on PostgreSQL)."""
    fin, cust = _fingerprints(cur)
    if source_state.fresh_financials:
        cur.execute("UPDATE agg_state SET fingerprint = ? WHERE part = 'financials'", [fin])
    if source_state.fresh_financials and source_state.fresh_customers:
        cur.execute("UPDATE agg_state SET fingerprint = ? WHERE part = 'customers'", [cust])


def aggregate_state(cur: Cursor) -> AggregateState:
    fin, cust = _fingerprints(cur)
    rows = {
        r[0]: r[1:] for r in cur.execute("SELECT part, fingerprint, window_end, valid_after FROM agg_state").fetchall()
    }
    f, c = rows.get("financials"), rows.get("customers")
    return AggregateState(
        fresh_financials=f is not None and f[0] == fin,
        fresh_customers=c is not None and c[0] == cust,
        window_end=f[1] if f else None,
        valid_after=f[2] if f else None,
        customers_after=c[2] if c else None,
    )


def _rebuild_financials(cur: Cursor, today: date) -> None:
    cur.execute("DELETE FROM agg_financials_monthly")
    cur.execute(
        "INSERT INTO agg_financials_monthly"
        " SELECT month, valid_from, valid_to, count(*), coalesce(sum(revenue), 0), coalesce(sum(operating_profit), 0),"
        "  count(*) FILTER (WHERE revenue > 0),"
        "  coalesce(sum(operating_profit / revenue) FILTER (WHERE revenue > 0), 0)"
        " FROM financials GROUP BY month, valid_from, valid_to"
    )
    end = cur.execute(
        "SELECT max(month) FROM agg_financials_monthly WHERE valid_to IS NULL AND month <= ?", [today]
    ).fetchall()[0][0]
    cur.execute("DELETE FROM agg_customer_window")
    if end is not None:
        cur.execute(
            "INSERT INTO agg_customer_window SELECT customer_id, sum(revenue), sum(operating_profit) FROM financials"
            " WHERE valid_to IS NULL AND month > ? - INTERVAL '12 months' AND month <= ? GROUP BY customer_id",
            [end, end],
        )
    profit_fe.rebuild(cur, end)
    cur.execute("DELETE FROM agg_financial_customers")
    cur.execute(
        "INSERT INTO agg_financial_customers SELECT customer_id, min(valid_from) FROM financials GROUP BY customer_id"
    )
    changed = cur.execute("SELECT greatest(max(valid_from), max(valid_to)) FROM financials").fetchall()[0][0]
    fin, _ = _fingerprints(cur)
    cur.execute("DELETE FROM agg_state WHERE part = 'financials'")
    cur.execute("INSERT INTO agg_state VALUES ('financials', ?, ?, ?, ?)", [fin, end, changed, utc_now()])
    profit_asof.refresh(cur, today, changed, end)  # the as-of entries of the last month-ends (migration 037)


def _rebuild_customers(cur: Cursor) -> None:
    cur.execute("DELETE FROM agg_key_financials")
    cur.execute(
        "INSERT INTO agg_key_financials"
        " SELECT f.customer_id, f.month, f.revenue, f.operating_profit, f.valid_from, f.valid_to FROM financials f"
        " WHERE f.customer_id IN (SELECT customer_id FROM customers WHERE skam_start IS NOT NULL)"
        " ORDER BY f.customer_id, f.month"
    )
    cur.execute("DELETE FROM agg_unlisted_candidates")
    cur.execute(
        "INSERT INTO agg_unlisted_candidates"
        " WITH fin AS (SELECT customer_id, first_known FROM agg_financial_customers),"
        " cust AS (SELECT customer_id, min(valid_from) AS created, bool_or(is_deleted) AS ever_removed"
        "   FROM customers GROUP BY customer_id)"
        " SELECT fin.customer_id FROM fin LEFT JOIN cust ON fin.customer_id = cust.customer_id"
        " WHERE cust.customer_id IS NULL OR cust.ever_removed OR cust.created >= fin.first_known"
    )
    _rebuild_portfolio(cur)
    changed = cur.execute("SELECT greatest(max(valid_from), max(valid_to)) FROM customers").fetchall()[0][0]
    _, cust = _fingerprints(cur)
    cur.execute("DELETE FROM agg_state WHERE part = 'customers'")
    cur.execute("INSERT INTO agg_state VALUES ('customers', ?, NULL, ?, ?)", [cust, changed, utc_now()])


def _rebuild_portfolio(cur: Cursor) -> None:
    """The portfolio's kept figures (migration 041): every current customer with its window sums from
    agg_customer_window (rebuilt just before, or still fresh) and its size rank, and their sums per stage and
    SKAM start. The same join and rank storage.queries.portfolio makes at read time for other views."""
    cur.execute("DELETE FROM agg_portfolio_customers")
    cur.execute(
        "INSERT INTO agg_portfolio_customers"
        " SELECT c.customer_id, c.skam_stage, c.skam_start, coalesce(s.revenue, 0), coalesce(s.operating_profit, 0),"
        "  s.customer_id IS NOT NULL, rank() OVER (ORDER BY coalesce(s.revenue, 0) DESC)"
        " FROM customers c LEFT JOIN agg_customer_window s ON s.customer_id = c.customer_id"
        # The current versions: what visible_clause selects without a knowledge day.
        " WHERE c.valid_to IS NULL AND NOT c.is_deleted"
    )
    cur.execute("DELETE FROM agg_portfolio_groups")
    cur.execute(
        "INSERT INTO agg_portfolio_groups SELECT skam_stage, skam_start, count(*), sum(revenue), sum(operating_profit)"
        " FROM agg_portfolio_customers GROUP BY skam_stage, skam_start"
    )


def rebuild_aggregates(cur: Cursor, today: date) -> None:
    """Recompute every aggregate from ``financials`` and ``customers``; run it inside the transaction that
    changed financials (the import does)."""
    _rebuild_financials(cur, today)
    _rebuild_customers(cur)


def ensure_aggregates(store: Store, today: date) -> AggregateState:
    """Rebuild the parts of the aggregates whose sources changed behind their back; return their state."""

    def read() -> AggregateState:
        with store.cursor() as cur:
            return aggregate_state(cur)

    state = store.memo("aggregate_state", read)  # DuckDB: the fingerprints' scan only after a write
    if state.fresh_financials and state.fresh_customers:
        return state

    def work(cur: Cursor) -> AggregateState:
        now = aggregate_state(cur)  # another session may have rebuilt them meanwhile
        if not now.fresh_financials:
            _rebuild_financials(cur, today)
            _rebuild_customers(cur)  # the fingerprint of this part includes the financials'
        elif not now.fresh_customers:
            _rebuild_customers(cur)
        return aggregate_state(cur)

    return store.transaction(work)


def window_is_current(state: AggregateState, asof: AsOf, window_end: date) -> bool:
    """Whether agg_customer_window holds this view's window sums: the view sees the current figures (nothing
    changed after the knowledge instant) and its window ends where the aggregate's does."""
    instant = asof.instant
    current = instant is None or (state.valid_after is not None and instant > state.valid_after)
    return current and state.window_end == window_end


def portfolio_is_current(state: AggregateState, asof: AsOf, window_end: date) -> bool:
    """Whether the portfolio's kept figures (agg_portfolio_*) are this view's: its window sums are current
    (:func:`window_is_current`) and it sees the current customers (nothing changed after its instant)."""
    instant = asof.instant
    customers_current = instant is None or state.customers_after is None or instant > state.customers_after
    return window_is_current(state, asof, window_end) and state.fresh_customers and customers_current


# -- reads -----------------------------------------------------------------------------------------------


def latest_month(store: Store, asof: AsOf) -> date | None:
    """The latest month on or before the day shown with financial data known then (from the aggregates)."""
    vis, params = visible_clause(asof)
    return store.query(
        f"SELECT max(month) FROM agg_financials_monthly WHERE {vis} AND month <= ?", [*params, asof.day]
    ).single_value()


def monthly_totals(store: Store, asof: AsOf, end: date) -> pd.DataFrame:
    """Per month up to ``end``, over all customers: rows, revenue, operating profit, and the count and sum of
    monthly margins (months with revenue > 0)."""
    vis, params = visible_clause(asof)
    return store.df(
        f"SELECT month, sum(rows_n)::BIGINT AS rows_n, sum(revenue) AS revenue,"
        f" sum(operating_profit) AS operating_profit, sum(margin_n)::BIGINT AS margin_n, sum(margin_sum) AS margin_sum"
        f" FROM agg_financials_monthly WHERE {vis} AND month <= ? GROUP BY month ORDER BY month",
        [*params, end],
    )


def skam_accounts(store: Store, asof: AsOf) -> pd.DataFrame:
    """SKAM accounts: customers whose skam_start is on or before the day shown (as known then)."""
    vis, params = visible_clause(asof)
    return store.df(
        f"SELECT customer_id, name, skam_stage, skam_start, account_manager FROM customers"
        f" WHERE {vis} AND NOT is_deleted AND skam_start IS NOT NULL AND skam_start <= ? ORDER BY skam_start, name",
        [*params, asof.day],
    )


def _empty_months() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "customer_id": pd.Series(dtype="object"),
            "month": pd.Series(dtype="datetime64[us]"),
            "revenue": pd.Series(dtype="float64"),
            "operating_profit": pd.Series(dtype="float64"),
        }
    )


# The two sources of monthly rows per customer (fixed identifiers, never input).
_MONTH_SOURCES = frozenset({"agg_key_financials", "financials"})


def _months(store: Store, source: str, customer_ids: list[str], asof: AsOf, end: date) -> pd.DataFrame:
    if source not in _MONTH_SOURCES:
        raise ValueError(f"{source!r} holds no monthly rows")
    if not customer_ids:
        return _empty_months()
    vis, params = visible_clause(asof)
    return store.df(
        f"SELECT customer_id, month, revenue, operating_profit FROM {source}"
        f" WHERE {vis} AND month <= ? AND customer_id = ANY(?::VARCHAR[]) ORDER BY customer_id, month",
        [*params, end, customer_ids],
    )


def key_account_months(store: Store, customer_ids: list[str], asof: AsOf, end: date) -> pd.DataFrame:
    """The monthly rows (up to ``end``) of SKAM accounts, from agg_key_financials (every customer that ever had
    a SKAM start is in it; call ensure_aggregates first)."""
    return _months(store, "agg_key_financials", customer_ids, asof, end)


def customer_months(store: Store, customer_ids: list[str], asof: AsOf, end: date) -> pd.DataFrame:
    """The monthly rows (up to ``end``) of any customers, from ``financials`` (a scan: use it for few rows)."""
    return _months(store, "financials", customer_ids, asof, end)


def unlisted_customers(store: Store, asof: AsOf) -> list[str]:
    """Customers with financial rows that are no customers at ``asof`` (removed, or not yet created): their
    rows belong to neither group. Only the candidates found when the aggregates were built are checked."""
    candidates = [r[0] for r in store.query("SELECT customer_id FROM agg_unlisted_candidates").rows]
    if not candidates:
        return []
    vis, params = visible_clause(asof)
    listed = {
        r[0]
        for r in store.query(
            f"SELECT customer_id FROM customers WHERE {vis} AND NOT is_deleted AND customer_id = ANY(?::VARCHAR[])",
            [*params, candidates],
        ).rows
    }
    return sorted(set(candidates) - listed)


def window_sums_sql(
    asof: AsOf, start: date | None, end: date | None, current: bool, epoch: str | None = None
) -> tuple[str, list]:
    """SELECT of every customer's revenue and operating profit over ``start``..``end`` (inclusive) as known at
    ``asof`` (columns customer_id, revenue, operating_profit), with its parameters. With ``current`` the sums
    come from agg_customer_window, which holds exactly these when the view sees the current figures and its
    window is the aggregate's (:func:`window_is_current` decides); with ``epoch`` (an entry of
    profit_asof.ensure for this view's instant and window) from the as-of aggregate; otherwise they are summed
    from the rows."""
    if current:
        return "SELECT customer_id, revenue, operating_profit FROM agg_customer_window", []
    if epoch is not None:
        return profit_asof.window_sums_sql(epoch)
    vis, params = visible_clause(asof, "f")
    return (
        f"SELECT f.customer_id, sum(f.revenue) AS revenue, sum(f.operating_profit) AS operating_profit"
        f" FROM financials f WHERE {vis} AND f.month BETWEEN ? AND ? GROUP BY f.customer_id",
        [*params, start, end],
    )


def window_sums(
    store: Store,
    asof: AsOf,
    start: date | None,
    end: date | None,
    current: bool = False,
    epoch: str | None = None,
) -> pd.DataFrame:
    """Every customer's revenue and operating profit over the window (see :func:`window_sums_sql`)."""
    sql, params = window_sums_sql(asof, start, end, current, epoch)
    return store.df(sql, params)


def margin_spread(
    store: Store,
    asof: AsOf,
    start: date,
    end: date,
    skam_ids: list[str],
    unlisted: list[str],
    *,
    current: bool = False,
    epoch: str | None = None,
) -> pd.DataFrame:
    """Spread of the customers' margins over ``start``..``end`` (sum of operating profit / sum of revenue per
    customer; customers without revenue left out), per group: count, mean and the 5/25/50/75/95 % quantiles.
    With ``current`` or ``epoch`` the per-customer sums come from a pre-aggregated window (see
    :func:`window_sums_sql`) instead of a scan of the window's rows."""
    sums, params = window_sums_sql(asof, start, end, current, epoch)
    return store.df(
        f"WITH per_customer AS ({sums}),"
        " skam AS (SELECT DISTINCT unnest(?::VARCHAR[]) AS customer_id),"
        " unlisted AS (SELECT DISTINCT unnest(?::VARCHAR[]) AS customer_id)"
        " SELECT s.customer_id IS NOT NULL AS is_skam, count(*) AS customers,"
        "  avg(p.operating_profit / p.revenue) AS mean,"
        "  percentile_cont(ARRAY[0.05, 0.25, 0.5, 0.75, 0.95]) WITHIN GROUP (ORDER BY p.operating_profit / p.revenue)"
        "  AS q"
        " FROM per_customer p LEFT JOIN skam s ON p.customer_id = s.customer_id"
        " WHERE p.revenue > 0 AND NOT EXISTS (SELECT 1 FROM unlisted u WHERE u.customer_id = p.customer_id)"
        " GROUP BY 1 ORDER BY is_skam",
        [*params, skam_ids, unlisted],
    )
