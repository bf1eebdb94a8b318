"""Parts of the /value page (step 3)."""
