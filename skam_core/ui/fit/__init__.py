"""Parts of the /fit page (step 2)."""
