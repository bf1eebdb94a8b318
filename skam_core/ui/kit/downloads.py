"""Download buttons for every table: CSV (in the user's Excel dialect) and XLSX, formula-safe."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pandas as pd
import streamlit as st

from skam_core.io.tables import csv_bytes, xlsx_bytes

if TYPE_CHECKING:
    from skam_core.ui.kit.page import PageContext


def switch_off_built_in_export() -> None:
    """Hide the CSV download (and the clipboard copy) of every st.dataframe and chart table: they write cells
    as they are, so a name like ``=HYPERLINK(...)`` would open as a live formula. ``.streamlit/config.toml``
    says the same (it reaches the browser with a session's first run); setting it here keeps it off when the
    app runs with another config. The buttons of :func:`table_downloads` are the way to take a table away."""
    if not st.get_option("client.disableDataExport"):
        st.set_option("client.disableDataExport", True)


def _file_stem(name: str, ctx: PageContext) -> str:
    stem = re.sub(r"[^A-Za-z0-9_-]+", "_", name).strip("_") or "table"
    return f"{stem}_{ctx.asof.day.isoformat()}"


def table_downloads(ctx: PageContext, df: pd.DataFrame, name: str, *, key: str) -> None:
    """Two small buttons under a table. ``df`` holds raw values (numbers as numbers), with readable headers.

    The files are written when a button is clicked (Streamlit runs the callable then, on a thread of its own),
    not on every run of the page: most runs download nothing (issue 15: ~6 % of the server's time went into
    files nobody took). A click downloads without running the page again (on_click="ignore")."""
    if df.empty:
        return
    stem = _file_stem(name, ctx)
    lang = ctx.lang

    def csv_file() -> bytes:
        return csv_bytes(df, lang)

    def xlsx_file() -> bytes:
        return xlsx_bytes(df)

    # A wrapping row of content-wide buttons: fixed column shares cut the labels in narrow page columns.
    row = st.container(horizontal=True, gap="small")
    row.download_button(
        ctx.t("download.csv"),
        csv_file,
        file_name=f"{stem}.csv",
        mime="text/csv",
        key=f"{key}.csv",
        icon=":material/download:",
        on_click="ignore",
        width="content",
    )
    row.download_button(
        ctx.t("download.xlsx"),
        xlsx_file,
        file_name=f"{stem}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"{key}.xlsx",
        icon=":material/table_view:",
        on_click="ignore",
        width="content",
    )
