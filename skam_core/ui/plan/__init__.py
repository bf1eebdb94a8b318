"""Parts of the /plan page (step 4), and what the plan, implementation and KPI pages share (common, items)."""
