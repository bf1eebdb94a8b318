"""SQL names that cannot be ``?`` parameters. A table, a column or a type in a statement is text of the SQL
itself; the few statements that take one from code (bulk inserts, COPY, temporary tables) check it here first,
so that nothing but a plain name can ever reach the SQL that way, whatever a caller passes."""

from __future__ import annotations

import re
from collections.abc import Iterable

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_TYPE = re.compile(r"[A-Za-z][A-Za-z ]*(\(\d+(, ?\d+)?\))?\Z")  # DATE, DOUBLE, DECIMAL(18,2), TIMESTAMP WITH TIME ZONE


def name(text: str) -> str:
    """``text`` if it is a plain SQL name (letters, digits, underscores; no quote, space or dot), else ValueError."""
    if not isinstance(text, str) or not _NAME.match(text):
        raise ValueError(f"not a plain SQL name: {text!r}")
    return text


def names(texts: Iterable[str]) -> list[str]:
    return [name(t) for t in texts]


def sql_type(text: str) -> str:
    """``text`` if it is a plain SQL type name, else ValueError."""
    if not isinstance(text, str) or not _TYPE.match(text):
        raise ValueError(f"not a plain SQL type: {text!r}")
    return text
