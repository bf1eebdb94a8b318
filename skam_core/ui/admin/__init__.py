"""Parts of the /admin page."""
