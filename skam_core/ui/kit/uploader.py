"""The file uploader in the page's language.

Streamlit draws its uploader's own texts ("Upload", "50MB per file • CSV, XLSX") in English and offers no way to
change them. In the German UI a small stylesheet, scoped to this one widget by its key class, hides them and shows
the German texts in their place — the same button and drop zone, only the words differ.
"""

from __future__ import annotations

import re

import streamlit as st
from streamlit.runtime.uploaded_file_manager import UploadedFile

from skam_core.ui.kit.page import PageContext

_SAFE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def _css_text(text: str) -> str:
    """A catalog text as a CSS string literal (no data from users ever reaches here)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def german_css(key: str, button: str, limits: str) -> str:
    if not _SAFE_KEY.match(key):
        raise ValueError(f"uploader key {key!r} is not a plain CSS class name")
    scope = f".st-key-{key}"
    return f"""<style>
{scope} [data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p {{font-size: 0;}}
{scope} [data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p::after {{
  content: {_css_text(button)}; font-size: 0.875rem;
}}
{scope} [data-testid="stFileUploaderDropzoneInstructions"] span {{font-size: 0;}}
{scope} [data-testid="stFileUploaderDropzoneInstructions"] span::after {{
  content: {_css_text(limits)}; font-size: 0.875rem;
}}
</style>"""


def file_uploader(
    ctx: PageContext, label: str, *, types: list[str], key: str, help: str, max_mb: int
) -> UploadedFile | None:
    upload = st.file_uploader(label, type=types, key=key, help=help)
    if ctx.lang == "de":
        limits = ctx.t("uploader.limits", mb=max_mb, types=", ".join(t.upper() for t in types))
        st.html(german_css(key, ctx.t("uploader.button"), limits))
    return upload
