"""The differences between the two store engines, named in one place: the embedded DuckDB file (the default)
and a PostgreSQL server (``SKAM_DB=postgresql://…``, for several app processes over one store).

The product's SQL is written once, in the portable subset both engines read (``?`` placeholders, ``count(*)
FILTER``, ``percentile_cont(ARRAY[…]) WITHIN GROUP``, ``x = ANY(?::VARCHAR[])``, ``IN``/``NOT EXISTS`` instead
of DuckDB's SEMI/ANTI JOIN). What cannot be written portably is a fragment built here, per dialect; the
placeholder style and the migrations' type names are translated for PostgreSQL by :func:`postgres_sql` and
:func:`postgres_ddl`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def is_postgres_url(location: str | Path) -> bool:
    """Whether a store location names a PostgreSQL database (anything else is a DuckDB file)."""
    return isinstance(location, str) and location.startswith(POSTGRES_SCHEMES)


def redact(url: str) -> str:
    """A PostgreSQL URL fit for messages and logs: the password replaced by ***."""
    return re.sub(r"(://[^:/@]+:)[^@]*@", r"\1***@", url)


@dataclass(frozen=True)
class Dialect:
    """One engine's SQL where the engines differ."""

    name: str  # "duckdb" | "postgresql"

    @property
    def is_postgres(self) -> bool:
        return self.name == "postgresql"

    def arg_max(self, value: str, by: str) -> str:
        """The aggregate "``value`` of the row with the largest ``by``" (ties: any one of them)."""
        if self.is_postgres:
            return f"(array_agg({value} ORDER BY {by} DESC))[1]"
        return f"arg_max({value}, {by})"

    def key_hash(self, column: str) -> str:
        """A 64-bit hash of a text column, to group millions of rows by it in numpy without moving strings."""
        if self.is_postgres:
            return f"hashtextextended({column}, 0)"
        return f"hash({column})"

    @property
    def checkpoint_sql(self) -> str | None:
        """What makes committed data durable in the main file: DuckDB's CHECKPOINT; PostgreSQL checkpoints
        itself (and its CHECKPOINT needs a superuser)."""
        return None if self.is_postgres else "CHECKPOINT"


DUCKDB = Dialect("duckdb")
POSTGRES = Dialect("postgresql")


def of(cur: Any) -> Dialect:
    """The dialect of a cursor handed to a storage function (PostgreSQL cursors carry theirs)."""
    return getattr(cur, "dialect", DUCKDB)


def _outside_literals(sql: str) -> list[tuple[bool, str]]:
    """``sql`` cut into (is_code, text) pieces: quoted strings, quoted identifiers and ``--`` comments are not
    code (a comment's apostrophe starts no string)."""
    pieces = re.split(r"('(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|--[^\n]*)", sql)
    return [(i % 2 == 0, part) for i, part in enumerate(pieces)]


@lru_cache(maxsize=4096)
def postgres_sql(sql: str) -> str:
    """A statement with ``?`` placeholders in psycopg's style: ``%s``, and a literal ``%`` doubled."""
    out = []
    for code, part in _outside_literals(sql):
        part = part.replace("%", "%%")
        out.append(part.replace("?", "%s") if code else part)
    return "".join(out)


# Type names of the migrations that PostgreSQL spells differently (DuckDB reads the PostgreSQL names too, but
# the migrations stay as they were written and applied to existing DuckDB stores).
_DDL_TYPES = ((re.compile(r"\bDOUBLE\b(?!\s+PRECISION)", re.IGNORECASE), "DOUBLE PRECISION"),)


def postgres_ddl(sql: str) -> str:
    """A migration written for DuckDB, as PostgreSQL reads it (type names; comments and literals untouched)."""
    out = []
    for code, part in _outside_literals(sql):
        if code:
            for pattern, replacement in _DDL_TYPES:
                part = pattern.sub(replacement, part)
        out.append(part)
    return "".join(out)
