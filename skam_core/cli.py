"""Command line: ``python -m skam_core COMMAND`` (init, import, ...). The store comes from --db, $SKAM_DB or
data/skam.duckdb. Each command lives in skam_core/commands/<name>.py and registers its own sub-parser."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

from skam_core.storage.db import StoreError

# Command modules, in the order --help lists them.
COMMAND_MODULES = ["init", "import_", "users", "profit", "candidates", "bench"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m skam_core",
        description="SKAM dashboard: store set-up, imports and analyses from the command line.",
    )
    parser.add_argument("--db", help="the store file (default: $SKAM_DB or data/skam.duckdb)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what happens")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"skam_core.commands.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(message)s")
    try:
        return int(args.func(args) or 0)
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted; nothing was committed by the unfinished step", file=sys.stderr)
        return 130
