"""House rules that keep the layers apart."""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORE = [
    "skam_core",
    "skam_core.domain",
    "skam_core.storage",
    "skam_core.analytics",
    "skam_core.io",
    "skam_core.services",
    "skam_core.demo",
    "skam_core.charts",
    "skam_core.i18n",
    "skam_core.cli",
]


def test_core_outside_ui_does_not_load_streamlit():
    mods = sorted(
        {
            p.relative_to(ROOT).with_suffix("").as_posix().replace("/", ".")
            for p in (ROOT / "skam_core").rglob("*.py")
            if "/ui/" not in p.as_posix()
        }
    )
    mods = [m.removesuffix(".__init__") for m in mods if not m.endswith("__main__")]
    code = (
        "import importlib, sys\n"
        f"for m in {mods!r}: importlib.import_module(m)\n"
        "assert 'streamlit' not in sys.modules, [m for m in sys.modules if m.startswith('streamlit')]\n"
        "print(len(sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr


SQL = re.compile(r"""["'](?:\s*)(SELECT|INSERT INTO|UPDATE|DELETE FROM|CREATE TABLE)\b""")


def test_sql_lives_in_storage_only():
    offenders = []
    for p in list((ROOT / "skam_core").rglob("*.py")) + list((ROOT / "pages").rglob("*.py")):
        rel = p.relative_to(ROOT).as_posix()
        if rel.startswith("skam_core/storage/"):
            continue
        if SQL.search(p.read_text(encoding="utf-8")):
            offenders.append(rel)
    assert not offenders


def test_storage_never_formats_values_into_sql():
    # Identifiers may come from the fixed registries; values always go through ? parameters.
    for p in (ROOT / "skam_core" / "storage").rglob("*.py"):
        text = p.read_text(encoding="utf-8")
        assert ".format(" not in text, p
        assert not re.search(r"""["']\s*%\s*[(\w]""", text), p  # "..." % values


def test_pages_have_no_sql_and_start_with_the_guard():
    for p in (ROOT / "pages").glob("*.py"):
        text = p.read_text(encoding="utf-8")
        assert "duckdb" not in text, p
        assert "setup_page(" in text, p
        # the guard runs before anything is drawn: no st.* call before setup_page
        head = text.split("setup_page(")[0]
        assert not re.search(r"\bst\.(?!set_page_config)\w+\(", head), p


def test_no_unsafe_html_anywhere():
    for p in list((ROOT / "skam_core").rglob("*.py")) + list((ROOT / "pages").rglob("*.py")):
        assert "unsafe_allow_html" not in p.read_text(encoding="utf-8"), p
