"""Parts of the /strategy page (step 1), and what the pages of steps 1-3 share (common)."""
