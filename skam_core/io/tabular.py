"""Read CSV and XLSX files into a DataFrame of raw cell values, whatever Excel wrote.

CSV comes in two dialects: the international one (comma, decimal point, UTF-8) and the one German Excel
writes (semicolon, decimal comma, Windows-1252). The dialect is recognised from the header line; cells stay
strings here, numbers are parsed later with the dialect's decimal separator.
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pandas as pd

MAX_BYTES = 2 * 1024**3  # 2 GiB: the benchmark's 6 M rows are ~250 MB


class FileProblem(ValueError):
    """The file as a whole cannot be read (wrong type, encoding, empty, no header)."""


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
    raise FileProblem("the file is neither UTF-8 nor Windows-1252 text")


def _encoding(codec: str) -> str:
    return "utf-8" if codec == "utf-8-sig" else codec


def _head(raw: bytes, codec: str) -> str:
    """The first HEAD_CHARS characters of the text (a UTF-8 character takes at most 4 bytes)."""
    return codecs.getincrementaldecoder(codec)().decode(raw[: 4 * HEAD_CHARS + 4])[:HEAD_CHARS]


def sniff_csv(head: str) -> Dialect:
    first = head.splitlines()[0] if head.strip() else ""
    if not first.strip():
        raise FileProblem("the file is empty: a header row is needed")
    counts = {d: first.count(d) for d in (";", ",", "\t")}
    delimiter = max(counts, key=lambda d: counts[d])
    if counts[delimiter] == 0:
        delimiter = ","
    # German Excel writes semicolons because the comma is its decimal separator.
    return Dialect("csv", delimiter=delimiter, decimal="," if delimiter == ";" else ".")


def read_table(source: Path | str | bytes, *, name: str | None = None) -> tuple[pd.DataFrame, Dialect]:
    """Read a file (path or uploaded bytes) into raw string cells; column names stripped and lower-cased.

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
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(raw), Dialect("xlsx")
    if suffix not in (".csv", ".txt", ""):
        raise FileProblem(f"'{suffix}' files are not supported: use .csv or .xlsx")
    if raw[:4] == b"PK\x03\x04":
        raise FileProblem("this looks like an Excel workbook: save it with the extension .xlsx")
    codec = _codec(raw)
    dialect = sniff_csv(_head(raw, codec))
    dialect = Dialect("csv", dialect.delimiter, dialect.decimal, _encoding(codec))
    fast = _read_csv_arrow(raw, dialect)
    if fast is not None:
        return fast, dialect
    try:
        df = pd.read_csv(
            io.StringIO(raw.decode(codec)),
            sep=dialect.delimiter,
            dtype=str,
            keep_default_na=False,
            na_filter=False,
            skipinitialspace=True,
            quoting=csv.QUOTE_MINIMAL,
            engine="c",
        )
    except pd.errors.ParserError as exc:
        raise FileProblem(f"the CSV cannot be parsed: {exc}") from exc
    except pd.errors.EmptyDataError as exc:
        raise FileProblem("the file is empty: a header row is needed") from exc
    df.columns = [str(c).strip().lower() for c in df.columns]
    return df, dialect


def _read_csv_arrow(raw: bytes, dialect: Dialect) -> pd.DataFrame | None:
    """Arrow's CSV reader (about ten times faster than pandas' on millions of rows), every cell as text. None
    when the file is unusual (duplicate headers, ragged rows, ...): then pandas reads it and reports the problem."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    first = raw.split(b"\n", 1)[0].decode(dialect.encoding if dialect.encoding != "utf-8" else "utf-8-sig", "replace")
    header = next(csv.reader([first.rstrip("\r")], delimiter=dialect.delimiter), [])
    names = [h.strip() for h in header]
    if not names or len(set(names)) != len(names) or any(not n for n in names):
        return None
    try:
        table = pacsv.read_csv(
            io.BytesIO(raw),
            read_options=pacsv.ReadOptions(
                encoding="utf8" if dialect.encoding == "utf-8" else dialect.encoding, column_names=names, skip_rows=1
            ),
            parse_options=pacsv.ParseOptions(delimiter=dialect.delimiter),
            convert_options=pacsv.ConvertOptions(
                column_types={n: pa.string() for n in names},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowInvalid, UnicodeDecodeError):
        return None
    df = table.to_pandas()
    if names and df[names[0]].str.startswith("\ufeff").any():  # a BOM that survived: let pandas handle it
        return None
    df.columns = [str(c).strip().lower() for c in df.columns]
    return df


def _cell(v: object) -> object:
    if v is None:
        return ""
    if isinstance(v, datetime):
        return v.date().isoformat() if v.time() == datetime.min.time() else v.isoformat()
    if isinstance(v, date):
        return v.isoformat()
    return v


def _read_xlsx(raw: bytes) -> pd.DataFrame:
    from openpyxl import load_workbook  # imported here: only XLSX imports need it

    try:
        wb = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a broken file
        raise FileProblem(f"the workbook cannot be opened: {exc}") from exc
    ws = wb.worksheets[0]
    rows = ws.iter_rows(values_only=True)
    header = next(rows, None)
    if not header or all(h is None for h in header):
        raise FileProblem("the first sheet is empty: a header row is needed")
    cols = [str(h).strip().lower() if h is not None else f"column_{i + 1}" for i, h in enumerate(header)]
    data = [[_cell(v) for v in r] for r in rows]
    wb.close()
    # Excel leaves fully empty trailing rows behind; they are not data.
    while data and all(v == "" for v in data[-1]):
        data.pop()
    return pd.DataFrame(data, columns=cols, dtype=object)
