"""Analyses as pure functions over DataFrames (plus thin loaders that fetch their inputs from the store)."""
