"""``import customers|financials|kpis FILE [--dry-run] [--known-since WHEN]`` and
``import stakeholders|opportunities|milestones FILE [--mapping FILE.toml|NAME] [--dry-run]``: all or nothing,
every problem on stderr. ``--known-since`` back-dates a history load (``skam_core.io.known_since``);
``--mapping`` reads a CRM's export (``skam_core.io.crm_mapping``; built in: Salesforce and HubSpot)."""

from __future__ import annotations

import sys

from skam_core.commands.common import Progress, add_wait_option, cli_user, open_store
from skam_core.domain import clock
from skam_core.io.crm_mapping import MappingError, built_in_names, load_mapping
from skam_core.io.import_files import KINDS, OPTIONAL, PLAN_KINDS, REQUIRED
from skam_core.io.known_since import parse_option
from skam_core.services import imports


def register(sub) -> None:
    p = sub.add_parser(
        "import", help="import customers, financials, KPI values or plan content (from a CRM) from CSV or XLSX"
    )
    p.add_argument("kind", choices=KINDS)
    p.add_argument("file", help="a .csv (also as German Excel writes it) or .xlsx file")
    p.add_argument("--dry-run", action="store_true", help="check the file and report counts; write nothing")
    p.add_argument(
        "--known-since",
        metavar="WHEN",
        help="a history load: every row known from the end of this day (YYYY-MM-DD) or, for financials,"
        " month-end+N (each month known N days after it ends); a known_since column overrides it per row",
    )
    p.add_argument(
        "--mapping",
        metavar="FILE.toml|NAME",
        help="stakeholders, opportunities, milestones: read a CRM's export through a mapping of its headers and"
        " values, a .toml file or a built-in one (" + ", ".join(built_in_names()) + ")",
    )
    add_wait_option(p)
    p.set_defaults(func=run)


def run(args) -> int:
    known_since = None
    if args.known_since:
        try:
            known_since = parse_option(args.known_since, args.kind, clock.today())
        except ValueError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    mapping = None
    if args.mapping:
        if args.kind not in PLAN_KINDS:
            print(f"error: --mapping applies to {', '.join(PLAN_KINDS)} only", file=sys.stderr)
            return 2
        try:
            mapping = load_mapping(args.mapping, args.kind, REQUIRED[args.kind] + OPTIONAL[args.kind])
        except MappingError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    store = open_store(args, wait=args.wait)
    try:
        result = imports.import_file(
            store,
            cli_user(),
            args.kind,
            args.file,
            dry_run=args.dry_run,
            known_since=known_since,
            mapping=mapping,
            progress=Progress(f"import {args.kind}"),
        )
    finally:
        store.close()
    for w in result.warnings:
        print(f"warning: {w}", file=sys.stderr)
    if not result.ok:
        for p in result.problems:
            print(p, file=sys.stderr)
        print(f"{len(result.problems)} problem(s); nothing was imported.", file=sys.stderr)
        return 1
    print(result.summary())
    for line in result.changes:
        print(f"  {line}")
    if result.more_changes:
        print(f"  ... and {result.more_changes} more")
    return 0
