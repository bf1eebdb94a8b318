"""Per-thread stdout and stderr: a handed-over command prints as the CLI does, and its output goes to its own
client, while the rest of the dashboard process (other jobs, Streamlit's own logging) writes where it did."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TextIO

Writer = Callable[[str], None]
_local = threading.local()
_install_lock = threading.Lock()


class _Router:
    """A stand-in for sys.stdout/sys.stderr that sends text to this thread's writer when it has one."""

    def __init__(self, name: str, fallback: TextIO):
        self._name = name
        self._fallback = fallback

    def write(self, text: str) -> int:
        writer: Writer | None = getattr(_local, self._name, None)
        if writer is None:
            return self._fallback.write(text)
        writer(text)
        return len(text)

    def flush(self) -> None:
        if getattr(_local, self._name, None) is None:
            self._fallback.flush()

    def isatty(self) -> bool:
        return False if getattr(_local, self._name, None) is not None else self._fallback.isatty()

    def __getattr__(self, attr: str) -> Any:
        return getattr(self._fallback, attr)


def install() -> None:
    """Put the routers in place once per process (idempotent)."""
    with _install_lock:
        if not isinstance(sys.stdout, _Router):
            sys.stdout = _Router("out", sys.stdout)
        if not isinstance(sys.stderr, _Router):
            sys.stderr = _Router("err", sys.stderr)


@contextmanager
def routed(out: Writer, err: Writer) -> Iterator[None]:
    """While inside, this thread's prints go to ``out`` and ``err``."""
    install()
    _local.out, _local.err = out, err
    try:
        yield
    finally:
        _local.out = _local.err = None
