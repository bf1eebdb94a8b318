"""Parts of the /implementation page (step 5): milestones and KPI progress."""
