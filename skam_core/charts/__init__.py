"""Plotly figure builders: DataFrame in, Figure out, testable without a server. One module per area, a shared
theme so that the same colour means the same thing on every page."""
