"""``init [--demo]``: create or migrate the store; --demo fills an empty store with the demo company."""

from __future__ import annotations

import time

from skam_core.commands.common import Progress, open_store, store_path
from skam_core.demo import DemoSize, StoreNotEmptyError, build_demo


def register(sub) -> None:
    p = sub.add_parser("init", help="create/migrate the store; --demo fills an empty one with the demo company")
    p.add_argument("--demo", action="store_true", help="fill an empty store with the demo company")
    p.add_argument("--customers", type=int, default=2000, help="demo size: customers (default 2000)")
    p.add_argument("--months", type=int, default=48, help="demo size: months of financials (default 48)")
    p.add_argument("--seed", type=int, default=7, help="random seed of the demo (default 7)")
    p.set_defaults(func=run)


def run(args) -> int:
    started = time.monotonic()
    store = open_store(args)
    path = store_path(args)
    if store.migrated_versions:
        print(f"store {path}: applied migrations {', '.join(map(str, store.migrated_versions))}")
    else:
        print(f"store {path}: schema up to date")
    if args.demo:
        if args.customers < 20 or args.months < 24:
            print("error: the demo needs at least 20 customers and 24 months")
            return 2
        try:
            counts = build_demo(store, DemoSize(args.customers, args.months, args.seed), progress=Progress("demo"))
        except StoreNotEmptyError as exc:
            print(f"demo not written: {exc}")
            return 1
        print(
            f"demo company written: {args.customers} customers x {args.months} months "
            f"({counts['financials']} financial rows) in {time.monotonic() - started:.1f}s"
        )
    store.close()
    return 0
