"""Files in and out: CSV/XLSX imports with validation, and (later) exports."""
