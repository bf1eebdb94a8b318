"""The sidebar's pickers are read once per data version: a write shows in them at the next run, never a cached
list from before it (the UI bumps the data version after every write, as kit.editing.run_write does)."""

import pytest

from skam_core.services.items import save_item
from skam_core.storage.db import Store
from skam_core.ui import cache
from tests.app.conftest import assert_clean, run_app
from tests.conftest import ADMIN

pytestmark = pytest.mark.usefixtures("app_env")


def _account_picker(at):
    if not at.session_state["_w_account_box"]:  # the list waits in a box: open it, as the user would
        at.session_state["_w_account_box"] = True
        at.run()
    return next(s for s in at.sidebar.selectbox if s.label == "Key account")


def test_a_customer_made_a_key_account_appears_in_the_account_picker_at_once(app_env):
    store = Store(app_env)
    outsider, name = store.query(
        "SELECT customer_id, name FROM customers c WHERE valid_to IS NULL AND skam_stage = 'none'"
        " AND NOT EXISTS (SELECT 1 FROM fit_scores f WHERE f.customer_id = c.customer_id) ORDER BY 1 LIMIT 1"
    ).rows[0]
    at = run_app("pages/admin.py", params={"lang": "en"})
    assert name not in _account_picker(at).options
    save_item(store, ADMIN, "customers", {"customer_id": outsider, "skam_stage": "candidate"})
    cache.bump_data_version()
    at.run()
    assert_clean(at)
    picker = _account_picker(at)
    assert name in picker.options  # shown by name
    at.sidebar.selectbox[0].set_value(outsider).run()
    assert at.sidebar.caption and any("Candidate" in c.value for c in at.sidebar.caption)


def test_a_new_user_appears_in_the_preview_picker_at_once(app_env):
    store = Store(app_env)
    at = run_app("pages/admin.py", params={"lang": "en"})
    assert not [s for s in at.sidebar.selectbox if s.label == "View as"]  # in a closed box: not built
    at.session_state["_w_act_as_box"] = True  # what opening "View as: myself (admin)" reports
    at.run()
    preview = next(s for s in at.sidebar.selectbox if s.label == "View as")
    assert not any("Neue Nutzerin" in o for o in preview.options)
    save_item(store, ADMIN, "users", {"user_id": "neu@example.com", "display_name": "Neue Nutzerin", "role": "viewer"})
    cache.bump_data_version()
    at.run()
    assert_clean(at)
    preview = next(s for s in at.sidebar.selectbox if s.label == "View as")
    assert "Neue Nutzerin (Viewer)" in preview.options
