"""Command line: ``python -m skam_core COMMAND`` (init, import, ...). The store comes from --db, $SKAM_DB or
data/skam.duckdb. Each command lives in skam_core/commands/<name>.py and registers its own sub-parser."""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from pathlib import Path

from skam_core.analytics.blas import one_blas_thread_per_process
from skam_core.commands.common import handed_over, store_path
from skam_core.handover import channel
from skam_core.storage.db import Store, StoreError

# Command modules, in the order --help lists them, by the command each registers.
COMMAND_MODULES = {
    "init": "init",
    "import": "import_",
    "users": "users",
    "profit": "profit",
    "candidates": "candidates",
    "copy-store": "copy_store",
    "bench": "bench",
}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or of ``command`` alone (a known command name): importing every command
    module to parse one command cost each command about a tenth of a second (the import and demo modules)."""
    parser = argparse.ArgumentParser(
        prog="python -m skam_core",
        description="SKAM dashboard: store set-up, imports and analyses from the command line.",
    )
    parser.add_argument(
        "--db", help="the store: a DuckDB file or a postgresql:// URL (default: $SKAM_DB or data/skam.duckdb)"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log what happens")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, module in COMMAND_MODULES.items():
        if command is None or name == command:
            importlib.import_module(f"skam_core.commands.{module}").register(sub)
    return parser


def command_of(argv: list[str]) -> str | None:
    """The command named in ``argv`` when it is a known one (the first word that is neither a global option nor
    the value of --db), else None (--help, a typo: the full parser answers)."""
    words = iter(argv)
    for word in words:
        if word == "--db":
            next(words, None)
        elif word.startswith("-"):
            if word not in ("-v", "--verbose") and not word.startswith("--db="):
                return None
        else:
            return word if word in COMMAND_MODULES else None
    return None


# Commands that never touch the store run where they are called (copy-store opens its two stores itself: a
# dashboard holding one of them makes it stop with a message); every other one is handed to a running
# dashboard when one serves the store.
LOCAL_COMMANDS = frozenset({"bench", "copy-store"})
# Arguments that name files: a handed-over job resolves them against the caller's working directory.
PATH_ARGUMENTS = ("file", "mapping")


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(command_of(argv))
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(message)s")
    location = store_path(args)
    # A PostgreSQL store is shared by every process: the CLI writes it itself, nothing to hand over.
    if args.command not in LOCAL_COMMANDS and isinstance(location, Path):
        endpoint = channel.read_endpoint(location)
        sock = channel.connect(endpoint) if endpoint is not None else None
        if endpoint is not None and sock is not None:
            print("the dashboard holds the store: the command runs there", file=sys.stderr)
            return channel.hand_over(sock, endpoint.token, argv, os.environ.get("SKAM_USER"))
    one_blas_thread_per_process()  # the import's rebuild and the analyses: see analytics.blas
    return execute(args)


def run_handed(store: Store, argv: list[str], *, cwd: str, user: str) -> int:
    """Run a command handed over by a CLI in this (the dashboard's) process, on its open ``store``, acting as
    ``user``: the same parsing, service calls, messages and exit code as :func:`main`."""
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:  # argparse has printed its usage message
        return int(exc.code or 0) if not isinstance(exc.code, str) else 2
    if args.command in LOCAL_COMMANDS:
        print(f"error: '{args.command}' is not run by the dashboard; run it where the store is free", file=sys.stderr)
        return 2
    for name in PATH_ARGUMENTS:
        value = getattr(args, name, None)
        if isinstance(value, str) and not Path(value).is_absolute():
            setattr(args, name, str(Path(cwd) / value))
    with handed_over(store, user):
        return execute(args)


def execute(args: argparse.Namespace) -> int:
    """Run the parsed command; store errors and interruptions become a message and an exit code."""
    try:
        return int(args.func(args) or 0)
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted; nothing was committed by the unfinished step", file=sys.stderr)
        return 130
