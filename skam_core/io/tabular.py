"""Read CSV and XLSX files into a DataFrame of raw cell values, whatever Excel wrote, and refuse what is unclear.

CSV comes in two dialects: the international one (comma, decimal point, UTF-8) and the one German Excel
writes (semicolon, decimal comma, Windows-1252). The dialect is recognised from the header line; cells stay
strings here, numbers are parsed later (``io.columns``) by the dialect's rules, which refuse a separator that
does not fit them.

The reader is strict: a header line naming a column twice, a row with more values than the header has
columns, NUL bytes, a cell longer than Excel allows and a header that lacks a required column are refused
before anything is interpreted (``FileProblem`` names the row and column). UTF-16 text (Excel's "Unicode
text") is decoded; any line ending (LF, CRLF, CR) is read. The frame's index is the Excel row number of each
row (the header is row 1; blank lines count, as Excel shows them), named ``row``.
"""

from __future__ import annotations

import codecs
import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

MAX_BYTES = 2 * 1024**3  # 2 GiB: the benchmark's 6 M rows are ~250 MB
MAX_HEADER_CHARS = 64 * 1024  # a header of a few dozen columns is a few hundred characters
MAX_CELL_CHARS = 32_767  # Excel's own limit for a cell
MAX_PROBLEMS = 50  # a file that is wrong everywhere is not listed row by row to the end
ROW_INDEX = "row"


class FileProblem(ValueError):
    """The file cannot be read as a table (wrong type, encoding, shape, header). ``items`` are the problems as
    (row, column, message); the exception's text is the first message."""

    def __init__(self, message: str, *, row: int = 1, column: str = "-", more: Sequence[tuple[int, str, str]] = ()):
        super().__init__(message)
        self.items = [(row, column, message), *more]

    def lines(self) -> list[str]:
        return [f"row {r}, column {c}: {m}" for r, c, m in self.items]


@dataclass(frozen=True)
class Dialect:
    kind: str  # csv | xlsx
    delimiter: str = ","
    decimal: str = "."
    encoding: str = "utf-8"

    @property
    def german(self) -> bool:
        return self.decimal == ","


HEAD_CHARS = 10_000  # what the dialect is recognised from
_CHUNK = 1 << 22  # bytes checked at a time: the decoded text of a large file is never held as a whole


def _codec(raw: bytes) -> str:
    """The codec that decodes all of ``raw``: UTF-8 (with or without BOM), else Windows-1252. Checked chunk by
    chunk, so that a file of hundreds of MB is not held as text besides its bytes."""
    view = memoryview(raw)
    for codec in ("utf-8-sig", "cp1252"):
        decoder = codecs.getincrementaldecoder(codec)()
        try:
            for start in range(0, len(view), _CHUNK):
                decoder.decode(view[start : start + _CHUNK])
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            continue
        return codec
    raise FileProblem("the file is neither UTF-8 nor Windows-1252 text: save it as 'CSV UTF-8'")


def _encoding(codec: str) -> str:
    return "utf-8" if codec == "utf-8-sig" else codec


def _head(raw: bytes, codec: str) -> str:
    """The first HEAD_CHARS characters of the text (a UTF-8 character takes at most 4 bytes)."""
    return codecs.getincrementaldecoder(codec)().decode(raw[: 4 * HEAD_CHARS + 4])[:HEAD_CHARS]


def _utf16_codec(raw: bytes) -> str | None:
    """'utf-16' (with BOM), 'utf-16-le'/'-be' (without, recognised by the zero bytes of ASCII text) or None."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    head = raw[:4096]
    if len(head) >= 8 and head.count(0) * 3 >= len(head):
        even, odd = head[0::2].count(0), head[1::2].count(0)
        if odd > 3 * max(even, 1):
            return "utf-16-le"
        if even > 3 * max(odd, 1):
            return "utf-16-be"
    return None


def _as_text_bytes(raw: bytes) -> bytes:
    """UTF-16 recoded as UTF-8; NUL bytes refused (a binary file or a broken export); CR-only line endings
    made LF (Python's and Arrow's CSV readers know LF and CRLF)."""
    utf16 = _utf16_codec(raw)
    if utf16 is not None:
        try:
            raw = raw.decode(utf16).encode("utf-8")
        except UnicodeDecodeError as exc:
            raise FileProblem("the file looks like UTF-16 text but cannot be decoded: save it as 'CSV UTF-8'") from exc
    nul = raw.find(b"\x00")
    if nul >= 0:
        raise FileProblem(
            "the file contains NUL bytes: it is not a CSV text file (save it as 'CSV UTF-8')",
            row=raw.count(b"\n", 0, nul) + 1,
        )
    if b"\r" in raw and raw.count(b"\r") != raw.count(b"\r\n"):
        raw = raw.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    return raw


def sniff_csv(head: str) -> Dialect:
    first = head.splitlines()[0] if head.strip() else ""
    if not first.strip():
        raise FileProblem("the file is empty: a header row is needed")
    counts = {d: first.count(d) for d in (";", ",", "\t")}
    ranked = sorted(counts, key=lambda d: counts[d], reverse=True)
    delimiter = ranked[0] if counts[ranked[0]] else ","
    if counts[ranked[0]] and counts[ranked[0]] == counts[ranked[1]]:
        shown = {";": "';'", ",": "','", "\t": "tab"}
        raise FileProblem(
            f"the header has as many {shown[ranked[0]]} as {shown[ranked[1]]}: it is unclear which one separates "
            "the columns"
        )
    # German Excel writes semicolons because the comma is its decimal separator.
    return Dialect("csv", delimiter=delimiter, decimal="," if delimiter == ";" else ".")


def check_header(header: Sequence[object], required: Sequence[str]) -> list[str]:
    """Column names (stripped, lower-cased; an empty heading becomes column_N) after refusing a header that
    names a column twice or lacks a required one."""
    names = [
        str(h).strip().lower() if h is not None and str(h).strip() else f"column_{i + 1}" for i, h in enumerate(header)
    ]
    problems = [(1, c, "the column appears more than once") for c in sorted({c for c in names if names.count(c) > 1})]
    problems += [(1, c, "required column is missing") for c in required if c not in names]
    if problems:
        raise FileProblem(problems[0][2], row=1, column=problems[0][1], more=problems[1:])
    return names


def read_table(
    source: Path | str | bytes, *, name: str | None = None, required: Sequence[str] = ()
) -> tuple[pd.DataFrame, Dialect]:
    """Read a file (path or uploaded bytes) into raw cells, indexed by Excel row number; column names
    stripped and lower-cased. ``required`` columns are checked before the body is read.

    ``name`` gives the type (by extension) for uploaded bytes; the name is never used as a path.
    """
    if isinstance(source, (str, Path)):
        path = Path(source)
        if not path.is_file():
            raise FileProblem(f"{path} does not exist or is not a file")
        if path.stat().st_size > MAX_BYTES:
            raise FileProblem("the file is larger than 2 GB")
        suffix = path.suffix.lower()
        raw = path.read_bytes()
    else:
        raw = source
        suffix = Path(name or "upload.csv").suffix.lower()
        if len(raw) > MAX_BYTES:
            raise FileProblem("the file is larger than 2 GB")
    if suffix in (".xlsx", ".xlsm"):
        from skam_core.io.tabular_xlsx import read_xlsx  # only XLSX imports need openpyxl

        return read_xlsx(raw, required), Dialect("xlsx")
    if suffix not in (".csv", ".txt", ""):
        raise FileProblem(f"'{suffix}' files are not supported: use .csv or .xlsx")
    if raw[:4] == b"PK\x03\x04":
        raise FileProblem("this looks like an Excel workbook: save it with the extension .xlsx")
    raw = _as_text_bytes(raw)
    codec = _codec(raw)
    first = raw.split(b"\n", 1)[0]
    if len(first) > MAX_HEADER_CHARS:
        raise FileProblem(f"the header line is longer than {MAX_HEADER_CHARS} characters: is this a CSV file?")
    dialect = sniff_csv(_head(raw, codec))
    dialect = Dialect("csv", dialect.delimiter, dialect.decimal, _encoding(codec))
    header_text = first.decode(codec, "replace").rstrip("\r")
    names = check_header(next(csv.reader([header_text], delimiter=dialect.delimiter), []), required)
    from skam_core.io.tabular_csv import read_body  # the body readers (Arrow's fast one, the strict one)

    return read_body(raw, codec, dialect, names), dialect
