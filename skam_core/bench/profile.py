"""Where a server's time goes: a py-spy recording (``--format raw --gil``: only samples of the thread holding
the GIL, i.e. the Python work of the one process) summed into the parts issue 15 names, as shares of all
samples. Shares survive a busy machine better than seconds do."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

# (label, frame pattern, indent): a sample counts for a part when any frame of its stack matches; indented parts
# are within the page scripts. Patterns match "function (file:line)" as py-spy writes frames.
PARTS: list[tuple[str, str, int]] = [
    ("full gc.collect after every run (runner.postScriptGC)", r"^ScriptRunner\._on_script_finished ", 0),
    ("file watcher walking sys.modules (server.fileWatcherType)", r"LocalSourcesWatcher", 0),
    ("page scripts", r"^exec_func_with_error_handling ", 0),
    ("figure building (skam_core/charts)", r"\(skam_core/charts/", 1),
    ("st.plotly_chart (serialising figures)", r"^PlotlyMixin\.plotly_chart ", 1),
    ("tables (st.dataframe, st.data_editor, Styler)", r"^(ArrowMixin\.dataframe|DataEditorMixin\.data_editor) ", 1),
    ("data reads (st.cache_data over the views)", r"^read \(skam_core/ui/cache\.py", 1),
    ("download files (CSV/XLSX)", r"^(csv_bytes|xlsx_bytes) ", 1),
    ("display_name", r"^display_name ", 1),
    ("sidebar and navigation", r"^(render_sidebar|build_navigation) ", 1),
    ("event loop (the file watcher included), websocket, protobuf", r"^_run_server_loop ", 0),
]


def read_raw(path: Path) -> list[tuple[list[str], int]]:
    """py-spy's raw format: one stack a line, frames root first separated by ';', then the sample count."""
    rows = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        stack, _, count = line.rpartition(" ")
        if stack and count.isdigit():
            rows.append((stack.split(";"), int(count)))
    return rows


def shares(rows: Iterable[tuple[list[str], int]]) -> tuple[int, list[tuple[str, int, float]]]:
    """(samples, [(label, indent, share)]) for PARTS."""
    rows = list(rows)
    total = sum(n for _, n in rows)
    patterns = [re.compile(p) for _, p, _ in PARTS]
    counts = [0] * len(PARTS)
    for frames, n in rows:
        for i, pat in enumerate(patterns):
            if any(pat.search(f) for f in frames):
                counts[i] += n
    return total, [
        (label, indent, c / total if total else 0.0) for (label, _, indent), c in zip(PARTS, counts, strict=True)
    ]


def render_shares(path: Path) -> str:
    total, parts = shares(read_raw(path))
    lines = [f"where the server's time went ({total:,} samples holding the GIL, {path}):"]
    for label, indent, share in parts:
        lines.append(f"  {'  ' * indent}{share * 100:5.1f} %  {label}")
    return "\n".join(lines)
