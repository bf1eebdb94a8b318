"""Parts of the /kpis page (KPI entry)."""
