"""One BLAS thread for the whole process of the dashboard and the command line (analytics.blas), unless the
operator chose a number: checked in a new process, since the setting is process-wide."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

PROBE = """
import ctypes, sys
from pathlib import Path
import numpy as np
from skam_core.analytics.blas import one_blas_thread_per_process
libs = sorted((Path(np.__file__).parent.parent / "numpy.libs").glob("*openblas*"))
if not libs:
    print("no-openblas"); sys.exit(0)
lib = ctypes.CDLL(str(libs[0]))
names = ("openblas_get_num_threads", "scipy_openblas_get_num_threads64_")
get = next(getattr(lib, n) for n in names if hasattr(lib, n))
get.restype = ctypes.c_int
print(one_blas_thread_per_process(), get())
"""


def threads_after(env_threads: str | None) -> str:
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    if env_threads is not None:
        env["OPENBLAS_NUM_THREADS"] = env_threads
    out = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True)
    return out.stdout.strip()


def test_the_process_runs_one_blas_thread_after_the_call():
    result = threads_after(None)
    if result == "no-openblas":
        pytest.skip("this numpy has no bundled OpenBLAS")
    assert result == "True 1"


def test_an_operators_thread_count_is_kept():
    result = threads_after("2")
    if result == "no-openblas":
        pytest.skip("this numpy has no bundled OpenBLAS")
    assert result == "False 2"
