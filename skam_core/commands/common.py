"""What the commands share: opening the store (optionally waiting for a lock), the acting user, progress."""

from __future__ import annotations

import argparse
import getpass
import importlib
import json
import math
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any, TypeVar

from skam_core.domain.enums import Role
from skam_core.domain.users import User
from skam_core.storage.db import Store, StoreLocation, StoreLockedError, as_location, default_db_path


def store_path(args) -> StoreLocation:
    """The store of this command: --db, else $SKAM_DB, else data/skam.duckdb (a postgresql:// URL or a file)."""
    return as_location(args.db) if getattr(args, "db", None) else default_db_path()


def seconds(text: str) -> float:
    """A number of seconds for --wait: finite and not negative (``nan`` would never end the wait, as no
    comparison with it is true)."""
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds (0 or more)")
    return value


def add_wait_option(parser) -> None:
    """--wait SECONDS: for commands that may find the store held by the running dashboard."""
    parser.add_argument(
        "--wait",
        type=seconds,
        default=0.0,
        metavar="SECONDS",
        help="if another process holds the store, wait up to this long for it",
    )


_handed = threading.local()


class _Lent(Store):
    """The running dashboard's store, lent to a handed-over command: the same connection, and ``close`` leaves
    it open (the command's own ``close`` must not end the dashboard's store)."""

    def __init__(self, store: Store):
        self.__dict__ = store.__dict__

    def close(self) -> None:
        pass


@contextmanager
def handed_over(store: Store, user_id: str) -> Iterator[None]:
    """While inside, this thread's commands use ``store`` (the dashboard's) and act as ``user_id``."""
    _handed.store, _handed.user = store, user_id
    try:
        yield
    finally:
        _handed.store = _handed.user = None


def open_store(args, *, wait: float = 0.0) -> Store:
    """Open the store; with ``wait`` > 0 keep trying while another process holds it. In a job handed over to
    the dashboard, the dashboard's open store."""
    lent = getattr(_handed, "store", None)
    if lent is not None:
        return _Lent(lent)
    deadline = time.monotonic() + wait
    while True:
        try:
            return Store(store_path(args))
        except StoreLockedError:
            if time.monotonic() >= deadline:
                raise
            time.sleep(1.0)


def cli_user() -> User:
    """Whoever runs the CLI can read and write the store file anyway, so the CLI acts as an admin; the name
    recorded in changed_by is $SKAM_USER or the operating-system user (for a handed-over job: the caller's,
    which the dashboard checked by its user id)."""
    uid = getattr(_handed, "user", None) or os.environ.get("SKAM_USER") or f"cli:{getpass.getuser()}"
    return User(user_id=uid.lower(), name=uid, role=Role.ADMIN)


class Progress:
    """A one-line progress bar on stderr (a line per step when stderr is not a terminal)."""

    def __init__(self, label: str):
        self.label = label
        self.tty = sys.stderr.isatty()
        self.last = ""
        self.started = time.monotonic()

    def __call__(self, fraction: float, step: str) -> None:
        secs = time.monotonic() - self.started
        if self.tty:
            bar = "#" * int(fraction * 30)
            print(f"\r{self.label} [{bar:<30}] {fraction:4.0%} {step:<12} {secs:5.1f}s", end="", file=sys.stderr)
            if fraction >= 1.0:
                print(file=sys.stderr)
        elif step != self.last:
            print(f"{self.label}: {step} ({fraction:.0%}, {secs:.1f}s)", file=sys.stderr)
        self.last = step


R = TypeVar("R")


def parse_as_of(text: str | None, today: date) -> date | None:
    """The --as-of value; raises ValueError with a readable reason."""
    from skam_core.domain.validation import parse_iso_date

    if text is None:
        return None
    day = parse_iso_date(text)
    if day > today:
        raise ValueError(f"--as-of {text} lies in the future; use today ({today.isoformat()}) or an earlier day")
    return day


def run_report(
    args: argparse.Namespace,
    view: Callable[..., R],
    *,
    preload: str,
    as_json: Callable[[R], Any],
    as_text: Callable[[R], str],
) -> int:
    """A read-only report command (profit, candidates): the view as known at --as-of, printed as the contract's
    JSON (never NaN or Infinity) or as text. ``preload`` names the heavy library the view needs: it loads in
    the background while DuckDB reads the store (most of such a command's time is loading libraries)."""
    from skam_core.domain import clock
    from skam_core.domain.asof import AsOf

    today = clock.today()
    try:
        as_of = parse_as_of(args.as_of, today)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    threading.Thread(target=importlib.import_module, args=(preload,), daemon=True).start()
    store = open_store(args, wait=args.wait)
    try:
        result = view(store, AsOf.at(as_of, today))
    finally:
        store.close()
    if args.json:
        print(json.dumps(as_json(result), ensure_ascii=False, indent=2, allow_nan=False))
    else:
        print(as_text(result))
    return 0
