"""Read queries, one module per area: each returns DataFrames (or small values) for a given as-of date."""
