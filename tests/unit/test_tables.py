"""Downloads neutralise cells Excel would run as formulas; numbers stay numbers."""

import csv
import io

import pandas as pd
import pytest
from openpyxl import load_workbook

from skam_core.io.tables import csv_bytes, neutralise, xlsx_bytes


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+49 171 000", "'+49 171 000"),
        ("-Rabatt", "'-Rabatt"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
        ('=HYPERLINK("https://attacker.example","Acme")', '\'=HYPERLINK("https://attacker.example","Acme")'),
        ("  =1+1", "'  =1+1"),
        ("\n@SUM(A1)", "'\n@SUM(A1)"),
        ("Müller GmbH", "Müller GmbH"),
        ("a=b", "a=b"),
        (-12.5, -12.5),
        (None, None),
    ],
)
def test_cells_that_excel_would_run_are_neutralised(cell, expected):
    assert neutralise(cell) == expected


def test_csv_download_neutralises_and_uses_the_german_dialect():
    df = pd.DataFrame({"Konto": ['=HYPERLINK("x")', "Beta"], "Marge": [0.125, -0.05]})
    rows = list(csv.reader(io.StringIO(csv_bytes(df, "de").decode("utf-8-sig")), delimiter=";"))
    assert rows == [["Konto", "Marge"], ['\'=HYPERLINK("x")', "0,125"], ["Beta", "-0,05"]]


def test_csv_download_in_english_uses_comma_and_point():
    rows = list(csv.reader(io.StringIO(csv_bytes(pd.DataFrame({"a": [1.5]}), "en").decode("utf-8-sig"))))
    assert rows == [["a"], ["1.5"]]


def test_xlsx_download_keeps_numbers_and_writes_text_as_text():
    df = pd.DataFrame({"name": ["=cmd|' /C calc'!A0", "ok"], "profit": [-10.5, 3.0]})
    wb = load_workbook(io.BytesIO(xlsx_bytes(df)))
    ws = wb.active
    assert ws["A2"].value == "'=cmd|' /C calc'!A0" and ws["A2"].data_type == "s"
    assert ws["B2"].value == -10.5
