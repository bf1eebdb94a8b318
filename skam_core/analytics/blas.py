"""One BLAS thread for the small fits of the calling thread (the meta-regression's hundreds of tiny solves).

On a busy two-core server OpenBLAS's worker threads compete with DuckDB and the other sessions: a fit that
takes 20 ms alone took ten times as long (measured by the benchmark). Other threads keep their setting."""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import numpy as np


@cache
def _blas_thread_setter():
    """numpy's bundled OpenBLAS function that sets the BLAS threads of the calling thread only (None if absent)."""
    libs = Path(np.__file__).parent.parent / "numpy.libs"
    for lib in sorted(libs.glob("*openblas*")) if libs.is_dir() else []:
        try:
            fn = ctypes.CDLL(str(lib)).openblas_set_num_threads_local
        except (OSError, AttributeError):
            continue
        fn.argtypes, fn.restype = [ctypes.c_int], ctypes.c_int
        return fn
    return None


_blas_lock = threading.Lock()


@contextmanager
def single_threaded_blas() -> Iterator[None]:
    """Fit with one BLAS thread in this thread. The regressions are small (a few thousand rows); on a busy
    two-core server OpenBLAS's worker threads compete with DuckDB and the other sessions, and a fit that takes
    20 ms alone took ten times as long (measured by the benchmark). Other threads keep their setting."""
    setter = _blas_thread_setter()
    if setter is None:
        yield
        return
    with _blas_lock:
        previous = setter(1)
    try:
        yield
    finally:
        with _blas_lock:
            setter(previous)
