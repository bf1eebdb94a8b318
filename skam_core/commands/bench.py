"""``bench``: the performance benchmark at 100,000 customers x 60 months against DESIGN.md's budgets.

The store and import files are built once under data/bench/ (git-ignored) and reused; a full run takes a
few minutes (import runs dominate). The --db option is not used: the benchmark never touches the real store.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from skam_core.bench.run import DEFAULT_DIR, Options, render, run_bench, run_page_data
from skam_core.demo.financials import MIN_CUSTOMERS, MIN_MONTHS


def register(sub) -> None:
    p = sub.add_parser("bench", help="performance benchmark at 100,000 customers x 60 months (takes minutes)")
    p.add_argument("--customers", type=int, default=100_000, help="customers in the benchmark store")
    p.add_argument("--months", type=int, default=60, help="months of financials")
    p.add_argument("--seed", type=int, default=7, help="random seed of the generated company")
    p.add_argument("--runs", type=int, default=5, help="runs per measurement after a warm-up (median reported)")
    p.add_argument("--import-runs", type=int, default=3, help="runs of the CSV import (each ~half a minute)")
    p.add_argument("--dir", default=str(DEFAULT_DIR), help="where the benchmark store and files live")
    p.add_argument("--rebuild", action="store_true", help="build the store and files again instead of reusing")
    p.add_argument("--skip-import", action="store_true", help="leave out the CSV import measurement")
    p.add_argument("--json", action="store_true", help="print the results as JSON")
    p.add_argument(
        "--pages-db",
        help="only the data behind each page (now and as of 90 days back), over this store as it is: a DuckDB "
        "file or a postgresql:// URL (e.g. a copy made by copy-store); only stale aggregates are written",
    )
    p.add_argument(
        "--browser",
        action="store_true",
        help="only the page speed in Chromium: every page warm against a blank Streamlit page (page ÷ blank), "
        "over a demo store built for the run (or --browser-db)",
    )
    p.add_argument("--browser-db", help="the store the page speed is measured over (default: a new demo store)")
    load = p.add_argument_group("many people at once (--load)")
    load.add_argument(
        "--load",
        action="store_true",
        help="only the load test: sessions over Streamlit's websocket protocol loop over the pages; pages per "
        "second, p50 and p95 per scenario beside the budget (starts a server over a new demo store unless --url)",
    )
    load.add_argument(
        "--sessions",
        default="1:0,10:0,20:5",
        help="scenarios, SESSIONS:THINK_SECONDS separated by commas (default 1:0,10:0,20:5)",
    )
    load.add_argument("--seconds", type=float, default=30.0, help="measured seconds per scenario (default 30)")
    load.add_argument(
        "--url", action="append", default=[], help="a running dashboard to drive instead (repeat: several processes)"
    )
    load.add_argument(
        "--processes",
        type=int,
        default=1,
        help="dashboard processes to start (more than one needs a store they share: --load-db postgresql://...)",
    )
    load.add_argument("--load-db", help="the store of the started servers (default: a new demo store)")
    load.add_argument(
        "--server-option",
        action="append",
        default=[],
        metavar="SECTION.KEY=VALUE",
        help="a streamlit option for the started servers, e.g. server.fileWatcherType=auto (repeatable)",
    )
    load.add_argument("--pages", default="/steering,/,/profit,/kpis", help="URL paths, separated by commas")
    load.add_argument(
        "--query", help="query of every page (default: lang=de&account=<first account in implementation>)"
    )
    load.add_argument("--profile", help="record the first started server with py-spy (raw format) into this file")
    load.add_argument(
        "--app-dir",
        help="the checkout whose dashboard the started servers run (default: this one), e.g. an export of an "
        "older commit to measure before and after a change back to back",
    )
    p.set_defaults(func=run)


def run_load(args: argparse.Namespace) -> int:
    from skam_core.bench.load import PageError, parse_scenarios
    from skam_core.bench.load_run import LoadOptions, load_report

    try:
        options = LoadOptions(
            scenarios=parse_scenarios(args.sessions),
            seconds=args.seconds,
            urls=args.url,
            processes=args.processes,
            db=args.load_db,
            server_options=args.server_option,
            pages=tuple(p.strip().strip("/") for p in args.pages.split(",")),
            query=args.query,
            profile=Path(args.profile) if args.profile else None,
            **({"app_dir": Path(args.app_dir).resolve()} if args.app_dir else {}),
        )
        if options.seconds <= 0 or options.processes < 1:
            raise ValueError("--seconds must be positive and --processes at least 1")
        text, ok = load_report(options, args.json)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except (PageError, RuntimeError, OSError) as exc:  # a page or a server failed: loudly, with what and where
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(text)
    return 0 if ok else 1


def run_browser(args: argparse.Namespace) -> int:
    from skam_core.bench.browser import speed_report

    text, ok = speed_report(Path(args.browser_db) if args.browser_db else None, args.runs, args.json)
    print(text)
    return 0 if ok else 1


def run(args) -> int:
    if args.browser:
        return run_browser(args)
    if args.load:
        return run_load(args)
    if args.pages_db:
        report = run_page_data(
            Options(runs=args.runs, pages_db=args.pages_db), progress=lambda m: print(m, file=sys.stderr, flush=True)
        )
        print(json.dumps(report.as_dict(), indent=2) if args.json else render(report))
        return 0 if report.all_ok else 1
    if args.customers < MIN_CUSTOMERS or args.months < MIN_MONTHS or args.runs < 1 or args.import_runs < 1:
        print(f"error: needs at least {MIN_CUSTOMERS} customers, {MIN_MONTHS} months and one run", file=sys.stderr)
        return 2
    options = Options(
        customers=args.customers,
        months=args.months,
        seed=args.seed,
        runs=args.runs,
        import_runs=args.import_runs,
        directory=Path(args.dir),
        rebuild=args.rebuild,
        skip_import=args.skip_import,
    )
    report = run_bench(options, progress=lambda m: print(m, file=sys.stderr, flush=True))
    print(json.dumps(report.as_dict(), indent=2) if args.json else render(report))
    return 0 if report.all_ok else 1
