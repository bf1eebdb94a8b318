"""No formula leaves the app unneutralised: the tables' built-in CSV download and copy are switched off (the
app's own buttons, which neutralise, are the way out), by the shipped config and by every page itself."""

from __future__ import annotations

import tomllib

import pytest
from streamlit import config

from tests.app.conftest import assert_clean, run_app
from tests.conftest import ROOT


def test_the_shipped_config_switches_off_the_tables_built_in_export():
    settings = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert settings["client"]["disableDataExport"] is True


@pytest.mark.parametrize("page", ["pages/portfolio.py", "pages/admin.py", "pages/kpis.py"])
def test_every_page_switches_off_the_built_in_export_even_with_another_config(app_env, page):
    config.set_option("client.disableDataExport", False)
    try:
        at = run_app(page)
        assert_clean(at)
        assert config.get_option("client.disableDataExport") is True
    finally:
        config.set_option("client.disableDataExport", True)
