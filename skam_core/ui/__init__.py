"""The only Streamlit-aware part of skam_core: page set-up and guard, URL state, identity, caching, i18n,
widgets. Pages import from here and from the core; the core never imports from here."""
