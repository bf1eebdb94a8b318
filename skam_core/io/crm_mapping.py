"""Mapping files (TOML) that turn a CRM's or project tool's export into the product's import columns: which
header feeds which column, how the tool's values translate into the product's (stages, departments, contact
roles), and what a new item gets where the tool knows nothing (a stakeholder's attitude, say).

A mapping reads the file's columns only through itself: a Salesforce ``Type`` is not the product's ``type``
unless the mapping says so. Built-in mappings for the standard exports of Salesforce and HubSpot live next to
this module (``crm_mappings/*.toml``) and are named without the extension; any other mapping is a ``.toml``
file. The format is described in docs/moving-in.md.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd

from skam_core.io.columns import as_text

BUILT_IN_PACKAGE = "skam_core.io.crm_mappings"
FALLBACK = "*"  # a value map's entry for every value it does not list


class MappingError(ValueError):
    """A mapping file that cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class Source:
    """Where a product column comes from: one of ``alternatives`` (the first header the file has), or the
    non-empty cells of several headers joined by a space (``join``; each part has its own alternatives)."""

    alternatives: tuple[str, ...] = ()
    join: tuple[tuple[str, ...], ...] = ()

    def label(self) -> str:
        if self.join:
            return " + ".join(p[0] for p in self.join)
        return self.alternatives[0]


@dataclass(frozen=True)
class CrmMapping:
    name: str
    kind: str | None
    columns: dict[str, Source]
    values: dict[str, dict[str, str]] = field(default_factory=dict)  # column -> lower-case tool value -> value
    defaults: dict[str, str] = field(default_factory=dict)  # column -> value for new items
    date_formats: tuple[str, ...] = ()  # strptime formats besides ISO

    def translate(self, column: str, text: pd.Series) -> pd.Series:
        """Cells of ``column`` with the tool's values replaced by the product's (case-insensitive; the
        fallback ``*`` for any other non-empty value). Values the map does not list stay as they are and meet
        the column's own check."""
        table = self.values.get(column)
        if not table:
            return text
        keys = text.str.lower()
        out = keys.map(table)
        if FALLBACK in table:
            out = out.where(out.notna() | (text == ""), table[FALLBACK])
        return out.where(out.notna(), text).astype(str)

    def apply(self, df: pd.DataFrame, required: tuple[str, ...]) -> tuple[pd.DataFrame, dict[str, str], list[str]]:
        """(the product's columns as text, the file header each came from, problems of the header). A mapped
        column none of whose headers the file has is left out, or a problem when it is ``required``."""
        present = set(df.columns)
        out: dict[str, pd.Series] = {}
        origin: dict[str, str] = {}
        problems: list[str] = []
        for column, source in self.columns.items():
            if source.join:
                parts = [next((h for h in alts if h.lower() in present), None) for alts in source.join]
                found = [p for p in parts if p is not None]
                if not found:
                    if column in required:
                        problems.append(self._missing(source.join[0][0], column, source))
                    continue
                texts = [as_text(df[p.lower()]) for p in found]
                joined = texts[0]
                for t in texts[1:]:
                    joined = (joined + " " + t).str.strip()
                out[column], origin[column] = joined, " + ".join(found)
                continue
            header = next((h for h in source.alternatives if h.lower() in present), None)
            if header is None:
                if column in required:
                    problems.append(self._missing(source.alternatives[0], column, source))
                continue
            out[column], origin[column] = self.translate(column, as_text(df[header.lower()])), header
        return pd.DataFrame(out, index=df.index), origin, problems

    def _missing(self, header: str, column: str, source: Source) -> str:
        heads = source.alternatives or tuple(a for alts in source.join for a in alts)
        return (
            f"row 1, column {header}: required column is missing (the mapping {self.name} reads {column} from "
            + " or ".join(heads)
            + ")"
        )


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str) and value.strip():
        return (value.strip(),)
    if isinstance(value, list) and value and all(isinstance(v, str) and v.strip() for v in value):
        return tuple(v.strip() for v in value)
    raise MappingError(f"{where}: give a header, or a list of headers (the first one the file has is used)")


def _source(value: Any, where: str) -> Source:
    if isinstance(value, dict):
        if set(value) != {"join"} or not isinstance(value["join"], list) or not value["join"]:
            raise MappingError(f"{where}: a table here must be {{ join = [header, header, ...] }}")
        return Source(join=tuple(_strings(v, f"{where}.join") for v in value["join"]))
    return Source(alternatives=_strings(value, where))


def _scalar(value: Any, where: str) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (str, int, float)):
        return str(value).strip()
    raise MappingError(f"{where}: give a text, number or true/false")


def _extend(data: dict[str, Any], name: str) -> dict[str, Any]:
    """A mapping that ``extends`` a built-in one: the built-in's tables with this file's entries on top (a
    company's mapping is then only its account table: ``[values.customer_id]``)."""
    base_name = data.pop("extends")
    if not isinstance(base_name, str) or base_name not in built_in_names():
        raise MappingError(f"mapping {name}: extends {base_name!r}, which is not a built-in mapping")
    base = tomllib.loads(resources.files(BUILT_IN_PACKAGE).joinpath(base_name + ".toml").read_text(encoding="utf-8"))
    merged = {**base, **{k: v for k, v in data.items() if k not in ("columns", "values", "defaults")}}
    for section in ("columns", "defaults"):
        merged[section] = {**base.get(section, {}), **data.get(section, {})}
    values = {c: dict(t) for c, t in base.get("values", {}).items()}
    for c, t in data.get("values", {}).items():
        values[c] = {**values.get(c, {}), **t} if isinstance(t, dict) else t
    merged["values"] = values
    return merged


def parse_mapping(text: str, name: str, kind: str, columns: tuple[str, ...]) -> CrmMapping:
    """A mapping for an import of ``kind`` whose product columns are ``columns``; MappingError names the
    first thing wrong."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise MappingError(f"mapping {name}: not a TOML file: {exc}") from None
    if "extends" in data:
        data = _extend(data, name)
    known = {"kind", "title", "date_format", "columns", "values", "defaults"}
    unknown = sorted(set(data) - known)
    if unknown:
        raise MappingError(f"mapping {name}: unknown key(s) {', '.join(unknown)} (known: {', '.join(sorted(known))})")
    declared = data.get("kind")
    if declared is not None and declared != kind:
        raise MappingError(f"mapping {name}: it is a mapping for {declared}, not for {kind}")

    def column(c: str, section: str) -> str:
        if c not in columns:
            raise MappingError(
                f"mapping {name}: [{section}] {c}: not a column of the {kind} import (one of {', '.join(columns)})"
            )
        return c

    cols = data.get("columns")
    if not isinstance(cols, dict) or not cols:
        raise MappingError(f"mapping {name}: a [columns] table is needed (product column = the file's header)")
    sources = {column(c, "columns"): _source(v, f"mapping {name}: [columns] {c}") for c, v in cols.items()}
    values: dict[str, dict[str, str]] = {}
    for c, table in (data.get("values") or {}).items():
        if not isinstance(table, dict):
            raise MappingError(f"mapping {name}: [values.{c}] must be a table of the tool's value = the product's")
        values[column(c, f"values.{c}")] = {
            str(k).strip().lower(): _scalar(v, f"mapping {name}: [values.{c}] {k}") for k, v in table.items()
        }
    defaults = {
        column(c, "defaults"): _scalar(v, f"mapping {name}: [defaults] {c}")
        for c, v in (data.get("defaults") or {}).items()
    }
    fmt = data.get("date_format")
    formats = () if fmt is None else _strings(fmt, f"mapping {name}: date_format")
    return CrmMapping(name, declared, sources, values, defaults, formats)


def built_in_names(kind: str | None = None) -> list[str]:
    """The built-in mappings (for ``kind``: those made for it), by name."""
    names = []
    for entry in resources.files(BUILT_IN_PACKAGE).iterdir():
        if entry.name.endswith(".toml"):
            if kind is None or tomllib.loads(entry.read_text(encoding="utf-8")).get("kind") == kind:
                names.append(entry.name.removesuffix(".toml"))
    return sorted(names)


def load_mapping(ref: str, kind: str, columns: tuple[str, ...]) -> CrmMapping:
    """A mapping by reference: a ``.toml`` file, or the name of a built-in one (``salesforce-contacts``)."""
    if ref.lower().endswith(".toml"):
        path = Path(ref)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise MappingError(f"mapping {ref}: cannot be read ({exc.__class__.__name__}: {exc})") from None
        return parse_mapping(text, path.name, kind, columns)
    name = Path(ref).name  # a handed-over job gets the caller's directory in front of a bare name
    if name not in built_in_names():
        raise MappingError(
            f"mapping {name}: neither a .toml file nor a built-in mapping (built in for {kind}: "
            + (", ".join(built_in_names(kind)) or "none")
            + ")"
        )
    text = resources.files(BUILT_IN_PACKAGE).joinpath(name + ".toml").read_text(encoding="utf-8")
    return parse_mapping(text, name, kind, columns)
