"""Caching for the dashboard: one generic wrapper over the views (skam_core.views), keyed by store, AsOf and
a data version. Aggregates only, never raw tables (st.cache_data returns pickled copies).

``read(store, asof, view, *args)`` runs ``view(store, asof, *args)`` through a st.cache_data function made
for that view alone. st.cache_data identifies a function by module, ``__qualname__`` and source: functions
made by one factory would share one cache (streamlit issue 11157), so every wrapper gets the view's own
qualified name before it is decorated.

The data version increases with every write through this process, so an edit shows at once everywhere.
Only this process can write a DuckDB store (its file lock), so the in-process version is complete; a
PostgreSQL store shared by several processes adds its change counter (Store.changes) to the key.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

import streamlit as st

from skam_core.domain.asof import AsOf
from skam_core.storage.db import Store, get_store

R = TypeVar("R")

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


TTL_SECONDS = 900
# Per view: how many results to keep (one per account and as-of day is typical; portfolio-wide views are few).
DEFAULT_ENTRIES = 64
_wrappers: dict[Callable[..., Any], Callable[..., Any]] = {}
_wrappers_lock = threading.Lock()


def _wrapper(view: Callable[..., R], max_entries: int) -> Callable[..., R]:
    with _wrappers_lock:
        cached = _wrappers.get(view)
        if cached is None:

            def run(db: str, today: date, knowledge: date | None, version: int, changes: int, *args: Any) -> R:
                return view(get_store(db), AsOf(today, knowledge), *args)

            run.__module__ = view.__module__
            run.__qualname__ = f"cached.{view.__qualname__}"
            run.__name__ = f"cached_{view.__name__}"
            cached = st.cache_data(ttl=TTL_SECONDS, max_entries=max_entries, show_spinner=False)(run)
            _wrappers[view] = cached
        return cached


def read(store: Store, asof: AsOf, view: Callable[..., R], *args: Any, max_entries: int = DEFAULT_ENTRIES) -> R:
    """``view(store, asof, *args)``, cached per store path, AsOf, data version and arguments."""
    # store.changes(): writes by other processes sharing a PostgreSQL store (always 0 for a DuckDB file).
    return _wrapper(view, max_entries)(
        str(store.path), asof.today, asof.knowledge, data_version(), store.changes(), *args
    )
