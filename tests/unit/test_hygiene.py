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
    "skam_core.views",
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
        # "..." % values; the literal "%s" (psycopg's placeholder, storage/dialect.py) is no formatting
        assert not re.search(r"""["']\s*%\s*[(\w](?!["'])""", text), p


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


def _functions(package: str):
    import importlib
    import inspect
    import pkgutil

    pkg = importlib.import_module(package)
    for info in pkgutil.iter_modules(pkg.__path__, package + "."):
        module = importlib.import_module(info.name)
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if fn.__module__ == module.__name__ and not name.startswith("_"):
                yield f"{info.name}.{name}", inspect.signature(fn)


def test_every_query_and_view_takes_the_time_it_shows_required():
    # A read that forgot the as-of day would silently show today's data inside a meeting snapshot.
    takes_asof, defaulted, old_name = [], [], []
    for package in ("skam_core.storage.queries", "skam_core.views"):
        for name, sig in _functions(package):
            params = sig.parameters
            if "as_of" in params:
                old_name.append(name)
            if "asof" in params:
                takes_asof.append(name)
                if params["asof"].default is not params["asof"].empty:
                    defaulted.append(name)
    assert not defaulted, defaulted
    assert not old_name, old_name
    assert len(takes_asof) > 60


# Reads that are about who signs in now (identity, not data): they take no as-of day by design.
IDENTITY_READS = {"skam_core.views.users.user_record", "skam_core.views.users.managed_accounts"}


def test_every_view_is_called_with_store_then_asof():
    for name, sig in _functions("skam_core.views"):
        if name in IDENTITY_READS:
            continue
        assert list(sig.parameters)[:2] == ["store", "asof"], name


def test_ui_and_pages_open_no_cursor_and_no_storage_below_the_store():
    offenders = []
    for p in list((ROOT / "skam_core" / "ui").rglob("*.py")) + list((ROOT / "pages").glob("*.py")):
        text = p.read_text(encoding="utf-8")
        if ".cursor(" in text or re.search(r"skam_core\.storage\.(?!db\b)", text):
            offenders.append(p.relative_to(ROOT).as_posix())
    assert not offenders


def test_analytics_is_pure():
    for p in (ROOT / "skam_core" / "analytics").rglob("*.py"):
        text = p.read_text(encoding="utf-8")
        assert "skam_core.storage" not in text and "import duckdb" not in text, p


# DuckDB-only SQL that PostgreSQL refuses: write the portable form (docs/architecture.md, "Two engines"), or
# name the difference in storage/dialect.py.
_DUCKDB_ONLY = re.compile(
    r"list_contains\(|\bSEMI JOIN\b|\bANTI JOIN\b|\bQUALIFY\b|GROUP BY ALL|(?<![.\w])arg_max\(|\bdatediff\(|"
    r"INTERVAL \d|CREATE OR REPLACE TEMP|INSERT OR REPLACE|quantile_cont\(",  # keywords as the SQL here writes them
)


def test_storage_sql_is_portable_outside_the_dialect_module():
    for p in (ROOT / "skam_core" / "storage").rglob("*.py"):
        if p.name == "dialect.py":
            continue
        found = _DUCKDB_ONLY.findall(p.read_text(encoding="utf-8"))
        assert not found, f"{p.relative_to(ROOT)}: {found}"
