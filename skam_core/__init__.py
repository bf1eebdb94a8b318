"""SKAM core: domain rules, storage, analytics, import/export and CLI.

Everything in this package except ``skam_core.ui`` is free of Streamlit, so the CLI, the benchmark and the
tests use exactly the code the dashboard uses.
"""

__version__ = "0.1.0"
