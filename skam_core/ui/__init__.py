"""The only Streamlit-aware part of skam_core: page set-up and guard, URL state, identity, caching, i18n,
widgets. ``kit/`` holds what the pages share, one subpackage per page holds that page's parts; ``cache.py``
wraps the views (skam_core.views) for the pages. Pages import from here and from the core; the core never
imports from here."""
