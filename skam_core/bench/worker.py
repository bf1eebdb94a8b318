"""Benchmark workers, each run in its own process: ``python -m skam_core.bench.worker TASK JSON-ARGS``.

Every task prints one JSON line with its results (times in seconds, peak memory in bytes) as the last line of
stdout; progress goes to stderr.
"""

from __future__ import annotations

import json
import resource
import shutil
import sys
import threading
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TypeVar

from skam_core.domain import clock
from skam_core.domain.enums import Role
from skam_core.domain.users import User

BENCH_USER = User("bench@skam.example", "Benchmark", Role.ADMIN)


def peak_rss() -> int:
    """Peak resident memory of this process in bytes (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


T = TypeVar("T")


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def timed(fn: Callable[..., T], *args: Any, **kwargs: Any) -> tuple[float, T]:
    started = time.perf_counter()
    result = fn(*args, **kwargs)
    return time.perf_counter() - started, result


# -- build ----------------------------------------------------------------------------------------------


def build(args: dict) -> dict:
    """The demo company at the given size, its aggregates, the import files, and a store with the customers
    only (the starting point of every timed import)."""
    from skam_core.demo import DemoSize, build_demo
    from skam_core.domain.asof import AsOf
    from skam_core.services.imports import import_file
    from skam_core.storage import bench as bq
    from skam_core.storage.db import Store
    from skam_core.views.profit import refresh_aggregates

    size = DemoSize(args["customers"], args["months"], args["seed"])
    store_path, fin_csv, cust_csv, template = (
        Path(args[k]) for k in ("store", "financials_csv", "customers_csv", "template")
    )
    out: dict = {}
    store = Store(store_path)
    log(f"building the demo company: {size.customers:,} customers x {size.months} months ...")
    out["build_s"], counts = timed(build_demo, store, size)
    out["financial_rows"] = counts["financials"]
    out["aggregates_s"], _ = timed(refresh_aggregates, store, AsOf.now(clock.today()))
    log("writing the import files ...")
    out["csv_s"], out["csv_rows"] = timed(bq.export_financials_csv, store, fin_csv)
    bq.export_customers_csv(store, cust_csv)
    store.close()
    log("a store with the customers only, for the timed imports ...")
    template.unlink(missing_ok=True)
    fresh = Store(template)
    out["customers_import_s"], result = timed(import_file, fresh, BENCH_USER, "customers", cust_csv)
    if not result.ok:
        raise SystemExit("customers import failed: " + "; ".join(result.problems[:5]))
    fresh.checkpoint()
    fresh.close()
    out["peak_rss"] = peak_rss()
    return out


# -- import ---------------------------------------------------------------------------------------------


def import_financials(args: dict) -> dict:
    """Import the financials CSV into a fresh copy of the customers-only store, ``runs`` times."""
    from skam_core.services.imports import import_file
    from skam_core.storage.db import Store

    template, csv, work = Path(args["template"]), Path(args["financials_csv"]), Path(args["work"])
    times, rows = [], 0
    for i in range(args["runs"]):
        work.unlink(missing_ok=True)
        shutil.copyfile(template, work)
        store = Store(work)
        seconds, result = timed(import_file, store, BENCH_USER, "financials", csv)
        store.close()
        if not result.ok:
            raise SystemExit("financials import failed: " + "; ".join(result.problems[:5]))
        rows = result.added
        times.append(seconds)
        log(f"  import run {i + 1}/{args['runs']}: {seconds:.1f} s ({result.added:,} rows added)")
    work.unlink(missing_ok=True)
    return {"times": times, "rows": rows, "peak_rss": peak_rss()}


# -- measure (a server-like process) --------------------------------------------------------------------


def measure(args: dict) -> dict:
    """What the dashboard process does: page data, the profit comparison, KPI saves, 20 writers at once."""
    from skam_core.analytics.blas import one_blas_thread_per_process
    from skam_core.bench.page_data import PAGE_DATA
    from skam_core.services.kpis import record_kpi_entry
    from skam_core.storage import bench as bq
    from skam_core.storage.db import Store

    one_blas_thread_per_process()  # as the dashboard's process does
    runs = args["runs"]
    today = clock.today()
    past = today - timedelta(days=args.get("as_of_days", 90))
    store = Store(Path(args["store"]))
    out: dict = {"as_of": past.isoformat(), "pages": {}}

    def repeat(fn, *a) -> list[float]:
        fn(*a)  # warm-up: first use (imports, DuckDB's buffers) is not what a user waits for on every view
        return [timed(fn, *a)[0] for _ in range(runs)]

    log("profit comparison ...")
    from skam_core.domain.asof import AsOf
    from skam_core.views.profit import profit

    now = AsOf.now(today)
    cold, _ = timed(profit, store, now)
    out["profit_first_s"] = cold
    out["profit"] = repeat(profit, store, now)
    log("the effect and event study alone ...")
    from skam_core.analytics.profit import estimate_effect
    from skam_core.views.candidates import candidates
    from skam_core.views.profit import effect_only

    inputs = effect_only(store, now)
    if inputs is not None:
        out["effect"] = repeat(lambda: estimate_effect(*inputs.args()))
        out["effect_accounts"] = int(estimate_effect(*inputs.args())[0].accounts)
    log("candidates ...")
    out["candidates"] = repeat(candidates, store, now)
    out["pages"] = _page_times(store, runs, today, past)

    log("as-of entries of the past month-ends, as a running dashboard builds them in the background ...")
    from skam_core.services import asof_fill

    seconds, built = timed(asof_fill.fill_once, store, today)
    out["asof_fill"] = {"seconds": seconds, "built": built, "months": asof_fill.MONTHS}
    # Each day viewed once, as a steering committee's link is opened: no warm-up for the day itself.
    days = asof_fill.month_ends(today)[::5]
    out["asof_month_ends"] = {d.isoformat(): timed(PAGE_DATA["profit"], store, AsOf.at(d, today))[0] for d in days}

    kpis = bq.kpis_to_record(store, 40)
    if not kpis:
        raise SystemExit("the store has no KPI definitions to record entries for")
    period = today.replace(day=1)

    def value_for(k: dict) -> float:
        lo = k["min_value"] if k["min_value"] is not None else 0.0
        hi = k["max_value"] if k["max_value"] is not None else lo + 100.0
        return round((lo + hi) / 2, 2)

    log("one KPI save ...")
    out["kpi_save"] = repeat(
        lambda: record_kpi_entry(store, BENCH_USER, kpis[0]["id"], period, value_for(kpis[0]), "benchmark", today=today)
    )

    log("20 writers at once ...")
    errors: list[str] = []
    saved = [0]
    lock = threading.Lock()
    barrier = threading.Barrier(20)

    def writer(i: int) -> None:
        k = kpis[i % len(kpis)]
        barrier.wait()
        for j in range(args.get("saves_per_thread", 5)):
            try:
                record_kpi_entry(store, BENCH_USER, k["id"], period, value_for(k), f"thread {i} save {j}", today=today)
                with lock:
                    saved[0] += 1
            except Exception as exc:  # every failure is a finding
                with lock:
                    errors.append(f"{type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(20)]
    started = time.perf_counter()
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    out["concurrent"] = {
        "seconds": time.perf_counter() - started,
        "saved": saved[0],
        "errors": errors[:5],
        "error_count": len(errors),
    }
    store.close()
    out["peak_rss"] = peak_rss()
    return out


def _page_times(store: Any, runs: int, today: date, past: date) -> dict[str, list[float]]:
    """Every page's data (bench.page_data), now and as of ``past``: ``runs`` times after a warm-up each."""
    from skam_core.bench.page_data import PAGE_DATA
    from skam_core.domain.asof import AsOf

    out: dict[str, list[float]] = {}
    for page, fn in PAGE_DATA.items():
        for label, asof in (("now", AsOf.now(today)), ("as_of", AsOf.at(past, today))):
            log(f"page data: {page} ({label}) ...")
            fn(store, asof)  # warm-up, as in measure
            out[f"{page}|{label}"] = [timed(fn, store, asof)[0] for _ in range(runs)]
    return out


def pages(args: dict) -> dict:
    """Only the page data, over a store as it is (a DuckDB file or a PostgreSQL database): what ``bench
    --pages-db`` reports. Nothing is written but the aggregates, when they are stale (as any reader would)."""
    from skam_core.storage.db import Store, as_location

    today = clock.today()
    past = today - timedelta(days=args.get("as_of_days", 90))
    store = Store(as_location(args["store"]))
    try:
        times = _page_times(store, args["runs"], today, past)
        engine = store.dialect.name
    finally:
        store.close()
    return {"as_of": past.isoformat(), "pages": times, "engine": engine, "peak_rss": peak_rss()}


TASKS = {"build": build, "import": import_financials, "measure": measure, "pages": pages}


def main(argv: list[str]) -> int:
    task, args = argv[0], json.loads(argv[1])
    result = TASKS[task](args)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
