"""Plotly figures as PNG through kaleido and Debian's Chromium: the browser is started once per process and
reused for every chart (starting it costs seconds; a chart then takes a fraction of one)."""

from __future__ import annotations

import atexit
import os
import shutil
import threading
from pathlib import Path

import plotly.graph_objects as go

_lock = threading.Lock()
_started = False


class ImagesUnavailable(RuntimeError):
    """No Chromium to render charts with: exports that need images cannot be made here."""


def chromium_path() -> str | None:
    for candidate in (os.environ.get("SKAM_CHROMIUM"), os.environ.get("BROWSER_PATH"), "/usr/bin/chromium"):
        if candidate and Path(candidate).exists():
            return candidate
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _ensure_server() -> None:
    global _started
    if _started:
        return
    path = chromium_path()
    if path is None:
        raise ImagesUnavailable(
            "Chromium is not installed (Debian: apt-get install chromium); charts cannot be rendered into exports here."
        )
    import kaleido

    os.environ.setdefault("BROWSER_PATH", path)  # choreographer (kaleido's browser driver) reads it
    kaleido.start_sync_server(silence_warnings=True, mathjax=False)  # no network here: no MathJax download
    atexit.register(lambda: kaleido.stop_sync_server(silence_warnings=True))
    _started = True


_warming = False


def warm_up_in_background() -> None:
    """Start the browser once per process in the background, where charts will be wanted soon (the steering
    page's board pack buttons): the first click then waits for its charts only, not also for Chromium to
    start (about four seconds of a first click's seven at load 3). Idle, the browser costs memory, no CPU."""
    global _warming
    with _lock:
        if _started or _warming or chromium_path() is None:
            return
        _warming = True

    def warm() -> None:
        try:
            with _lock:
                _ensure_server()
        except Exception:  # a browser that cannot start is reported by the click that needs it, not here
            pass

    threading.Thread(target=warm, name="skam-images-warm-up", daemon=True).start()


def figure_png(fig: go.Figure, *, width: int = 1100, height: int = 520, scale: float = 2.0) -> bytes:
    with _lock:
        _ensure_server()
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # "kopts ignored when using a server": expected
            return fig.to_image(format="png", width=width, height=height, scale=scale)
