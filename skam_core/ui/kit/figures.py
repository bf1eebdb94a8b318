"""Figures built once per content: ``chart(figure(account_margin_trend, monthly, others, lang, name, start))``.

Building a Plotly figure is most of a page's server time (issue 15: every property set is validated, the
template deep-copied); the builders in skam_core.charts are pure (data in, figure out), so the finished figure —
made inert (charts.inert) and turned into Plotly JSON — is kept per builder and *content* of its arguments (a
digest of their pickle: every DataFrame, value and dataclass passed). A write changes the data a view returns,
so the next render digests differently and builds afresh; no data version needs threading through, and two
pages drawing the same data share one figure. Arguments that cannot be pickled are never guessed at: the figure
is then built each time.

The cached JSON reaches st.plotly_chart as a Prebuilt: st.plotly_chart turns a Figure into its dict (to_dict)
and serialises that; a Prebuilt hands over the kept dict instead of a new figure to validate again. The JSON is
shared by every session and must not be changed (use a built figure where a page alters one, e.g. the
presentation's larger type).
"""

from __future__ import annotations

import base64
import hashlib
import pickle
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

import numpy as np
import plotly.graph_objects as go

from skam_core.charts.inert import inert_spec

MAX_FIGURES = 512  # ~20-80 KB of JSON each; one per chart, account, as-of day and language in use


class Prebuilt(go.Figure):
    """A finished, inert figure as Plotly JSON, for st.plotly_chart. Read-only."""

    def __init__(self, spec: dict[str, Any]) -> None:
        # go.Figure.__init__ is left out on purpose: it would validate the JSON again, the cost this avoids.
        self._spec = spec

    def to_dict(self) -> dict[str, Any]:
        return self._spec

    def to_plotly_json(self) -> dict[str, Any]:
        return self._spec

    def has_points(self) -> bool:
        """Whether any trace has data points (an empty chart is better replaced by an empty state)."""
        return any(_length(tr.get("x")) for tr in self._spec.get("data", ()))

    def __repr__(self) -> str:
        return f"Prebuilt({len(self._spec.get('data', ()))} traces)"


def _length(values: Any) -> int:
    """How many values a trace's ``x`` holds: a list, or a typed array as Plotly writes NumPy data."""
    if values is None:
        return 0
    if isinstance(values, dict) and "bdata" in values:
        return len(base64.b64decode(values["bdata"])) // np.dtype(values["dtype"]).itemsize
    return len(values)


def digest(*args: Any, **kwargs: Any) -> str | None:
    """A digest of the arguments' content: of their pickle, which holds every value of a DataFrame, dataclass or
    list (equal pickles, equal content; equal content pickled differently only builds once more). None when an
    argument cannot be pickled."""
    try:
        data = pickle.dumps((args, kwargs), protocol=5)
    except Exception:  # whatever cannot be pickled is simply not cached
        return None
    return hashlib.blake2b(data, digest_size=20).hexdigest()


_figures: OrderedDict[tuple[str, str], Prebuilt] = OrderedDict()
_lock = threading.Lock()
builds = 0  # figures built (not taken from the cache) since start; read by tests


def figure(builder: Callable[..., go.Figure], *args: Any, **kwargs: Any) -> Prebuilt:
    """``builder(*args, **kwargs)``, inert and as JSON, built once per content of the arguments."""
    global builds
    d = digest(*args, **kwargs)
    key = (f"{builder.__module__}.{builder.__qualname__}", d or "")
    if d is not None:
        with _lock:
            hit = _figures.get(key)
            if hit is not None:
                _figures.move_to_end(key)
                return hit
    made = Prebuilt(inert_spec(builder(*args, **kwargs)))
    with _lock:
        builds += 1
        if d is not None:
            _figures[key] = made
            while len(_figures) > MAX_FIGURES:
                _figures.popitem(last=False)
    return made


def clear() -> None:
    with _lock:
        _figures.clear()
