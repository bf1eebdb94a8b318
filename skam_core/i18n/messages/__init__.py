"""Message catalogs, one module per area."""
