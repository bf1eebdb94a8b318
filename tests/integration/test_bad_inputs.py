"""The corpus of tests/data/bad_inputs through the command line, as an import job runs it: every bad file is
refused with exit 1, a message ``row N, column C: ...`` and no traceback, and the store is unchanged; every
good file (unusual but valid: CR-only lines, UTF-16, blank lines, grouped numbers, an XLSX without
<dimension>) is read to the values written in it."""

from __future__ import annotations

import contextlib
import io
import shutil
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from skam_core.cli import main
from tests.conftest import ROOT

CORPUS = ROOT / "tests" / "data" / "bad_inputs"

# file, kind, the problem lines the CLI must print (each in full)
REFUSED = [
    ("bad_de_dot_decimal.csv", "financials", ["row 2, column revenue: '91.5' is not a number in the German form"]),
    ("bad_de_us_grouping.csv", "financials", ["row 2, column revenue: '1,234.56' is not a number in the German"]),
    ("bad_de_two_dots.csv", "financials", ["row 2, column revenue: '1.2.3,4' is not a number in the German form"]),
    ("bad_de_short_group.csv", "financials", ["row 2, column revenue: '1.23,4' is not a number in the German form"]),
    ("bad_intl_spaced_digits.csv", "financials", ["row 2, column revenue: '1 2 3' is not a number"]),
    ("bad_intl_german_number.csv", "financials", ["row 2, column revenue: '1.234,5' is not a number"]),
    ("bad_intl_bad_grouping.csv", "financials", ["row 2, column revenue: '12,34' is not a number"]),
    ("bad_revenue_inf.csv", "financials", ["row 2, column revenue: 'inf' is not a number"]),
    ("bad_revenue_nan.csv", "financials", ["row 2, column operating_profit: 'NaN' is not a number"]),
    ("bad_revenue_exponent_only.csv", "financials", ["row 2, column revenue: 'e5' is not a number"]),
    ("bad_revenue_huge.csv", "financials", ["row 2, column revenue: 1.7e308 lies outside the plausible range"]),
    ("bad_profit_beyond_1e15.csv", "financials", ["row 2, column operating_profit: -2e15 lies outside the plausible"]),
    ("bad_kpi_value_huge.csv", "kpis", ["row 2, column value: 1e300 lies outside the plausible range ±10^15"]),
    ("bad_ragged_customers.csv", "customers", ["row 2, column column_3: the row has 4 values but the header names 2"]),
    ("bad_ragged_financials.csv", "financials", ["row 3, column column_5: the row has 5 values but the header names"]),
    ("bad_dup_header_customers.csv", "customers", ["row 1, column name: the column appears more than once"]),
    ("bad_dup_header_financials.csv", "financials", ["row 1, column revenue: the column appears more than once"]),
    ("bad_dup_header_case.csv", "customers", ["row 1, column name: the column appears more than once"]),
    ("bad_missing_column.csv", "financials", ["row 1, column operating_profit: required column is missing"]),
    ("bad_ambiguous_delimiter.csv", "financials", ["row 1, column -: the header has as many ';' as ','"]),
    ("bad_empty.csv", "financials", ["row 1, column -: the file is empty: a header row is needed"]),
    ("bad_blank_then_error.csv", "customers", ["row 5, column name: is empty but required"]),
    ("bad_blank_then_error_de.csv", "financials", ["row 5, column revenue: 'x' is not a number in the German form"]),
    ("bad_quoted_newline_then_error.csv", "customers", ["row 3, column name: is empty but required"]),
    ("bad_short_row.csv", "financials", ["row 2, column operating_profit: is empty but required"]),
    ("bad_month_0000.csv", "financials", ["row 2, column month: '0000-01' lies outside the years 1990 to 2027"]),
    ("bad_month_0001.csv", "financials", ["row 2, column month: '0001-01' lies outside the years 1990 to 2027"]),
    ("bad_month_9999.csv", "financials", ["row 2, column month: '9999-12' lies outside the years 1990 to 2027"]),
    ("bad_month_13.csv", "financials", ["row 2, column month: '2021-13' is not a month YYYY-MM"]),
    ("bad_kpi_period_0000.csv", "kpis", ["row 2, column period: '0000-01' lies outside the years 1990 to 2027"]),
    ("bad_skam_start_9999.csv", "customers", ["row 2, column skam_start: '9999-12-31' lies outside the years"]),
    ("bad_skam_start_0001.csv", "customers", ["row 2, column skam_start: '0001-01-01' lies outside the years"]),
    ("bad_not_a_table.pdf", "financials", ["row 1, column -: '.pdf' files are not supported"]),
    ("bad_cr_only_then_error.csv", "financials", ["row 3, column customer_id: 'NOPE' is not a known customer"]),
    ("bad_first_line_200kb.csv", "customers", ["row 1, column -: the header line is longer than 65536 characters"]),
    ("bad_nul_bytes.csv", "financials", ["row 1, column -: the file contains NUL bytes"]),
    ("bad_nul_in_row.csv", "financials", ["row 3, column -: the file contains NUL bytes"]),
    ("bad_cell_40k.csv", "customers", ["row 2, column name: the cell is longer than 32767 characters"]),
    ("bad_cell_200k.csv", "customers", ["row 2, column -: a cell is longer than 32767 characters"]),
    ("bad_utf16_broken.csv", "customers", ["row 1, column -: the file looks like UTF-16 text but cannot be decoded"]),
    ("bad_binary.csv", "financials", ["row 1, column -: the file is neither UTF-8 nor Windows-1252 text"]),
    ("bad_xlsx_named_csv.csv", "financials", ["row 1, column -: this looks like an Excel workbook"]),
    ("bad_xlsx_no_dimension_wide_row.xlsx", "financials", ["row 2, column E: the row has a value in column E"]),
    ("bad_xlsx_dup_header.xlsx", "customers", ["row 1, column name: the column appears more than once"]),
    ("bad_xlsx_blank_then_error.xlsx", "customers", ["row 4, column name: is empty but required"]),
    ("bad_xlsx_month_0000.xlsx", "financials", ["row 2, column month: '0000-01' lies outside the years"]),
    ("bad_xlsx_huge_revenue.xlsx", "financials", ["row 2, column revenue: 1.7e+308 lies outside the plausible"]),
    ("bad_crm_unknown_customer.csv", "stakeholders", ["row 2, column customer_id: 'NOPE' is not a known customer"]),
    ("bad_crm_bad_date.csv", "milestones", ["row 2, column due: '2026-02-30' is not a valid calendar date"]),
    ("bad_crm_unmapped_stage.csv", "opportunities", ["row 2, column stage: 'negotiation' is not one of open, won"]),
    ("bad_crm_no_external_id.csv", "stakeholders", ["row 1, column external_id: required column is missing"]),
]

# file, kind, a query on the store after the import, its expected rows
READ = [
    (
        "good_cr_only.csv",
        "financials",
        "SELECT customer_id, revenue FROM financials WHERE month = '2021-04-01'",
        [("K000001", 100.5), ("K000002", 200.0)],
    ),
    (
        "good_crlf_blank_lines.csv",
        "financials",
        "SELECT customer_id, revenue FROM financials WHERE month = '2021-05-01'",
        [("K000001", 1.0), ("K000002", 2.0)],
    ),
    (
        "good_de_grouping.csv",
        "financials",
        "SELECT customer_id, revenue, operating_profit FROM financials WHERE month = '2021-06-01'",
        [("K000001", 1234.5, -1000.0), ("K000002", 1234.5, 2.25)],
    ),
    (
        "good_intl_grouping.csv",
        "financials",
        "SELECT customer_id, revenue, operating_profit FROM financials WHERE month = '2021-07-01'",
        [("K000001", 1234.56, 1500.0)],
    ),
    (
        "good_excel_empty_rows.csv",
        "financials",
        "SELECT customer_id, revenue FROM financials WHERE month = '2021-08-01'",
        [("K000001", 5.0)],
    ),
    (
        "good_xlsx_no_dimension.xlsx",
        "financials",
        "SELECT customer_id, revenue FROM financials WHERE month = '2021-09-01'",
        [("K000001", 7.25)],
    ),
    (
        "good_utf16_tabs.csv",
        "customers",
        "SELECT customer_id, name FROM customers WHERE customer_id LIKE 'RT-G%'",
        [("RT-G01", "Müller & Söhne")],
    ),
    (
        "good_utf16le_no_bom.csv",
        "customers",
        "SELECT customer_id, name FROM customers WHERE customer_id LIKE 'RT-G%'",
        [("RT-G02", "Łódź Sp. z o.o.")],
    ),
    (
        "good_quoted_newline.csv",
        "customers",
        "SELECT customer_id, name FROM customers WHERE customer_id LIKE 'RT-G%'",
        [("RT-G03", "Acme\nHoldings")],
    ),
]


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str


def cli(db: Path, *args: str) -> Run:
    """``python -m skam_core --db DB ARGS`` in this process (a process per case would take minutes); an
    exception escaping it fails the test, as a traceback would be shown to the user."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(["--db", str(db), *args])
        except SystemExit as exc:  # argparse refusing an option
            code = int(exc.code or 0)
    return Run(code, out.getvalue(), err.getvalue())


def cli_process(db: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "skam_core", "--db", str(db), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


def fingerprint(db: Path) -> dict[str, tuple[int, int]]:
    """Row count and an order-independent hash of every row, per table: equal means the store is unchanged."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = [r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() WHERE NOT temporary").fetchall()]
        return {t: tuple(con.execute(f'SELECT count(*), bit_xor(hash("{t}")) FROM "{t}"').fetchone()) for t in tables}
    finally:
        con.close()


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """A store with two customers (K000001, K000002) and their financials of 2021-02."""
    root = tmp_path_factory.mktemp("corpus")
    db = root / "store.duckdb"
    (root / "c.csv").write_text("customer_id,name\nK000001,Eins GmbH\nK000002,Zwei AG\n")
    (root / "f.csv").write_text("customer_id,month,revenue,operating_profit\nK000001,2021-02,10,1\n")
    for kind, f in (("customers", "c.csv"), ("financials", "f.csv")):
        out = cli(db, "import", kind, str(root / f))
        assert out.returncode == 0, out.stderr
    return db


@pytest.fixture
def db(template: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "store.duckdb"
    shutil.copy(template, copy)
    return copy


def test_every_file_of_the_corpus_is_listed_here():
    listed = {f for f, *_ in REFUSED} | {f for f, *_ in READ} | {"good_header_only.csv"}
    assert {p.name for p in CORPUS.iterdir() if p.name.startswith(("bad_", "good_"))} == listed


@pytest.mark.parametrize(("name", "kind", "expected"), REFUSED, ids=[r[0] for r in REFUSED])
def test_a_bad_file_is_refused_by_row_and_column_and_the_store_is_unchanged(db, name, kind, expected):
    before = fingerprint(db)
    out = cli(db, "import", kind, str(CORPUS / name))
    assert out.returncode == 1, out.stdout + out.stderr
    assert "Traceback" not in out.stderr
    lines = out.stderr.splitlines()
    for want in expected:
        assert any(line.startswith(want) for line in lines), (want, out.stderr)
    problems = [line for line in lines if line.startswith("row ")]
    assert problems and all(", column " in line for line in problems)
    assert "nothing was imported" in lines[-1]
    assert fingerprint(db) == before


@pytest.mark.parametrize(("name", "kind", "query", "rows"), READ, ids=[r[0] for r in READ])
def test_an_unusual_but_valid_file_is_read_to_the_values_written_in_it(db, name, kind, query, rows):
    out = cli(db, "import", kind, str(CORPUS / name))
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr and "imported" in out.stdout
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert sorted(con.execute(query + " AND valid_to IS NULL").fetchall()) == rows
    finally:
        con.close()


def test_a_header_only_file_writes_nothing_and_does_not_claim_a_dry_run(db):
    before = fingerprint(db)
    out = cli(db, "import", "financials", str(CORPUS / "good_header_only.csv"))
    assert out.returncode == 0
    assert "dry run" not in out.stdout and "no data rows, nothing written" in out.stdout
    assert fingerprint(db) == before


@pytest.mark.parametrize("wait", ["nan", "inf", "-1", "-inf"])
def test_the_wait_option_refuses_what_is_not_a_number_of_seconds(db, wait):
    out = cli(db, "import", "financials", str(CORPUS / "good_cr_only.csv"), f"--wait={wait}")
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert "--wait" in out.stderr and "seconds" in out.stderr


@pytest.mark.parametrize(
    ("name", "kind"), [("bad_cr_only_then_error.csv", "financials"), ("bad_month_0000.csv", "financials")]
)
def test_a_refused_file_shows_no_traceback_from_the_real_command(db, name, kind):
    out = cli_process(db, "import", kind, str(CORPUS / name))
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert out.stderr.strip().splitlines()[-1] == "1 problem(s); nothing was imported."


def _sheet_of_many_rows(path: Path, header: str, rows: int) -> None:
    """An XLSX of ``rows`` one-cell rows, written as XML directly (openpyxl would take a minute)."""
    body = "".join(f'<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>' for r in range(2, rows + 2))
    sheet = (
        '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
        f'2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>{header}</t></is></c></row>{body}'
        "</sheetData></worksheet>"
    )
    ns = "http://schemas.openxmlformats.org"
    parts = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="' + ns + '/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="' + ns + '/package/2006/relationships">'
        '<Relationship Id="rId1" Type="' + ns + '/officeDocument/2006/relationships/officeDocument" '
        'Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": '<?xml version="1.0"?><workbook xmlns="'
        + ns
        + '/spreadsheetml/2006/main" xmlns:r="'
        + ns
        + '/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets>'
        "</workbook>",
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0"?><Relationships xmlns="' + ns + "/package/2006/"
        'relationships"><Relationship Id="rId1" Type="' + ns + '/officeDocument/2006/relationships/worksheet" '
        'Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": sheet,
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(name, text)
    path.write_bytes(buf.getvalue())


def test_an_xlsx_header_is_checked_before_its_million_rows_are_read(db, tmp_path):
    big = tmp_path / "big.xlsx"
    _sheet_of_many_rows(big, "customer_id", 1_200_000)
    assert big.stat().st_size < 20_000_000
    started = time.monotonic()
    out = cli_process(db, "import", "financials", str(big))
    assert out.returncode == 1
    assert "row 1, column month: required column is missing" in out.stderr.splitlines()
    assert time.monotonic() - started < 20  # the CLI's start-up; the 1.2 M rows are never read
