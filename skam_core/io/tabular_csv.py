"""The body of a CSV file as raw string cells, indexed by Excel row number (``tabular.read_table`` reads the
header and hands over).

Arrow's reader (about ten times faster than Python's on millions of rows) reads a regular file; anything it
cannot (a ragged row, a quoted line break, blank lines, which would shift its row numbers) goes to the strict
reader, which names the row of each problem.
"""

from __future__ import annotations

import csv
import io

import numpy as np
import pandas as pd

from skam_core.io.tabular import MAX_CELL_CHARS, MAX_PROBLEMS, ROW_INDEX, Dialect, FileProblem


def read_body(raw: bytes, codec: str, dialect: Dialect, names: list[str]) -> pd.DataFrame:
    end = len(raw)  # the end of the text without its final line breaks (raw.rstrip would copy every byte)
    while end and raw[end - 1] in b"\r\n":
        end -= 1
    # "\n\r\n" looked for only in a file with CRs at all: a two-byte search of hundreds of MB is slow.
    blank_lines = raw.find(b"\n\n", 0, end) >= 0 or (raw.find(b"\r", 0, end) >= 0 and raw.find(b"\n\r\n", 0, end) >= 0)
    df = None if blank_lines else _read_arrow(raw, dialect, names)
    if df is None:
        df = _read_strict(raw, codec, dialect, names)
        if len(df):
            df = df[df.ne("").any(axis=1)]  # a row of empty cells (';;;' as Excel writes an empty row) is no data
    return df


def _read_arrow(raw: bytes, dialect: Dialect, names: list[str]) -> pd.DataFrame | None:
    """Every cell as text, or None when Arrow refuses the file (the strict reader then says why)."""
    import pyarrow as pa
    import pyarrow.compute as pac
    import pyarrow.csv as pacsv

    try:
        table = pacsv.read_csv(
            io.BytesIO(raw),
            read_options=pacsv.ReadOptions(
                encoding="utf8" if dialect.encoding == "utf-8" else dialect.encoding,
                column_names=[f"c{i}" for i in range(len(names))],
                skip_rows=1,
            ),
            parse_options=pacsv.ParseOptions(delimiter=dialect.delimiter, ignore_empty_lines=False),
            convert_options=pacsv.ConvertOptions(
                column_types={f"c{i}": pa.string() for i in range(len(names))},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowInvalid, UnicodeDecodeError):
        return None
    # Byte lengths come from the offsets without reading a character; a cell has no more characters than bytes,
    # so the characters are counted only in a column with a cell of more bytes than the limit.
    lengths = [pac.binary_length(col) for col in table.columns]
    for col, length in zip(table.columns, lengths, strict=True):
        if len(col) and pac.max(length).as_py() > MAX_CELL_CHARS:
            if pac.max(pac.utf8_length(col)).as_py() > MAX_CELL_CHARS:
                return None  # the strict reader names the row
    if len(table) and pac.any(pac.starts_with(table.column(0), "\ufeff")).as_py():  # a BOM inside the data
        return None  # read it strictly
    # A row of empty cells (';;;' as Excel writes an empty row) is no data. Found on Arrow's columns: the same
    # test on the pandas frame took about a second at 6 M rows.
    rows = np.arange(2, 2 + len(table), dtype=np.int64)
    if len(table):
        empty = pac.equal(lengths[0], 0)
        for length in lengths[1:]:
            empty = pac.and_(empty, pac.equal(length, 0))
        if pac.any(empty).as_py():
            keep = pac.invert(empty)
            table, rows = table.filter(keep), rows[keep.to_numpy(zero_copy_only=False)]
    df = table.to_pandas()
    df.columns = names
    df.index = pd.Index(rows, name=ROW_INDEX)
    return df


def _read_strict(raw: bytes, codec: str, dialect: Dialect, names: list[str]) -> pd.DataFrame:
    """Python's CSV reader, record by record: the Excel row of a record counts the blank lines before it."""
    text = raw.decode(codec)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=dialect.delimiter, skipinitialspace=True)
    width = len(names)
    columns: list[list[str]] = [[] for _ in names]
    rows: list[int] = []
    problems: list[tuple[int, str, str]] = []
    excel_row = 0
    try:
        for record in reader:
            excel_row += 1
            if excel_row == 1:
                continue  # the header, already checked
            if len(record) > width and any(v.strip() for v in record[width:]):
                problems.append(
                    (
                        excel_row,
                        f"column_{width + 1}",
                        f"the row has {len(record)} values but the header names {width} columns "
                        "(a value without a heading, or a separator too many)",
                    )
                )
            for i, v in enumerate(record[:width]):
                if len(v) > MAX_CELL_CHARS:
                    problems.append((excel_row, names[i], f"the cell is longer than {MAX_CELL_CHARS} characters"))
            if len(problems) >= MAX_PROBLEMS:
                break
            if not record:
                continue  # a blank line: no data, but a row as Excel counts
            record = record[:width] + [""] * (width - len(record))
            for col, v in zip(columns, record, strict=True):
                col.append(v)
            rows.append(excel_row)
    except csv.Error as exc:
        row = excel_row + 1
        if "field limit" in str(exc):
            problems.append((row, "-", f"a cell is longer than {MAX_CELL_CHARS} characters"))
        else:
            problems.append((row, "-", f"the CSV cannot be read here: {exc}"))
    if problems:
        (row, column, message), *more = problems
        raise FileProblem(message, row=row, column=column, more=more)
    df = pd.DataFrame(dict(zip(names, columns, strict=True)), dtype=object)
    df.index = pd.Index(rows, name=ROW_INDEX, dtype="int64")
    return df
