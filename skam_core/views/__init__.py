"""The read side: one module per page, the only code that reads the store for the UI (and the CLI's reports).

Every view is ``view(store, asof, *args)``: ``asof`` (domain.asof.AsOf) is required, so a view can never
silently show today's data inside a meeting snapshot. Views call ``storage.queries`` for the rows and the pure
functions of ``analytics`` for the rules; they return small results that the UI may cache (ui.cache.read).
"""
