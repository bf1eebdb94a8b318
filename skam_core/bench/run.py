"""The benchmark's course: prepare (or reuse) the store and import files, run the workers, report medians
against the budgets."""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from skam_core.bench import BUDGETS
from skam_core.domain import clock
from skam_core.storage.dialect import redact

DEFAULT_DIR = Path("data") / "bench"


@dataclass(frozen=True)
class Options:
    customers: int = 100_000
    months: int = 60
    seed: int = 7
    runs: int = 5
    import_runs: int = 3
    directory: Path = DEFAULT_DIR
    rebuild: bool = False
    skip_import: bool = False
    pages_db: str | None = None  # only the page data, over this store as it is (bench --pages-db)


@dataclass
class Row:
    what: str
    value: float | None  # seconds or bytes
    unit: str  # s | ms | bytes | text
    runs: int
    budget: str
    ok: bool | None  # None: reference only
    detail: str = ""


@dataclass
class Report:
    options: Options
    store: Path | str  # str: a PostgreSQL URL (Path would fold its "//")
    reused: bool
    load: tuple[float, float, float]
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def all_ok(self) -> bool:
        return all(r.ok is not False for r in self.rows)

    def as_dict(self) -> dict:
        return {
            "customers": self.options.customers,
            "months": self.options.months,
            "store": str(self.store),
            "reused": self.reused,
            "load_average": list(self.load),
            "rows": [r.__dict__ for r in self.rows],
            "notes": self.notes,
            "all_within_budget": self.all_ok,
        }


def _paths(o: Options) -> dict[str, Path]:
    base = o.directory / f"skam_{o.customers}x{o.months}_s{o.seed}"
    return {
        "store": base.with_suffix(".duckdb"),
        "meta": base.with_suffix(".json"),
        "financials_csv": Path(f"{base}_financials.csv"),
        "customers_csv": Path(f"{base}_customers.csv"),
        "template": Path(f"{base}_customers_only.duckdb"),
        "work": Path(f"{base}_work.duckdb"),
        "import_work": Path(f"{base}_import_run.duckdb"),
    }


def _worker(task: str, args: dict, progress) -> dict:
    """Run one worker process; its last stdout line is the JSON result."""
    cmd = [sys.executable, "-m", "skam_core.bench.worker", task, json.dumps(args)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None and proc.stdout is not None
    for line in proc.stderr:
        progress(line.rstrip())
    out_lines = proc.stdout.read().splitlines()
    if proc.wait() != 0 or not out_lines:
        raise RuntimeError(f"benchmark worker '{task}' failed (exit {proc.returncode})")
    return json.loads(out_lines[-1])


def _cli_profit(store: Path, runs: int, command: str = "profit") -> list[float]:
    """`python -m skam_core profit --json` (or ``command``) end to end: start-up, imports, store, computation."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "skam_core", "--db", str(store), command, "--json"],
            capture_output=True,
            text=True,
        )
        times.append(time.perf_counter() - started)
        if done.returncode != 0:
            raise RuntimeError(f"{command} command failed: {done.stderr.strip()}")
    return times


def _startup(runs: int) -> list[float]:
    """A new Python process that only imports what the profit command needs (the floor of its time)."""
    code = "import skam_core.cli, skam_core.analytics.profit, scipy.special"
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - started)
    return times


def _seconds_row(what: str, times: list[float], key: str, *, detail: str = "") -> Row:
    budget = BUDGETS[key]
    med = statistics.median(times)
    unit = "ms" if budget.limit is not None and budget.limit < 1 else "s"
    assert budget.limit is not None  # every budget a seconds row is checked against has a limit
    return Row(what, med, unit, len(times), budget.text, med < budget.limit, detail)


def run_bench(o: Options, progress=lambda _m: None) -> Report:
    p = _paths(o)
    o.directory.mkdir(parents=True, exist_ok=True)
    meta = json.loads(p["meta"].read_text()) if p["meta"].is_file() and not o.rebuild else None
    reused = meta is not None and all(p[k].is_file() for k in ("store", "financials_csv", "template"))
    report = Report(o, p["store"], reused, os.getloadavg())
    if not reused:
        for k in ("store", "meta", "financials_csv", "customers_csv", "template"):
            p[k].unlink(missing_ok=True)
            Path(f"{p[k]}.wal").unlink(missing_ok=True)
        progress(f"building a {o.customers:,} x {o.months} store in {o.directory} (reused by later runs) ...")
        args = {k: str(p[k]) for k in ("store", "financials_csv", "customers_csv", "template")}
        meta = _worker("build", {**args, "customers": o.customers, "months": o.months, "seed": o.seed}, progress)
        meta["built_on"] = clock.today().isoformat()
        p["meta"].write_text(json.dumps(meta, indent=2))
    assert meta is not None  # read when reused, else built just above
    report.rows.append(
        Row(
            f"build the demo store ({meta['financial_rows']:,} financial rows, generator)",
            meta["build_s"],
            "s",
            1,
            "–",
            None,
            f"built {meta['built_on']}" + (", reused" if reused else ""),
        )
    )

    if not o.skip_import:
        progress(f"importing {meta['csv_rows']:,} financial rows from CSV, {o.import_runs} runs ...")
        imp = _worker(
            "import",
            {
                "template": str(p["template"]),
                "financials_csv": str(p["financials_csv"]),
                "work": str(p["import_work"]),
                "runs": o.import_runs,
            },
            progress,
        )
        report.rows.append(
            _seconds_row(
                f"import {imp['rows']:,} financial rows (CSV, import_file, into a store with the customers)",
                imp["times"],
                "import",
                detail=f"peak memory of the import process {imp['peak_rss'] / 1024**2:,.0f} MB",
            )
        )

    shutil.copyfile(p["store"], p["work"])  # KPI saves write: keep the built store unchanged
    try:
        progress(f"server-like process: page data, profit, KPI saves ({o.runs} runs each after a warm-up) ...")
        m = _worker("measure", {"store": str(p["work"]), "runs": o.runs}, progress)
        progress(f"profit command end to end, {o.runs} runs ...")
        cli = _cli_profit(p["work"], o.runs)
        progress(f"candidates command end to end, {o.runs} runs ...")
        cli_candidates = _cli_profit(p["work"], o.runs, "candidates")
        startup = _startup(o.runs)
    finally:
        p["work"].unlink(missing_ok=True)
        Path(f"{p['work']}.wal").unlink(missing_ok=True)

    report.rows.append(
        _seconds_row(
            "profit: python -m skam_core profit --json (end to end, new process)",
            cli,
            "profit",
            detail=f"of which starting Python and importing pandas, DuckDB and scipy.special alone: "
            f"{statistics.median(startup):.2f} s (median of {len(startup)})",
        )
    )
    report.rows.append(
        _seconds_row(
            "profit: the computation in the server process",
            m["profit"],
            "profit",
            detail=f"first call {m['profit_first_s']:.2f} s (the first call pays the imports)",
        )
    )
    if "effect" in m:
        report.rows.append(
            _seconds_row(
                f"profit: the effect and event study alone, {m['effect_accounts']} accounts (loaded inputs)",
                m["effect"],
                "page",
            )
        )
    report.rows.append(
        _seconds_row(
            "candidates: the data behind Who next in the server (per-account effects, candidate rows, model)",
            m["candidates"],
            "page",
        )
    )
    report.rows.append(
        _seconds_row(
            "candidates: python -m skam_core candidates --json (end to end, new process)", cli_candidates, "profit"
        )
    )
    for key, times in m["pages"].items():
        page, label = key.split("|")
        when = "now" if label == "now" else f"as of {m['as_of']}"
        report.rows.append(_seconds_row(f"page data: {page} ({when})", times, "page"))
    fill, ends = m["asof_fill"], m["asof_month_ends"]
    report.rows.append(
        Row(
            f"as-of entries of the last {fill['months']} month-ends, built in the dashboard's background",
            fill["seconds"],
            "s",
            1,
            "–",
            None,
            f"{fill['built']} built (after an import the last 3 are built with it; the rest within this time)",
        )
    )
    page, slowest = BUDGETS["page"], max(ends.values())
    assert page.limit is not None
    report.rows.append(
        Row(  # judged by the slowest day: every past steering committee's link must open within budget
            f"page data: profit as of {len(ends)} month-ends {min(ends)} .. {max(ends)}, first view of each, after it",
            statistics.median(ends.values()),
            "ms",
            len(ends),
            page.text + " (slowest)",
            slowest < page.limit,
            f"slowest {slowest * 1000:,.0f} ms",
        )
    )
    report.rows.append(_seconds_row("one KPI save (services.kpis.record_kpi_entry)", m["kpi_save"], "kpi_save"))
    c = m["concurrent"]
    report.rows.append(
        Row(
            f"20 threads saving KPI entries at once ({c['saved']} saves)",
            c["seconds"],
            "s",
            1,
            BUDGETS["concurrent"].text,
            c["error_count"] == 0,
            f"{c['error_count']} errors" + (": " + "; ".join(c["errors"]) if c["errors"] else ""),
        )
    )
    mem = BUDGETS["memory"]
    report.rows.append(
        Row(
            "peak memory of the server-like process",
            m["peak_rss"],
            "bytes",
            1,
            mem.text,
            m["peak_rss"] < mem.limit,
            "DuckDB memory_limit as set by Store",
        )
    )
    report.notes.append(BUDGETS["kpi_save"].note)
    report.notes.append(
        "Medians; each measurement is repeated after one warm-up call. The machine's load average at the start "
        f"was {report.load[0]:.2f} (1 min) on {os.cpu_count()} CPUs: other work on the machine slows every figure."
    )
    return report


def run_page_data(o: Options, progress=lambda _m: None) -> Report:
    """Only the data behind each page, over ``o.pages_db`` (a DuckDB file or a postgresql:// URL) as it is:
    the way to hold a PostgreSQL store to the page budget (the full benchmark builds and writes a DuckDB file)."""
    assert o.pages_db is not None
    report = Report(o, redact(o.pages_db), True, os.getloadavg())
    progress(f"page data over {report.store}, {o.runs} runs each after a warm-up ...")
    m = _worker("pages", {"store": o.pages_db, "runs": o.runs}, progress)
    for key, times in m["pages"].items():
        page, label = key.split("|")
        when = "now" if label == "now" else f"as of {m['as_of']}"
        report.rows.append(_seconds_row(f"page data ({m['engine']}): {page} ({when})", times, "page"))
    report.notes.append(
        "Medians; each measurement is repeated after one warm-up call. The machine's load average at the start "
        f"was {report.load[0]:.2f} (1 min) on {os.cpu_count()} CPUs: other work on the machine slows every figure."
    )
    return report


def _show(r: Row) -> str:
    if r.value is None:
        return "–"
    if r.unit == "bytes":
        return f"{r.value / 1024**2:,.0f} MB"
    if r.unit == "ms":
        return f"{r.value * 1000:,.0f} ms"
    return f"{r.value:,.2f} s"


def render(report: Report) -> str:
    o = report.options
    size = "page data only" if o.pages_db else f"{o.customers:,} customers x {o.months} months"
    lines = [
        f"SKAM benchmark: {size}, {clock.today().isoformat()}, "
        f"{os.cpu_count()} CPUs, load average {report.load[0]:.2f}",
        f"store: {report.store} ({'as it is' if o.pages_db else 'reused' if report.reused else 'built now'})",
        "",
        f"{'what':<86} {'median':>10} {'runs':>5}  {'budget':<10} result",
    ]
    for r in report.rows:
        verdict = "reference" if r.ok is None else ("ok" if r.ok else "OVER BUDGET")
        lines.append(f"{r.what:<86} {_show(r):>10} {r.runs:>5}  {r.budget:<10} {verdict}")
        if r.detail:
            lines.append(f"{'':<4}{r.detail}")
    lines.append("")
    lines += report.notes
    lines.append("all within budget" if report.all_ok else "SOME FIGURES ARE OVER BUDGET (see above)")
    return "\n".join(lines)
