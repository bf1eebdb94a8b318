"""Writes the files of this corpus (run it to recreate them; tests/integration/test_bad_inputs.py reads them).

Each file is one case of a file an import must refuse (``bad_*``) or read correctly (``good_*``); what is
expected of each is listed in the test. The files are kept in the repository so that they stay the same bytes
whichever Python or library version writes them; this script documents how they were made.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

HERE = Path(__file__).parent
FIN = "customer_id,month,revenue,operating_profit"
FIN_DE = "customer_id;month;revenue;operating_profit"
KPI = "customer_id,kpi,period,value"

TEXT = {
    # numbers whose separators do not fit the dialect
    "bad_de_dot_decimal.csv": f"{FIN_DE}\nK000001;2021-02;91.5;1.5\n",
    "bad_de_us_grouping.csv": f"{FIN_DE}\nK000001;2021-02;1,234.56;1\n",
    "bad_de_two_dots.csv": f"{FIN_DE}\nK000001;2021-02;1.2.3,4;1\n",
    "bad_de_short_group.csv": f"{FIN_DE}\nK000001;2021-02;1.23,4;1\n",
    "bad_intl_spaced_digits.csv": f"{FIN}\nK000001,2021-02,1 2 3,1\n",
    "bad_intl_german_number.csv": f'{FIN}\nK000001,2021-02,"1.234,5",1\n',
    "bad_intl_bad_grouping.csv": f'{FIN}\nK000001,2021-02,"12,34",1\n',
    "bad_revenue_inf.csv": f"{FIN}\nK000001,2021-02,inf,1\n",
    "bad_revenue_nan.csv": f"{FIN}\nK000001,2021-02,1,NaN\n",
    "bad_revenue_huge.csv": f"{FIN}\nK000001,2021-02,1.7e308,1\n",
    "bad_profit_beyond_1e15.csv": f"{FIN}\nK000001,2021-02,1,-2e15\n",
    "bad_kpi_value_huge.csv": f"{KPI}\nK000001,Any KPI,2021-02,1e300\n",
    # the shape of the file
    "bad_ragged_customers.csv": "customer_id,name\nRT-C21,Acme,extra,more\n",
    "bad_ragged_financials.csv": f"{FIN}\nK000001,2021-02,1,2\nK000001,2021-03,1,2,3\n",
    "bad_dup_header_customers.csv": "customer_id,name,name\nRT-C22,Acme,Other\n",
    "bad_dup_header_financials.csv": "customer_id,month,revenue,revenue,operating_profit\nK000001,2021-02,1,2,3\n",
    "bad_dup_header_case.csv": "customer_id,Name,name \nRT-C23,Acme,Other\n",
    "bad_missing_column.csv": "customer_id,month,revenue\nK000001,2021-02,1\n",
    "bad_ambiguous_delimiter.csv": "customer_id;month,revenue\nK000001;2021-02,1\n",
    "bad_empty.csv": "",
    "bad_blank_then_error.csv": "customer_id,name\nRT-C24,Acme\n\n\nRT-C25,\n",
    "bad_blank_then_error_de.csv": f"{FIN_DE}\nK000001;2021-02;1;1\n;;;\n\nK000001;2021-03;x;1\n",
    "bad_quoted_newline_then_error.csv": 'customer_id,name\nRT-C26,"Acme\nGroup"\nRT-C27,\n',
    "bad_short_row.csv": f"{FIN}\nK000001,2021-02\n",
    # ranges
    "bad_month_0000.csv": f"{FIN}\nK000001,0000-01,1,1\n",
    "bad_month_0001.csv": f"{FIN}\nK000001,0001-01,1,1\n",
    "bad_month_9999.csv": f"{FIN}\nK000001,9999-12,1,1\n",
    "bad_month_13.csv": f"{FIN}\nK000001,2021-13,1,1\n",
    "bad_kpi_period_0000.csv": f"{KPI}\nK000001,Any KPI,0000-01,1\n",
    "bad_skam_start_9999.csv": "customer_id,name,skam_start\nRT-C28,Acme,9999-12-31\n",
    "bad_skam_start_0001.csv": "customer_id,name,skam_start\nRT-C29,Acme,0001-01-01\n",
    # the file as a whole
    "bad_not_a_table.pdf": "%PDF-1.4\n",
}

BYTES = {
    "bad_cr_only_then_error.csv": f"{FIN}\rK000001,2021-02,1,1\rNOPE,2021-02,1,1\r".encode(),
    "bad_first_line_200kb.csv": ("customer_id," + "x" * 200_000 + "\nK000001\n").encode(),
    "bad_nul_bytes.csv": b"\x00" * 2_000_000,
    "bad_nul_in_row.csv": f"{FIN}\nK000001,2021-02,1,1\nK000001,2021-03,\x00,1\n".encode(),
    "bad_cell_40k.csv": ("customer_id,name\nRT-C30," + "N" * 40_000 + "\n").encode(),
    "bad_cell_200k.csv": ('customer_id,name\nRT-C31,"' + "N" * 200_000 + '"\n').encode(),
    "bad_utf16_broken.csv": "customer_id\tname\r\nRT-C32\tAcme\r\n".encode("utf-16") + b"\x00",
    "bad_binary.csv": bytes(range(128, 256)) * 10 + b"\x81\x8d",
    "bad_xlsx_named_csv.csv": b"PK\x03\x04" + b"\x00" * 20,
    "good_cr_only.csv": f"{FIN}\rK000001,2021-04,100.5,10\rK000002,2021-04,200,20\r".encode(),
    "good_crlf_blank_lines.csv": f"{FIN}\r\nK000001,2021-05,1,1\r\n\r\nK000002,2021-05,2,2\r\n\r\n".encode(),
    "good_utf16_tabs.csv": "customer_id\tname\r\nRT-G01\tMüller & Söhne\r\n".encode("utf-16"),
    "good_utf16le_no_bom.csv": "customer_id,name\nRT-G02,Łódź Sp. z o.o.\n".encode("utf-16-le"),
    "good_de_grouping.csv": f"{FIN_DE}\nK000001;2021-06;1.234,5;-1.000\nK000002;2021-06;1 234,5;2,25\n".encode(
        "cp1252"
    ),
    "good_intl_grouping.csv": f'{FIN}\nK000001,2021-07,"1,234.56",1.5e3\n'.encode(),
    "good_excel_empty_rows.csv": f"{FIN_DE}\nK000001;2021-08;5;1\n;;;\n;;;\n".encode("cp1252"),
    "good_header_only.csv": f"{FIN}\n".encode(),
    "good_quoted_newline.csv": 'customer_id,name\nRT-G03,"Acme\nHoldings"\n'.encode(),
}


def _xlsx(rows: list[list[object]], *, drop_dimension: bool = False) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for r in rows:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    if not drop_dimension:
        return buf.getvalue()
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                data = re.sub(rb"<dimension[^>]*/>", b"", data)
            dst.writestr(item, data)
    return out.getvalue()


XLSX = {
    "bad_xlsx_no_dimension_wide_row.xlsx": (
        [["customer_id", "month", "revenue", "operating_profit"], ["K000001", "2021-02", 1, 2, "surplus"]],
        True,
    ),
    "bad_xlsx_dup_header.xlsx": ([["customer_id", "name", "name"], ["RT-C33", "A", "B"]], False),
    "bad_xlsx_blank_then_error.xlsx": (
        [["customer_id", "name"], ["RT-C34", "A"], [None, None], ["RT-C35", None]],
        False,
    ),
    "bad_xlsx_month_0000.xlsx": (
        [["customer_id", "month", "revenue", "operating_profit"], ["K000001", "0000-01", 1, 1]],
        False,
    ),
    "bad_xlsx_huge_revenue.xlsx": (
        [["customer_id", "month", "revenue", "operating_profit"], ["K000001", "2021-02", 1.7e308, 1]],
        False,
    ),
    "good_xlsx_no_dimension.xlsx": (
        [["customer_id", "month", "revenue", "operating_profit"], ["K000001", "2021-09", 7.25, 1]],
        True,
    ),
}


def main() -> None:
    for name, text in TEXT.items():
        (HERE / name).write_bytes(text.encode("utf-8"))
    for name, raw in BYTES.items():
        (HERE / name).write_bytes(raw)
    for name, (rows, drop) in XLSX.items():
        (HERE / name).write_bytes(_xlsx(rows, drop_dimension=drop))


if __name__ == "__main__":
    main()
