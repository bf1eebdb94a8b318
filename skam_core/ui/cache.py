"""Caching for the dashboard: aggregates only, never raw tables (st.cache_data returns pickled copies).

Cache keys include the store path, the as-of date and a data version that every write through this process
increases, so an edit shows at once everywhere. Only this process can write the store (DuckDB's file lock),
so the in-process version is complete.
"""

from __future__ import annotations

import itertools
import threading

_version = itertools.count(1)
_current = 0
_lock = threading.Lock()


def data_version() -> int:
    return _current


def bump_data_version() -> None:
    """Call after every successful write."""
    global _current
    with _lock:
        _current = next(_version)
