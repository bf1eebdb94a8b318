"""``bench --load``: the load test's course — servers (started here over a demo store, or given by URL), a
warm-up, the scenarios one after the other, optionally a py-spy recording of the first started server — and its
table beside the budgets (skam_core.bench.BUDGETS, issue 15)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from skam_core.bench import BUDGETS
from skam_core.bench.load import DEFAULT_PAGES, Outcome, Scenario, Session, page_label, run_scenario
from skam_core.bench.server import ROOT, serve


@dataclass(frozen=True)
class LoadOptions:
    scenarios: list[Scenario]
    seconds: float = 30.0
    urls: list[str] = field(default_factory=list)  # running servers; empty: start `processes` here
    processes: int = 1
    db: str | None = None  # the store of the started servers; None: a demo store built for the run
    server_options: list[str] = field(default_factory=list)  # "section.key=value", passed to streamlit run
    pages: tuple[str, ...] = DEFAULT_PAGES
    query: str | None = None  # None: lang=de and the first account in implementation
    profile: Path | None = None
    app_dir: Path = ROOT  # the checkout whose dashboard the started servers run (another one: before/after)


def judge(o: Outcome, servers: int) -> tuple[str, bool | None]:
    """The budget a scenario is held to and whether it is met (None: a reference row)."""
    s = o.scenario
    if s.think_s == 0 and s.sessions >= 4:
        return BUDGETS["pages_per_s"].text, o.pages_per_s >= (BUDGETS["pages_per_s"].limit or 0)
    p95 = o.quantile(0.95)
    if s.think_s >= 5 and s.sessions <= 20 * servers:
        return BUDGETS["p95"].text, p95 is not None and p95 < (BUDGETS["p95"].limit or 0)
    return "–", None


def _demo_store(work: Path) -> tuple[str, str | None]:
    from skam_core.demo import build_demo
    from skam_core.demo.financials import DemoSize
    from skam_core.domain import clock
    from skam_core.domain.asof import AsOf
    from skam_core.services import asof_fill
    from skam_core.storage.db import Store
    from skam_core.views import common as common_view

    db = work / "demo.duckdb"
    s = Store(db)
    build_demo(s, DemoSize())
    account = common_view.first_account_in_stage(s, AsOf.now(), "implementation")
    asof_fill.fill_once(s, clock.today())  # what the servers would build in their first minute: done before
    s.close()
    return str(db), account


def _account_of(db: str) -> str | None:
    from skam_core.domain.asof import AsOf
    from skam_core.storage.db import Store
    from skam_core.views import common as common_view

    s = Store(db)
    try:
        return common_view.first_account_in_stage(s, AsOf.now(), "implementation")
    finally:
        s.close()


@contextmanager
def _py_spy(pid: int, out: Path) -> Iterator[None]:
    """py-spy recording the process ``pid`` (samples of the thread holding the GIL) until the block ends."""
    exe = shutil.which("py-spy")
    if exe is None:
        raise RuntimeError("--profile needs py-spy (pip install py-spy)")
    # --nonblocking: sampling does not stop the server (the figures measured meanwhile stay close to unprofiled ones)
    cmd = [
        exe,
        "record",
        "--pid",
        str(pid),
        "--format",
        "raw",
        "--gil",
        "--nonblocking",
        "--rate",
        "50",
        "--output",
        str(out),
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        yield
    finally:
        proc.send_signal(signal.SIGINT)  # py-spy writes its file when interrupted
        try:
            _, err = proc.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            _, err = proc.communicate()
        if not out.is_file():
            raise RuntimeError(f"py-spy wrote no profile: {err.strip()[-500:]}")


def run_load(o: LoadOptions, progress: Callable[[str], None] = lambda _m: None) -> dict:
    if o.processes > 1 and not o.urls and not (o.db or "").startswith(("postgresql://", "postgres://")):
        raise ValueError("several processes need a store they can share: --load-db postgresql://... (DuckDB: one)")
    work = Path(tempfile.mkdtemp(prefix="skam-load-"))
    result: dict = {"cpus": os.cpu_count(), "scenarios": []}
    try:
        with ExitStack() as stack:
            urls, pids = list(o.urls), []
            account = None
            if not urls:
                if o.db is None:
                    progress("building a demo store for the run ...")
                    db, account = _demo_store(work)
                else:
                    db, account = o.db, _account_of(o.db)
                options = [a for kv in o.server_options for a in (f"--{kv.partition('=')[0]}", kv.partition("=")[2])]
                for _ in range(o.processes):
                    server = stack.enter_context(serve(o.app_dir / "dashboard.py", db, options, cwd=o.app_dir))
                    urls.append(server.url)
                    pids.append(server.pid)
                result["store"] = "demo store (built for the run)" if o.db is None else db
            else:
                result["store"] = "given servers"
            query = o.query if o.query is not None else "lang=de" + (f"&account={account}" if account else "")
            result.update(
                urls=urls, pages=[page_label(p) for p in o.pages], query=query, server_options=o.server_options
            )
            progress(f"warm-up: every page twice on {len(urls)} server(s) ...")
            for url in urls:
                with Session(url) as session:
                    for page in [*o.pages, *o.pages]:
                        session.load(page, query)
            if o.profile is not None and pids:
                stack.enter_context(_py_spy(pids[0], o.profile))
                result["profile"] = str(o.profile)
            for scenario in o.scenarios:
                progress(f"{scenario.sessions} sessions, {scenario.think_s:g} s think time, {o.seconds:g} s ...")
                out = run_scenario(urls, scenario, seconds=o.seconds, pages=o.pages, query=query, pids=pids)
                budget, ok = judge(out, len(urls))
                result["scenarios"].append(_row(out, budget, ok))
                if out.errors:
                    break  # a page failed: say so, do not go on loading a broken server
    finally:
        shutil.rmtree(work, ignore_errors=True)
    result["all_ok"] = all(r["ok"] is not False and not r["errors"] for r in result["scenarios"])
    return result


def _row(o: Outcome, budget: str, ok: bool | None) -> dict:
    return {
        "sessions": o.scenario.sessions,
        "think_s": o.scenario.think_s,
        "pages": o.pages,
        "seconds": o.seconds,
        "pages_per_s": o.pages_per_s,
        "p50_s": o.quantile(0.5),
        "p95_s": o.quantile(0.95),
        "by_page_p50_s": {page_label(p): _median(ts) for p, ts in o.times.items()},
        "server_cpu_per_page_s": o.cpu_per_page,
        "server_rss_bytes": o.rss,
        "load_average": list(o.load),
        "budget": budget,
        "ok": False if o.errors else ok,
        "errors": o.errors,
    }


def _median(ts: list[float]) -> float | None:
    import statistics

    return statistics.median(ts) if ts else None


def _s(v: float | None) -> str:
    return "–" if v is None else f"{v:.2f} s"


def render_load(r: dict) -> str:
    lines = [
        f"SKAM load test: {len(r['urls'])} server(s), {r['store']}, {r['cpus']} CPUs"
        + (f", dashboard of {r['app_dir']}" if r.get("app_dir") and Path(r["app_dir"]) != ROOT else ""),
        f"pages {', '.join(r['pages'])} with ?{r['query']}"
        + (f"; options {r['server_options']}" if r["server_options"] else ""),
        "",
        f"{'sessions':>8} {'think':>6} {'pages':>6} {'pages/s':>8} {'p50':>8} {'p95':>8} {'CPU/page':>9} "
        f"{'RSS':>8}  {'load average':<16} {'budget':<14} result",
    ]
    for row in r["scenarios"]:
        verdict = "FAILED" if row["errors"] else ("reference" if row["ok"] is None else ("ok" if row["ok"] else "OVER"))
        cpu = row["server_cpu_per_page_s"]
        rss = (
            "/".join(f"{b / 1024**2:.0f}" for b in row["server_rss_bytes"]) + " MB" if row["server_rss_bytes"] else "–"
        )
        load = " ".join(f"{x:.2f}" for x in row["load_average"])
        lines.append(
            f"{row['sessions']:>8} {row['think_s']:>4g} s {row['pages']:>6} {row['pages_per_s']:>8.2f} "
            f"{_s(row['p50_s']):>8} {_s(row['p95_s']):>8} {_s(cpu):>9} {rss:>8}  {load:<16} {row['budget']:<14} "
            f"{verdict}"
        )
        for e in row["errors"][:5]:
            lines.append(f"    error: {e}")
    lines += [
        "",
        "pages/s: pages completed per second of the measured window; p50/p95: seconds from the click (rerun "
        "request) to the script's finish; CPU/page: the started servers' CPU seconds per page; RSS at the end.",
        f"budgets: {BUDGETS['pages_per_s'].text} ({BUDGETS['pages_per_s'].note}); "
        f"{BUDGETS['p95'].text} ({BUDGETS['p95'].note}).",
        "A busy machine (load average above the CPU count) slows every figure: compare rows measured together.",
    ]
    if r.get("profile"):
        from skam_core.bench.profile import render_shares

        lines += ["", render_shares(Path(r["profile"]))]
    lines.append("all within budget" if r["all_ok"] else "SOME ROWS FAILED OR ARE OVER BUDGET (see above)")
    return "\n".join(lines)


def load_report(o: LoadOptions, as_json: bool) -> tuple[str, bool]:
    r = run_load(o, progress=lambda m: print(m, file=sys.stderr, flush=True))
    return (json.dumps(r, indent=2) if as_json else render_load(r)), bool(r["all_ok"])
