"""The as-of entries of past month-ends, kept built in the background of a running dashboard (issue 11).

A view of older knowledge reads its epoch's entry (storage.queries.profit_asof); without one it first reads the
rows visible then and fits the effect sums, about 1.5 s at 6 M rows on a busy machine instead of a page's
300 ms. An import builds the entries of the last EAGER_MONTHS month-ends in its own transaction; after a
back-dated history load every older epoch is new as well, and building three years of them there would take the
import past its budget. So the dashboard builds them afterwards, beside the sessions: a daemon thread looks
every POLL_S seconds whether the figures changed and, if so, builds what is missing, BATCH epochs per
transaction and read of the rows, newest month-end first.

It only adds rows (storage.queries.profit_asof.fill_missing), so it cannot collide with an import, and what an
import makes stale meanwhile is never served. Several app processes on one PostgreSQL store share the work through
an advisory lock that none waits for: a process that finds it taken looks again at its next poll, and by then
usually finds nothing left to build.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from datetime import date

from skam_core.domain import clock
from skam_core.storage.db import Store
from skam_core.storage.queries import profit_asof
from skam_core.storage.queries.profit import ensure_aggregates

log = logging.getLogger(__name__)

# Three years of month-ends (the steering committees people look back at), as many as are kept.
MONTHS = profit_asof.MAX_ENTRIES
# Epochs per transaction: each batch reads the rows once (~1 s at 6 M rows); smaller batches keep each
# transaction and its memory short, larger ones read the rows fewer times.
BATCH = 6
POLL_S = 30.0
# The first look waits until the first pages have been served.
FIRST_S = 10.0
# PostgreSQL advisory lock: one app process builds at a time, the others skip their turn (the demo fill has
# its own number).
LOCK = 0x5CA3_0F11
# Operators can switch the background work off (tests do: they build entries where they check them).
SWITCH = "SKAM_ASOF_FILL"


def month_ends(today: date) -> list[date]:
    """The days whose entries the fill keeps built: the month-ends of the last MONTHS months, latest first."""
    return profit_asof.month_ends(today, MONTHS)


def fill_once(store: Store, today: date) -> int | None:
    """Build the missing month-end entries of the last MONTHS months now; returns the number built, or None
    when another app process on the same PostgreSQL store is building them (then it builds them for all)."""
    with store.if_alone(LOCK) as alone:
        if not alone:
            return None
        state = ensure_aggregates(store, today)
        return profit_asof.fill_missing(store, today, state.valid_after, state.window_end, months=MONTHS, batch=BATCH)


class BackgroundFill:
    """A daemon thread running :func:`fill_once` whenever the figures (or the day) changed since its last run."""

    def __init__(
        self,
        store: Store,
        today: Callable[[], date] = clock.today,
        *,
        poll_s: float = POLL_S,
        first_s: float = FIRST_S,
    ) -> None:
        self._store, self._today, self._poll_s, self._first_s = store, today, poll_s, first_s
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="skam-asof-fill", daemon=True)
        self.runs = 0  # completed fills (tests wait for them)
        self.built = 0

    def start(self) -> BackgroundFill:
        self._thread.start()
        return self

    def stop(self, timeout_s: float = 30.0) -> None:
        self._stop.set()
        self._thread.join(timeout_s)

    def _run(self) -> None:
        seen: tuple | None = None
        wait = self._first_s
        while not self._stop.wait(wait):
            wait = self._poll_s
            try:
                today = self._today()
                state = ensure_aggregates(self._store, today)
                key = (today, profit_asof.built_from(self._store), state.window_end)
                if key != seen:  # at 6 M rows a look at every month-end is ~0.1 s: only after a change
                    built = fill_once(self._store, today)
                    if built is not None:  # else another process builds them: look again next time
                        self.built += built
                        seen = key
                self.runs += 1
            except Exception:  # the views build what they need themselves: a failure here only costs time
                log.warning("building the as-of entries in the background failed", exc_info=True)


def start_for(store: Store) -> BackgroundFill | None:
    """Start the background fill for the dashboard's store, unless SKAM_ASOF_FILL=0."""
    if os.environ.get(SWITCH, "1") == "0":
        return None
    return BackgroundFill(store).start()
