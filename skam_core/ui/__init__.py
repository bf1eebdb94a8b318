"""The only Streamlit-aware part of skam_core: page set-up and guard, URL state, identity, caching, i18n,
widgets. ``kit/`` holds what the pages share, one subpackage per page holds that page's parts; the cached
loaders sit here. Pages import from here and from the core; the core never imports from here."""
