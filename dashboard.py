"""SKAM dashboard entrypoint: ``streamlit run dashboard.py``.

Builds the navigation over pages/ (URL paths as in DESIGN.md) and runs the selected page. Each page sets
itself up and guards itself (skam_core.ui.kit.page.setup_page), so this file only decides which pages exist for
the current user.
"""

import streamlit as st

from skam_core.i18n import translate
from skam_core.storage.db import StoreError
from skam_core.ui.kit.auth import current_user, identify
from skam_core.ui.kit.nav import build_navigation
from skam_core.ui.kit.state import early_lang, presentation_requested
from skam_core.ui.kit.store import open_store

lang = early_lang()
try:
    store = open_store(lambda key, **kw: translate(key, lang, **kw))
except StoreError as exc:  # e.g. another process holds the file: say so plainly
    st.error(translate("store.unavailable", lang, detail=str(exc)))
    st.stop()
identity = identify()
user = current_user(store, identity)
navigation = st.navigation(
    build_navigation(lang, is_admin=bool(user and user.is_admin)),
    position="hidden" if presentation_requested() else "sidebar",
    expanded=True,  # all ten pages, no "View more"
)
navigation.run()
