"""One BLAS thread: for the small fits of the calling thread (the meta-regression's hundreds of tiny solves),
and for the whole process of the dashboard and the command line.

On a busy two-core server OpenBLAS's worker threads compete with DuckDB and the other sessions: a fit that
takes 20 ms alone took ten times as long (measured by the benchmark)."""

from __future__ import annotations

import ctypes
import os
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


# The process-wide setter under the names numpy's OpenBLAS builds export (plain, and scipy-openblas' 64-bit one).
_PROCESS_SETTERS = ("openblas_set_num_threads", "scipy_openblas_set_num_threads64_")


def one_blas_thread_per_process() -> bool:
    """One BLAS thread for the whole process (the dashboard and the command line call it once at start), unless
    the operator chose a number with OPENBLAS_NUM_THREADS. On the 2-core server a second BLAS thread only waits
    for a core that sessions and DuckDB already use: the sums behind the profit effect (two 100,000 x 60 matrix
    products and the scatter into them) took 5.2 s with two threads at load 7 and 0.6 s with one, and the
    products themselves 0.23 s against 0.03 s. Returns whether it was set."""
    if "OPENBLAS_NUM_THREADS" in os.environ:
        return False
    libs = Path(np.__file__).parent.parent / "numpy.libs"
    for lib in sorted(libs.glob("*openblas*")) if libs.is_dir() else []:
        for name in _PROCESS_SETTERS:
            try:
                fn = getattr(ctypes.CDLL(str(lib)), name)
            except (OSError, AttributeError):
                continue
            fn.argtypes, fn.restype = [ctypes.c_int], None
            fn(1)
            return True
    return False
