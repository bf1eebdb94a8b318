"""The last guard before a figure leaves for the browser: no tag from data becomes markup.

Plotly reads a small HTML subset in every text it draws (titles, ticks, legends, labels, hovers): ``<a href>``
makes a live link, ``<span style>`` styles. The chart builders pass data through ``axes.plain`` (or ``wrap`` /
``short``); ``inert`` then rewrites every ``<`` in the figure's strings that does not open one of the few tags the
builders themselves write (line breaks, bold, italics, sub/superscript, ``<extra>``), so whatever a builder
missed shows as typed."""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import plotly.graph_objects as go

_FOREIGN_TAG = re.compile(r"<(?!(?:br|/?b|/?i|/?em|/?sup|/?sub|/?extra)\s*/?>)", re.IGNORECASE)


def inert_text(text: str) -> str:
    return _FOREIGN_TAG.sub("&lt;", text) if "<" in text else text


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return inert_text(value)
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    if isinstance(value, np.ndarray) and value.dtype == object:
        return [_clean(v) for v in value.tolist()]
    return value


def inert_spec(fig: go.Figure) -> dict[str, Any]:
    """``fig`` as Plotly JSON (a dict) with no markup but the builders' own; numbers and arrays untouched."""
    return _clean(fig.to_plotly_json())


def inert(fig: go.Figure) -> go.Figure:
    """``fig`` with no markup but the builders' own (a new figure; numbers and arrays untouched)."""
    return go.Figure(inert_spec(fig), skip_invalid=False, _validate=False)
