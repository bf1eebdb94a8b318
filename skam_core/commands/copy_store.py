"""``copy-store --from STORE --to STORE``: move a whole store between a DuckDB file and PostgreSQL (either way),
every version and knowledge date kept. The target is created and migrated if needed and must be empty."""

from __future__ import annotations

import sys
import time
from contextlib import closing

from skam_core.commands.common import Progress
from skam_core.storage.copy import copy_store
from skam_core.storage.db import Store, as_location


def register(sub) -> None:
    p = sub.add_parser(
        "copy-store",
        help="copy the whole store (all versions) between a DuckDB file and a postgresql:// database",
    )
    p.add_argument("--from", dest="source", required=True, metavar="STORE", help="a DuckDB file or postgresql:// URL")
    p.add_argument("--to", dest="target", required=True, metavar="STORE", help="an empty store (created if missing)")
    p.set_defaults(func=run)


def run(args) -> int:
    source_loc, target_loc = as_location(args.source), as_location(args.target)
    if str(source_loc) == str(target_loc):
        print("error: --from and --to name the same store", file=sys.stderr)
        return 2
    started = time.monotonic()
    with closing(Store(source_loc)) as source, closing(Store(target_loc)) as target:
        counts = copy_store(source, target, progress=Progress("copy"))
        where = f"{source.location} -> {target.location}"
    rows = sum(counts.values())
    print(f"copied {rows} rows in {len(counts)} tables ({where}) in {time.monotonic() - started:.1f}s")
    for table, n in sorted(counts.items()):
        print(f"  {table}: {n}")
    return 0
