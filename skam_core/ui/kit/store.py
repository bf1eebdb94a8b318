"""The store behind the dashboard: opened once per server process; on the very first start the default store
is created with the demo company, with visible progress."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import streamlit as st

from skam_core.analytics.blas import one_blas_thread_per_process
from skam_core.demo import StoreNotEmptyError, build_demo
from skam_core.domain.asof import AsOf
from skam_core.services import asof_fill
from skam_core.storage.db import DEFAULT_DB, Store, StoreLocation, default_db_path, get_store
from skam_core.ui.kit.handover import serve_cli
from skam_core.views import common as common_view

_first_run_lock = threading.Lock()


def _wants_demo(path: StoreLocation) -> bool:
    """The default store (or SKAM_DEMO=1) gets the demo company when it is created; a store at a path an
    operator chose stays empty for real data."""
    if os.environ.get("SKAM_DEMO") == "1":
        return True
    return os.environ.get("SKAM_DEMO") != "0" and path == Path(DEFAULT_DB) and "SKAM_DB" not in os.environ


def db_path() -> StoreLocation:
    return default_db_path()


def _warm_up() -> None:
    """Import the distribution functions in the background: the first profit view would otherwise wait for
    them (scipy.special only; the analyses use nothing heavier)."""
    try:
        import scipy.special  # noqa: F401
    except Exception:  # a missing optional speed-up must never break the app
        pass


_warmed = False


def open_store(t) -> Store:
    """The process-wide store; creates (and, for the default store, fills) it on first use."""
    global _warmed
    path = db_path()
    if not _warmed:
        _warmed = True
        one_blas_thread_per_process()  # sessions, not BLAS threads, share the cores (analytics.blas)
        threading.Thread(target=_warm_up, name="skam-warm-up", daemon=True).start()
    with _first_run_lock:
        # A PostgreSQL database exists before the app starts; "new" there is "no customers yet" (below).
        new = not path.exists() if isinstance(path, Path) else True
        store = get_store(path)
        if new and _wants_demo(path) and common_view.customer_count(store, AsOf.now()) == 0:
            bar = st.progress(0.0, text=t("first_run.progress", step=t("first_run.step.generate")))

            def progress(f: float, step: str) -> None:
                bar.progress(min(1.0, f), text=t("first_run.progress", step=t(f"first_run.step.{step}")))

            try:
                build_demo(store, progress=progress)
            except StoreNotEmptyError:
                pass  # another app process sharing this PostgreSQL store filled it while this one waited
            bar.empty()
    serve_cli(store)  # from now on the CLI hands its commands to this process (it holds the store)
    _fill_in_background(store)
    return store


_filling: dict[int, object] = {}


def _fill_in_background(store: Store) -> None:
    """Once per store and process: keep the past month-ends' as-of entries built (services.asof_fill)."""
    if id(store) in _filling:  # every later run of every page: no lock taken
        return
    with _first_run_lock:
        if id(store) not in _filling:
            _filling[id(store)] = asof_fill.start_for(store)
