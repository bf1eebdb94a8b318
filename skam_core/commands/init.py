"""``init [--demo]``: create or migrate the store; --demo fills an empty store with the demo company."""

from __future__ import annotations

import sys
import time
from contextlib import closing

from skam_core.commands.common import Progress, open_store
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
    try:  # a bad size is refused before the store is touched
        size = DemoSize(args.customers, args.months, args.seed) if args.demo else None
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    with closing(open_store(args)) as store:
        path = store.location  # a URL without its password
        if store.migrated_versions:
            print(f"store {path}: applied migrations {', '.join(map(str, store.migrated_versions))}")
        else:
            print(f"store {path}: schema up to date")
        if size is None:
            return 0
        try:
            counts = build_demo(store, size, progress=Progress("demo"))
        except StoreNotEmptyError as exc:
            print(f"demo not written: {exc}")
            return 1
    print(
        f"demo company written: {args.customers} customers x {args.months} months "
        f"({counts['financials']} financial rows) in {time.monotonic() - started:.1f}s"
    )
    return 0
