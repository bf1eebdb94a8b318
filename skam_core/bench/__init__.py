"""The performance benchmark (``python -m skam_core bench``) against the budgets of DESIGN.md, "Performance".

The work runs in worker subprocesses (skam_core.bench.worker) so that each measures only itself: building the
100,000 x 60 store, importing 6 million financial rows from a CSV file, and a server-like process that loads
the data behind every page, computes the profit comparison, saves KPI entries and reports its peak memory.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Budget:
    text: str  # as printed beside the measurement
    limit: float | None  # seconds, bytes or errors; None: reference only
    note: str = ""


# DESIGN.md, "Performance". The KPI save has no budget of its own there: it is held to the page budget.
BUDGETS = {
    "import": Budget("< 30 s", 30.0),
    "profit": Budget("< 2 s", 2.0),
    "page": Budget("< 300 ms", 0.3),
    "kpi_save": Budget("< 300 ms*", 0.3, "* no budget of its own in DESIGN.md; held to the page budget"),
    "concurrent": Budget("no error", 0.0),
    "memory": Budget("< 1 GB", 1024**3),
    # issue 15: many people at once, over the websocket protocol (bench --load)
    "pages_per_s": Budget("≥ 10 pages/s", 10.0, "judged without think time, at 4 or more sessions (saturated)"),
    "p95": Budget("p95 < 2 s", 2.0, "judged with >= 5 s think time, up to 20 sessions per server"),
}
